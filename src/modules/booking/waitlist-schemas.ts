// Request and response shapes of the waiting list, shared with the web UI.
import { z } from 'zod';
import { channelSchema } from './schemas.js';
import { WAITLIST_STATUSES } from './tables.js';

export const waitlistStatusSchema = z.enum(WAITLIST_STATUSES);
export type WaitlistStatus = z.infer<typeof waitlistStatusSchema>;

export const joinWaitlistRequestSchema = z.object({
  /** The meeting length the lawyer wants; the offer holds a place of this length. */
  durationMinutes: z.number().int().min(15).max(240),
});
export type JoinWaitlistRequest = z.infer<typeof joinWaitlistRequestSchema>;

/** A place offered to the lawyer: a hold in their name, to complete like any other before it lapses. */
export const waitlistOfferSchema = z.object({
  bookingId: z.uuid(),
  holdExpiresAt: z.iso.datetime(),
  /** Seconds left when the answer was made, so a phone with a wrong clock still counts down right. */
  secondsLeft: z.number().int().min(0),
});
export type WaitlistOffer = z.infer<typeof waitlistOfferSchema>;

export const waitlistEntryViewSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  sessionId: z.uuid(),
  status: waitlistStatusSchema,
  durationMinutes: z.number().int(),
  session: z.object({
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    channel: channelSchema,
  }),
  /** Place among the lawyers still waiting (1 = the next freed place is theirs); null unless waiting. */
  position: z.number().int().min(1).nullable(),
  /** The live offer, while its hold lasts. */
  offer: waitlistOfferSchema.nullable(),
  joinedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WaitlistEntryView = z.infer<typeof waitlistEntryViewSchema>;

/** One lawyer in a session's queue, as the centre's staff see it. */
export const queueEntryViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(['waiting', 'offered']),
  position: z.number().int().min(1).nullable(),
  durationMinutes: z.number().int(),
  lawyer: z.object({ displayName: z.string(), username: z.string() }),
  joinedAt: z.iso.datetime(),
  offerExpiresAt: z.iso.datetime().nullable(),
});
export type QueueEntryView = z.infer<typeof queueEntryViewSchema>;

export const sessionQueueViewSchema = z.object({
  unitId: z.uuid(),
  sessionId: z.uuid(),
  items: z.array(queueEntryViewSchema),
});
export type SessionQueueView = z.infer<typeof sessionQueueViewSchema>;

export const queueLengthsQuerySchema = z.object({ date: z.iso.date() });

/** How many lawyers wait, and how many hold an offer, in each session of a centre's day. */
export const queueLengthsViewSchema = z.object({
  unitId: z.uuid(),
  date: z.string(),
  sessions: z.array(z.object({ sessionId: z.uuid(), waiting: z.number().int(), offered: z.number().int() })),
});
export type QueueLengthsView = z.infer<typeof queueLengthsViewSchema>;
