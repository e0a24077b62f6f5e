// Cancelling a booking, with the centre's deadline spelled out first: before it the place is simply freed;
// after it the cancellation counts as a no-show (seed 003), and enough no-shows suspend online booking.
import { App, Modal, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { formatMeetingSpan } from '../../../format/beijing-date.js';
import { useCancelBooking, useCentreSettings, type BookingView } from '../../../server-api/booking.js';
import { onBehalf, useBookingFor } from '../../../server-api/booking-for.js';

/** "2026-11-26 09:00" in Beijing time. */
function beijingMinute(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function CancelBookingModal({
  booking,
  onClose,
}: {
  booking: BookingView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCentreSettings(booking?.unitId);
  const cancel = useCancelBooking();
  const { onBehalfOf } = useBookingFor();

  const close = () => {
    cancel.reset();
    onClose();
  };

  const hours = settings.data?.cancellationDeadlineHours;
  const deadline =
    booking && hours !== undefined ? Date.parse(booking.startsAt) - hours * 3_600_000 : undefined;
  const beforeDeadline = deadline !== undefined && Date.now() <= deadline;

  const onOk = () => {
    if (!booking) return;
    cancel.mutate(
      { bookingId: booking.id, ...onBehalf(onBehalfOf) },
      {
        onSuccess: (result) => {
          void message.success(
            result.status === 'cancelled_late' ? t('myBookings.cancelledLate') : t('myBookings.cancelled'),
          );
          close();
        },
      },
    );
  };

  return (
    <Modal
      open={booking !== null}
      title={t('myBookings.cancelTitle')}
      onCancel={close}
      onOk={onOk}
      okText={t('myBookings.confirmCancel')}
      cancelText={t('myBookings.keep')}
      okButtonProps={{
        danger: true,
        loading: cancel.isPending,
        disabled: !settings.isSuccess,
        'data-testid': 'cancel-confirm',
      }}
      destroyOnHidden
    >
      {booking ? <p>{formatMeetingSpan(booking.startsAt, booking.endsAt)}</p> : null}
      <ProblemAlert error={cancel.error ?? settings.error} />
      {settings.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {deadline !== undefined ? (
        <p data-testid="cancel-deadline" data-before-deadline={beforeDeadline}>
          {t(beforeDeadline ? 'myBookings.beforeDeadline' : 'myBookings.afterDeadline', {
            deadline: beijingMinute(deadline),
            hours,
          })}
        </p>
      ) : null}
      <p>{t('myBookings.lateRule')}</p>
    </Modal>
  );
}
