// Request and response shapes of the booking API, shared with the web UI.
import { z } from 'zod';
import { idNoSchema } from '../lawyers/id-number.js';
import { daySheetActionSchema, daySheetCancellationSchema } from './day-sheet-schemas.js';

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

/** The principal lawyer a confirmed assistant acts for (booking-party.ts); left out, the caller's own. */
const onBehalfOfSchema = z.uuid().optional();

export const holdRequestSchema = z.object({
  sessionId: z.uuid(),
  durationMinutes: z.number().int().min(15).max(240),
  idempotencyKey: idempotencyKeySchema.optional(),
  onBehalfOf: onBehalfOfSchema,
});
export type HoldRequest = z.infer<typeof holdRequestSchema>;

export const completeRequestSchema = z.object({
  client: clientSchema,
  /** The second lawyer of the meeting, by username (DOMAIN.md: 1-2 lawyers). */
  coCounselUsername: z.string().trim().min(1).max(64).optional(),
  /**
   * The booker's documents for this client (booking-documents.ts: a power of attorney or legal-aid letter,
   * and the firm's letter). Left out, the booking is refused naming what is missing.
   */
  documentIds: z.array(z.uuid()).max(10).default([]),
  onBehalfOf: onBehalfOfSchema,
});
export type CompleteRequest = z.infer<typeof completeRequestSchema>;

/** One-shot booking for API clients: hold and complete in one transaction. */
export const bookRequestSchema = holdRequestSchema.extend(completeRequestSchema.shape).extend({
  idempotencyKey: idempotencyKeySchema,
});
export type BookRequest = z.infer<typeof bookRequestSchema>;

export const cancelRequestSchema = z.object({
  reason: z.string().trim().max(200).optional(),
  onBehalfOf: onBehalfOfSchema,
});

export const myBookingsQuerySchema = z.object({ onBehalfOf: onBehalfOfSchema });

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
  /** The assistant who entered the booking for its lawyer; null when the lawyer did. */
  enteredByUserId: z.uuid().nullable(),
  detaineeName: z.string().nullable(),
});
export type BookingView = z.infer<typeof bookingViewSchema>;

// ---- centre staff: configuration lists, roster administration and the day sheet

export const roomViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: channelSchema,
  active: z.boolean(),
});
export type RoomView = z.infer<typeof roomViewSchema>;

export const templateViewSchema = z.object({
  id: z.uuid(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  channel: channelSchema,
  onlinePlaces: z.number().int(),
  walkInPlaces: z.number().int(),
  durations: z.array(z.number().int()),
  roomId: z.uuid().nullable(),
  active: z.boolean(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

export const closedDateViewSchema = z.object({ date: z.string(), reason: z.string() });
export type ClosedDateView = z.infer<typeof closedDateViewSchema>;

export const DETAINEE_STATUSES = ['in_custody', 'released', 'transferred'] as const;
export const detaineeStatusSchema = z.enum(DETAINEE_STATUSES);
export type DetaineeStatus = z.infer<typeof detaineeStatusSchema>;

/** A roster entry as staff lists show it: never the whole ID number. */
export const detaineeListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNoMasked: z.string(),
  status: detaineeStatusSchema,
  restrictedCase: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type DetaineeListItem = z.infer<typeof detaineeListItemSchema>;

export const detaineeStatusRequestSchema = z.object({ status: detaineeStatusSchema });

export const rosterImportRequestSchema = z.object({
  /** CSV text: a header row (姓名,身份证号,限制案件 or name,idNo,restrictedCase), then one detainee per row. */
  csv: z.string().min(1).max(500_000),
  /** True: check and preview only; false: import every row or none. */
  dryRun: z.boolean(),
});
export type RosterImportRequest = z.infer<typeof rosterImportRequestSchema>;

export const rosterImportRowSchema = z.object({
  /** Line of the row in the file, counting the header as line 1. */
  line: z.number().int(),
  name: z.string(),
  idNoMasked: z.string(),
  restrictedCase: z.boolean(),
  errors: z.array(
    z.object({
      field: z.enum(['name', 'idNo', 'restrictedCase', 'row']),
      code: z.string(),
      message: z.object({ 'zh-CN': z.string(), en: z.string() }),
    }),
  ),
});
export type RosterImportRow = z.infer<typeof rosterImportRowSchema>;

export const rosterImportResultSchema = z.object({
  valid: z.boolean(),
  imported: z.number().int(),
  rows: z.array(rosterImportRowSchema),
});
export type RosterImportResult = z.infer<typeof rosterImportResultSchema>;

/** Statuses a day sheet lists: bookings that were made (holds in progress and lapsed ones are not). */
export const DAY_SHEET_STATUSES = [
  'confirmed',
  'awaiting_permission',
  'attended',
  'no_show',
  'cancelled',
  'cancelled_late',
  'cancelled_by_centre',
] as const;
export const daySheetStatusSchema = z.enum(DAY_SHEET_STATUSES);
export type DaySheetStatus = z.infer<typeof daySheetStatusSchema>;

export const daySheetQuerySchema = z.object({
  date: z.iso.date(),
  sessionId: z.uuid().optional(),
  status: daySheetStatusSchema.optional(),
});
export type DaySheetQuery = z.infer<typeof daySheetQuerySchema>;

export const daySheetRowSchema = z.object({
  bookingId: z.uuid(),
  sessionId: z.uuid(),
  sessionStartsAt: z.iso.datetime(),
  sessionEndsAt: z.iso.datetime(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  channel: channelSchema,
  roomName: z.string().nullable(),
  status: daySheetStatusSchema,
  lawyers: z.array(z.object({ displayName: z.string(), username: z.string() })),
  detaineeName: z.string(),
  detaineeIdNoMasked: z.string(),
  /** Place in the order staff bring detainees out (by session start); null when nobody is to be brought. */
  bringOutOrder: z.number().int().nullable(),
  /** Who cancelled and why; null unless the booking was cancelled. */
  cancellation: daySheetCancellationSchema.nullable(),
  /** What staff may do with the booking now (centre-ops-rules.ts). */
  actions: z.array(daySheetActionSchema),
});
export type DaySheetRow = z.infer<typeof daySheetRowSchema>;

export const daySheetViewSchema = z.object({
  unitId: z.uuid(),
  date: z.string(),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      channel: channelSchema,
      onlinePlaces: z.number().int(),
      walkInPlaces: z.number().int(),
      taken: z.number().int(),
    }),
  ),
  rows: z.array(daySheetRowSchema),
});
export type DaySheetView = z.infer<typeof daySheetViewSchema>;
