// Step 6: a second lawyer for the meeting, if any (a meeting has one or two lawyers).
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useLanguage } from '../../../i18n/use-language.js';
import { problemFromState } from './client-step.js';
import { StepGuard, useContinue, useJourney } from './journey-context.js';
import { StepFrame } from './step-frame.js';

export function CoCounselStep() {
  return (
    <StepGuard step="coCounsel">
      <CoCounsel />
    </StepGuard>
  );
}

function CoCounsel() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const location = useLocation();
  const { answers, update } = useJourney();
  const next = useContinue('coCounsel');
  const [form] = Form.useForm<{ username?: string }>();
  const problem = problemFromState(location.state);

  const onFinish = ({ username }: { username?: string }) => {
    const value = username?.trim().toLowerCase();
    next(update({ coCounselUsername: value ? value : null }));
  };

  return (
    <StepFrame step="coCounsel" title={t('journey.coCounsel.title')} intro={t('journey.coCounsel.intro')}>
      {problem ? (
        <Alert type="error" showIcon title={problem.message[language]} data-testid="co-counsel-problem" />
      ) : null}
      <Form
        form={form}
        name="booking-co-counsel"
        layout="vertical"
        requiredMark={false}
        initialValues={{ username: answers.coCounselUsername ?? '' }}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('journey.coCounsel.username')}
          name="username"
          extra={t('journey.coCounsel.help')}
          rules={[{ max: 64 }]}
        >
          <Input
            size="large"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-testid="co-counsel-username"
          />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" data-testid="journey-continue">
          {t('journey.continue')}
        </Button>
      </Form>
    </StepFrame>
  );
}
