// Cases and evidence under /console: the case list, a case's page, and the evidence alerts. Anyone without
// an evidence role sees "not found" (the admin included: separation of duties).
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../../../../modules/identity/roles.js';
import { useSession } from '../../../server-api/auth.js';
import { NotFoundContent } from '../../not-found-page.js';

export const CASE_ROLES: readonly Role[] = ['case_officer', 'custodian', 'reviewer', 'supervisor'];

function RequireEvidenceRole({ children }: { children: ReactNode }) {
  const session = useSession();
  const roles = session.data?.user.roles ?? [];
  const allowed = !roles.includes('admin') && roles.some((r) => CASE_ROLES.includes(r));
  return allowed ? children : <NotFoundContent />;
}

function evidencePage(path: string, load: () => Promise<React.ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        element: (
          <RequireEvidenceRole>
            <Page />
          </RequireEvidenceRole>
        ),
      };
    },
  };
}

export const caseConsoleRoutes: RouteObject[] = [
  evidencePage('cases', async () => (await import('./cases-page.js')).CasesPage),
  evidencePage('cases/:caseId', async () => (await import('./case-page.js')).CasePage),
  evidencePage('evidence-alerts', async () => (await import('./evidence-alerts-page.js')).EvidenceAlertsPage),
];
