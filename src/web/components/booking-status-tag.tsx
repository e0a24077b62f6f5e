// A booking's status as a tag, in the UI language, with a tone that says whether it goes ahead.
import { useTranslation } from 'react-i18next';
import { StatusTag, type Tone } from './status-tag.js';

const TONES = {
  held: 'info',
  confirmed: 'good',
  awaiting_permission: 'warn',
  expired: 'neutral',
  cancelled: 'neutral',
  cancelled_late: 'bad',
  cancelled_by_centre: 'bad',
  attended: 'good',
  no_show: 'bad',
} as const satisfies Record<string, Tone>;

type BookingStatus = keyof typeof TONES;

function isBookingStatus(status: string): status is BookingStatus {
  return status in TONES;
}

export function BookingStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isBookingStatus(status)) return <StatusTag tone="neutral">{status}</StatusTag>;
  return (
    <span data-testid="booking-status" data-status={status}>
      <StatusTag tone={TONES[status]}>{t(`bookingStatus.${status}`)}</StatusTag>
    </span>
  );
}
