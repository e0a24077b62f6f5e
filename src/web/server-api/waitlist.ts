// The waiting list: a lawyer joins a full session's queue, sees their entries and any offer, and withdraws;
// the centre's staff see queue lengths on the day sheet and a session's queue on demand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  queueLengthsViewSchema,
  sessionQueueViewSchema,
  waitlistEntryViewSchema,
  type QueueEntryView,
  type QueueLengthsView,
  type SessionQueueView,
  type WaitlistEntryView,
} from '../../modules/booking/waitlist-schemas.js';
import { z } from 'zod';
import { bookingKeys } from './booking.js';
import { requestParsed } from './client.js';

export type { QueueEntryView, QueueLengthsView, SessionQueueView, WaitlistEntryView };

export const waitlistKeys = {
  all: ['waitlist'] as const,
  mine: ['waitlist', 'mine'] as const,
  lengths: (unitId: string, date: string) => ['waitlist', 'lengths', unitId, date] as const,
  queue: (unitId: string, sessionId: string) => ['waitlist', 'queue', unitId, sessionId] as const,
};

const entryListSchema = z.object({ items: z.array(waitlistEntryViewSchema) });

/** The lawyer's entries; refreshed every `refreshEveryMs` so an offer shows up without a reload. */
export function useMyWaitlist(refreshEveryMs?: number) {
  return useQuery({
    queryKey: waitlistKeys.mine,
    queryFn: () => requestParsed('/api/waitlist/mine', entryListSchema),
    select: (data) => data.items,
    staleTime: 0,
    refetchInterval: refreshEveryMs ?? false,
  });
}

export function useJoinWaitlist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, durationMinutes }: { sessionId: string; durationMinutes: number }) =>
      requestParsed(`/api/sessions/${encodeURIComponent(sessionId)}/waitlist`, waitlistEntryViewSchema, {
        method: 'POST',
        body: { durationMinutes },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: waitlistKeys.all }),
  });
}

/** Leaves the queue; an offered place is given up, so the places shown change too. */
export function useWithdrawWaitlist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) =>
      requestParsed(`/api/waitlist/${encodeURIComponent(entryId)}/withdraw`, waitlistEntryViewSchema, {
        method: 'POST',
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: waitlistKeys.all });
      await client.invalidateQueries({ queryKey: bookingKeys.all });
    },
  });
}

// ---- for centre staff

export function useQueueLengths(unitId: string, date: string) {
  return useQuery({
    queryKey: waitlistKeys.lengths(unitId, date),
    queryFn: () =>
      requestParsed(`/api/centres/${encodeURIComponent(unitId)}/waitlist`, queueLengthsViewSchema, {
        query: { date },
      }),
    staleTime: 0,
  });
}

/** A session's queue, fetched only while `enabled` (the staff member opened it). */
export function useSessionQueue(unitId: string, sessionId: string | undefined) {
  return useQuery({
    queryKey: waitlistKeys.queue(unitId, sessionId ?? ''),
    queryFn: () =>
      requestParsed(
        `/api/centres/${encodeURIComponent(unitId)}/sessions/${encodeURIComponent(sessionId!)}/waitlist`,
        sessionQueueViewSchema,
      ),
    enabled: sessionId !== undefined,
    staleTime: 0,
  });
}
