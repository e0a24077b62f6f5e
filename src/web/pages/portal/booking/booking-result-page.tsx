// One of the lawyer's bookings: the journey's result page ("booking confirmed") and the details page
// reached from "my bookings", with the calendar file and the way back to the list.
import { CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { BookingStatusTag } from '../../../components/booking-status-tag.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { beijingHm, beijingDateOf, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage, useLocalName } from '../../../i18n/use-language.js';
import { bookingIcsUrl, useCentres, useMyBookings } from '../../../server-api/booking.js';
import { useBookingRights } from './booking-for.js';
import './booking.css';

export function BookingResultPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const localName = useLocalName();
  const { bookingId } = useParams();
  const location = useLocation();
  const justBooked = (location.state as { justBooked?: boolean } | null)?.justBooked === true;
  const bookings = useMyBookings();
  const rights = useBookingRights();
  const centres = useCentres();
  const booking = bookings.data?.find((b) => b.id === bookingId);
  const centre = centres.data?.find((c) => c.id === booking?.unitId);

  const title =
    justBooked && booking?.status === 'confirmed'
      ? t('journey.done.confirmedTitle')
      : justBooked && booking?.status === 'awaiting_permission'
        ? t('journey.done.awaitingTitle')
        : t('journey.done.detailsTitle');
  useDocumentTitle(title);

  if (bookings.isPending) return <Skeleton active />;
  if (bookings.isError) return <ProblemAlert error={bookings.error} />;
  if (!booking) {
    return (
      <Result
        status="404"
        title={<h1 className="custos-page-title">{t('journey.done.notFound')}</h1>}
        extra={<Link to="/portal/bookings">{t('journey.done.myBookings')}</Link>}
      />
    );
  }

  const details = (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'date',
          label: t('journey.check.date'),
          children: formatLongDate(beijingDateOf(booking.startsAt), language),
        },
        {
          key: 'time',
          label: t('journey.check.session'),
          children: `${beijingHm(booking.startsAt)}–${beijingHm(booking.endsAt)}`,
        },
        { key: 'centre', label: t('myBookings.centre'), children: centre ? localName(centre) : '' },
        { key: 'client', label: t('myBookings.client'), children: booking.detaineeName ?? '' },
        {
          key: 'duration',
          label: t('myBookings.duration'),
          children: t('journey.session.minutes', { count: booking.durationMinutes }),
        },
        {
          key: 'state',
          label: t('myBookings.status'),
          children: <BookingStatusTag status={booking.status} />,
        },
      ]}
    />
  );

  const actions = (
    <div className="custos-booking-actions">
      {rights.hasCalendarFile ? (
        <Button
          type="primary"
          icon={<CalendarOutlined />}
          href={bookingIcsUrl(booking.id)}
          download
          data-testid="booking-ics"
        >
          {t('journey.done.addToCalendar')}
        </Button>
      ) : null}
      <Link to="/portal/bookings" className="custos-link-button" data-testid="to-my-bookings">
        {t('journey.done.myBookings')}
      </Link>
    </div>
  );

  if (justBooked) {
    const awaiting = booking.status === 'awaiting_permission';
    return (
      <Result
        status={awaiting ? 'info' : 'success'}
        title={
          <h1 className="custos-page-title" data-testid="booking-result-title">
            {title}
          </h1>
        }
        subTitle={awaiting ? t('journey.done.awaitingBody') : t('journey.done.confirmedBody')}
        extra={
          <div className="custos-stack">
            <Card>{details}</Card>
            {actions}
          </div>
        }
      />
    );
  }

  return (
    <div className="custos-stack">
      <h1 className="custos-page-title" data-testid="booking-result-title">
        {title}
      </h1>
      <Card>{details}</Card>
      {actions}
    </div>
  );
}
