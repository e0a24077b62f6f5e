// Which sessions exist on which dates: a centre's weekly templates laid over its working days (public
// holidays and make-up workdays from the business calendar, plus the centre's own closed dates).
import type { BusinessCalendar } from '../../platform/calendar/business-calendar.js';
import { instantAt, type LocalDate, weekdayOf } from '../../platform/calendar/local-date.js';
import type { bookingSession } from './tables.js';
import type { TemplateRow } from './repository.js';

export type NewSession = typeof bookingSession.$inferInsert;

/** The sessions the templates give on the dates; dates are assumed to be working days already. */
export function sessionsFor(
  unitId: string,
  templates: readonly TemplateRow[],
  dates: readonly LocalDate[],
): NewSession[] {
  const out: NewSession[] = [];
  for (const date of dates) {
    const weekday = weekdayOf(date);
    for (const t of templates) {
      if (!t.active || t.weekday !== weekday) continue;
      out.push({
        unitId,
        templateId: t.id,
        date,
        startsAt: instantAt(date, t.startTime),
        endsAt: instantAt(date, t.endTime),
        channel: t.channel,
        onlinePlaces: t.onlinePlaces,
        walkInPlaces: t.walkInPlaces,
        durations: t.durations,
        roomId: t.roomId,
      });
    }
  }
  return out;
}

/**
 * The dates a lawyer may book on `today`: today itself if it is a working day, then the next
 * `windowWorkingDays` working days; the centre's closed dates are not working days. Stops at the end of the
 * calendar's data rather than guessing whether an unpublished year's Spring Festival is a working week.
 */
export function bookableDates(
  calendar: BusinessCalendar,
  today: LocalDate,
  windowWorkingDays: number,
  closedDates: readonly LocalDate[],
): LocalDate[] {
  const options = { closedDates };
  const first = calendar.describeDay(today, options).kind === 'working' ? [today] : [];
  return [
    ...first,
    ...calendar.workingDaysAfter(today, windowWorkingDays, { ...options, onUncovered: 'stop' }),
  ];
}
