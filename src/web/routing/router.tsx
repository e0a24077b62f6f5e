// The route table. Each area is guarded by the sign-in step it belongs to; pages load lazily so the
// first download is only the shell and the sign-in form.
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { PageSpinner } from '../components/page-spinner.js';
import { NotFoundContent, NotFoundPage } from '../pages/not-found-page.js';
import { centreConsoleRoutes } from '../pages/console/centre/routes.js';
import { portalBookingRoutes } from '../pages/portal/booking/routes.js';
import { lawyerReviewRoutes } from '../pages/console/lawyer-review/routes.js';
import { caseConsoleRoutes } from '../pages/console/cases/routes.js';
import { holidayYearRoutes } from '../pages/console/holiday-years/routes.js';
import { portalAccountRoutes } from '../pages/portal/account/routes.js';
import { registerRoutes } from '../pages/register/routes.js';
import { RouteErrorPage } from '../pages/route-error-page.js';
import { HomeRedirect } from './home-redirect.js';
import { RequireRole, SessionGuard } from './session-guard.js';
import type { Step } from './session-step.js';

function guarded(step: Step, children: RouteObject[]): RouteObject {
  return {
    element: (
      <SessionGuard step={step}>
        <Outlet />
      </SessionGuard>
    ),
    children,
  };
}

const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      {
        lazy: async () => ({ Component: (await import('../pages/login/auth-layout.js')).AuthLayout }),
        children: [
          ...registerRoutes,
          guarded('login', [
            {
              path: '/login',
              lazy: async () => ({ Component: (await import('../pages/login/login-page.js')).LoginPage }),
            },
          ]),
          guarded('enrol', [
            {
              path: '/login/enrol',
              lazy: async () => ({
                Component: (await import('../pages/login/totp-enrol-page.js')).TotpEnrolPage,
              }),
            },
          ]),
          guarded('totp', [
            {
              path: '/login/totp',
              lazy: async () => ({
                Component: (await import('../pages/login/totp-verify-page.js')).TotpVerifyPage,
              }),
            },
          ]),
          guarded('password', [
            {
              path: '/password',
              lazy: async () => ({
                Component: (await import('../pages/password/change-password-page.js')).ChangePasswordPage,
              }),
            },
          ]),
        ],
      },
      guarded('portal', [
        {
          path: '/portal',
          lazy: async () => ({ Component: (await import('../pages/portal/portal-layout.js')).PortalLayout }),
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('../pages/portal/portal-home-page.js')).PortalHomePage,
              }),
            },
            ...portalBookingRoutes,
            ...portalAccountRoutes,
            { path: '*', element: <NotFoundContent /> },
          ],
        },
      ]),
      guarded('console', [
        {
          path: '/console',
          lazy: async () => ({
            Component: (await import('../pages/console/console-layout.js')).ConsoleLayout,
          }),
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('../pages/console/console-home-page.js')).ConsoleHomePage,
              }),
            },
            {
              path: 'users',
              lazy: async () => {
                const { UsersPage } = await import('../pages/console/users/users-page.js');
                return {
                  element: (
                    <RequireRole role="admin" fallback={<NotFoundContent />}>
                      <UsersPage />
                    </RequireRole>
                  ),
                };
              },
            },
            {
              path: 'units',
              lazy: async () => {
                const { UnitsPage } = await import('../pages/console/units/units-page.js');
                return {
                  element: (
                    <RequireRole role="admin" fallback={<NotFoundContent />}>
                      <UnitsPage />
                    </RequireRole>
                  ),
                };
              },
            },
            {
              path: 'dev-messages',
              lazy: async () => {
                const { DevMessagesPage } =
                  await import('../pages/console/dev-messages/dev-messages-page.js');
                return {
                  element: (
                    <RequireRole role="admin" fallback={<NotFoundContent />}>
                      <DevMessagesPage />
                    </RequireRole>
                  ),
                };
              },
            },
            ...centreConsoleRoutes,
            ...lawyerReviewRoutes,
            ...caseConsoleRoutes,
            ...holidayYearRoutes,
            {
              path: 'audit',
              lazy: async () => {
                const { AuditPage } = await import('../pages/console/audit/audit-page.js');
                return {
                  element: (
                    <RequireRole role="auditor" fallback={<NotFoundContent />}>
                      <AuditPage />
                    </RequireRole>
                  ),
                };
              },
            },
            { path: '*', element: <NotFoundContent /> },
          ],
        },
      ]),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
