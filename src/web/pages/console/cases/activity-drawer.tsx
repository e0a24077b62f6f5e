// Registering an activity: its kind (the mandatory kinds are always recorded), place, planned and actual
// times in Beijing time, and who took part.
import { App, Button, Checkbox, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, isRecordingMandatory, type ActivityKind } from '../../../../modules/cases/kinds.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useAddActivity, type CaseView } from '../../../server-api/cases.js';
import { fromBeijingInput, nowAsBeijingInput } from './beijing-input.js';

interface Values {
  kind: ActivityKind;
  place: string;
  plannedStartAt: string;
  plannedEndAt: string;
  actualStartAt?: string;
  actualEndAt?: string;
  recordingRequired?: boolean;
  officerIds?: string[];
  personIds?: string[];
}

export function ActivityDrawer({
  view,
  open,
  onClose,
}: {
  view: CaseView;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const add = useAddActivity(view.id);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'room_interrogation';
  const mandatory = isRecordingMandatory(kind);
  const now = nowAsBeijingInput();
  const inTwoHours = nowAsBeijingInput(Date.now() + 2 * 3_600_000);

  const onFinish = (values: Values) =>
    add.mutate(
      {
        kind: values.kind,
        place: values.place.trim(),
        recordingRequired: mandatory || values.recordingRequired === true,
        plannedStartAt: fromBeijingInput(values.plannedStartAt),
        plannedEndAt: fromBeijingInput(values.plannedEndAt),
        ...(values.actualStartAt ? { actualStartAt: fromBeijingInput(values.actualStartAt) } : {}),
        ...(values.actualEndAt ? { actualEndAt: fromBeijingInput(values.actualEndAt) } : {}),
        participants: [
          ...(values.officerIds ?? []).map((userId) => ({ role: 'officer' as const, userId })),
          ...(values.personIds ?? []).map((personId) => ({
            role: view.persons.find((p) => p.id === personId)!.role,
            personId,
          })),
        ],
      },
      {
        onSuccess: () => {
          void message.success(t('cases.activities.added'));
          form.resetFields();
          onClose();
        },
        onError: (error) =>
          showFieldErrors(form, error, language, [
            'kind',
            'place',
            'plannedStartAt',
            'plannedEndAt',
            'actualStartAt',
            'actualEndAt',
          ]),
      },
    );

  const time = (name: keyof Values, label: string, required: boolean, testId: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: t('cases.activities.timeRequired') }] : []}
    >
      <Input type="datetime-local" style={{ width: 240 }} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('cases.activities.add')}
      size="min(560px, 100vw)"
      destroyOnHidden
    >
      <ProblemAlert error={add.error} />
      <Form
        form={form}
        name="add-activity"
        layout="vertical"
        initialValues={{ kind: 'room_interrogation', plannedStartAt: now, plannedEndAt: inTwoHours }}
        onFinish={onFinish}
      >
        <Form.Item name="kind" label={t('cases.activities.kind')}>
          <Select
            data-testid="activity-kind"
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`cases.activities.kinds.${k}`) }))}
          />
        </Form.Item>
        {mandatory ? (
          <p className="custos-intro">{t('cases.activities.alwaysRecorded')}</p>
        ) : (
          <Form.Item name="recordingRequired" valuePropName="checked">
            <Checkbox>{t('cases.activities.recordingRequired')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="place"
          label={t('cases.activities.place')}
          rules={[{ required: true, whitespace: true, message: t('cases.activities.placeRequired') }]}
        >
          <Input maxLength={200} data-testid="activity-place" />
        </Form.Item>
        {time('plannedStartAt', t('cases.activities.plannedStart'), true, 'activity-planned-start')}
        {time('plannedEndAt', t('cases.activities.plannedEnd'), true, 'activity-planned-end')}
        {time('actualStartAt', t('cases.activities.actualStart'), false, 'activity-actual-start')}
        {time('actualEndAt', t('cases.activities.actualEnd'), false, 'activity-actual-end')}
        <Form.Item name="officerIds" label={t('cases.activities.participantRoles.officer')}>
          <Select
            mode="multiple"
            options={view.officers.map((o) => ({ value: o.userId, label: o.displayName }))}
          />
        </Form.Item>
        {view.persons.length > 0 ? (
          <Form.Item name="personIds" label={t('cases.page.persons')}>
            <Select
              mode="multiple"
              options={view.persons.map((p) => ({
                value: p.id,
                label: `${t(`cases.personRoles.${p.role}`)} ${p.name}`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="activity-submit">
          {t('cases.activities.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
