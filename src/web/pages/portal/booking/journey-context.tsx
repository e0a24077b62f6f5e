// The journey's answers for every step, and the clock on the held place: when the hold lapses the lawyer
// is told so and taken back to choose a session again.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useGuardedSession } from '../../../routing/session-context.js';
import {
  clearAnswers,
  firstUnanswered,
  loadAnswers,
  nextStep,
  saveAnswers,
  STEP_PATHS,
  STEPS,
  type JourneyAnswers,
  type StepName,
} from './journey-state.js';

interface Journey {
  answers: JourneyAnswers;
  /** Merges answers and returns the result, so a step can decide where to go next at once. */
  update: (changes: Partial<JourneyAnswers>) => JourneyAnswers;
  reset: () => void;
  /**
   * Forgets the stored answers once the booking is made, leaving the page's own state alone: the steps
   * would otherwise redirect to the start while the result page loads.
   */
  finish: () => void;
  /** Set when a hold lapsed; the session step says so until a new place is held. */
  lapsed: boolean;
  setLapsed: (lapsed: boolean) => void;
}

const JourneyContext = createContext<Journey | null>(null);

export function JourneyProvider({ children }: { children: ReactNode }) {
  const { user } = useGuardedSession();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<JourneyAnswers>(() => loadAnswers(user.id));
  const [lapsed, setLapsed] = useState(false);

  const update = useCallback(
    (changes: Partial<JourneyAnswers>) => {
      const next = { ...answers, ...changes };
      setAnswers(next);
      saveAnswers(user.id, next);
      return next;
    },
    [answers, user.id],
  );

  const reset = useCallback(() => {
    setAnswers({});
    clearAnswers(user.id);
  }, [user.id]);

  const finish = useCallback(() => clearAnswers(user.id), [user.id]);

  const deadline = answers.hold?.deadline;
  useEffect(() => {
    if (deadline === undefined) return;
    const lapse = () => {
      setAnswers((current) => {
        const { hold: _gone, ...rest } = current;
        saveAnswers(user.id, rest);
        return rest;
      });
      setLapsed(true);
      void navigate(STEP_PATHS.session);
    };
    const left = deadline - Date.now();
    if (left <= 0) {
      lapse();
      return;
    }
    const timer = setTimeout(lapse, left);
    return () => clearTimeout(timer);
  }, [deadline, navigate, user.id]);

  const value = useMemo(
    () => ({ answers, update, reset, finish, lapsed, setLapsed }),
    [answers, update, reset, finish, lapsed],
  );
  return <JourneyContext value={value}>{children}</JourneyContext>;
}

export function useJourney(): Journey {
  const journey = useContext(JourneyContext);
  if (!journey) throw new Error('useJourney used outside the booking journey');
  return journey;
}

/** A step reached before the ones it needs sends the lawyer to the first step still to answer. */
export function StepGuard({ step, children }: { step: StepName; children: ReactNode }) {
  const { answers } = useJourney();
  const missing = firstUnanswered(answers);
  if (STEPS.indexOf(missing) < STEPS.indexOf(step)) return <Navigate to={STEP_PATHS[missing]} replace />;
  return children;
}

/**
 * Where a step goes once answered: the next step, or back to "check your answers" when the lawyer came from
 * there by a "change" link and nothing else needs answering again.
 */
export function useContinue(step: StepName): (after: JourneyAnswers) => void {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromCheck = params.get('from') === 'check';
  return (after) => {
    const target = fromCheck ? firstUnanswered(after) : nextStep(step);
    const stillNeeded = firstUnanswered(after);
    const go = STEPS.indexOf(stillNeeded) < STEPS.indexOf(target) ? stillNeeded : target;
    // A change that makes later answers void (another date needs another session) keeps the way back.
    void navigate(fromCheck && go !== 'check' ? `${STEP_PATHS[go]}?from=check` : STEP_PATHS[go]);
  };
}
