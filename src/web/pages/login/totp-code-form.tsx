// The 6-digit code field and its button, shared by enrolment and verification. A wrong code is shown
// on the field; anything else (lock-out, network) above it.
import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { totpCodeSchema, type SessionView } from '../../../modules/identity/schemas.js';
import { isApiProblem } from '../../server-api/problem.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useProblemText } from '../../components/use-problem-text.js';
import { zodRule } from '../../components/zod-rule.js';
import { useContinueSignIn } from '../../routing/use-continue-sign-in.js';
import { LockedUntil } from './locked-until.js';

const TOTP_INVALID = 'auth.totp_invalid';

interface Props {
  submitLabel: string;
  mutation: UseMutationResult<SessionView, Error, string>;
}

export function TotpCodeForm({ submitLabel, mutation }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const continueSignIn = useContinueSignIn();
  const [form] = Form.useForm<{ code: string }>();

  const onFinish = ({ code }: { code: string }) => {
    mutation.mutate(code.trim(), {
      onSuccess: continueSignIn,
      onError: (error) => {
        const errors = isApiProblem(error, TOTP_INVALID) ? [problemText(error)] : [];
        form.setFields([{ name: 'code', value: '', errors }]);
      },
    });
  };

  const error = mutation.error;
  return (
    <>
      {error && !isApiProblem(error, TOTP_INVALID) ? (
        <ProblemAlert error={error}>
          <LockedUntil error={error} />
        </ProblemAlert>
      ) : null}
      <Form form={form} name="totp" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          label={t('totp.code')}
          name="code"
          rules={[
            { required: true, message: t('totp.codeInvalid') },
            zodRule(totpCodeSchema.shape.code, t('totp.codeInvalid')),
          ]}
        >
          <Input
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            size="large"
            className="custos-secret"
            autoFocus
            data-testid="totp-code"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={mutation.isPending}
          data-testid="totp-submit"
        >
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
