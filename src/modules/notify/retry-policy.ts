// When to try a failed delivery again: soon at first, then ever more patiently, so a provider's short outage
// costs a minute and a long one does not hammer it.
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;

/** Delay after the given attempt (1-based) failed: 1 min, 5 min, 30 min, then 2 h for every later one. */
export function retryDelayMs(failedAttempt: number): number {
  const index = Math.min(Math.max(failedAttempt, 1), BACKOFF_MS.length) - 1;
  return BACKOFF_MS[index]!;
}

/** The longest one attempt may take; after it the attempt counts as failed and is retried. */
export const SEND_TIMEOUT_MS = 2 * 60_000;

/**
 * How long a dispatcher holds a message it is sending before another may take it over (a dispatcher that
 * stopped mid-send). Longer than any attempt, so a live dispatcher never loses a message it is still sending.
 */
export const SEND_LEASE_MS = 5 * 60_000;
