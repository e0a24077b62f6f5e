// The lawyer's waiting lists on "my bookings": their place in each queue, a withdraw button, and a place
// offered to them, with its countdown and a button that carries the held place into the booking journey's
// remaining steps (client, then on).
import { App, Button, Card } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { WaitlistStatus } from '../../../../modules/booking/waitlist-schemas.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { beijingDateOf, beijingHm, formatCountdown, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage, useLocalName } from '../../../i18n/use-language.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { useCancelBooking, useCentres } from '../../../server-api/booking.js';
import { useMyWaitlist, useWithdrawWaitlist, type WaitlistEntryView } from '../../../server-api/waitlist.js';
import {
  firstUnanswered,
  loadAnswers,
  saveAnswers,
  STEP_PATHS,
  type JourneyAnswers,
} from './journey-state.js';
import './waitlist.css';

/** An offer can arrive at any time: the list is asked again this often while the page is open. */
const REFRESH_MS = 30_000;

const TONES: Record<WaitlistStatus, Tone> = {
  waiting: 'info',
  offered: 'warn',
  booked: 'good',
  lapsed: 'neutral',
  withdrawn: 'neutral',
  closed: 'neutral',
};

/** Offers first, then the queues still open, then the ones that ended; each by session time. */
const ORDER: Record<WaitlistStatus, number> = {
  offered: 0,
  waiting: 1,
  booked: 2,
  lapsed: 2,
  withdrawn: 2,
  closed: 2,
};

export function MyWaitlist() {
  const { t } = useTranslation();
  const entries = useMyWaitlist(REFRESH_MS);
  const items = [...(entries.data ?? [])].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.session.startsAt.localeCompare(b.session.startsAt),
  );
  if (items.length === 0) return <ProblemAlert error={entries.error} />;
  return (
    <section aria-labelledby="waitlist-title" className="custos-stack">
      <h2 id="waitlist-title" className="custos-card-title">
        {t('waitlist.mine.title')}
      </h2>
      <ProblemAlert error={entries.error} />
      <ul className="custos-booking-list" data-testid="my-waitlist">
        {items.map((entry) => (
          <WaitlistItem key={entry.id} entry={entry} fetchedAt={entries.dataUpdatedAt} />
        ))}
      </ul>
    </section>
  );
}

function WaitlistItem({ entry, fetchedAt }: { entry: WaitlistEntryView; fetchedAt: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const localName = useLocalName();
  const centres = useCentres();
  const { message } = App.useApp();
  const withdraw = useWithdrawWaitlist();
  const centre = centres.data?.find((c) => c.id === entry.unitId);
  const live = entry.status === 'waiting' || entry.status === 'offered';

  const leave = () =>
    withdraw.mutate(entry.id, {
      onSuccess: () =>
        void message.info(
          entry.status === 'offered' ? t('waitlist.mine.declined') : t('waitlist.mine.withdrawn'),
        ),
    });

  return (
    <li data-testid="waitlist-item" data-entry-id={entry.id} data-status={entry.status}>
      <Card size="small">
        <div className="custos-booking-card-head">
          <h3>
            {formatLongDate(beijingDateOf(entry.session.startsAt), language)}{' '}
            {beijingHm(entry.session.startsAt)}–{beijingHm(entry.session.endsAt)}
          </h3>
          <span data-testid="waitlist-status" data-status={entry.status}>
            <StatusTag tone={TONES[entry.status]}>{t(`waitlist.status.${entry.status}`)}</StatusTag>
          </span>
        </div>
        <p className="custos-activity-meta">
          {centre ? localName(centre) : ''} · {t('waitlist.mine.duration', { count: entry.durationMinutes })}
          {entry.position !== null ? (
            <>
              {' · '}
              <span data-testid="waitlist-position">
                {t('waitlist.positionShort', { position: entry.position })}
              </span>
            </>
          ) : null}
        </p>
        {entry.offer ? <OfferPanel entry={entry} offer={entry.offer} fetchedAt={fetchedAt} /> : null}
        <ProblemAlert error={withdraw.error} />
        {live ? (
          <div className="custos-booking-actions">
            <Button
              danger={entry.status === 'offered'}
              onClick={leave}
              loading={withdraw.isPending}
              data-testid="waitlist-withdraw"
            >
              {entry.status === 'offered' ? t('waitlist.mine.decline') : t('waitlist.mine.withdraw')}
            </Button>
          </div>
        ) : null}
      </Card>
    </li>
  );
}

function OfferPanel({
  entry,
  offer,
  fetchedAt,
}: {
  entry: WaitlistEntryView;
  offer: NonNullable<WaitlistEntryView['offer']>;
  fetchedAt: number;
}) {
  const { t } = useTranslation();
  const { user } = useGuardedSession();
  const navigate = useNavigate();
  const cancel = useCancelBooking();
  // Counted on this device from when the answer arrived, so a phone with a wrong clock still stops in time.
  const deadline = fetchedAt + offer.secondsLeft * 1000;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  /** Carries the held place into the journey, which then asks only for what is still missing. */
  const resume = () => {
    const previous = loadAnswers(user.id).hold;
    // A place held by an unfinished journey is given back rather than left to lapse.
    if (previous && previous.bookingId !== offer.bookingId) {
      cancel.mutate({ bookingId: previous.bookingId });
    }
    const answers: JourneyAnswers = {
      centreId: entry.unitId,
      date: beijingDateOf(entry.session.startsAt),
      hold: {
        bookingId: offer.bookingId,
        unitId: entry.unitId,
        sessionId: entry.sessionId,
        durationMinutes: entry.durationMinutes,
        startsAt: entry.session.startsAt,
        endsAt: new Date(Date.parse(entry.session.startsAt) + entry.durationMinutes * 60_000).toISOString(),
        deadline,
      },
    };
    saveAnswers(user.id, answers);
    void navigate(STEP_PATHS[firstUnanswered(answers)]);
  };

  return (
    <div className="custos-waitlist-offer" data-testid="waitlist-offer">
      <p>
        <strong>{t('waitlist.mine.offerTitle')}</strong>
      </p>
      <p>{t('waitlist.mine.offerBody', { until: beijingHm(offer.holdExpiresAt) })}</p>
      <p role="timer" aria-label={t('waitlist.mine.timerLabel')}>
        {t('waitlist.mine.remaining')}
        <time data-testid="waitlist-countdown">{formatCountdown(deadline - now)}</time>
      </p>
      <Button
        type="primary"
        size="large"
        block
        onClick={resume}
        disabled={deadline <= now}
        data-testid="waitlist-continue"
      >
        {t('waitlist.mine.continue')}
      </Button>
    </div>
  );
}
