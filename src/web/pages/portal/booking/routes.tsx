// The lawyer's booking pages as routes under /portal: the journey (/portal/book/...), my bookings, and
// one booking. Each page loads lazily.
import type { RouteObject } from 'react-router';

export const portalBookingRoutes: RouteObject[] = [
  {
    path: 'book',
    lazy: async () => ({
      Component: (await import('./booking-journey-layout.js')).BookingJourneyLayout,
    }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./centre-step.js')).CentreStep }) },
      { path: 'date', lazy: async () => ({ Component: (await import('./date-step.js')).DateStep }) },
      { path: 'session', lazy: async () => ({ Component: (await import('./session-step.js')).SessionStep }) },
      { path: 'client', lazy: async () => ({ Component: (await import('./client-step.js')).ClientStep }) },
      {
        path: 'documents',
        lazy: async () => ({ Component: (await import('./documents-step.js')).DocumentsStep }),
      },
      {
        path: 'co-counsel',
        lazy: async () => ({ Component: (await import('./co-counsel-step.js')).CoCounselStep }),
      },
      {
        path: 'check',
        lazy: async () => ({ Component: (await import('./check-answers-step.js')).CheckAnswersStep }),
      },
    ],
  },
  {
    path: 'bookings',
    lazy: async () => ({ Component: (await import('./my-bookings-page.js')).MyBookingsPage }),
  },
  {
    path: 'bookings/:bookingId',
    lazy: async () => ({ Component: (await import('./booking-result-page.js')).BookingResultPage }),
  },
];
