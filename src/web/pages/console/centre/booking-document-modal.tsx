// A booking's document as centre staff open it, through the shared viewer: fetched only when opened (the
// server records each view).
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FetchedFileView, useFetchedObjectUrl } from '../../../components/fetched-file-view.js';
import { fetchBookingDocument, type ClientDocumentView } from '../../../server-api/documents.js';

export interface OpenDocument {
  bookingId: string;
  detaineeName: string;
  document: ClientDocumentView;
}

const fetchOpenDocument = (open: OpenDocument) => fetchBookingDocument(open.bookingId, open.document.id);

export function BookingDocumentModal({ open, onClose }: { open: OpenDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { url, error } = useFetchedObjectUrl(open, fetchOpenDocument);

  const kind = open ? t(`documents.kinds.${open.document.kind}`) : '';
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
        <FetchedFileView
          url={url}
          error={error}
          isPdf={open.document.contentType === 'application/pdf'}
          auditNotice={t('permissionQueue.viewer.audit')}
          imageAlt={t('permissionQueue.viewer.alt', { kind, name: open.detaineeName })}
          imageClassName="custos-document-image"
          openPdfLabel={t('permissionQueue.viewer.openPdf')}
          testIds={{ viewer: 'document-viewer', image: 'document-image', openPdf: 'document-open-pdf' }}
        >
          <p className="custos-document-hash">
            {open.document.fileName} · {t('permissionQueue.viewer.sha256')}:{' '}
            <span className="custos-mono">{open.document.sha256}</span>
          </p>
        </FetchedFileView>
      ) : null}
    </Modal>
  );
}
