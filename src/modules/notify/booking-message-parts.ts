// What every booking message says about its meeting (the centre, the day and the time), shared by the
// 'booking.*' templates. The sender converts to Shanghai time; here the day is only written out in the
// reader's language, so no time zone is involved.
import { z } from 'zod';
import type { Locale } from './schemas.js';

/** Longest texts the booking messages take; senders clip to them, so a long name never fails a booking. */
export const MEETING_TEXT_LIMITS = { centre: 100, reason: 200 } as const;

/** The params naming a meeting: the centre in the reader's language, its Shanghai date and start time. */
export const meetingParamsShape = {
  centre: z.string().trim().min(1).max(MEETING_TEXT_LIMITS.centre),
  date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
};

export const meetingMinutesSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

/** The text cut to `max` characters (whole code points), with an ellipsis when it was longer. */
export function clipText(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '11月27日' in Chinese, 'Fri 27 Nov' in English: no year, since bookings lie weeks ahead at most. */
export function meetingDay(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (locale === 'zh-CN') return `${month}月${day}日`;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${EN_WEEKDAYS[weekday]} ${day} ${EN_MONTHS[month - 1]}`;
}
