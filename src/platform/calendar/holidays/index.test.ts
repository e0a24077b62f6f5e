// The built-in years against the notices, written here a second time as the notices state them: spans of
// days off with their "共N天" counts, and make-up workdays with the weekday the notice prints beside each.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, yearDataSchema } from '../business-calendar.js';
import { addDays, daysBetween, isWeekend, parseLocalDate, weekdayOf, type LocalDate } from '../local-date.js';
import { BUILT_IN_HOLIDAY_YEARS } from './index.js';

type Span = readonly [first: string, last: string, days: number];
type Workday = readonly [date: string, isoWeekday: 6 | 7];

const NOTICES: Record<number, { off: readonly Span[]; work: readonly Workday[] }> = {
  2024: {
    off: [
      ['2024-01-01', '2024-01-01', 1],
      ['2024-02-10', '2024-02-17', 8],
      ['2024-04-04', '2024-04-06', 3],
      ['2024-05-01', '2024-05-05', 5],
      ['2024-06-10', '2024-06-10', 1],
      ['2024-09-15', '2024-09-17', 3],
      ['2024-10-01', '2024-10-07', 7],
    ],
    work: [
      ['2024-02-04', 7],
      ['2024-02-18', 7],
      ['2024-04-07', 7],
      ['2024-04-28', 7],
      ['2024-05-11', 6],
      ['2024-09-14', 6],
      ['2024-09-29', 7],
      ['2024-10-12', 6],
    ],
  },
  2025: {
    off: [
      ['2025-01-01', '2025-01-01', 1],
      ['2025-01-28', '2025-02-04', 8],
      ['2025-04-04', '2025-04-06', 3],
      ['2025-05-01', '2025-05-05', 5],
      ['2025-05-31', '2025-06-02', 3],
      ['2025-10-01', '2025-10-08', 8],
    ],
    work: [
      ['2025-01-26', 7],
      ['2025-02-08', 6],
      ['2025-04-27', 7],
      ['2025-09-28', 7],
      ['2025-10-11', 6],
    ],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03', 3],
      ['2026-02-15', '2026-02-23', 9],
      ['2026-04-04', '2026-04-06', 3],
      ['2026-05-01', '2026-05-05', 5],
      ['2026-06-19', '2026-06-21', 3],
      ['2026-09-25', '2026-09-27', 3],
      ['2026-10-01', '2026-10-07', 7],
    ],
    work: [
      ['2026-01-04', 7],
      ['2026-02-14', 6],
      ['2026-02-28', 6],
      ['2026-05-09', 6],
      ['2026-09-20', 7],
      ['2026-10-10', 6],
    ],
  },
};

const d = parseLocalDate;

function datesOfYear(year: number): LocalDate[] {
  const first = d(`${year}-01-01`);
  const count = daysBetween(first, d(`${year + 1}-01-01`));
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

describe('built-in holiday years', () => {
  it('are 2024 to 2026, ascending, each passing the admin schema', () => {
    expect(BUILT_IN_HOLIDAY_YEARS.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    for (const year of BUILT_IN_HOLIDAY_YEARS) {
      expect(yearDataSchema.safeParse(year).error).toBeUndefined();
      expect(year.source).toContain(`${year.year}年部分节假日安排的通知`);
    }
  });

  it('state every span as the notice counts it', () => {
    for (const { off } of Object.values(NOTICES)) {
      for (const [first, last, days] of off) expect(daysBetween(d(first), d(last)) + 1).toBe(days);
    }
  });

  it('make every make-up workday a weekend, on the weekday the notice prints', () => {
    for (const year of BUILT_IN_HOLIDAY_YEARS) {
      for (const { date } of year.workdays) expect(isWeekend(d(date)), date).toBe(true);
    }
    for (const { work } of Object.values(NOTICES)) {
      for (const [date, weekday] of work) expect(weekdayOf(d(date)), date).toBe(weekday);
    }
  });

  it('give a working day on exactly the dates the notices make one, every day of every year', () => {
    const calendar = new BusinessCalendar();
    for (const year of BUILT_IN_HOLIDAY_YEARS) {
      const notice = NOTICES[year.year];
      if (!notice) throw new Error(`no notice transcribed for ${year.year}`);
      const inSpan = (date: LocalDate) => notice.off.some(([first, last]) => first <= date && date <= last);
      const madeUp = new Set(notice.work.map(([date]) => date));
      for (const date of datesOfYear(year.year)) {
        const expected = !inSpan(date) && (madeUp.has(date) || !isWeekend(date));
        expect(calendar.isWorkingDay(date), date).toBe(expected);
      }
      // And the data lists no more and no fewer dates than the notice.
      const spanDays = notice.off.reduce((sum, [, , days]) => sum + days, 0);
      expect(year.daysOff).toHaveLength(spanDays);
      expect(year.workdays.map((w) => w.date).sort()).toEqual([...madeUp].sort());
    }
  });
});
