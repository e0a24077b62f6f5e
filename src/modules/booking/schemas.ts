// Request and response shapes of the booking API, shared with the web UI.
import { z } from 'zod';
import { idNoSchema } from '../lawyers/id-number.js';

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time as HH:MM');
export const channelSchema = z.enum(['in_person', 'remote']);
const idempotencyKeySchema = z.string().trim().min(8).max(100);

export const facilitySettingsSchema = z.object({
  bookingWindowWorkingDays: z.number().int().min(1).max(30),
  minNoticeHours: z.number().int().min(0).max(168),
  cancellationDeadlineHours: z.number().int().min(0).max(168),
  strikeThreshold: z.number().int().min(1).max(20),
  strikeWindowDays: z.number().int().min(1).max(365),
  suspensionDays: z.number().int().min(1).max(365),
  holdMinutes: z.number().int().min(1).max(60),
  maxBookingsPerDetaineePerWeek: z.number().int().min(1).max(50).nullable(),
});
export type FacilitySettings = z.infer<typeof facilitySettingsSchema>;

export const roomInputSchema = z.object({ name: z.string().trim().min(1).max(50), channel: channelSchema });

export const templateInputSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startTime: hhmm,
    endTime: hhmm,
    channel: channelSchema,
    onlinePlaces: z.number().int().min(0).max(500),
    walkInPlaces: z.number().int().min(0).max(500),
    durations: z.array(z.number().int().min(15).max(240)).min(1).max(6),
    roomId: z.uuid().nullable().default(null),
  })
  .refine((t) => t.startTime < t.endTime, {
    message: 'the session must end after it starts',
    path: ['endTime'],
  })
  .refine((t) => Math.max(...t.durations) <= minutesBetween(t.startTime, t.endTime), {
    message: 'every meeting length must fit in the session',
    path: ['durations'],
  });
export type TemplateInput = z.infer<typeof templateInputSchema>;

function minutesBetween(from: string, to: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(to) - m(from);
}

export const closedDateInputSchema = z.object({
  date: z.iso.date(),
  reason: z.string().trim().min(1).max(200),
});

export const detaineeInputSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNo: idNoSchema,
  restrictedCase: z.boolean().default(false),
});

export const clientSchema = z.object({ name: z.string().trim().min(1).max(50), idNo: idNoSchema });

export const holdRequestSchema = z.object({
  sessionId: z.uuid(),
  durationMinutes: z.number().int().min(15).max(240),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type HoldRequest = z.infer<typeof holdRequestSchema>;

export const completeRequestSchema = z.object({
  client: clientSchema,
  /** The second lawyer of the meeting, by username (DOMAIN.md: 1-2 lawyers). */
  coCounselUsername: z.string().trim().min(1).max(64).optional(),
});
export type CompleteRequest = z.infer<typeof completeRequestSchema>;

/** One-shot booking for API clients: hold and complete in one transaction. */
export const bookRequestSchema = holdRequestSchema.extend(completeRequestSchema.shape).extend({
  idempotencyKey: idempotencyKeySchema,
});
export type BookRequest = z.infer<typeof bookRequestSchema>;

export const cancelRequestSchema = z.object({ reason: z.string().trim().max(200).optional() });

export const sessionViewSchema = z.object({
  id: z.uuid(),
  date: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  channel: channelSchema,
  durations: z.array(z.number().int()),
  onlinePlaces: z.number().int(),
  remaining: z.number().int(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const availabilityViewSchema = z.object({
  unitId: z.uuid(),
  days: z.array(
    z.object({ date: z.string(), remaining: z.number().int(), sessions: z.array(sessionViewSchema) }),
  ),
});

export const bookingViewSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  sessionId: z.uuid(),
  status: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  holdExpiresAt: z.iso.datetime().nullable(),
  lawyerUserIds: z.array(z.uuid()),
  detaineeName: z.string().nullable(),
});
export type BookingView = z.infer<typeof bookingViewSchema>;
