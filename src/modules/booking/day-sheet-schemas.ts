// What the day sheet adds for staff to each booking: who cancelled it and why, and what staff may do with
// it now. The server decides the actions (it holds the clock and the rules), so the page never offers a
// button the API would refuse.
import { z } from 'zod';
import { centreCancelReasonSchema } from './centre-cancel-reason.js';

export const DAY_SHEET_ACTIONS = ['cancel', 'mark_attended', 'mark_no_show', 'correct_to_no_show'] as const;
export const daySheetActionSchema = z.enum(DAY_SHEET_ACTIONS);
export type DaySheetAction = z.infer<typeof daySheetActionSchema>;

export const daySheetCancellationSchema = z.object({
  /** The lawyer cancelled (in time or late), or the centre did. */
  by: z.enum(['lawyer', 'centre']),
  /** Display name of the person who cancelled. */
  byName: z.string().nullable(),
  at: z.iso.datetime().nullable(),
  /** The centre's reason code; null for a lawyer's cancellation. */
  reasonCode: centreCancelReasonSchema.nullable(),
  /** The words given with the cancellation, if any. */
  reason: z.string().nullable(),
});
export type DaySheetCancellation = z.infer<typeof daySheetCancellationSchema>;
