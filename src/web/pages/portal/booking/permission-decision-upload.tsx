// In "my bookings", a booking of a restricted case waiting for the investigating organ's permission (CPL 39
// ¶3): the lawyer uploads the permission decision here, as a photo or a PDF, and sees what is already on
// file; the booking stands once the centre's staff confirm it. The lawyer does this themself: an assistant
// booking for them is told so.
import { useTranslation } from 'react-i18next';
import { formatBeijingTime } from '../../../format/date-time.js';
import { formatFileSize } from '../../../format/file-size.js';
import { useBookingFor } from '../../../server-api/booking-for.js';
import {
  clientDocumentUrl,
  useBookingDocuments,
  useUploadPermissionDecision,
} from '../../../server-api/documents.js';
import { DocumentUpload } from './document-upload.js';
import './documents.css';

export function PermissionDecisionUpload({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const bookingFor = useBookingFor();
  if (bookingFor.status !== 'ready') return null;
  if (bookingFor.onBehalfOf) {
    return (
      <p className="custos-document-help" data-testid="permission-decision-state">
        {t('documents.permission.principalOnly')}
      </p>
    );
  }
  return <DecisionUpload bookingId={bookingId} />;
}

function DecisionUpload({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const documents = useBookingDocuments(bookingId);
  const upload = useUploadPermissionDecision(bookingId);
  const decisions = (documents.data ?? []).filter((d) => d.kind === 'permission_decision');
  const titleId = `permission-${bookingId}`;

  return (
    <section aria-labelledby={titleId} data-testid="permission-decision">
      <h4 id={titleId} className="custos-document-new">
        {t('documents.permission.title')}
      </h4>
      <p className="custos-document-help" data-testid="permission-decision-state">
        {decisions.length > 0 ? t('documents.permission.uploaded') : t('documents.permission.waiting')}
      </p>
      {decisions.length > 0 ? (
        <ul className="custos-document-list" aria-label={t('documents.permission.files')}>
          {decisions.map((d) => (
            <li key={d.id}>
              <a href={clientDocumentUrl(d.id)} target="_blank" rel="noopener">
                {d.fileName}
              </a>{' '}
              <span className="custos-choice-meta">
                {t('documents.step.fileMeta', {
                  date: formatBeijingTime(d.createdAt).slice(0, 16),
                  size: formatFileSize(d.byteSize),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <DocumentUpload
        upload={(file, onProgress) => upload.mutateAsync({ file, onProgress })}
        testId="permission-decision"
      />
    </section>
  );
}
