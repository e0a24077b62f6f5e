// Picking a document on a phone: a photo taken there and then, or a file (a photo or a PDF). The file is
// checked here by the server's own rules (type from its first bytes, at most 10 MB) before anything is
// sent, so a lawyer on a slow connection is not kept waiting for a refusal; then it is sent with its
// progress shown. The server still decides, and its refusal is shown as it says it.
import { CameraOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Progress } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileProblem } from '../../../../modules/booking/client-document-file.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import './documents.css';

interface Props {
  /** Sends the checked file, reporting progress (0 to 1); resolves once it is stored. */
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<unknown>;
  /** Prefix of the test ids of the two pickers. */
  testId: string;
  disabled?: boolean;
}

type Sending = { name: string; fraction: number };

/** Reads the file's first bytes and size against the server's rules; the reason it would be refused. */
async function checkFile(file: File) {
  try {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    return fileProblem(file.size, head);
  } catch {
    return 'unreadable' as const;
  }
}

export function DocumentUpload({ upload, testId, disabled }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const send = async (file: File | undefined) => {
    // The same file may be chosen again after a refusal: clear both pickers.
    for (const input of [camera.current, picker.current]) if (input) input.value = '';
    if (!file) return;
    setRefusal(null);
    setFailure(null);
    setDone(null);
    const problem = await checkFile(file);
    if (problem === 'unreadable' || problem === 'empty' || problem === 'size' || problem === 'type') {
      setRefusal(t(`documents.upload.${problem}`, { name: file.name }));
      return;
    }
    setSending({ name: file.name, fraction: 0 });
    try {
      await upload(file, (fraction) => setSending({ name: file.name, fraction }));
      setDone(file.name);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(null);
    }
  };

  const busy = disabled || sending !== null;
  return (
    <div className="custos-document-upload">
      <div className="custos-document-upload-buttons">
        <input
          ref={camera}
          id={`${ids}-camera`}
          type="file"
          accept="image/jpeg,image/png"
          capture="environment"
          className="custos-visually-hidden"
          tabIndex={-1}
          aria-label={t('documents.upload.takePhoto')}
          onChange={(event) => void send(event.target.files?.[0])}
          data-testid={`${testId}-camera`}
        />
        <input
          ref={picker}
          id={`${ids}-file`}
          type="file"
          accept="image/jpeg,image/png,application/pdf"
          className="custos-visually-hidden"
          tabIndex={-1}
          aria-label={t('documents.upload.chooseFile')}
          onChange={(event) => void send(event.target.files?.[0])}
          data-testid={`${testId}-file`}
        />
        <Button
          size="large"
          icon={<CameraOutlined />}
          disabled={busy}
          onClick={() => camera.current?.click()}
        >
          {t('documents.upload.takePhoto')}
        </Button>
        <Button
          size="large"
          icon={<FileAddOutlined />}
          disabled={busy}
          onClick={() => picker.current?.click()}
        >
          {t('documents.upload.chooseFile')}
        </Button>
      </div>
      <p className="custos-document-help">{t('documents.upload.help')}</p>
      {sending ? (
        <div aria-live="polite">
          <p className="custos-document-help">{t('documents.upload.uploading', { name: sending.name })}</p>
          <Progress
            percent={Math.round(sending.fraction * 100)}
            size="small"
            aria-label={t('documents.upload.progressLabel', { name: sending.name })}
            data-testid={`${testId}-progress`}
          />
        </div>
      ) : null}
      {refusal ? (
        <Alert type="error" showIcon title={refusal} role="alert" data-testid={`${testId}-refusal`} />
      ) : null}
      <ProblemAlert error={failure} />
      <p className="custos-visually-hidden" role="status">
        {done ? t('documents.upload.done', { name: done }) : ''}
      </p>
    </div>
  );
}
