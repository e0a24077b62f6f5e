// The countdown on the held place, and a way to give it up at once so another lawyer can have it.
import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatCountdown } from '../../../format/beijing-date.js';
import { useCancelBooking } from '../../../server-api/booking.js';
import { onBehalf, useBookingFor } from '../../../server-api/booking-for.js';
import { useJourney } from './journey-context.js';

export function HoldBanner() {
  const { t } = useTranslation();
  const { answers, reset } = useJourney();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const cancel = useCancelBooking();
  const { onBehalfOf } = useBookingFor();
  const [now, setNow] = useState(() => Date.now());
  const hold = answers.hold;

  useEffect(() => {
    if (!hold) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [hold]);

  if (!hold) return null;
  const left = formatCountdown(hold.deadline - now);

  const release = () =>
    cancel.mutate(
      { bookingId: hold.bookingId, ...onBehalf(onBehalfOf) },
      {
        // Gone either way: released now, or lapsed already.
        onSettled: () => {
          reset();
          void message.info(t('journey.hold.released'));
          void navigate('/portal');
        },
      },
    );

  return (
    <div className="custos-hold-banner" data-testid="hold-banner">
      <span role="timer" aria-label={t('journey.hold.timerLabel')}>
        {t('journey.hold.remaining')}
        <time data-testid="hold-countdown">{left}</time>
      </span>
      <Button size="small" onClick={release} loading={cancel.isPending} data-testid="hold-release">
        {t('journey.hold.release')}
      </Button>
    </div>
  );
}
