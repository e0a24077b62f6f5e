// Filing a transcript: the activity, its file (a PDF or a scan, checked here by the server's own rules
// before it is sent) and the start and end written in it, in Beijing time.
import { App, Button, Form, Input, Select } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileProblem } from '../../../../modules/booking/client-document-file.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import type { CaseView } from '../../../server-api/cases.js';
import { fileAsBase64, useUploadTranscript } from '../../../server-api/transcripts.js';
import { fromBeijingInput } from './beijing-input.js';

interface Values {
  activityId: string;
  startedAt: string;
  endedAt: string;
}

export function TranscriptUploadForm({
  view,
  activityLabel,
}: {
  view: CaseView;
  activityLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const fileId = useId();
  const upload = useUploadTranscript(view.id);
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    const head = new Uint8Array(await chosen.slice(0, 16).arrayBuffer());
    const problem = fileProblem(chosen.size, head);
    if (problem) setFileError(t(`transcripts.upload.${problem}`));
    else setFile(chosen);
  };

  const onFinish = async (values: Values) => {
    if (!file) {
      setFileError(t('transcripts.upload.fileRequired'));
      return;
    }
    upload.mutate(
      {
        activityId: values.activityId,
        fileName: file.name,
        content: await fileAsBase64(file),
        startedAt: fromBeijingInput(values.startedAt),
        endedAt: fromBeijingInput(values.endedAt),
      },
      {
        onSuccess: () => {
          void message.success(t('transcripts.upload.done'));
          form.resetFields();
          setFile(null);
        },
        onError: (error) => showFieldErrors(form, error, language, ['startedAt', 'endedAt']),
      },
    );
  };

  if (view.activities.length === 0) return null;
  return (
    <section aria-labelledby={`${fileId}-title`}>
      <h3 id={`${fileId}-title`} className="custos-card-title">
        {t('transcripts.upload.title')}
      </h3>
      <ProblemAlert error={upload.error} />
      <Form form={form} name="upload-transcript" layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="activityId"
          label={t('transcripts.upload.activity')}
          rules={[{ required: true, message: t('transcripts.upload.activityRequired') }]}
        >
          <Select
            data-testid="transcript-activity"
            options={view.activities.map((a) => ({ value: a.id, label: activityLabel(a.id) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('transcripts.upload.file')}
          htmlFor={fileId}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('transcripts.upload.fileHelp')}
        >
          <input
            id={fileId}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(event) => void choose(event.target.files?.[0])}
            data-testid="transcript-file"
          />
        </Form.Item>
        <Form.Item
          name="startedAt"
          label={t('transcripts.upload.startedAt')}
          rules={[{ required: true, message: t('transcripts.upload.timeRequired') }]}
        >
          <Input type="datetime-local" style={{ width: 240 }} data-testid="transcript-start" />
        </Form.Item>
        <Form.Item
          name="endedAt"
          label={t('transcripts.upload.endedAt')}
          rules={[{ required: true, message: t('transcripts.upload.timeRequired') }]}
        >
          <Input type="datetime-local" style={{ width: 240 }} data-testid="transcript-end" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={upload.isPending} data-testid="transcript-submit">
          {t('transcripts.upload.submit')}
        </Button>
      </Form>
    </section>
  );
}
