// When centre staff may act on a booking, in one place: the services refuse what these forbid, and the day
// sheet offers exactly what they allow.
//
// - Cancel: any live booking until the meeting's end. Before the start it frees the people's time; during
//   the meeting's slot it records that the centre could not hold it (an emergency), which is never a strike.
// - Record the outcome (attended or no-show): a confirmed meeting once its start has passed, once.
// - Correct an outcome: only "attended" to "no-show", on the day of the meeting, with a reason, for a
//   mistaken click on the wrong row. A no-show is never corrected: the strike trigger of migration 0006
//   records a strike (and perhaps a suspension) the moment a booking becomes a no-show and nothing takes a
//   strike back, so turning a no-show into "attended" would leave a strike behind for a meeting that
//   happened. A wrongly recorded no-show is put right the way strikes are: staff lift the suspension it
//   caused, with the reason, and the lawyer may appeal.
import { localDateOf } from '../../platform/calendar/local-date.js';
import type { DaySheetAction } from './day-sheet-schemas.js';

const LIVE = ['held', 'confirmed', 'awaiting_permission'];

interface BookingFacts {
  status: string;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date | null;
}

export function isLive(b: BookingFacts, now: Date): boolean {
  if (!LIVE.includes(b.status)) return false;
  // A hold past its time is lapsed, whether or not the sweep has written it yet.
  return b.status !== 'held' || (b.holdExpiresAt !== null && b.holdExpiresAt > now);
}

export function hasEnded(b: BookingFacts, now: Date): boolean {
  return b.endsAt <= now;
}

export function hasStarted(b: BookingFacts, now: Date): boolean {
  return b.startsAt <= now;
}

export function isMeetingDay(b: BookingFacts, now: Date): boolean {
  return localDateOf(now) === localDateOf(b.startsAt);
}

/** What staff may do with a booking now. */
export function staffActions(b: BookingFacts, now: Date): DaySheetAction[] {
  const actions: DaySheetAction[] = [];
  if (isLive(b, now) && !hasEnded(b, now)) actions.push('cancel');
  if (b.status === 'confirmed' && hasStarted(b, now)) actions.push('mark_attended', 'mark_no_show');
  if (b.status === 'attended' && isMeetingDay(b, now)) actions.push('correct_to_no_show');
  return actions;
}
