// Notifications (admin role): the development provider's mailbox.
import { useQuery } from '@tanstack/react-query';
import type { DevMessageView } from '../../modules/notify/schemas.js';
import { requestJson } from './client.js';

export type DevMessage = DevMessageView;

export const DEV_MESSAGES_LIMIT = 100;

export function useDevMessages() {
  return useQuery({
    queryKey: ['notify', 'dev-messages'],
    queryFn: () =>
      requestJson<{ items: DevMessage[] }>('/api/notify/dev-messages', {
        query: { limit: DEV_MESSAGES_LIMIT },
      }),
    select: (data) => data.items,
    // New messages arrive as the dispatcher sends them; keep the mailbox current while it is open.
    refetchInterval: 10_000,
  });
}
