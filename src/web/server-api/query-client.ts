// The one TanStack Query client. Client errors (4xx) are answers, not glitches: never retry them.
import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problem.js';

const MAX_RETRIES = 2;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) =>
        failureCount < MAX_RETRIES &&
        !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});
