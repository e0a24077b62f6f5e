// ISO weekdays (1 = Monday) and their label keys.
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export function weekdayKey(weekday: number): WeekdayKey {
  return WEEKDAY_KEYS[(weekday - 1) % 7]!;
}
