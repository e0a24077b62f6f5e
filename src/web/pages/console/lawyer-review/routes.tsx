// The centre staff's lawyer review under /console; anyone without the role sees "not found".
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../../routing/session-guard.js';
import { NotFoundContent } from '../../not-found-page.js';

export const lawyerReviewRoutes: RouteObject[] = [
  {
    path: 'lawyer-review',
    lazy: async () => {
      const { LawyerReviewPage } = await import('./lawyer-review-page.js');
      return {
        element: (
          <RequireRole role="centre_staff" fallback={<NotFoundContent />}>
            <LawyerReviewPage />
          </RequireRole>
        ),
      };
    },
  },
];
