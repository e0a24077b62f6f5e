// Request and response shapes of the waiting list, shared with the web UI.
import { z } from 'zod';
import { channelSchema } from './schemas.js';
import type { WAITLIST_STATUSES } from './tables.js';

/** The statuses of tables.ts, spelled out so that the web UI does not load the table definitions. */
const STATUSES = [
  'waiting',
  'offered',
  'booked',
  'lapsed',
  'withdrawn',
  'closed',
] as const satisfies typeof WAITLIST_STATUSES;

export const waitlistStatusSchema = z.enum(STATUSES);

/**
 * The shortest hold an offer gets, in minutes. A lawyer who chose a session holds it for the centre's
 * holdMinutes (10 by default) while already at the screen; an offer reaches them by SMS, perhaps in a
 * courtroom or on the road, and needs time to be read before the journey even starts. Thirty minutes
 * keeps a declined or ignored place moving down the queue within the hour. A centre whose holdMinutes is
 * longer gives its own.
 */
export const OFFER_MIN_HOLD_MINUTES = 30;

/** How long an offered place is held at a centre with this holdMinutes. */
export const offerHoldMinutes = (centreHoldMinutes: number) =>
  Math.max(centreHoldMinutes, OFFER_MIN_HOLD_MINUTES);
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
