// The end of a lock-out, from the problem's data.lockedUntil, in Beijing time.
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../server-api/problem.js';
import { formatBeijingTime } from '../../format/date-time.js';

export const LOCKED = 'auth.locked';

export function LockedUntil({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(error, LOCKED)) return null;
  const until = error.problem.data?.lockedUntil;
  if (typeof until !== 'string') return null;
  return <span data-testid="locked-until">{t('login.lockedUntil', { time: formatBeijingTime(until) })}</span>;
}
