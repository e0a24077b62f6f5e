// The licence photo of a registration, through the shared viewer: fetched only when staff open it (the
// server records each view).
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FetchedFileView, useFetchedObjectUrl } from '../../../components/fetched-file-view.js';
import { fetchLicencePhoto, type ReviewItem } from '../../../server-api/lawyers.js';

const fetchPhotoOf = (item: ReviewItem) => fetchLicencePhoto(item.userId);

export function PhotoModal({ item, onClose }: { item: ReviewItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { url, error } = useFetchedObjectUrl(item, fetchPhotoOf);

  return (
    <Modal
      open={item !== null}
      onCancel={onClose}
      footer={null}
      title={item ? t('lawyerReview.photoTitle', { name: item.name }) : ''}
      width="min(900px, 100vw)"
      destroyOnHidden
    >
      {item ? (
        <FetchedFileView
          url={url}
          error={error}
          isPdf={item.photo.contentType === 'application/pdf'}
          auditNotice={t('lawyerReview.photoAudit')}
          imageAlt={t('lawyerReview.photoAlt', { name: item.name })}
          imageClassName="custos-review-photo"
          openPdfLabel={t('lawyerReview.openPdf')}
        >
          <p className="custos-review-hash">
            {t('lawyerReview.sha256')}: <span className="custos-mono">{item.photo.sha256}</span>
          </p>
        </FetchedFileView>
      ) : null}
    </Modal>
  );
}
