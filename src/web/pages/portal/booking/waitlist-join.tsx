// In the session step, for a full session: join its waiting list with the meeting length chosen, or, once
// on it, the lawyer's place in the queue (or word that a place is already held for them).
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { offerHoldMinutes } from '../../../../modules/booking/waitlist-schemas.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import type { SessionView } from '../../../server-api/booking.js';
import { useJoinWaitlist, useMyWaitlist } from '../../../server-api/waitlist.js';
import './waitlist.css';

export function WaitlistJoin({
  session,
  durationMinutes,
  centreHoldMinutes,
}: {
  session: SessionView;
  durationMinutes: number | undefined;
  centreHoldMinutes: number;
}) {
  const { t } = useTranslation();
  const mine = useMyWaitlist();
  const join = useJoinWaitlist();
  const entry = mine.data?.find(
    (e) => e.sessionId === session.id && (e.status === 'waiting' || e.status === 'offered'),
  );

  if (entry) {
    return (
      <div role="status" data-testid="waitlist-position">
        {entry.status === 'offered' ? (
          <Alert
            type="success"
            showIcon
            title={t('waitlist.offeredHere')}
            action={<Link to="/portal/bookings">{t('portalNav.bookings')}</Link>}
          />
        ) : (
          <Alert type="info" showIcon title={t('waitlist.position', { position: entry.position })} />
        )}
      </div>
    );
  }

  return (
    <section
      aria-labelledby="waitlist-join-title"
      className="custos-waitlist-join"
      data-testid="waitlist-join"
    >
      <h2 id="waitlist-join-title" className="custos-card-title">
        {t('waitlist.join.title')}
      </h2>
      <p className="custos-journey-step">
        {t('waitlist.join.body', { minutes: offerHoldMinutes(centreHoldMinutes) })}
      </p>
      {durationMinutes === undefined ? (
        <p className="custos-journey-step" id="waitlist-duration-note">
          {t('waitlist.join.chooseDuration')}
        </p>
      ) : null}
      <ProblemAlert error={join.error ?? mine.error} />
      <Button
        type="primary"
        size="large"
        block
        disabled={durationMinutes === undefined || join.isPending || mine.isPending}
        loading={join.isPending}
        aria-describedby={durationMinutes === undefined ? 'waitlist-duration-note' : undefined}
        onClick={() => {
          if (durationMinutes !== undefined) join.mutate({ sessionId: session.id, durationMinutes });
        }}
        data-testid="waitlist-join-button"
      >
        {durationMinutes === undefined
          ? t('waitlist.join.title')
          : t('waitlist.join.button', { minutes: durationMinutes })}
      </Button>
    </section>
  );
}
