// Lawyers: public registration, the lawyer's own account (status, suspensions, assistants), and the centre
// staff's review queue and suspensions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssistantLinkView,
  LawyerAccountView,
  LawyerStatus,
  registrationRequestSchema,
  resubmissionRequestSchema,
  ReviewItem,
  SuspensionView,
  VerificationCodeSent,
} from '../../modules/lawyers/schemas.js';
import { problemSchema } from '../../platform/http/problem.js';
import { request, requestJson } from './client.js';
import { ApiProblem, networkProblem, unexpectedResponseProblem } from './problem.js';
import { currentCsrfToken } from './session-cache.js';

export type { AssistantLinkView, LawyerAccountView, LawyerStatus, ReviewItem, SuspensionView };
export type RegistrationInput = z.input<typeof registrationRequestSchema>;
export type ResubmissionInput = z.input<typeof resubmissionRequestSchema>;

const accountKey = ['lawyers', 'me'] as const;
const reviewsKey = ['lawyer-reviews'] as const;
const suspensionsKey = ['lawyer-suspensions'] as const;

// ---- registration (no session)

export function useSendCode() {
  return useMutation({
    mutationFn: (input: { mobile: string; locale: 'zh-CN' | 'en' }) =>
      requestJson<VerificationCodeSent>('/api/lawyer-registrations/verification-codes', {
        method: 'POST',
        body: input,
      }),
  });
}

export function useRegister() {
  return useMutation({
    mutationFn: (input: RegistrationInput) =>
      requestJson<{ userId: string; username: string; status: LawyerStatus }>('/api/lawyer-registrations', {
        method: 'POST',
        body: input,
      }),
  });
}

// ---- the lawyer

export function useLawyerAccount() {
  return useQuery({
    queryKey: accountKey,
    queryFn: () => requestJson<LawyerAccountView>('/api/lawyers/me'),
  });
}

function useAccountMutation<V>(run: (variables: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: accountKey }),
  });
}

export function useResubmit() {
  return useAccountMutation((input: ResubmissionInput) =>
    requestJson<LawyerAccountView>('/api/lawyers/me/registration', { method: 'PUT', body: input }),
  );
}

export function useAppeal() {
  return useAccountMutation(({ suspensionId, appeal }: { suspensionId: string; appeal: string }) =>
    requestJson<SuspensionView>(`/api/lawyer-suspensions/${encodeURIComponent(suspensionId)}/appeal`, {
      method: 'POST',
      body: { appeal },
    }),
  );
}

export function useInviteAssistant() {
  return useAccountMutation((username: string) =>
    requestJson<AssistantLinkView>('/api/lawyers/me/assistants', { method: 'POST', body: { username } }),
  );
}

export function useAssistantLinkAction() {
  return useAccountMutation(({ linkId, action }: { linkId: string; action: 'confirm' | 'end' }) =>
    request(`/api/lawyer-assistant-links/${encodeURIComponent(linkId)}/${action}`, { method: 'POST' }),
  );
}

// ---- centre staff

export function useReviewQueue(status: LawyerStatus) {
  return useQuery({
    queryKey: [...reviewsKey, status],
    queryFn: () => requestJson<{ items: ReviewItem[] }>('/api/lawyer-reviews', { query: { status } }),
    select: (data) => data.items,
  });
}

export function useDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string | null }) =>
      requestJson<ReviewItem>(
        `/api/lawyer-reviews/${encodeURIComponent(userId)}/${reason === null ? 'approve' : 'reject'}`,
        { method: 'POST', ...(reason === null ? {} : { body: { reason } }) },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

export function useCentreSuspensions(unitId: string) {
  return useQuery({
    queryKey: [...suspensionsKey, unitId],
    queryFn: () =>
      requestJson<{ items: SuspensionView[] }>(
        `/api/centres/${encodeURIComponent(unitId)}/lawyer-suspensions`,
      ),
    select: (data) => data.items,
  });
}

export function useLiftSuspension() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ suspensionId, reason }: { suspensionId: string; reason: string }) =>
      requestJson<SuspensionView>(`/api/lawyer-suspensions/${encodeURIComponent(suspensionId)}/lift`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: suspensionsKey }),
  });
}

/**
 * The licence photo as a Blob (the server records each view). A plain fetch: the answer is a file, not
 * JSON. GET needs no CSRF token, but the header does no harm and keeps one shape for every call.
 */
export async function fetchLicencePhoto(userId: string): Promise<Blob> {
  let response: Response;
  try {
    const token = currentCsrfToken();
    response = await fetch(`/api/lawyer-reviews/${encodeURIComponent(userId)}/licence-photo`, {
      credentials: 'same-origin',
      headers: token ? { 'x-csrf-token': token } : {},
    });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) {
    const parsed = problemSchema.safeParse(await response.json().catch(() => null));
    throw parsed.success ? new ApiProblem(parsed.data) : unexpectedResponseProblem(response.status);
  }
  return response.blob();
}
