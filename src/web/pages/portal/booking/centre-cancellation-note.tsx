// Why the centre cancelled one of the lawyer's meetings (the detainee released or transferred, an
// emergency), in the lawyer's language, under the booking in "my bookings".
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/use-language.js';
import { useMyCentreCancellations } from '../../../server-api/centre-ops.js';

export function CentreCancellationNote({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  // One request for the whole list: every note shares the query.
  const cancellations = useMyCentreCancellations();
  const found = cancellations.data?.find((c) => c.bookingId === bookingId);
  if (!found) return null;
  const label = t(`centreOps.reasons.${found.reasonCode}`);
  const reason = found.reason ? `${label}${language === 'zh-CN' ? '：' : ': '}${found.reason}` : label;
  return (
    <p className="custos-activity-meta" data-testid="centre-cancellation">
      {t('centreOps.myBookings.centreCancelled', { reason })}
    </p>
  );
}
