// Calendar dates and wall-clock times in Beijing time for bookings: sessions are booked in the centre's
// local time whatever zone the phone is set to.
import type { Language } from '../i18n/languages.js';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** "09:30": the Beijing wall-clock time of an instant. */
export function beijingHm(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(11, 16);
}

/** Today's date in Beijing as YYYY-MM-DD. */
export function beijingToday(now: number = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing date of an instant as YYYY-MM-DD. */
export function beijingDateOf(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

const LONG: Record<Language, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }),
};

/** "2026年11月27日星期五" or "Friday 27 November 2026" for a YYYY-MM-DD date. */
export function formatLongDate(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return LONG[language].format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2026-11-27 09:00–10:30" (Beijing time) for a meeting. */
export function formatMeetingSpan(startsAt: string, endsAt: string): string {
  return `${beijingDateOf(startsAt)} ${beijingHm(startsAt)}–${beijingHm(endsAt)}`;
}

/** "mm:ss" for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
