// Step 2: the date. Only dates the centre takes bookings on, each with the online places left that day.
import { Alert, Button, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useAvailability } from '../../../server-api/booking.js';
import { StepGuard, useContinue, useJourney } from './journey-context.js';
import { StepFrame } from './step-frame.js';

export function DateStep() {
  return (
    <StepGuard step="date">
      <DateChoice />
    </StepGuard>
  );
}

function DateChoice() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { answers, update } = useJourney();
  const next = useContinue('date');
  const availability = useAvailability(answers.centreId);
  const [date, setDate] = useState(answers.date);
  const [missing, setMissing] = useState(false);
  const days = (availability.data ?? []).filter((d) => d.sessions.length > 0);

  const onContinue = () => {
    if (!date) {
      setMissing(true);
      return;
    }
    next(update({ date }));
  };

  return (
    <StepFrame step="date" title={t('journey.date.title')} intro={t('journey.date.intro')}>
      <ProblemAlert error={availability.error} />
      {availability.isPending ? <Skeleton active /> : null}
      {availability.isSuccess && days.length === 0 ? (
        <Alert type="info" showIcon title={t('journey.date.none')} description={t('journey.date.walkIn')} />
      ) : null}
      {days.length > 0 ? (
        <fieldset aria-describedby={missing ? 'date-error' : undefined}>
          <legend>{t('journey.date.legend')}</legend>
          {missing ? (
            <p id="date-error" className="custos-field-error" role="alert">
              {t('journey.date.required')}
            </p>
          ) : null}
          <Radio.Group
            className="custos-choice-list"
            value={date}
            onChange={(e) => {
              setDate(e.target.value as string);
              setMissing(false);
            }}
          >
            {days.map((d) => (
              // A full day stays selectable: its sessions take a place on the waiting list.
              <Radio
                key={d.date}
                value={d.date}
                disabled={d.sessions.length === 0}
                data-testid={`date-${d.date}`}
              >
                <span className="custos-choice-label">
                  <span>{formatLongDate(d.date, language)}</span>
                  <span className="custos-choice-meta">
                    {d.remaining === 0
                      ? t('journey.date.full')
                      : t('journey.date.placesLeft', { count: d.remaining })}
                  </span>
                </span>
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
      ) : null}
      {days.some((d) => d.remaining === 0) ? (
        <p className="custos-intro">{t('journey.date.walkIn')}</p>
      ) : null}
      <Button type="primary" size="large" block onClick={onContinue} data-testid="journey-continue">
        {t('journey.continue')}
      </Button>
    </StepFrame>
  );
}
