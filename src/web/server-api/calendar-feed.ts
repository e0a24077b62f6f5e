// The lawyer's private calendar feed: whether there is one, making (or replacing) its URL, and ending it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  calendarFeedIssuedSchema,
  calendarFeedViewSchema,
  type CalendarFeedIssued,
  type CalendarFeedView,
} from '../../modules/booking/calendar-feed-schemas.js';
import { request, requestParsed } from './client.js';

export type { CalendarFeedIssued, CalendarFeedView };

const feedKey = ['lawyers', 'me', 'calendar-feed'] as const;
const FEED_PATH = '/api/lawyers/me/calendar-feed';

export function useCalendarFeed() {
  return useQuery({
    queryKey: feedKey,
    queryFn: () => requestParsed(FEED_PATH, calendarFeedViewSchema),
  });
}

/** Makes a new feed URL; any earlier one stops working. The answer is the only time the URL is shown. */
export function useIssueCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestParsed(FEED_PATH, calendarFeedIssuedSchema, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request(FEED_PATH, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKey }),
  });
}
