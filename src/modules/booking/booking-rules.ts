// The booking rules that are arithmetic on times, kept pure so they can be stated as properties and tested
// over every input (booking-rules.test.ts) rather than a few examples.
import {
  addDays,
  instantAt,
  localDateOf,
  weekdayOf,
  type LocalDate,
} from '../../platform/calendar/local-date.js';

const HOUR_MS = 3_600_000;

/**
 * Whether a lawyer's cancellation comes after the centre's deadline (seed 003: cancel 24 h ahead or it is a
 * no-show). A hold is never late: nothing was promised yet. Exactly at the deadline is still in time.
 */
export function isLateCancellation(
  booking: { status: string; startsAt: Date },
  now: Date,
  deadlineHours: number,
): boolean {
  if (booking.status === 'held') return false;
  return now.getTime() > booking.startsAt.getTime() - deadlineHours * HOUR_MS;
}

/** Monday 00:00 to the next Monday 00:00, Shanghai time, of the ISO week holding a date (the fairness cap). */
export function isoWeekOf(date: LocalDate): { from: Date; to: Date } {
  const monday = addDays(date, 1 - weekdayOf(date));
  return { from: instantAt(monday, '00:00'), to: instantAt(addDays(monday, 7), '00:00') };
}

/** The ISO week of the day, in Shanghai, on which a meeting starts. */
export function isoWeekOfMeeting(startsAt: Date): { from: Date; to: Date } {
  return isoWeekOf(localDateOf(startsAt));
}

/** Whether a session starts far enough ahead to be booked now (the centre's minimum notice). */
export function meetsNotice(startsAt: Date, now: Date, minNoticeHours: number): boolean {
  return startsAt.getTime() >= now.getTime() + minNoticeHours * HOUR_MS;
}
