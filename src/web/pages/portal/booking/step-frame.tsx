// What every step of the journey shares: a way back, "step n of 6", the step's heading and its intro.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { previousStep, STEP_PATHS, STEPS, stepNumber, type StepName } from './journey-state.js';

export function StepFrame({
  step,
  title,
  intro,
  children,
}: {
  step: StepName;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(`${title} · ${t('journey.title')}`);
  // Reached by a "change" link: back means back to the answers.
  const back = params.get('from') === 'check' ? 'check' : previousStep(step);
  return (
    <section className="custos-stack" aria-labelledby="journey-step-title" data-step={step}>
      {back ? (
        <Link to={STEP_PATHS[back]} className="custos-journey-back" data-testid="journey-back">
          ← {t('journey.back')}
        </Link>
      ) : null}
      <div>
        <p className="custos-journey-step">
          {t('journey.stepOf', { step: stepNumber(step), total: STEPS.length })}
        </p>
        <h1 className="custos-page-title" id="journey-step-title" data-testid="journey-step-title">
          {title}
        </h1>
        {intro ? <p className="custos-intro">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}
