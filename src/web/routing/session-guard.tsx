// Route guards. Each route says which step it is; a session that belongs elsewhere is sent there:
// no session to /login, pending second factor to its step, a lawyer in /console to /portal and back.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionView } from '../../modules/identity/schemas.js';
import type { Role } from '../../modules/identity/roles.js';
import { useSession } from '../server-api/auth.js';
import { PageSpinner } from '../components/page-spinner.js';
import { useProblemText } from '../components/use-problem-text.js';
import { SessionContext } from './session-context.js';
import { readFrom, redirectTarget } from './redirect-target.js';
import { nextStep, type Step } from './session-step.js';

function allowed(route: Step, session: SessionView | null): boolean {
  const step = nextStep(session);
  if (route === step) return true;
  // A complete session may change its password by choice.
  return route === 'password' && (step === 'portal' || step === 'console');
}

export function SessionGuard({ step, children }: { step: Step; children: ReactNode }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) return <PageSpinner />;
  if (session.isError) {
    return (
      <main className="custos-centred">
        <Result
          status="error"
          title={problemText(session.error)}
          extra={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
        />
      </main>
    );
  }
  if (!allowed(step, session.data)) {
    // A signed-out visitor's destination is remembered, so sign-in can return there.
    const from = session.data ? readFrom(location.state) : location.pathname + location.search;
    const { to, state } = redirectTarget(session.data, from);
    return <Navigate to={to} replace state={state} />;
  }
  return <SessionContext value={session.data}>{children}</SessionContext>;
}

/** Inside the console: a page for a role the user lacks answers as if it did not exist. */
export function RequireRole({
  role,
  children,
  fallback,
}: {
  role: Role;
  children: ReactNode;
  fallback: ReactNode;
}) {
  const session = useSession();
  return session.data?.user.roles.includes(role) ? children : fallback;
}
