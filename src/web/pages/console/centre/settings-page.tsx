// The centre's booking rules: how far ahead lawyers book, the notice and cancellation deadline, no-show
// strikes and suspension, the hold on a place, and the weekly cap per client.
import { App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  useCentreSettings,
  useUpdateCentreSettings,
  type FacilitySettings,
} from '../../../server-api/booking.js';
import { CentrePage } from './centre-page.js';

type Field = keyof FacilitySettings;

const FIELDS: {
  name: Field;
  min: number;
  max: number;
  help?: 'bookingWindowHelp' | 'cancellationHelp' | 'capHelp';
}[] = [
  { name: 'bookingWindowWorkingDays', min: 1, max: 30, help: 'bookingWindowHelp' },
  { name: 'minNoticeHours', min: 0, max: 168 },
  { name: 'cancellationDeadlineHours', min: 0, max: 168, help: 'cancellationHelp' },
  { name: 'strikeThreshold', min: 1, max: 20 },
  { name: 'strikeWindowDays', min: 1, max: 365 },
  { name: 'suspensionDays', min: 1, max: 365 },
  { name: 'holdMinutes', min: 1, max: 60 },
  { name: 'maxBookingsPerDetaineePerWeek', min: 1, max: 50, help: 'capHelp' },
];

export function CentreSettingsPage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('centre.settings.title')} intro={t('centre.settings.intro')}>
      {(unitId) => <SettingsForm unitId={unitId} />}
    </CentrePage>
  );
}

function SettingsForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const settings = useCentreSettings(unitId);
  const save = useUpdateCentreSettings(unitId);
  const [form] = Form.useForm<FacilitySettings>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const onFinish = (values: FacilitySettings) =>
    save.mutate(
      { ...values, maxBookingsPerDetaineePerWeek: values.maxBookingsPerDetaineePerWeek ?? null },
      {
        onSuccess: () => void message.success(t('centre.settings.saved')),
        onError: (error) =>
          showFieldErrors(
            form,
            error,
            language,
            FIELDS.map((f) => f.name),
          ),
      },
    );

  if (settings.isPending) return <Skeleton active />;
  return (
    <Card>
      <ProblemAlert error={settings.error ?? save.error} />
      <Form form={form} name="centre-settings" layout="vertical" requiredMark={false} onFinish={onFinish}>
        {FIELDS.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(`centre.settings.${field.name}`)}
            extra={field.help ? t(`centre.settings.${field.help}`) : undefined}
            rules={[
              {
                required: field.name !== 'maxBookingsPerDetaineePerWeek',
                type: 'integer',
                min: field.min,
                max: field.max,
              },
            ]}
          >
            <InputNumber
              min={field.min}
              max={field.max}
              precision={0}
              style={{ width: 160 }}
              data-testid={`setting-${field.name}`}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('centre.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
