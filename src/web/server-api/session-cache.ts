// Where the current session lives on the client: in the query cache under one key, with its CSRF
// token kept beside it for the fetch wrapper. When the user changes (or leaves), every other cached
// answer belongs to someone else and is dropped.
import type { SessionView } from '../../modules/identity/schemas.js';
import { queryClient } from './query-client.js';

export const sessionQueryKey = ['session'] as const;

let csrfToken: string | null = null;

export function currentCsrfToken(): string | null {
  return csrfToken;
}

export function storeSession(session: SessionView | null): void {
  const previous = queryClient.getQueryData<SessionView | null>(sessionQueryKey);
  if (!session || (previous && previous.user.id !== session.user.id)) {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  }
  csrfToken = session?.csrfToken ?? null;
  queryClient.setQueryData(sessionQueryKey, session);
}
