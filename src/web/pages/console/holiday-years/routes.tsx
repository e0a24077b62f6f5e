// The admin's holiday-year page under /console; anyone without the role sees "not found".
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../../routing/session-guard.js';
import { NotFoundContent } from '../../not-found-page.js';

export const holidayYearRoutes: RouteObject[] = [
  {
    path: 'holiday-years',
    lazy: async () => {
      const { HolidayYearsPage } = await import('./holiday-years-page.js');
      return {
        element: (
          <RequireRole role="admin" fallback={<NotFoundContent />}>
            <HolidayYearsPage />
          </RequireRole>
        ),
      };
    },
  },
];
