// Request and response shapes of the centre's own acts on bookings (cancelling, recording whether a meeting
// took place) and of what the lawyer reads back, shared with the web UI.
import { z } from 'zod';
import { centreCancelReasonSchema, REASONS_NEEDING_WORDS } from './centre-cancel-reason.js';
import { detaineeListItemSchema } from './schemas.js';

/** English field errors set by these schemas; Chinese in validation-messages.ts. */
export const CENTRE_OPS_MESSAGES = {
  reasonNeeded: 'say briefly what happened: an emergency or another reason needs words',
} as const;

export const centreCancelRequestSchema = z
  .object({
    reasonCode: centreCancelReasonSchema,
    /** The staff member's words: the lawyer reads them. Optional for a release or transfer. */
    reason: z.string().trim().max(200).optional(),
  })
  .refine(
    (r) => !REASONS_NEEDING_WORDS.includes(r.reasonCode) || (r.reason !== undefined && r.reason.length >= 2),
    { message: CENTRE_OPS_MESSAGES.reasonNeeded, path: ['reason'] },
  );
export type CentreCancelRequest = z.infer<typeof centreCancelRequestSchema>;

export const ATTENDANCE_OUTCOMES = ['attended', 'no_show'] as const;
export const attendanceOutcomeSchema = z.enum(ATTENDANCE_OUTCOMES);
export type AttendanceOutcome = z.infer<typeof attendanceOutcomeSchema>;

export const attendanceRequestSchema = z.object({ outcome: attendanceOutcomeSchema });

/** Correcting a meeting wrongly recorded as attended to a no-show, the same day, with the reason. */
export const attendanceCorrectionSchema = z.object({ reason: z.string().trim().min(2).max(200) });

/** A booking after a centre's act on it. */
export const centreBookingResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(['cancelled_by_centre', 'attended', 'no_show']),
});
export type CentreBookingResult = z.infer<typeof centreBookingResultSchema>;

/** The roster entry after a status change, with how many coming meetings the change cancelled. */
export const detaineeStatusResultSchema = detaineeListItemSchema.extend({
  cancelledBookings: z.number().int(),
});
export type DetaineeStatusResult = z.infer<typeof detaineeStatusResultSchema>;

/** Meetings booked with a detainee that have not started: what a release or transfer would cancel. */
export const upcomingBookingsSchema = z.object({ count: z.number().int() });

/** Why the centre cancelled one of the lawyer's meetings. */
export const centreCancellationViewSchema = z.object({
  bookingId: z.uuid(),
  cancelledAt: z.iso.datetime().nullable(),
  reasonCode: centreCancelReasonSchema,
  reason: z.string().nullable(),
});
export type CentreCancellationView = z.infer<typeof centreCancellationViewSchema>;
