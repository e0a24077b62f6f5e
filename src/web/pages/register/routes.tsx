// The public registration page, under the sign-in frame and open without a session.
import type { RouteObject } from 'react-router';

export const registerRoutes: RouteObject[] = [
  {
    path: '/register',
    lazy: async () => ({ Component: (await import('./register-page.js')).RegisterPage }),
  },
];
