// The official holiday arrangements Custos ships with. A year is here only when its State Council notice
// could be sourced and cross-checked; each file cites its notice. 2027 is absent: no copy of its notice
// was found when this was written (November 2026), and dates are never guessed. An admin adds a year
// through the business calendar's yearDataSchema; a year added that way replaces a built-in one.
import { holidays2024 } from './2024.js';
import { holidays2025 } from './2025.js';
import { holidays2026 } from './2026.js';
import type { HolidayYear } from './holiday-year.js';

export type { HolidayDay, HolidayYear } from './holiday-year.js';

export const BUILT_IN_HOLIDAY_YEARS: readonly HolidayYear[] = [holidays2024, holidays2025, holidays2026];
