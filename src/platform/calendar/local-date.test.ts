import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysBetween,
  instantAt,
  isValidLocalDate,
  isValidLocalTime,
  isWeekend,
  localDateOf,
  localDateSchema,
  parseLocalDate,
  weekdayOf,
  yearOf,
} from './local-date.js';

const d = parseLocalDate;

// The time-zone database is the oracle: fixed-offset arithmetic must agree with it from 1992 on.
const shanghai = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function shanghaiParts(instant: Date): { date: string; time: string } {
  const part = (type: string) => shanghai.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

const anyDate = fc.integer({ min: 0, max: 200 * 366 }).map((offset) => addDays(d('1950-01-01'), offset));
const modernInstant = fc.date({
  min: new Date('1992-01-01T00:00:00Z'),
  max: new Date('2100-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('local dates in Asia/Shanghai', () => {
  it('turns the day over at 16:00 UTC', () => {
    expect(localDateOf(new Date('2026-02-16T15:59:59.999Z'))).toBe('2026-02-16');
    expect(localDateOf(new Date('2026-02-16T16:00:00Z'))).toBe('2026-02-17');
    expect(instantAt(d('2026-02-17'), '00:00').toISOString()).toBe('2026-02-16T16:00:00.000Z');
    expect(instantAt(d('2026-02-17'), '09:30').toISOString()).toBe('2026-02-17T01:30:00.000Z');
    expect(instantAt(d('2026-01-01'), '07:59').toISOString()).toBe('2025-12-31T23:59:00.000Z');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    for (const good of ['2024-02-29', '2026-12-31', '1900-01-01', '9999-12-31']) {
      expect(isValidLocalDate(good), good).toBe(true);
    }
    for (const bad of ['2023-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', ' 2026-01-01']) {
      expect(isValidLocalDate(bad), bad).toBe(false);
    }
    expect(isValidLocalDate('0999-12-31')).toBe(false);
    expect(isValidLocalDate('2026-01-01T00:00')).toBe(false);
    expect(() => parseLocalDate('2026-02-30')).toThrow(RangeError);
    expect(localDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(localDateSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('a date as YYYY-MM-DD');
  });

  it('accepts only 24-hour HH:MM times', () => {
    expect(isValidLocalTime('00:00')).toBe(true);
    expect(isValidLocalTime('23:59')).toBe(true);
    for (const bad of ['24:00', '9:00', '12:60', '12:5', '12:00:00']) {
      expect(isValidLocalTime(bad), bad).toBe(false);
      expect(() => instantAt(d('2026-01-01'), bad)).toThrow(RangeError);
    }
  });

  it('counts days across months, leap days and years', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(d('2026-01-01'), -1)).toBe('2025-12-31');
    expect(daysBetween(d('2026-01-01'), d('2027-01-01'))).toBe(365);
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(() => addDays(d('2026-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(RangeError);
  });

  it('numbers weekdays the ISO way', () => {
    expect(weekdayOf(d('2026-11-23'))).toBe(1);
    expect(weekdayOf(d('2026-11-26'))).toBe(4);
    expect(weekdayOf(d('2026-11-29'))).toBe(7);
    expect(weekdayOf(d('1970-01-01'))).toBe(4);
    expect(weekdayOf(d('1969-12-28'))).toBe(7);
    expect(isWeekend(d('2026-02-14'))).toBe(true);
    expect(isWeekend(d('2026-02-16'))).toBe(false);
    expect(yearOf(d('2026-02-16'))).toBe(2026);
  });

  it('agrees with the time-zone database and round-trips any instant to the minute', () => {
    fc.assert(
      fc.property(modernInstant, (instant) => {
        const { date, time } = shanghaiParts(instant);
        expect(localDateOf(instant)).toBe(date);
        const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
        expect(instantAt(localDateOf(instant), time).getTime()).toBe(minute);
      }),
    );
  });

  it('round-trips any date and time through an instant', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(anyDate, time, (date, hhmm) => {
        const instant = instantAt(date, hhmm);
        expect(localDateOf(instant)).toBe(date);
      }),
    );
  });

  it('keeps addDays, daysBetween, compareDates and weekdayOf consistent', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const later = addDays(date, n);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
        expect(compareDates(later, date)).toBe(Math.sign(n));
        expect(weekdayOf(later)).toBe(((((weekdayOf(date) - 1 + n) % 7) + 7) % 7) + 1);
        // Date's own UTC calendar as a second opinion (Sunday = 0 there).
        expect(weekdayOf(later) % 7).toBe(new Date(`${later}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('validates exactly the strings Date reads back unchanged', () => {
    const digits = (n: number, max: number) =>
      fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    fc.assert(
      fc.property(digits(4, 9999), digits(2, 19), digits(2, 39), (y, m, day) => {
        const text = `${y}-${m}-${day}`;
        const parsed = new Date(`${text}T00:00:00Z`);
        const readsBack = !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
        expect(isValidLocalDate(text)).toBe(readsBack && Number(y) >= 1000);
      }),
    );
  });
});
