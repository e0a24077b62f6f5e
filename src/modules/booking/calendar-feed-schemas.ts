// Request and response shapes of the private calendar feed, shared with the web UI (browser-safe).
import { z } from 'zod';

/** Whether the lawyer has a feed. Its URL cannot be shown again: only the token's hash is kept. */
export const calendarFeedViewSchema = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
});
export type CalendarFeedView = z.infer<typeof calendarFeedViewSchema>;

/** A new feed URL, shown this once. */
export const calendarFeedIssuedSchema = z.object({
  url: z.url(),
  createdAt: z.iso.datetime(),
  /** True when it replaced an older URL, which no longer works. */
  replaced: z.boolean(),
});
export type CalendarFeedIssued = z.infer<typeof calendarFeedIssuedSchema>;

/**
 * The feed's path ends in `<token>.ics`; any other shape of token is simply not found (the router itself
 * refuses a parameter over 100 characters with 414).
 */
export const calendarFeedParamsSchema = z.object({ token: z.string() });
