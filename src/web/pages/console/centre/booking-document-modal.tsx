// A booking's document as centre staff open it: fetched only when opened (the server records each view),
// an image shown inline, a PDF opened in a new tab, since the page's policy allows no frames.
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { fetchBookingDocument, type ClientDocumentView } from '../../../server-api/documents.js';

export interface OpenDocument {
  bookingId: string;
  detaineeName: string;
  document: ClientDocumentView;
}

export function BookingDocumentModal({ open, onClose }: { open: OpenDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    setUrl(null);
    setError(null);
    fetchBookingDocument(open.bookingId, open.document.id).then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (problem: unknown) => {
        if (!cancelled) setError(problem);
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [open]);

  const kind = open ? t(`documents.kinds.${open.document.kind}`) : '';
  const isPdf = open?.document.contentType === 'application/pdf';
  return (
    <Modal
      open={open !== null}
      onCancel={onClose}
      footer={null}
      title={open ? t('permissionQueue.viewer.title', { kind, name: open.detaineeName }) : ''}
      width="min(900px, 100vw)"
      destroyOnHidden
    >
      {open ? (
        <div className="custos-stack" data-testid="document-viewer">
          <Alert type="info" showIcon title={t('permissionQueue.viewer.audit')} />
          <ProblemAlert error={error} />
          {!url && !error ? <Spin /> : null}
          {url && !isPdf ? (
            <img
              src={url}
              alt={t('permissionQueue.viewer.alt', { kind, name: open.detaineeName })}
              className="custos-document-image"
              data-testid="document-image"
            />
          ) : null}
          {url && isPdf ? (
            <Button href={url} target="_blank" rel="noopener" data-testid="document-open-pdf">
              {t('permissionQueue.viewer.openPdf')}
            </Button>
          ) : null}
          <p className="custos-document-hash">
            {open.document.fileName} · {t('permissionQueue.viewer.sha256')}:{' '}
            <span className="custos-mono">{open.document.sha256}</span>
          </p>
        </div>
      ) : null}
    </Modal>
  );
}
