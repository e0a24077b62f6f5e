// The mobile number and its SMS code: "send code" checks the number, asks the server, and counts down to
// when another may be sent (the server's throttle decides; the countdown only shows it).
import { App, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mobileSchema } from '../../../modules/lawyers/mobile-number.js';
import { showFieldErrors } from '../../components/form-errors.js';
import { useProblemText } from '../../components/use-problem-text.js';
import { useLanguage } from '../../i18n/use-language.js';
import { isApiProblem } from '../../server-api/problem.js';
import { useSendCode } from '../../server-api/lawyers.js';
import { schemaRule } from './field-rules.js';

function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

export function MobileCodeFields() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const form = Form.useFormInstance();
  const send = useSendCode();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const seconds = useSecondsUntil(resendAt);

  const onSend = async () => {
    try {
      await form.validateFields(['mobile']);
    } catch {
      return;
    }
    const mobile = String(form.getFieldValue('mobile'));
    send.mutate(
      { mobile, locale: language },
      {
        onSuccess: (sent) => {
          setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
          void message.success(t('register.codeSent'));
        },
        onError: (error) => {
          if (isApiProblem(error, 'lawyer.code_throttled')) {
            const wait = Number(error.problem.data?.retryAfterSeconds ?? 60);
            setResendAt(Date.now() + wait * 1000);
          }
          const unplaced = showFieldErrors(form, error, language, ['mobile']);
          if (unplaced.length > 0 || !isApiProblem(error, 'http.validation')) {
            void message.error(problemText(error));
          }
        },
      },
    );
  };

  return (
    <>
      <Form.Item
        label={t('register.mobile')}
        name="mobile"
        extra={t('register.mobileHelp')}
        rules={[
          { required: true, message: t('register.mobileRequired') },
          schemaRule(mobileSchema, language),
        ]}
      >
        <Input inputMode="tel" autoComplete="tel-national" data-testid="register-mobile" />
      </Form.Item>
      <Form.Item label={t('register.code')} required>
        <div className="custos-code-row">
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('register.codeRequired') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              aria-label={t('register.code')}
              data-testid="register-code"
            />
          </Form.Item>
          <Button
            onClick={() => void onSend()}
            loading={send.isPending}
            disabled={seconds > 0}
            data-testid="register-send-code"
          >
            {seconds > 0 ? t('register.resendIn', { seconds }) : t('register.sendCode')}
          </Button>
        </div>
      </Form.Item>
    </>
  );
}
