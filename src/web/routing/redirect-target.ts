// Where to send a session that is not where it belongs. A signed-out visitor's destination rides
// along in the location state through the sign-in steps, and is used once they reach its home.
import type { SessionView } from '../../modules/identity/schemas.js';
import { nextStep, PATHS } from './session-step.js';

export interface SignInState {
  from?: string;
}

export function readFrom(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('from' in state)) return undefined;
  const from = (state as SignInState).from;
  return typeof from === 'string' && from.startsWith('/') ? from : undefined;
}

export function redirectTarget(
  session: SessionView | null,
  from: string | undefined,
): { to: string; state: SignInState | undefined } {
  const step = nextStep(session);
  if (step === 'portal' || step === 'console') {
    const home = PATHS[step];
    const returnTo = from && (from === home || from.startsWith(`${home}/`)) ? from : home;
    return { to: returnTo, state: undefined };
  }
  return { to: PATHS[step], state: from ? { from } : undefined };
}
