// The line that names a day sheet's booking in the dialogs acting on it (cancel, correct), so staff see
// which meeting they are about to change: when, whom, and with which lawyers.
import type { DaySheetRow } from '../../../../modules/booking/schemas.js';
import { formatMeetingSpan } from '../../../format/beijing-date.js';

export function DaySheetBookingSummary({ booking }: { booking: DaySheetRow }) {
  return (
    <p>
      {formatMeetingSpan(booking.startsAt, booking.endsAt)} · {booking.detaineeName} ·{' '}
      {booking.lawyers.map((l) => l.displayName).join('、')}
    </p>
  );
}
