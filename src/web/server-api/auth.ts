// Sign-in journey: the session, password login, the second factor, password change and logout.
// Every answer that carries a session replaces the cached one, CSRF token included.
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  sessionSchema,
  totpEnrolmentSchema,
  type LoginRequest,
  type SessionView,
  type TotpEnrolment,
} from '../../modules/identity/schemas.js';
import { NO_SESSION, request, requestParsed } from './client.js';
import { isApiProblem } from './problem.js';
import { sessionQueryKey, storeSession } from './session-cache.js';

async function fetchSession(): Promise<SessionView | null> {
  try {
    const session = await requestParsed('/api/auth/session', sessionSchema);
    storeSession(session);
    return session;
  } catch (error) {
    if (isApiProblem(error, NO_SESSION)) return null;
    throw error;
  }
}

/** The current session, or null when signed out. Refetched on focus so an expired session shows. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

function sessionMutation<V>(path: string, body: (variables: V) => unknown) {
  return async (variables: V): Promise<SessionView> => {
    const session = await requestParsed(path, sessionSchema, { method: 'POST', body: body(variables) });
    storeSession(session);
    return session;
  };
}

export function useLogin() {
  return useMutation({ mutationFn: sessionMutation<LoginRequest>('/api/auth/login', (v) => v) });
}

/**
 * Starting enrolment issues a fresh secret on the server, so it runs once per visit (a query, so
 * React's double effects in development do not issue two secrets) and again only when asked.
 */
export function useTotpEnrolment(userId: string | undefined) {
  return useQuery<TotpEnrolment>({
    queryKey: ['totp-enrolment', userId],
    queryFn: () => requestParsed('/api/auth/totp/enrolment', totpEnrolmentSchema, { method: 'POST' }),
    enabled: userId !== undefined,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function useConfirmTotpEnrolment() {
  return useMutation({
    mutationFn: sessionMutation<string>('/api/auth/totp/enrolment/confirm', (code) => ({ code })),
  });
}

export function useVerifyTotp() {
  return useMutation({ mutationFn: sessionMutation<string>('/api/auth/totp/verify', (code) => ({ code })) });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  return useMutation({
    mutationFn: sessionMutation<ChangePasswordInput>('/api/auth/password', (v) => v),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await request('/api/auth/logout', { method: 'POST' });
      } catch (error) {
        // Already signed out on the server: the client-side outcome is the same.
        if (!isApiProblem(error, NO_SESSION)) throw error;
      }
    },
    onSuccess: () => storeSession(null),
  });
}
