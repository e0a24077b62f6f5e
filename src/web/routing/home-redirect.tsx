// "/" has no page of its own: it sends each visitor to their sign-in step or home.
import { Navigate } from 'react-router';
import { useSession } from '../server-api/auth.js';
import { PageSpinner } from '../components/page-spinner.js';
import { nextPath } from './session-step.js';

export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <PageSpinner />;
  return <Navigate to={nextPath(session.data ?? null)} replace />;
}
