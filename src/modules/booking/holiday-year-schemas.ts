// Shapes of the holiday-year API, shared with the web UI. The request body is the calendar's own
// yearDataSchema, so the admin's data passes exactly the checks the calendar applies when it is built.
import { z } from 'zod';

export const holidayYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const dayViewSchema = z.object({ date: z.string(), name: z.string() });

export const HOLIDAY_YEAR_ORIGINS = ['built_in', 'added'] as const;

export const holidayYearViewSchema = z.object({
  year: z.number().int(),
  /** built_in: shipped with Custos; added: stored by an admin (replacing the built-in year, if any). */
  origin: z.enum(HOLIDAY_YEAR_ORIGINS),
  /** True for an added year that Custos also ships: the admin's data is the one in force. */
  replacesBuiltIn: z.boolean(),
  source: z.string().nullable(),
  daysOff: z.array(dayViewSchema),
  workdays: z.array(dayViewSchema),
  addedAt: z.iso.datetime().nullable(),
  addedBy: z.object({ username: z.string(), displayName: z.string() }).nullable(),
});
export type HolidayYearView = z.infer<typeof holidayYearViewSchema>;

export const holidayYearListSchema = z.object({ items: z.array(holidayYearViewSchema) });
