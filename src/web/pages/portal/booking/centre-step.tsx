// Step 1: the detention centre.
import { Alert, Button, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLocalName } from '../../../i18n/use-language.js';
import { useCentres } from '../../../server-api/booking.js';
import { useContinue, useJourney } from './journey-context.js';
import { StepFrame } from './step-frame.js';

export function CentreStep() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const centres = useCentres();
  const { answers, update } = useJourney();
  const next = useContinue('centre');
  const [centreId, setCentreId] = useState(answers.centreId);
  const [missing, setMissing] = useState(false);

  const onContinue = () => {
    if (!centreId) {
      setMissing(true);
      return;
    }
    // Another centre has other dates: the date is chosen again (a held place stays until a new one is).
    next(update(centreId === answers.centreId ? {} : { centreId, date: undefined }));
  };

  return (
    <StepFrame step="centre" title={t('journey.centre.title')} intro={t('journey.centre.intro')}>
      <ProblemAlert error={centres.error} />
      {centres.isPending ? <Skeleton active /> : null}
      {centres.data?.length === 0 ? <Alert type="info" showIcon title={t('journey.centre.empty')} /> : null}
      {centres.data && centres.data.length > 0 ? (
        <fieldset aria-describedby={missing ? 'centre-error' : undefined}>
          <legend>{t('journey.centre.legend')}</legend>
          {missing ? (
            <p id="centre-error" className="custos-field-error" role="alert">
              {t('journey.centre.required')}
            </p>
          ) : null}
          <Radio.Group
            className="custos-choice-list"
            value={centreId}
            onChange={(e) => {
              setCentreId(e.target.value as string);
              setMissing(false);
            }}
          >
            {centres.data.map((c) => (
              <Radio key={c.id} value={c.id} data-testid={`centre-${c.code}`}>
                {localName(c)}
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
      ) : null}
      <Button type="primary" size="large" block onClick={onContinue} data-testid="journey-continue">
        {t('journey.continue')}
      </Button>
    </StepFrame>
  );
}
