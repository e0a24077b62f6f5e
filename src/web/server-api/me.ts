// The signed-in user's own data.
import { useQuery } from '@tanstack/react-query';
import { requestJson } from './client.js';

export interface ActivityItem {
  id: string;
  occurredAt: string;
  /** e.g. auth.login.succeeded, auth.login.failed, auth.logout, auth.locked, auth.totp.enrolled */
  action: string;
  ip: string | null;
  userAgent: string | null;
}

export function useMyActivity(limit = 20) {
  return useQuery({
    queryKey: ['me', 'activity', limit],
    queryFn: () => requestJson<{ items: ActivityItem[] }>('/api/me/activity', { query: { limit } }),
    select: (data) => data.items,
  });
}
