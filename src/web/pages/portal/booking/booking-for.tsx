// The booking pages as an assistant sees them: who the booking is for, said once at the top and again
// before confirming, and nothing sent until that is known (an assistant's request without the principal
// would book for the assistant).
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../../components/page-spinner.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { useBookingFor } from '../../../server-api/booking-for.js';
import type { BookingView } from '../../../server-api/booking.js';
import { useLawyerAccount } from '../../../server-api/lawyers.js';
import './booking-for.css';

/** Renders the journey once it is known whom it books for, with a notice when that is a principal. */
export function BookingForGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const bookingFor = useBookingFor();
  const account = useLawyerAccount();
  if (bookingFor.status === 'pending') return <PageSpinner />;
  if (bookingFor.status === 'error') {
    return (
      <ProblemAlert error={bookingFor.error}>
        <Button size="small" onClick={() => void account.refetch()}>
          {t('common.retry')}
        </Button>
      </ProblemAlert>
    );
  }
  return (
    <>
      <BookingForNotice where="journey" />
      {children}
    </>
  );
}

/** "You are booking for 王律师" (the journey) or "王律师's bookings" (my bookings); nothing for oneself. */
export function BookingForNotice({ where }: { where: 'journey' | 'myBookings' }) {
  const { t } = useTranslation();
  const { principal } = useBookingFor();
  if (!principal) return null;
  const who = { name: principal.name, username: principal.username };
  return (
    <Alert
      type="info"
      showIcon
      className="custos-booking-for"
      data-testid="booking-for"
      title={t(where === 'journey' ? 'bookingFor.journeyTitle' : 'bookingFor.myBookingsTitle', who)}
      description={t(where === 'journey' ? 'bookingFor.journeyBody' : 'bookingFor.myBookingsBody', who)}
    />
  );
}

/** The line "check your answers" shows an assistant: whose booking they are about to confirm. */
export function EnteredForNote() {
  const { t } = useTranslation();
  const { principal } = useBookingFor();
  if (!principal) return null;
  return (
    <p className="custos-entered-for" data-testid="entered-for">
      {t('bookingFor.enteredFor', { name: principal.name })}
    </p>
  );
}

/**
 * What the signed-in account may do with a listed booking: a lawyer anything of theirs; an assistant
 * cancels only what they entered, and has no calendar file (that is the lawyer's own).
 */
export function useBookingRights(): {
  mayCancel: (b: BookingView) => boolean;
  hasCalendarFile: boolean;
  enteredByMe: (b: BookingView) => boolean;
} {
  const { user } = useGuardedSession();
  const { principal } = useBookingFor();
  const enteredByMe = (b: BookingView) => principal !== null && b.enteredByUserId === user.id;
  return {
    mayCancel: (b) => principal === null || enteredByMe(b),
    hasCalendarFile: principal === null,
    enteredByMe,
  };
}
