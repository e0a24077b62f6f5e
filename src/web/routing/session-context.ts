// The session a guarded page runs under. Only SessionGuard provides it, with the session it checked.
import { createContext, useContext } from 'react';
import type { SessionView } from '../../modules/identity/schemas.js';

export const SessionContext = createContext<SessionView | null>(null);

/** The signed-in session; null only on the sign-in page, which is guarded as "no session". */
export function useGuardedSession(): SessionView {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useGuardedSession used outside a guarded route with a session');
  return session;
}
