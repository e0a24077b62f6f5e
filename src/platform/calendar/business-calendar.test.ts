import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  CalendarNotCoveredError,
  YEAR_DATA_MESSAGES,
  yearDataSchema,
  type YearDataInput,
} from './business-calendar.js';
import { BUILT_IN_HOLIDAY_YEARS } from './holidays/index.js';
import { addDays, daysBetween, isWeekend, parseLocalDate, type LocalDate } from './local-date.js';

const d = parseLocalDate;
const calendar = new BusinessCalendar();

// Fictional years for tests of the mechanics only: they are not official data.
const FIXED_ONLY = (year: number): YearDataInput => ({
  year,
  daysOff: ['01-01', '05-01', '10-01', '10-02', '10-03'].map((md) => ({
    date: `${year}-${md}`,
    name: '节日',
  })),
  workdays: [],
});

// An oracle that shares no code with the calendar: the raw built-in data, read directly.
const OFF = new Set(BUILT_IN_HOLIDAY_YEARS.flatMap((y) => y.daysOff.map((day) => day.date)));
const MADE_UP = new Set(BUILT_IN_HOLIDAY_YEARS.flatMap((y) => y.workdays.map((day) => day.date)));
function oracleWorking(date: LocalDate, closed: ReadonlySet<string>): boolean {
  if (closed.has(date) || OFF.has(date)) return false;
  return MADE_UP.has(date) || !isWeekend(date);
}
/** Every working day of 2024–2026 but the closed ones, ascending, found by walking the years day by day. */
const OPEN_DAYS: LocalDate[] = [];
for (let date = d('2024-01-01'); date <= '2026-12-31'; date = addDays(date, 1)) {
  if (oracleWorking(date, new Set())) OPEN_DAYS.push(date);
}
function oracleWorkingDays(closed: ReadonlySet<string>): LocalDate[] {
  return OPEN_DAYS.filter((date) => !closed.has(date));
}

// Dates far enough inside 2024–2026 that ±40 working days, plus up to 20 closed ones, stay covered.
const innerDate = fc
  .integer({ min: 0, max: daysBetween(d('2024-05-01'), d('2026-08-31')) })
  .map((n) => addDays(d('2024-05-01'), n));
const closedDates = fc.uniqueArray(innerDate, { maxLength: 20 });

describe('BusinessCalendar', () => {
  it('knows the Spring Festival and its make-up Saturdays', () => {
    expect(calendar.describeDay(d('2026-02-16'))).toEqual({ kind: 'day_off', name: '春节' });
    expect(calendar.describeDay(d('2026-02-14'))).toEqual({ kind: 'working', makeUpFor: '春节' });
    expect(calendar.describeDay(d('2026-03-07'))).toEqual({ kind: 'weekend' });
    expect(calendar.describeDay(d('2026-03-09'))).toEqual({ kind: 'working' });
    expect(calendar.isWorkingDay(d('2026-02-23'))).toBe(false);
    expect(calendar.isWorkingDay(d('2026-02-24'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-02-28'))).toBe(true);
  });

  it('books a five-working-day window over a holiday', () => {
    // Nanjing-style "up to 5 working days ahead" asked on the Thursday before the 2026 Spring Festival.
    expect(calendar.workingDaysAfter(d('2026-02-12'), 5)).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
    ]);
    expect(calendar.nextWorkingDay(d('2026-09-30'))).toBe('2026-10-08');
    expect(calendar.addWorkingDays(d('2026-10-08'), -1)).toBe('2026-09-30');
    expect(calendar.addWorkingDays(d('2026-10-03'), 0)).toBe('2026-10-03');
    expect(calendar.workingDaysAfter(d('2026-10-03'), 0)).toEqual([]);
  });

  it('refuses to guess about a year it has no data for', () => {
    expect(calendar.coversYear(2026)).toBe(true);
    expect(calendar.coversYear(2027)).toBe(false);
    expect(calendar.coveredYears()).toEqual([2024, 2025, 2026]);
    expect(calendar.describeDay(d('2027-02-08'))).toEqual({ kind: 'uncovered', year: 2027 });
    const thrown = (() => {
      try {
        calendar.isWorkingDay(d('2027-02-08'));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(CalendarNotCoveredError);
    expect(thrown).toMatchObject({
      code: 'calendar.year_not_covered',
      status: 409,
      year: 2027,
      date: '2027-02-08',
    });
    expect(() => calendar.addWorkingDays(d('2026-12-30'), 3)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.workingDaysAfter(d('2026-12-28'), 5)).toThrow(CalendarNotCoveredError);
    expect(calendar.workingDaysAfter(d('2026-12-28'), 5, { onUncovered: 'stop' })).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ]);
    expect(() => calendar.isWorkingDay(d('2023-12-29'))).toThrow(CalendarNotCoveredError);
  });

  it('never opens a closed date, even in a year it has no data for', () => {
    const centre = new BusinessCalendar({ closedDates: [d('2026-03-09')] });
    expect(centre.isWorkingDay(d('2026-03-09'))).toBe(false);
    expect(centre.isWorkingDay(d('2026-03-10'), { closedDates: [d('2026-03-10')] })).toBe(false);
    // Per-call dates add to the centre's own; they do not replace them.
    expect(centre.isWorkingDay(d('2026-03-09'), { closedDates: [d('2026-03-10')] })).toBe(false);
    expect(centre.isWorkingDay(d('2026-03-11'))).toBe(true);
    expect(centre.describeDay(d('2026-02-16'), { closedDates: [d('2026-02-16')] })).toEqual({
      kind: 'closed',
    });
    expect(calendar.isWorkingDay(d('2027-03-01'), { closedDates: [d('2027-03-01')] })).toBe(false);
    expect(calendar.workingDaysAfter(d('2026-03-06'), 2, { closedDates: [d('2026-03-09')] })).toEqual([
      '2026-03-10',
      '2026-03-11',
    ]);
  });

  it('takes years an admin adds, and lets them replace a built-in year', () => {
    const withFictional2099 = new BusinessCalendar({ years: [FIXED_ONLY(2099)] });
    expect(withFictional2099.coveredYears()).toEqual([2024, 2025, 2026, 2099]);
    expect(withFictional2099.isWorkingDay(d('2099-01-01'))).toBe(false);
    expect(withFictional2099.isWorkingDay(d('2099-01-02'))).toBe(true);

    const replaced = new BusinessCalendar({ years: [FIXED_ONLY(2026)] });
    expect(replaced.isWorkingDay(d('2026-02-16'))).toBe(true);
    expect(replaced.isWorkingDay(d('2026-02-14'))).toBe(false);

    const later = {
      ...FIXED_ONLY(2099),
      daysOff: [...FIXED_ONLY(2099).daysOff, { date: '2099-01-02', name: '元旦' }],
    };
    const lastWins = new BusinessCalendar({ years: [FIXED_ONLY(2099), later] });
    expect(lastWins.isWorkingDay(d('2099-01-02'))).toBe(false);

    expect(() => new BusinessCalendar({ years: [{ year: 2099, daysOff: [], workdays: [] }] })).toThrow();
  });

  it("takes a notice's December days for the year before", () => {
    // Like the 2019 notice, which made 29 December 2018 a working Saturday.
    const next: YearDataInput = {
      ...FIXED_ONLY(2099),
      daysOff: [{ date: '2098-12-31', name: '元旦' }, ...FIXED_ONLY(2099).daysOff],
      workdays: [{ date: '2098-12-27', name: '元旦' }],
    };
    const bridging = new BusinessCalendar({ builtInYears: [], years: [FIXED_ONLY(2098), next] });
    expect(bridging.describeDay(d('2098-12-31'))).toEqual({ kind: 'day_off', name: '元旦' });
    expect(bridging.describeDay(d('2098-12-27'))).toEqual({ kind: 'working', makeUpFor: '元旦' });
    const only2099 = new BusinessCalendar({ builtInYears: [], years: [next] });
    expect(only2099.isWorkingDay(d('2098-12-27'))).toBe(true);
    expect(() => only2099.isWorkingDay(d('2098-12-30'))).toThrow(CalendarNotCoveredError);
  });

  it('rejects year data an admin gets wrong, with a message per mistake', () => {
    const issues = (data: unknown) =>
      yearDataSchema.safeParse(data).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    const base = FIXED_ONLY(2099);
    expect(issues(base)).toEqual([]);
    expect(issues({ ...base, daysOff: [...base.daysOff, { date: '2100-01-02', name: 'x' }] })).toContainEqual(
      ['daysOff.5.date', YEAR_DATA_MESSAGES.outsideYear],
    );
    expect(issues({ ...base, daysOff: [...base.daysOff, { date: '2098-11-30', name: 'x' }] })).toContainEqual(
      ['daysOff.5.date', YEAR_DATA_MESSAGES.outsideYear],
    );
    expect(issues({ ...base, daysOff: [...base.daysOff, { date: '2099-01-01', name: 'x' }] })).toContainEqual(
      ['daysOff.5.date', YEAR_DATA_MESSAGES.duplicate],
    );
    // 2099-01-03 is a Saturday, 2099-01-05 a Monday.
    expect(
      issues({
        ...base,
        daysOff: [...base.daysOff, { date: '2099-01-03', name: 'x' }],
        workdays: [{ date: '2099-01-03', name: 'x' }],
      }),
    ).toContainEqual(['workdays.0.date', YEAR_DATA_MESSAGES.offAndWorkday]);
    expect(issues({ ...base, workdays: [{ date: '2099-01-05', name: 'x' }] })).toContainEqual([
      'workdays.0.date',
      YEAR_DATA_MESSAGES.workdayNotWeekend,
    ]);
    expect(issues({ ...base, daysOff: base.daysOff.slice(1) })).toContainEqual([
      'daysOff',
      YEAR_DATA_MESSAGES.missingFixedHolidays,
    ]);
    expect(issues({ ...base, daysOff: [...base.daysOff, { date: '2099-02-30', name: 'x' }] })).toContainEqual(
      ['daysOff.5.date', 'a date as YYYY-MM-DD'],
    );
  });

  it('adds working days exactly as a day-by-day walk over the source data does', () => {
    fc.assert(
      fc.property(innerDate, fc.integer({ min: -40, max: 40 }), closedDates, (start, n, closed) => {
        const closedSet = new Set<string>(closed);
        const walk = oracleWorkingDays(closedSet);
        const firstAfter = walk.findIndex((day) => day > start);
        const firstOnOrAfter = walk.findIndex((day) => day >= start);
        const expected = n === 0 ? start : n > 0 ? walk[firstAfter + n - 1] : walk[firstOnOrAfter + n];
        expect(calendar.addWorkingDays(start, n, { closedDates: closed })).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('lists the next working days exactly as the walk does, and nextWorkingDay is the first', () => {
    fc.assert(
      fc.property(innerDate, fc.integer({ min: 0, max: 40 }), closedDates, (start, count, closed) => {
        const walk = oracleWorkingDays(new Set(closed));
        const firstAfter = walk.findIndex((day) => day > start);
        const window = calendar.workingDaysAfter(start, count, { closedDates: closed });
        expect(window).toEqual(walk.slice(firstAfter, firstAfter + count));
        expect(calendar.nextWorkingDay(start, { closedDates: closed })).toBe(walk[firstAfter]);
        window.forEach((day, i) =>
          expect(calendar.addWorkingDays(start, i + 1, { closedDates: closed })).toBe(day),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is never working on a closed date', () => {
    const anyDate = fc.integer({ min: 0, max: 4000 }).map((n) => addDays(d('2020-01-01'), n));
    fc.assert(
      fc.property(anyDate, closedDates, (date, others) => {
        expect(calendar.isWorkingDay(date, { closedDates: [...others, date] })).toBe(false);
        expect(new BusinessCalendar({ closedDates: [date] }).describeDay(date)).toEqual({ kind: 'closed' });
        expect(
          calendar.workingDaysAfter(addDays(date, -10), 3, { closedDates: [date], onUncovered: 'stop' }),
        ).not.toContain(date);
      }),
    );
  });
});
