// Step 4: the client, by name and ID number as the centre has them. The server checks both together when
// the booking is confirmed; if it finds nobody, its message comes back here word for word.
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { idNoSchema } from '../../../../modules/lawyers/id-number.js';
import type { Problem } from '../../../../platform/http/problem.js';
import { zodRule } from '../../../components/zod-rule.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { StepGuard, useContinue, useJourney } from './journey-context.js';
import { StepFrame } from './step-frame.js';

interface ClientForm {
  name: string;
  idNo: string;
}

/** A refusal handed back from the check step, shown on the step that can fix it. */
export function problemFromState(state: unknown): Problem | undefined {
  return (state as { problem?: Problem } | null)?.problem;
}

export function ClientStep() {
  return (
    <StepGuard step="client">
      <ClientDetails />
    </StepGuard>
  );
}

function ClientDetails() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const location = useLocation();
  const { answers, update } = useJourney();
  const next = useContinue('client');
  const [form] = Form.useForm<ClientForm>();
  const problem = problemFromState(location.state);

  const onFinish = (values: ClientForm) => {
    next(update({ client: { name: values.name.trim(), idNo: values.idNo.trim().toUpperCase() } }));
  };

  return (
    <StepFrame step="client" title={t('journey.client.title')} intro={t('journey.client.intro')}>
      {problem ? (
        <Alert type="error" showIcon title={problem.message[language]} data-testid="client-problem" />
      ) : null}
      <Form
        form={form}
        name="booking-client"
        layout="vertical"
        requiredMark={false}
        initialValues={answers.client}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('journey.client.name')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 50, message: t('journey.client.nameRequired') }]}
        >
          <Input size="large" autoComplete="off" data-testid="client-name" />
        </Form.Item>
        <Form.Item
          label={t('journey.client.idNo')}
          name="idNo"
          extra={t('journey.client.idNoHelp')}
          rules={[
            { required: true, whitespace: true, message: t('journey.client.idNoInvalid') },
            zodRule(idNoSchema, t('journey.client.idNoInvalid')),
          ]}
        >
          <Input
            size="large"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            maxLength={18}
            data-testid="client-id-no"
          />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" data-testid="journey-continue">
          {t('journey.continue')}
        </Button>
      </Form>
    </StepFrame>
  );
}
