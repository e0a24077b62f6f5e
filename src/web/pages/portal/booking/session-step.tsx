// Step 3: the session and the meeting length. Places left refresh every 15 seconds while the lawyer is
// here; choosing holds a place at once, so it cannot be taken while they fill in the rest.
import { Alert, Button, Radio, Skeleton } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { beijingHm, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  useAvailability,
  useCancelBooking,
  useCentreSettings,
  useHold,
  type SessionView,
} from '../../../server-api/booking.js';
import { onBehalf, useBookingFor } from '../../../server-api/booking-for.js';
import { StepGuard, useContinue, useJourney } from './journey-context.js';
import { holdMatches, newIdempotencyKey } from './journey-state.js';
import { StepFrame } from './step-frame.js';
import { WaitlistJoin } from './waitlist-join.js';

const REFRESH_MS = 15_000;

export function SessionStep() {
  return (
    <StepGuard step="session">
      <SessionChoice />
    </StepGuard>
  );
}

function SessionChoice() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { answers, update, lapsed, setLapsed } = useJourney();
  const next = useContinue('session');
  const availability = useAvailability(answers.centreId, REFRESH_MS);
  const settings = useCentreSettings(answers.centreId);
  const hold = useHold();
  const cancel = useCancelBooking();
  const bookingFor = useBookingFor();
  const busy = useRef(false);

  const current = holdMatches(answers) ? answers.hold : undefined;
  const [sessionId, setSessionId] = useState(current?.sessionId);
  const [duration, setDuration] = useState(current?.durationMinutes);
  const [missing, setMissing] = useState<'session' | 'duration' | null>(null);

  const day = availability.data?.find((d) => d.date === answers.date);
  const sessions = day?.sessions ?? [];
  const chosen = sessions.find((s) => s.id === sessionId);
  const holdMinutes = settings.data?.holdMinutes ?? 10;
  // A full session can still be chosen: its waiting list is joined instead of holding a place.
  const full = chosen && chosen.remaining === 0 && current?.sessionId !== chosen.id ? chosen : undefined;

  const choose = (s: SessionView) => {
    setSessionId(s.id);
    setMissing(null);
    if (!duration || !s.durations.includes(duration))
      setDuration(s.durations.length === 1 ? s.durations[0] : undefined);
  };

  const onContinue = async () => {
    if (!chosen) return setMissing('session');
    if (!duration) return setMissing('duration');
    // The place already held is kept: coming back here by "change" and continuing loses nothing.
    if (current && current.sessionId === chosen.id && current.durationMinutes === duration) {
      next(answers);
      return;
    }
    if (busy.current) return;
    busy.current = true;
    try {
      // One lawyer cannot hold two overlapping places, so the old one goes first.
      if (answers.hold) {
        await cancel
          .mutateAsync({ bookingId: answers.hold.bookingId, ...onBehalf(bookingFor.onBehalfOf) })
          .catch(() => undefined);
        update({ hold: undefined });
      }
      const startedAt = Date.now();
      const held = await hold.mutateAsync({
        sessionId: chosen.id,
        durationMinutes: duration,
        idempotencyKey: newIdempotencyKey(),
        ...onBehalf(bookingFor.onBehalfOf),
      });
      setLapsed(false);
      // Counted on this device from when the request left, so a phone with a wrong clock still stops in time.
      const deadline = settings.data
        ? startedAt + settings.data.holdMinutes * 60_000
        : Date.parse(held.holdExpiresAt ?? '') || startedAt + holdMinutes * 60_000;
      next(
        update({
          hold: {
            bookingId: held.id,
            unitId: held.unitId,
            sessionId: held.sessionId,
            durationMinutes: held.durationMinutes,
            startsAt: held.startsAt,
            endsAt: held.endsAt,
            deadline,
          },
        }),
      );
    } catch {
      // The problem is shown below; the counts may have changed, so they are fetched again.
      void availability.refetch();
    } finally {
      busy.current = false;
    }
  };

  const updatedAt = availability.dataUpdatedAt
    ? new Date(availability.dataUpdatedAt).toLocaleTimeString(language === 'en' ? 'en-GB' : 'zh-CN', {
        hour12: false,
      })
    : '';

  return (
    <StepFrame
      step="session"
      title={t('journey.session.title')}
      intro={
        <>
          {answers.date ? <strong>{formatLongDate(answers.date, language)}</strong> : null}{' '}
          {t('journey.session.intro', { minutes: holdMinutes })}
        </>
      }
    >
      {lapsed ? (
        <Alert type="warning" showIcon title={t('journey.session.lapsed')} data-testid="hold-lapsed" />
      ) : null}
      <ProblemAlert error={hold.error ?? availability.error} />
      {availability.isPending ? <Skeleton active /> : null}
      {availability.isSuccess && sessions.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('journey.session.noneLeft')}
          description={t('journey.date.walkIn')}
        />
      ) : null}
      {sessions.length > 0 ? (
        <>
          <fieldset aria-describedby={missing === 'session' ? 'session-error' : 'session-refreshed'}>
            <legend>{t('journey.session.sessionLegend')}</legend>
            <p id="session-refreshed" className="custos-journey-step" aria-live="off">
              {t('journey.session.refreshed', { time: updatedAt })}
            </p>
            {missing === 'session' ? (
              <p id="session-error" className="custos-field-error" role="alert">
                {t('journey.session.sessionRequired')}
              </p>
            ) : null}
            <Radio.Group
              className="custos-choice-list"
              value={sessionId}
              onChange={(e) => {
                const s = sessions.find((x) => x.id === e.target.value);
                if (s) choose(s);
              }}
            >
              {sessions.map((s) => {
                const mine = current?.sessionId === s.id;
                return (
                  <Radio key={s.id} value={s.id} data-testid={`session-${beijingHm(s.startsAt)}`}>
                    <span className="custos-choice-label">
                      <span>
                        {beijingHm(s.startsAt)}–{beijingHm(s.endsAt)} · {t(`channel.${s.channel}`)}
                      </span>
                      <span className="custos-choice-meta" data-testid="session-places">
                        {mine
                          ? t('journey.session.yourHold')
                          : s.remaining === 0
                            ? t('journey.session.full')
                            : t('journey.session.placesLeft', { count: s.remaining })}
                      </span>
                    </span>
                  </Radio>
                );
              })}
            </Radio.Group>
          </fieldset>
          {chosen ? (
            <fieldset aria-describedby={missing === 'duration' ? 'duration-error' : undefined}>
              <legend>{t('journey.session.durationLegend')}</legend>
              {missing === 'duration' ? (
                <p id="duration-error" className="custos-field-error" role="alert">
                  {t('journey.session.durationRequired')}
                </p>
              ) : null}
              <Radio.Group
                className="custos-duration-list"
                optionType="button"
                value={duration}
                onChange={(e) => {
                  setDuration(e.target.value as number);
                  setMissing(null);
                }}
                options={chosen.durations.map((m) => ({
                  value: m,
                  label: t('journey.session.minutes', { count: m }),
                }))}
              />
            </fieldset>
          ) : null}
        </>
      ) : null}
      {full ? (
        <WaitlistJoin session={full} durationMinutes={duration} centreHoldMinutes={holdMinutes} />
      ) : (
        <Button
          type="primary"
          size="large"
          block
          onClick={() => void onContinue()}
          loading={hold.isPending || cancel.isPending}
          disabled={hold.isPending || cancel.isPending}
          data-testid="journey-continue"
        >
          {current && chosen?.id === current.sessionId && duration === current.durationMinutes
            ? t('journey.continue')
            : t('journey.session.hold')}
        </Button>
      )}
    </StepFrame>
  );
}
