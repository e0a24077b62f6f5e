// Recording the interruption behind a flagged gap: its times (the gap's, to adjust), why, what was said on
// resuming, and, if the activity went on unrecorded, who approved it and what the transcript says of it.
import { App, Button, Checkbox, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import type { CaseView } from '../../../server-api/cases.js';
import { useRecordInterruption, type GapView } from '../../../server-api/transcripts.js';
import { fromBeijingInput, toBeijingInput } from './beijing-input.js';

interface Values {
  startedAt: string;
  endedAt: string;
  reason: string;
  resumeExplanation: string;
  continuedWithoutRecording?: boolean;
  approvedBy?: string;
  transcriptNote?: string;
}

const FIELDS = [
  'startedAt',
  'endedAt',
  'reason',
  'resumeExplanation',
  'approvedBy',
  'transcriptNote',
] as const;

export function InterruptionDrawer({
  view,
  activityId,
  gap,
  onClose,
}: {
  view: CaseView;
  activityId: string;
  gap: GapView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const record = useRecordInterruption(view.id);
  const [form] = Form.useForm<Values>();
  const continued = Form.useWatch('continuedWithoutRecording', form) === true;

  const onFinish = (values: Values) =>
    record.mutate(
      {
        activityId,
        startedAt: fromBeijingInput(values.startedAt),
        endedAt: fromBeijingInput(values.endedAt),
        reason: values.reason.trim(),
        resumeExplanation: values.resumeExplanation.trim(),
        continuedWithoutRecording: continued,
        ...(continued
          ? { approvedBy: values.approvedBy, transcriptNote: values.transcriptNote?.trim() }
          : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('transcripts.interruptionForm.done'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, language, FIELDS),
      },
    );

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('transcripts.interruptionForm.title')}
      size="min(560px, 100vw)"
      destroyOnHidden
    >
      <ProblemAlert error={record.error} />
      <Form
        form={form}
        name="record-interruption"
        layout="vertical"
        initialValues={{ startedAt: toBeijingInput(gap.startedAt), endedAt: toBeijingInput(gap.endedAt) }}
        onFinish={onFinish}
      >
        <Form.Item
          name="startedAt"
          label={t('transcripts.interruptionForm.startedAt')}
          rules={required(t('transcripts.upload.timeRequired'))}
        >
          <Input type="datetime-local" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item
          name="endedAt"
          label={t('transcripts.interruptionForm.endedAt')}
          rules={required(t('transcripts.upload.timeRequired'))}
        >
          <Input type="datetime-local" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('transcripts.interruptionForm.reason')}
          rules={required(t('transcripts.interruptionForm.reasonRequired'))}
        >
          <Input.TextArea maxLength={500} rows={2} data-testid="interruption-reason" />
        </Form.Item>
        <Form.Item
          name="resumeExplanation"
          label={t('transcripts.interruptionForm.resumeExplanation')}
          rules={required(t('transcripts.interruptionForm.resumeRequired'))}
        >
          <Input.TextArea maxLength={1000} rows={2} data-testid="interruption-resume" />
        </Form.Item>
        <Form.Item name="continuedWithoutRecording" valuePropName="checked">
          <Checkbox data-testid="interruption-continued">
            {t('transcripts.interruptionForm.continued')}
          </Checkbox>
        </Form.Item>
        {continued ? (
          <>
            <Form.Item
              name="approvedBy"
              label={t('transcripts.interruptionForm.approver')}
              rules={[{ required: true, message: t('transcripts.interruptionForm.approverRequired') }]}
            >
              <Select options={view.officers.map((o) => ({ value: o.userId, label: o.displayName }))} />
            </Form.Item>
            <Form.Item
              name="transcriptNote"
              label={t('transcripts.interruptionForm.transcriptNote')}
              rules={required(t('transcripts.interruptionForm.noteRequired'))}
            >
              <Input.TextArea maxLength={1000} rows={2} />
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="interruption-submit">
          {t('transcripts.interruptionForm.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
