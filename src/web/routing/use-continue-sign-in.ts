// After a sign-in step succeeds: go to the next step, or home (or where the visitor was going).
import { useLocation, useNavigate } from 'react-router';
import type { SessionView } from '../../modules/identity/schemas.js';
import { readFrom, redirectTarget } from './redirect-target.js';

export function useContinueSignIn(): (session: SessionView) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return (session) => {
    const { to, state } = redirectTarget(session, readFrom(location.state));
    void navigate(to, { replace: true, state });
  };
}
