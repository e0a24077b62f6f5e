// Meeting bookings: centres and their availability, the lawyer's holds, bookings and cancellations, and
// the centre staff's configuration, roster and day sheet.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgUnitView } from '../../modules/identity/schemas.js';
import type {
  BookingView,
  ClosedDateView,
  CompleteRequest,
  DaySheetQuery,
  DaySheetView,
  DetaineeListItem,
  DetaineeStatus,
  FacilitySettings,
  HoldRequest,
  RoomView,
  RosterImportResult,
  SessionView,
  TemplateInput,
  TemplateView,
} from '../../modules/booking/schemas.js';
import { onBehalf, useBookingFor } from './booking-for.js';
import { request, requestJson } from './client.js';

export type {
  BookingView,
  ClosedDateView,
  DaySheetView,
  DetaineeListItem,
  DetaineeStatus,
  FacilitySettings,
  RoomView,
  RosterImportResult,
  SessionView,
  TemplateView,
};

export interface AvailabilityDay {
  date: string;
  remaining: number;
  sessions: SessionView[];
}

const unitPath = (unitId: string) => `/api/centres/${encodeURIComponent(unitId)}`;

export const bookingKeys = {
  all: ['booking'] as const,
  centres: ['booking', 'centres'] as const,
  availability: (unitId: string) => ['booking', 'availability', unitId] as const,
  settings: (unitId: string) => ['booking', 'settings', unitId] as const,
  mine: ['booking', 'mine'] as const,
  rooms: (unitId: string) => ['booking', 'rooms', unitId] as const,
  templates: (unitId: string) => ['booking', 'templates', unitId] as const,
  closedDates: (unitId: string) => ['booking', 'closed-dates', unitId] as const,
  roster: (unitId: string) => ['booking', 'roster', unitId] as const,
  daySheet: (unitId: string) => ['booking', 'day-sheet', unitId] as const,
};

/** The calendar file of a booking; a plain link, since the browser downloads it with the session cookie. */
export const bookingIcsUrl = (bookingId: string) => `/api/bookings/${encodeURIComponent(bookingId)}/ics`;

export const daySheetCsvUrl = (unitId: string, date: string) =>
  `${unitPath(unitId)}/bookings.csv?date=${encodeURIComponent(date)}`;

// ---- for lawyers

export function useCentres() {
  return useQuery({
    queryKey: bookingKeys.centres,
    queryFn: () => requestJson<{ items: OrgUnitView[] }>('/api/centres'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** Bookable days with places left; `refreshEveryMs` keeps the counts live while a lawyer chooses. */
export function useAvailability(unitId: string | undefined, refreshEveryMs?: number) {
  return useQuery({
    queryKey: bookingKeys.availability(unitId ?? ''),
    queryFn: () =>
      requestJson<{ unitId: string; days: AvailabilityDay[] }>(`${unitPath(unitId!)}/availability`),
    select: (data) => data.days,
    enabled: unitId !== undefined,
    staleTime: 0,
    refetchInterval: refreshEveryMs ?? false,
  });
}

export function useCentreSettings(unitId: string | undefined) {
  return useQuery({
    queryKey: bookingKeys.settings(unitId ?? ''),
    queryFn: () => requestJson<FacilitySettings>(`${unitPath(unitId!)}/settings`),
    enabled: unitId !== undefined,
  });
}

/** The bookings list of the lawyer, or of the principal a confirmed assistant books for. */
export function myBookingsQuery(onBehalfOf: string | undefined) {
  return {
    queryKey: [...bookingKeys.mine, onBehalfOf ?? 'self'] as const,
    queryFn: () => requestJson<{ items: BookingView[] }>('/api/bookings/mine', { query: { onBehalfOf } }),
  };
}

/** "My bookings": for an assistant, their principal's (booking-for.ts); asked once that is known. */
export function useMyBookings() {
  const bookingFor = useBookingFor();
  return useQuery({
    ...myBookingsQuery(bookingFor.onBehalfOf),
    select: (data) => data.items,
    enabled: bookingFor.status !== 'pending',
    staleTime: 0,
  });
}

export function useHold() {
  return useMutation({
    mutationFn: (input: HoldRequest) =>
      requestJson<BookingView>('/api/bookings/holds', { method: 'POST', body: input }),
  });
}

export function useCompleteBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, ...input }: CompleteRequest & { bookingId: string }) =>
      requestJson<BookingView>(`/api/bookings/${encodeURIComponent(bookingId)}/complete`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookingKeys.all }),
  });
}

export function useCancelBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      bookingId,
      reason,
      onBehalfOf,
    }: {
      bookingId: string;
      reason?: string;
      onBehalfOf?: string;
    }) =>
      requestJson<BookingView>(`/api/bookings/${encodeURIComponent(bookingId)}/cancel`, {
        method: 'POST',
        body: { ...(reason ? { reason } : {}), ...onBehalf(onBehalfOf) },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookingKeys.all }),
  });
}

// ---- for centre staff

export function useUpdateCentreSettings(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: FacilitySettings) =>
      requestJson<FacilitySettings>(`${unitPath(unitId)}/settings`, { method: 'PUT', body: settings }),
    onSuccess: (saved) => client.setQueryData(bookingKeys.settings(unitId), saved),
  });
}

export function useRooms(unitId: string) {
  return useQuery({
    queryKey: bookingKeys.rooms(unitId),
    queryFn: () => requestJson<{ items: RoomView[] }>(`${unitPath(unitId)}/rooms`),
    select: (data) => data.items,
  });
}

export function useAddRoom(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (room: { name: string; channel: RoomView['channel'] }) =>
      requestJson<{ id: string }>(`${unitPath(unitId)}/rooms`, { method: 'POST', body: room }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookingKeys.rooms(unitId) }),
  });
}

export function useTemplates(unitId: string) {
  return useQuery({
    queryKey: bookingKeys.templates(unitId),
    queryFn: () => requestJson<{ items: TemplateView[] }>(`${unitPath(unitId)}/session-templates`),
    select: (data) => data.items,
  });
}

/** Adds one weekly session on each chosen weekday; stops at the first refusal and says how far it got. */
export function useAddTemplates(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      weekdays,
      ...template
    }: Omit<TemplateInput, 'weekday'> & { weekdays: number[] }) => {
      let added = 0;
      try {
        for (const weekday of weekdays) {
          await request(`${unitPath(unitId)}/session-templates`, {
            method: 'POST',
            body: { ...template, weekday },
          });
          added++;
        }
      } finally {
        if (added > 0) await client.invalidateQueries({ queryKey: bookingKeys.templates(unitId) });
      }
      return added;
    },
  });
}

export function useClosedDates(unitId: string) {
  return useQuery({
    queryKey: bookingKeys.closedDates(unitId),
    queryFn: () => requestJson<{ items: ClosedDateView[] }>(`${unitPath(unitId)}/closed-dates`),
    select: (data) => data.items,
  });
}

export function useCloseDate(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (closed: ClosedDateView) =>
      request(`${unitPath(unitId)}/closed-dates`, { method: 'POST', body: closed }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookingKeys.closedDates(unitId) }),
  });
}

export function useRoster(unitId: string) {
  return useQuery({
    queryKey: bookingKeys.roster(unitId),
    queryFn: () => requestJson<{ items: DetaineeListItem[] }>(`${unitPath(unitId)}/detainees`),
    select: (data) => data.items,
  });
}

export function useAddDetainee(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (detainee: { name: string; idNo: string; restrictedCase: boolean }) =>
      requestJson<{ id: string }>(`${unitPath(unitId)}/detainees`, { method: 'POST', body: detainee }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookingKeys.roster(unitId) }),
  });
}

export function useImportRoster(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean }) =>
      requestJson<RosterImportResult>(`${unitPath(unitId)}/detainees/import`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (result) => {
      if (result.imported > 0) void client.invalidateQueries({ queryKey: bookingKeys.roster(unitId) });
    },
  });
}

export function useSetDetaineeStatus(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ detaineeId, status }: { detaineeId: string; status: DetaineeStatus }) =>
      requestJson<DetaineeListItem>(
        `${unitPath(unitId)}/detainees/${encodeURIComponent(detaineeId)}/status`,
        {
          method: 'POST',
          body: { status },
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: bookingKeys.roster(unitId) }),
  });
}

export function useDaySheet(unitId: string, query: DaySheetQuery) {
  return useQuery({
    queryKey: [...bookingKeys.daySheet(unitId), query],
    queryFn: () =>
      requestJson<DaySheetView>(`${unitPath(unitId)}/day-sheet`, {
        query: { date: query.date, sessionId: query.sessionId, status: query.status },
      }),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}
