// Working days in mainland China: Monday to Friday, except the State Council's days off (放假), plus the
// weekend days it makes working days (调休上班), minus any date a detention centre closes. Booking windows
// ("up to 5 working days ahead") and notice periods are counted on this calendar.
//
// A year without data is not guessed at: its Spring Festival would pass for ordinary weekdays and open
// bookings on days the centre is shut. isWorkingDay and the counting methods throw CalendarNotCoveredError
// for such a date instead of returning a boolean that reads as an answer; describeDay returns
// { kind: 'uncovered' } for callers that want to show the gap rather than fail.
import { z } from 'zod';
import { AppError, msg } from '../http/errors.js';
import { BUILT_IN_HOLIDAY_YEARS, type HolidayYear } from './holidays/index.js';
import { addDays, isWeekend, localDateSchema, type LocalDate, yearOf } from './local-date.js';

/** English messages of the year-data refinements; Chinese in validation-messages.ts. */
export const YEAR_DATA_MESSAGES = {
  outsideYear: 'date must fall in the given year (or in the December before it)',
  duplicate: 'date is listed twice',
  offAndWorkday: 'date is both a day off and a make-up workday',
  workdayNotWeekend: 'a make-up workday must be a Saturday or Sunday',
  missingFixedHolidays: 'days off must include 1 January, 1 May and 1–3 October',
} as const;

// Fixed-date statutory holidays in every version of 全国年节及纪念日放假办法 since 2008 (art. 2). A year
// without them is a partial or mistyped entry, like the empty placeholder files some feeds publish early.
const FIXED_DAYS_OFF = ['01-01', '05-01', '10-01', '10-02', '10-03'] as const;

const holidayDaySchema = z.object({
  date: localDateSchema,
  name: z.string().trim().min(1).max(50),
});

/** One year's official arrangement as an admin supplies it (the built-in years pass the same checks). */
export const yearDataSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(1).max(500).optional(),
    daysOff: z.array(holidayDaySchema).max(60),
    workdays: z.array(holidayDaySchema).max(20),
  })
  .superRefine((data, ctx) => {
    // A notice may start New Year's Day off in the last days of the year before (the 2023 notice did).
    const inYear = (date: LocalDate) =>
      yearOf(date) === data.year || (yearOf(date) === data.year - 1 && date.slice(5, 7) === '12');
    const offDates = new Set<string>();
    const lists = [
      ['daysOff', data.daysOff],
      ['workdays', data.workdays],
    ] as const;
    for (const [list, days] of lists) {
      const seen = new Set<string>();
      days.forEach(({ date }, index) => {
        const path = [list, index, 'date'];
        if (!inYear(date)) ctx.addIssue({ code: 'custom', path, message: YEAR_DATA_MESSAGES.outsideYear });
        if (seen.has(date)) ctx.addIssue({ code: 'custom', path, message: YEAR_DATA_MESSAGES.duplicate });
        seen.add(date);
        if (list === 'daysOff') offDates.add(date);
        if (list === 'workdays') {
          if (offDates.has(date)) {
            ctx.addIssue({ code: 'custom', path, message: YEAR_DATA_MESSAGES.offAndWorkday });
          }
          if (!isWeekend(date)) {
            ctx.addIssue({ code: 'custom', path, message: YEAR_DATA_MESSAGES.workdayNotWeekend });
          }
        }
      });
    }
    if (!FIXED_DAYS_OFF.every((monthDay) => offDates.has(`${data.year}-${monthDay}`))) {
      ctx.addIssue({ code: 'custom', path: ['daysOff'], message: YEAR_DATA_MESSAGES.missingFixedHolidays });
    }
  });
export type YearData = z.output<typeof yearDataSchema>;
export type YearDataInput = z.input<typeof yearDataSchema>;

/** A date the calendar has no official data for; booking must not treat it as an ordinary day. */
export class CalendarNotCoveredError extends AppError {
  constructor(
    readonly date: LocalDate,
    readonly year: number = yearOf(date),
  ) {
    super(
      409,
      'calendar.year_not_covered',
      msg(
        `${year} 年的节假日安排尚未录入，暂时无法按工作日安排该日期；请联系管理员添加。`,
        `The holiday arrangement for ${year} has not been entered yet, so working days cannot be counted on that date; ask an administrator to add it.`,
      ),
      { date, year },
    );
    this.name = 'CalendarNotCoveredError';
  }
}

/** What a date is on this calendar, and why. */
export type DayDescription =
  | { kind: 'working'; makeUpFor?: string }
  | { kind: 'weekend' }
  | { kind: 'day_off'; name: string }
  | { kind: 'closed' }
  | { kind: 'uncovered'; year: number };

export interface DayOptions {
  /** Dates the centre is closed, on top of those given at construction. */
  closedDates?: Iterable<LocalDate>;
}

export interface WorkingDaysAfterOptions extends DayOptions {
  /**
   * 'throw' (default): a date in a year without data throws CalendarNotCoveredError.
   * 'stop': return the working days found before the first such date, so a booking window that runs
   * into an unpublished year offers the days that are known and no more.
   */
  onUncovered?: 'throw' | 'stop';
}

export interface BusinessCalendarOptions {
  /** Year data added by an admin; a year here replaces the built-in one, and later entries win. */
  years?: readonly YearDataInput[];
  /** Dates closed whatever is passed per call, e.g. one centre's calendar. */
  closedDates?: Iterable<LocalDate>;
  /** The shipped years; replaceable so tests can build a calendar on chosen data. */
  builtInYears?: readonly HolidayYear[];
}

type Entry = { kind: 'day_off' | 'workday'; name: string };

export class BusinessCalendar {
  private readonly entries = new Map<LocalDate, Entry>();
  private readonly years: ReadonlySet<number>;
  private readonly closedDates: ReadonlySet<LocalDate>;

  constructor(options: BusinessCalendarOptions = {}) {
    const byYear = new Map<number, YearData>();
    for (const input of [...(options.builtInYears ?? BUILT_IN_HOLIDAY_YEARS), ...(options.years ?? [])]) {
      const data = yearDataSchema.parse(input);
      byYear.set(data.year, data);
    }
    // Ascending, so a notice's December entries override the previous year's own data for those dates.
    for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
      const data = byYear.get(year);
      if (!data) continue;
      for (const { date, name } of data.daysOff) this.entries.set(date, { kind: 'day_off', name });
      for (const { date, name } of data.workdays) this.entries.set(date, { kind: 'workday', name });
    }
    this.years = new Set(byYear.keys());
    this.closedDates = new Set(options.closedDates ?? []);
  }

  /** True when official data for the year is loaded. */
  coversYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The covered years, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  describeDay(date: LocalDate, options: DayOptions = {}): DayDescription {
    return this.describe(date, this.closedSet(options));
  }

  /** Closed dates are never working days; a date in an uncovered year throws CalendarNotCoveredError. */
  isWorkingDay(date: LocalDate, options: DayOptions = {}): boolean {
    return this.isWorking(date, this.closedSet(options));
  }

  /**
   * The date n working days after `date` (before it for negative n), not counting `date` itself;
   * n = 0 gives `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number, options: DayOptions = {}): LocalDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
    const closed = this.closedSet(options);
    const step = n < 0 ? -1 : 1;
    let current = date;
    for (let remaining = Math.abs(n); remaining > 0;) {
      current = addDays(current, step);
      if (this.isWorking(current, closed)) remaining -= 1;
    }
    return current;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate, options: DayOptions = {}): LocalDate {
    return this.addWorkingDays(date, 1, options);
  }

  /** The next `count` working days strictly after `from`, ascending: a "book up to N working days ahead" window. */
  workingDaysAfter(from: LocalDate, count: number, options: WorkingDaysAfterOptions = {}): LocalDate[] {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`count must be a whole number: ${count}`);
    const closed = this.closedSet(options);
    const days: LocalDate[] = [];
    let current = from;
    while (days.length < count) {
      current = addDays(current, 1);
      const day = this.describe(current, closed);
      if (day.kind === 'uncovered') {
        if (options.onUncovered === 'stop') break;
        throw new CalendarNotCoveredError(current, day.year);
      }
      if (day.kind === 'working') days.push(current);
    }
    return days;
  }

  private closedSet(options: DayOptions): ReadonlySet<LocalDate> {
    if (!options.closedDates) return this.closedDates;
    return new Set([...this.closedDates, ...options.closedDates]);
  }

  private isWorking(date: LocalDate, closed: ReadonlySet<LocalDate>): boolean {
    const day = this.describe(date, closed);
    if (day.kind === 'uncovered') throw new CalendarNotCoveredError(date, day.year);
    return day.kind === 'working';
  }

  private describe(date: LocalDate, closed: ReadonlySet<LocalDate>): DayDescription {
    // Closed wins over everything, and needs no year data to be certain.
    if (closed.has(date)) return { kind: 'closed' };
    const entry = this.entries.get(date);
    if (entry?.kind === 'day_off') return { kind: 'day_off', name: entry.name };
    if (entry?.kind === 'workday') return { kind: 'working', makeUpFor: entry.name };
    const year = yearOf(date);
    if (!this.years.has(year)) return { kind: 'uncovered', year };
    return isWeekend(date) ? { kind: 'weekend' } : { kind: 'working' };
  }
}
