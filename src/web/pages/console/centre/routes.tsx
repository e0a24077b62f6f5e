// Centre staff pages as routes under /console/centre: each loads lazily and answers as "not found" to
// anyone without the centre_staff role.
import type { RouteObject } from 'react-router';
import { NotFoundContent } from '../../not-found-page.js';
import { RequireRole } from '../../../routing/session-guard.js';

function staffOnly(path: string, load: () => Promise<React.ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        element: (
          <RequireRole role="centre_staff" fallback={<NotFoundContent />}>
            <Page />
          </RequireRole>
        ),
      };
    },
  };
}

export const centreConsoleRoutes: RouteObject[] = [
  staffOnly('centre/day', async () => (await import('./day-sheet-page.js')).CentreDaySheetPage),
  staffOnly('centre/roster', async () => (await import('./roster-page.js')).CentreRosterPage),
  staffOnly(
    'centre/permissions',
    async () => (await import('./permission-queue-page.js')).CentrePermissionQueuePage,
  ),
  staffOnly('centre/sessions', async () => (await import('./sessions-page.js')).CentreSessionsPage),
  staffOnly('centre/rooms', async () => (await import('./rooms-page.js')).CentreRoomsPage),
  staffOnly(
    'centre/closed-dates',
    async () => (await import('./closed-dates-page.js')).CentreClosedDatesPage,
  ),
  staffOnly('centre/settings', async () => (await import('./settings-page.js')).CentreSettingsPage),
];
