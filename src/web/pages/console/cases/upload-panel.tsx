// Uploading a recording: the activity it belongs to, the device and capture times as the officer gives them,
// the file. The browser hashes the file first (the server compares the whole file with this SHA-256 before
// sealing), then sends it in resumable parts with a progress bar, pause and resume. Choosing the same file
// for the same activity after a reload resumes the unfinished upload instead of starting again.
import { App, Button, Form, Input, Progress, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as tus from 'tus-js-client';
import type { Problem } from '../../../../platform/http/problem.js';
import { useLanguage } from '../../../i18n/use-language.js';
import type { CaseView } from '../../../server-api/cases.js';
import { useRefreshCaseEvidence } from '../../../server-api/recordings.js';
import { fileSha256 } from '../../../upload/file-sha256.js';
import { newUpload, previousUpload, type UploadMetadata } from '../../../upload/tus-upload.js';
import { fromBeijingInput, toBeijingInput } from './beijing-input.js';
import { formatBytes } from './case-labels.js';

interface Values {
  activityId: string;
  device: string;
  captureStartedAt: string;
  captureEndedAt: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'hashing'; done: number; total: number }
  | { kind: 'uploading'; sent: number; total: number; paused: boolean }
  | { kind: 'sealed' }
  | { kind: 'failed'; problem: Problem | null };

export function UploadPanel({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const refresh = useRefreshCaseEvidence(view.id);
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [resumable, setResumable] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const upload = useRef<tus.Upload | null>(null);
  const activityId = Form.useWatch('activityId', form);
  const busy = phase.kind === 'hashing' || (phase.kind === 'uploading' && !phase.paused);

  const callbacks = {
    onProgress: (sent: number, total: number) =>
      setPhase((p) => ({ kind: 'uploading', sent, total, paused: p.kind === 'uploading' && p.paused })),
    onSuccess: () => {
      setPhase({ kind: 'sealed' });
      void message.success(t('recordings.upload.sealed'));
      void refresh();
    },
    onError: (problem: Problem | null) => {
      setPhase({ kind: 'failed', problem });
      void refresh();
    },
  };

  // A file chosen for an activity may have an unfinished upload from before a reload: offer to resume it
  // with what was given then.
  useEffect(() => {
    let cancelled = false;
    setResumable(false);
    if (!file || !activityId) return;
    const probe = newUpload(
      file,
      { caseId: view.id, activityId, device: '', captureStartedAt: '', captureEndedAt: '' },
      null,
      callbacks,
    );
    void previousUpload(probe).then((previous) => {
      if (cancelled || !previous) return;
      setResumable(true);
      const meta = previous.metadata;
      form.setFieldsValue({
        ...(meta.device ? { device: meta.device } : {}),
        ...(meta.captureStartedAt ? { captureStartedAt: toBeijingInput(meta.captureStartedAt) } : {}),
        ...(meta.captureEndedAt ? { captureEndedAt: toBeijingInput(meta.captureEndedAt) } : {}),
      });
    });
    return () => {
      cancelled = true;
    };
    // The probe depends on the file and the activity only; callbacks are not used by a probe.
  }, [file, activityId, view.id]);

  const start = async (values: Values) => {
    if (!file) return;
    const meta: UploadMetadata = {
      caseId: view.id,
      activityId: values.activityId,
      device: values.device.trim(),
      captureStartedAt: fromBeijingInput(values.captureStartedAt),
      captureEndedAt: fromBeijingInput(values.captureEndedAt),
    };
    const probe = newUpload(file, meta, null, callbacks);
    const previous = await previousUpload(probe);
    let current = probe;
    if (previous) {
      probe.resumeFromPreviousUpload(previous);
    } else {
      setPhase({ kind: 'hashing', done: 0, total: file.size });
      const sha256 = await fileSha256(file, (done) => setPhase({ kind: 'hashing', done, total: file.size }));
      current = newUpload(file, meta, sha256, callbacks);
    }
    upload.current = current;
    setPhase({ kind: 'uploading', sent: 0, total: file.size, paused: false });
    current.start();
  };

  const pause = () => {
    void upload.current?.abort();
    setPhase((p) => (p.kind === 'uploading' ? { ...p, paused: true } : p));
  };
  const resume = () => {
    setPhase((p) => (p.kind === 'uploading' ? { ...p, paused: false } : p));
    upload.current?.start();
  };
  const cancel = () => {
    // abort(true) also terminates the upload on the server, which deletes what it received.
    void upload.current?.abort(true).then(() => refresh());
    upload.current = null;
    setPhase({ kind: 'idle' });
  };

  const percent =
    phase.kind === 'hashing' || phase.kind === 'uploading'
      ? Math.floor(((phase.kind === 'hashing' ? phase.done : phase.sent) / Math.max(1, phase.total)) * 100)
      : phase.kind === 'sealed'
        ? 100
        : 0;

  return (
    <section aria-labelledby="upload-title">
      <h3 id="upload-title" className="custos-card-title">
        {t('recordings.upload.title')}
      </h3>
      <p className="custos-intro">{t('recordings.upload.intro')}</p>
      <Form
        form={form}
        name="upload-recording"
        layout="vertical"
        onFinish={(values) => void start(values)}
        disabled={busy}
      >
        <Form.Item
          name="activityId"
          label={t('recordings.upload.activity')}
          rules={[{ required: true, message: t('recordings.upload.activityRequired') }]}
        >
          <Select
            data-testid="upload-activity"
            options={view.activities.map((a) => ({
              value: a.id,
              label: `${t(`cases.activities.kinds.${a.kind}`)} · ${a.place}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="device"
          label={t('recordings.upload.device')}
          extra={t('recordings.upload.deviceHelp')}
          rules={[{ required: true, whitespace: true, message: t('recordings.upload.deviceRequired') }]}
        >
          <Input maxLength={100} data-testid="upload-device" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="captureStartedAt"
            label={t('recordings.upload.captureStart')}
            rules={[{ required: true, message: t('recordings.upload.captureRequired') }]}
          >
            <Input type="datetime-local" data-testid="upload-capture-start" />
          </Form.Item>
          <Form.Item
            name="captureEndedAt"
            label={t('recordings.upload.captureEnd')}
            dependencies={['captureStartedAt']}
            rules={[
              { required: true, message: t('recordings.upload.captureRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value ||
                  !getFieldValue('captureStartedAt') ||
                  value >= (getFieldValue('captureStartedAt') as string)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('recordings.upload.captureOrder'))),
              }),
            ]}
          >
            <Input type="datetime-local" data-testid="upload-capture-end" />
          </Form.Item>
        </Space>
        <Form.Item label={t('recordings.upload.file')} required htmlFor="upload-file">
          <input
            id="upload-file"
            type="file"
            data-testid="upload-file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {file ? <span className="custos-intro"> {formatBytes(file.size)}</span> : null}
        </Form.Item>
        {resumable ? <p data-testid="upload-resumable">{t('recordings.upload.resuming')}</p> : null}
        <Button type="primary" htmlType="submit" disabled={!file || busy} data-testid="upload-start">
          {t('recordings.upload.start')}
        </Button>
      </Form>
      {phase.kind !== 'idle' ? (
        <div className="custos-upload-progress" data-testid="upload-progress">
          <p role="status" aria-live="polite" data-testid="upload-phase">
            {phase.kind === 'hashing'
              ? t('recordings.upload.hashing')
              : phase.kind === 'uploading'
                ? phase.paused
                  ? t('recordings.upload.paused')
                  : t('recordings.upload.uploading')
                : phase.kind === 'sealed'
                  ? t('recordings.upload.sealed')
                  : `${t('recordings.upload.failed')}${phase.problem ? `：${phase.problem.message[language]}` : ''}`}
          </p>
          <Progress
            percent={percent}
            status={phase.kind === 'failed' ? 'exception' : phase.kind === 'sealed' ? 'success' : 'active'}
            aria-label={t('recordings.upload.progress')}
          />
          {phase.kind === 'uploading' ? (
            <Space>
              {phase.paused ? (
                <Button onClick={resume} data-testid="upload-resume">
                  {t('recordings.upload.resume')}
                </Button>
              ) : (
                <Button onClick={pause} data-testid="upload-pause">
                  {t('recordings.upload.pause')}
                </Button>
              )}
              <Button danger onClick={cancel}>
                {t('recordings.upload.cancel')}
              </Button>
            </Space>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
