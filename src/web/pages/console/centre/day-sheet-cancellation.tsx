// Who cancelled a booking on the day sheet and why: the centre (with its reason) or the lawyer.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/use-language.js';
import type { DaySheetCancellation } from '../../../../modules/booking/day-sheet-schemas.js';

export function DaySheetCancellationNote({ cancellation }: { cancellation: DaySheetCancellation }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const separator = language === 'zh-CN' ? '：' : ': ';
  const name = cancellation.byName ?? '—';
  const who =
    cancellation.by === 'centre'
      ? t('centreOps.day.byCentre', { name })
      : t('centreOps.day.byLawyer', { name });
  const why = [
    cancellation.reasonCode ? t(`centreOps.reasons.${cancellation.reasonCode}`) : null,
    cancellation.reason,
  ].filter((part): part is string => Boolean(part));
  return (
    <small className="custos-day-cancellation" data-testid="day-cancellation">
      {who}
      {why.length > 0 ? separator + why.join(separator) : null}
    </small>
  );
}
