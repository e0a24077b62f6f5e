// The licence photo of a registration, fetched only when staff open it (the server records each view).
// Images show inline; a PDF opens in a new window, since the page's policy allows no frames.
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { fetchLicencePhoto, type ReviewItem } from '../../../server-api/lawyers.js';

export function PhotoModal({ item, onClose }: { item: ReviewItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!item) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    setUrl(null);
    setError(null);
    fetchLicencePhoto(item.userId).then(
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
  }, [item]);

  const isPdf = item?.photo.contentType === 'application/pdf';
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
        <div className="custos-stack">
          <Alert type="info" showIcon title={t('lawyerReview.photoAudit')} />
          <ProblemAlert error={error} />
          {!url && !error ? <Spin /> : null}
          {url && !isPdf ? (
            <img
              src={url}
              alt={t('lawyerReview.photoAlt', { name: item.name })}
              className="custos-review-photo"
            />
          ) : null}
          {url && isPdf ? (
            <Button href={url} target="_blank" rel="noopener">
              {t('lawyerReview.openPdf')}
            </Button>
          ) : null}
          <p className="custos-review-hash">
            {t('lawyerReview.sha256')}: <span className="custos-mono">{item.photo.sha256}</span>
          </p>
        </div>
      ) : null}
    </Modal>
  );
}
