// The lawyer's account page under /portal.
import type { RouteObject } from 'react-router';

export const portalAccountRoutes: RouteObject[] = [
  {
    path: 'account',
    lazy: async () => ({ Component: (await import('./account-page.js')).AccountPage }),
  },
];
