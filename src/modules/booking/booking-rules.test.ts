import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, weekdayOf, type LocalDate } from '../../platform/calendar/local-date.js';
import { isLateCancellation, isoWeekOf, isoWeekOfMeeting, meetsNotice } from './booking-rules.js';

const HOUR = 3_600_000;
// Instants from 2024 to 2026, the years the calendar covers, to the millisecond.
const instant = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
  .map((ms) => new Date(ms));
const hours = fc.integer({ min: 0, max: 168 });
const liveStatus = fc.constantFrom('confirmed', 'awaiting_permission');

describe('late cancellation', () => {
  it('is late exactly when now is past the start minus the deadline', () => {
    fc.assert(
      fc.property(instant, instant, hours, liveStatus, (startsAt, now, deadline, status) => {
        const late = isLateCancellation({ status, startsAt }, now, deadline);
        expect(late).toBe(now.getTime() > startsAt.getTime() - deadline * HOUR);
      }),
    );
  });

  it('once late, stays late as time passes', () => {
    fc.assert(
      fc.property(instant, instant, fc.nat(10 * 24 * HOUR), hours, (startsAt, now, later, deadline) => {
        const booking = { status: 'confirmed', startsAt };
        if (isLateCancellation(booking, now, deadline)) {
          expect(isLateCancellation(booking, new Date(now.getTime() + later), deadline)).toBe(true);
        }
      }),
    );
  });

  it('a longer deadline never makes a cancellation less late', () => {
    fc.assert(
      fc.property(instant, instant, hours, hours, (startsAt, now, a, b) => {
        const booking = { status: 'confirmed', startsAt };
        const [short, long] = a <= b ? [a, b] : [b, a];
        if (isLateCancellation(booking, now, short)) {
          expect(isLateCancellation(booking, now, long)).toBe(true);
        }
      }),
    );
  });

  it('is in time at the deadline itself, and never late for a hold', () => {
    fc.assert(
      fc.property(instant, hours, (startsAt, deadline) => {
        const atDeadline = new Date(startsAt.getTime() - deadline * HOUR);
        expect(isLateCancellation({ status: 'confirmed', startsAt }, atDeadline, deadline)).toBe(false);
        expect(isLateCancellation({ status: 'held', startsAt }, startsAt, deadline)).toBe(false);
      }),
    );
  });
});

describe('the fairness cap’s week', () => {
  const date = instant.map((i) => localDateOf(i));

  it('runs Monday 00:00 to the next Monday 00:00 in Shanghai and holds the date', () => {
    fc.assert(
      fc.property(date, (d: LocalDate) => {
        const { from, to } = isoWeekOf(d);
        expect(to.getTime() - from.getTime()).toBe(7 * 24 * HOUR);
        expect(weekdayOf(localDateOf(from))).toBe(1);
        // Midnight in Shanghai (UTC+8, no daylight saving) is 16:00 UTC the day before.
        expect(from.getUTCHours()).toBe(16);
        expect(localDateOf(from) <= d && d < localDateOf(to)).toBe(true);
      }),
    );
  });

  it('is the same week for every day from Monday to Sunday', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 6 }), (d: LocalDate, offset) => {
        const monday = addDays(d, 1 - weekdayOf(d));
        expect(isoWeekOf(addDays(monday, offset))).toEqual(isoWeekOf(monday));
      }),
    );
  });

  it('places a meeting in the week of its Shanghai date, even late in the evening UTC', () => {
    fc.assert(
      fc.property(instant, (startsAt) => {
        const { from, to } = isoWeekOfMeeting(startsAt);
        expect(startsAt >= from && startsAt < to).toBe(true);
      }),
    );
  });
});

describe('minimum notice', () => {
  it('admits a session exactly when it starts at least the notice after now', () => {
    fc.assert(
      fc.property(instant, instant, hours, (startsAt, now, notice) => {
        expect(meetsNotice(startsAt, now, notice)).toBe(startsAt.getTime() - now.getTime() >= notice * HOUR);
      }),
    );
  });
});
