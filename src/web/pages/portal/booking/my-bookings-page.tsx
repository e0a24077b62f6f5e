// The lawyer's bookings: upcoming ones (with cancel and the calendar file) and recent ones, each with its
// status. Holds in progress and lapsed holds are the journey's business and are not listed.
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BookingStatusTag } from '../../../components/booking-status-tag.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { beijingDateOf, beijingHm, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage, useLocalName } from '../../../i18n/use-language.js';
import { bookingIcsUrl, useCentres, useMyBookings, type BookingView } from '../../../server-api/booking.js';
import { BookingForNotice, useBookingRights } from './booking-for.js';
import { CancelBookingModal } from './cancel-booking-modal.js';
import { MyWaitlist } from './my-waitlist.js';
import { PermissionDecisionUpload } from './permission-decision-upload.js';
import { CentreCancellationNote } from './centre-cancellation-note.js';
import './booking.css';

const LIVE = ['confirmed', 'awaiting_permission'];
const HIDDEN = ['held', 'expired'];

export function MyBookingsPage() {
  const { t } = useTranslation();
  const bookings = useMyBookings();
  const [cancelling, setCancelling] = useState<BookingView | null>(null);
  useDocumentTitle(t('myBookings.title'));

  const now = Date.now();
  const listed = (bookings.data ?? []).filter((b) => !HIDDEN.includes(b.status));
  const upcoming = listed
    .filter((b) => LIVE.includes(b.status) && Date.parse(b.endsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const recent = listed
    .filter((b) => !upcoming.includes(b))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));

  return (
    <div className="custos-stack">
      <h1 className="custos-page-title">{t('myBookings.title')}</h1>
      <BookingForNotice where="myBookings" />
      <ProblemAlert error={bookings.error} />
      {bookings.isPending ? <Skeleton active /> : null}
      {bookings.isSuccess ? (
        <>
          <section aria-labelledby="upcoming-title" className="custos-stack">
            <h2 id="upcoming-title" className="custos-card-title">
              {t('myBookings.upcoming')}
            </h2>
            {upcoming.length === 0 ? (
              <Empty description={t('myBookings.empty')}>
                <Link to="/portal/book">
                  <PlusOutlined /> {t('myBookings.book')}
                </Link>
              </Empty>
            ) : (
              <BookingList items={upcoming} onCancel={setCancelling} testId="upcoming-bookings" />
            )}
          </section>
          <MyWaitlist />
          {recent.length > 0 ? (
            <section aria-labelledby="recent-title" className="custos-stack">
              <h2 id="recent-title" className="custos-card-title">
                {t('myBookings.recent')}
              </h2>
              <BookingList items={recent} testId="recent-bookings" />
            </section>
          ) : null}
        </>
      ) : null}
      <CancelBookingModal booking={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}

function BookingList({
  items,
  onCancel,
  testId,
}: {
  items: BookingView[];
  onCancel?: (booking: BookingView) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const localName = useLocalName();
  const centres = useCentres();
  const rights = useBookingRights();
  const centreName = (unitId: string) => {
    const centre = centres.data?.find((c) => c.id === unitId);
    return centre ? localName(centre) : '';
  };

  return (
    <ul className="custos-booking-list" data-testid={testId}>
      {items.map((b) => (
        <li key={b.id} data-testid="booking-item" data-booking-id={b.id}>
          <Card size="small">
            <div className="custos-booking-card-head">
              <h3>
                {formatLongDate(beijingDateOf(b.startsAt), language)} {beijingHm(b.startsAt)}–
                {beijingHm(b.endsAt)}
              </h3>
              <BookingStatusTag status={b.status} />
            </div>
            <p className="custos-activity-meta">
              {centreName(b.unitId)} · {b.detaineeName ?? ''} ·{' '}
              {t('journey.session.minutes', { count: b.durationMinutes })}
            </p>
            {rights.enteredByMe(b) ? (
              <p className="custos-activity-meta" data-testid="entered-by-me">
                {t('bookingFor.enteredByYou')}
              </p>
            ) : null}
            {b.status === 'cancelled_by_centre' ? <CentreCancellationNote bookingId={b.id} /> : null}
            {b.status === 'awaiting_permission' ? <PermissionDecisionUpload bookingId={b.id} /> : null}
            <div className="custos-booking-actions">
              <Link to={`/portal/bookings/${b.id}`} className="custos-link-button">
                {t('myBookings.details')}
                <span className="custos-visually-hidden"> {b.detaineeName}</span>
              </Link>
              {rights.hasCalendarFile && b.status !== 'cancelled' && b.status !== 'cancelled_late' ? (
                <Button icon={<CalendarOutlined />} href={bookingIcsUrl(b.id)} download>
                  {t('myBookings.calendar')}
                </Button>
              ) : null}
              {onCancel && rights.mayCancel(b) ? (
                <Button danger onClick={() => onCancel(b)} data-testid="booking-cancel">
                  {t('myBookings.cancel')}
                </Button>
              ) : null}
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
