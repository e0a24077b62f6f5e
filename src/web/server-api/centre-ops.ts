// The centre's own acts on bookings (cancel with a reason, record whether a meeting took place, correct
// it), the roster's release or transfer with the meetings it cancels, and the lawyer's read of why the
// centre cancelled.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceOutcome,
  CentreBookingResult,
  CentreCancellationView,
  CentreCancelRequest,
  DetaineeStatusResult,
} from '../../modules/booking/centre-ops-schemas.js';
import type { DetaineeStatus } from '../../modules/booking/schemas.js';
import { bookingKeys } from './booking.js';
import { requestJson } from './client.js';

export type { AttendanceOutcome, CentreCancellationView, CentreCancelRequest, DetaineeStatusResult };

const centrePath = (unitId: string) => `/api/centres/${encodeURIComponent(unitId)}`;
const bookingPath = (unitId: string, bookingId: string) =>
  `${centrePath(unitId)}/bookings/${encodeURIComponent(bookingId)}`;

export const centreOpsKeys = {
  comingMeetings: (unitId: string, detaineeId: string) =>
    ['booking', 'coming-meetings', unitId, detaineeId] as const,
  myCentreCancellations: ['booking', 'mine', 'centre-cancellations'] as const,
};

/** After any of these acts the day sheet, the places and the roster's warnings may all have changed. */
function useRefreshBookings() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: bookingKeys.all });
}

export function useCentreCancel(unitId: string) {
  const refresh = useRefreshBookings();
  return useMutation({
    mutationFn: ({ bookingId, ...input }: CentreCancelRequest & { bookingId: string }) =>
      requestJson<CentreBookingResult>(`${bookingPath(unitId, bookingId)}/cancel`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useRecordAttendance(unitId: string) {
  const refresh = useRefreshBookings();
  return useMutation({
    mutationFn: ({ bookingId, outcome }: { bookingId: string; outcome: AttendanceOutcome }) =>
      requestJson<CentreBookingResult>(`${bookingPath(unitId, bookingId)}/attendance`, {
        method: 'POST',
        body: { outcome },
      }),
    onSuccess: refresh,
  });
}

export function useCorrectToNoShow(unitId: string) {
  const refresh = useRefreshBookings();
  return useMutation({
    mutationFn: ({ bookingId, reason }: { bookingId: string; reason: string }) =>
      requestJson<CentreBookingResult>(`${bookingPath(unitId, bookingId)}/attendance/correction`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: refresh,
  });
}

/** How many meetings a release or transfer would cancel; asked when staff open the confirmation. */
export function useComingMeetings(unitId: string, detaineeId: string, enabled: boolean) {
  return useQuery({
    queryKey: centreOpsKeys.comingMeetings(unitId, detaineeId),
    queryFn: () =>
      requestJson<{ count: number }>(
        `${centrePath(unitId)}/detainees/${encodeURIComponent(detaineeId)}/upcoming-bookings`,
      ),
    select: (data) => data.count,
    enabled,
    staleTime: 0,
  });
}

/** Marks a detainee released, transferred or back in custody; says how many meetings that cancelled. */
export function useChangeDetaineeStatus(unitId: string) {
  const refresh = useRefreshBookings();
  return useMutation({
    mutationFn: ({ detaineeId, status }: { detaineeId: string; status: DetaineeStatus }) =>
      requestJson<DetaineeStatusResult>(
        `${centrePath(unitId)}/detainees/${encodeURIComponent(detaineeId)}/status`,
        { method: 'POST', body: { status } },
      ),
    onSuccess: refresh,
  });
}

/** Why the centre cancelled the lawyer's meetings; asked only where "my bookings" shows such a meeting. */
export function useMyCentreCancellations() {
  return useQuery({
    queryKey: centreOpsKeys.myCentreCancellations,
    queryFn: () =>
      requestJson<{ items: CentreCancellationView[] }>('/api/bookings/mine/centre-cancellations'),
    select: (data) => data.items,
  });
}
