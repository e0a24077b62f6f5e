// Civil dates and times in Asia/Shanghai, the business time zone (BUSINESS_TIME_ZONE in ../clock.ts).
// China has kept UTC+8 all year since 1991 (the last year it observed daylight saving), so every conversion
// here is fixed-offset arithmetic: no time-zone database, and the server's own TZ never matters. Instants
// in the summers of 1986–1991 would be an hour off; nothing Custos books or records lies there.
import { z } from 'zod';

/** Minutes Asia/Shanghai is ahead of UTC, constant since 1991. */
export const SHANGHAI_UTC_OFFSET_MINUTES = 480;

const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
// Four-digit years only: the ISO string form then sorts and compares as text.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const LOCAL_DATE_MESSAGE = 'a date as YYYY-MM-DD';

/** A calendar date in Asia/Shanghai as 'YYYY-MM-DD'; only valid dates carry the brand. */
export type LocalDate = string & z.$brand<'LocalDate'>;

/** A LocalDate field: the same brand, so parsed input is usable as it is. */
export const localDateSchema = z
  .string()
  .refine((value) => isValidLocalDate(value), LOCAL_DATE_MESSAGE)
  .brand<'LocalDate'>();

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real date written 'YYYY-MM-DD' with a year from 1000 to 9999. */
export function isValidLocalDate(value: string): value is LocalDate {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The date, or a RangeError naming the bad value. */
export function parseLocalDate(value: string): LocalDate {
  if (!isValidLocalDate(value))
    throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return value;
}

/** True for a 24-hour clock time 'HH:MM' from 00:00 to 23:59. */
export function isValidLocalTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

function parts(date: LocalDate): { year: number; month: number; day: number } {
  // A branded value was validated when it was made, so the pattern matches.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Days since 1970-01-01. */
function epochDayOf(date: LocalDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(epochDay: number): LocalDate {
  return formatUtcDate(new Date(epochDay * DAY_MS));
}

function formatUtcDate(shifted: Date): LocalDate {
  const year = shifted.getUTCFullYear();
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new RangeError(`date out of range: year ${year}`);
  const month = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const day = String(shifted.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}` as LocalDate;
}

/** The Shanghai calendar date at an instant. */
export function localDateOf(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return formatUtcDate(new Date(ms + OFFSET_MS));
}

/** The instant at a Shanghai wall-clock time ('HH:MM', 24-hour) on a date. */
export function instantAt(date: LocalDate, time: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a valid time (HH:MM): ${JSON.stringify(time)}`);
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2])) - OFFSET_MS);
}

/** The date n days later (earlier for negative n). */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`days must be an integer: ${n}`);
  return fromEpochDay(epochDayOf(date) + n);
}

/** Whole days from one date to another: positive when `to` is later. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDayOf(to) - epochDayOf(from);
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((epochDayOf(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isWeekend(date: LocalDate): boolean {
  return weekdayOf(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return parts(date).year;
}

/** -1, 0 or 1, for sorting: four-digit ISO dates order as text. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
