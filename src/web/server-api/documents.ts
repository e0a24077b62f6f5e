// Client documents and permission decisions: the lawyer's documents for a client (reuse and upload, with
// upload progress), a booking's documents, and the centre staff's permission queue and decisions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BookingDocumentKind,
  ClientDocumentView,
  PermissionOutcome,
  PermissionQueueItem,
} from '../../modules/booking/document-schemas.js';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../../platform/http/problem.js';
import { bookingKeys } from './booking.js';
import { requestJson } from './client.js';
import { ApiProblem, networkProblem, unexpectedResponseProblem } from './problem.js';
import { currentCsrfToken } from './session-cache.js';

export type { BookingDocumentKind, ClientDocumentView, PermissionOutcome, PermissionQueueItem };

export interface Client {
  name: string;
  idNo: string;
}

export const documentKeys = {
  all: ['documents'] as const,
  forClient: (unitId: string, client: Client, onBehalfOf: string | undefined) =>
    ['documents', 'client', unitId, client.name, client.idNo, onBehalfOf ?? null] as const,
  ofBooking: (bookingId: string) => ['documents', 'booking', bookingId] as const,
  permissionQueue: (unitId: string) => ['documents', 'permission-queue', unitId] as const,
};

/** A plain link: the browser opens one's own (or one's principal's) document with the session cookie. */
export const clientDocumentUrl = (documentId: string, onBehalfOf?: string) =>
  `/api/client-documents/${encodeURIComponent(documentId)}/content${
    onBehalfOf ? `?onBehalfOf=${encodeURIComponent(onBehalfOf)}` : ''
  }`;

/** Upload progress, 0 to 1, as the request body leaves the device. */
export type OnProgress = (fraction: number) => void;

/**
 * POSTs JSON with XMLHttpRequest rather than fetch, for one thing fetch cannot tell: how much of a large
 * body has been sent (a 10 MB scan on a phone's connection takes a while). Same cookie, CSRF header and
 * problem+json handling as the fetch wrapper.
 */
function postWithProgress<T>(path: string, body: unknown, onProgress?: OnProgress): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', `application/json, ${PROBLEM_CONTENT_TYPE}`);
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(networkProblem());
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      const problem = problemSchema.safeParse(parsed);
      reject(problem.success ? new ApiProblem(problem.data) : unexpectedResponseProblem(xhr.status));
    };
    xhr.send(JSON.stringify(body));
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** A file as the API takes it: base64 without the data-URL prefix. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

// ---- the lawyer

/** The lawyer's documents for the client at the centre, newest first (a POST: an ID number stays out of URLs). */
/**
 * The documents are the lawyer's: an assistant names the principal (onBehalfOf) and sees theirs. Asked only
 * once it is known whom the signed-in account books for (`enabled`).
 */
export function useClientDocuments(
  unitId: string,
  client: Client,
  onBehalfOf: string | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: documentKeys.forClient(unitId, client, onBehalfOf),
    queryFn: () =>
      requestJson<{ items: ClientDocumentView[] }>(
        `/api/centres/${encodeURIComponent(unitId)}/client-documents/lookup`,
        { method: 'POST', body: { client, ...(onBehalfOf ? { onBehalfOf } : {}) } },
      ),
    select: (data) => data.items,
    enabled,
    staleTime: 0,
    retry: false,
  });
}

export function useUploadClientDocument(unitId: string, client: Client, onBehalfOf: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: BookingDocumentKind; file: File; onProgress?: OnProgress }) =>
      readAsBase64(input.file).then((content) =>
        postWithProgress<ClientDocumentView>(
          `/api/centres/${encodeURIComponent(unitId)}/client-documents`,
          {
            client,
            kind: input.kind,
            fileName: input.file.name,
            content,
            ...(onBehalfOf ? { onBehalfOf } : {}),
          },
          input.onProgress,
        ),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: documentKeys.forClient(unitId, client, onBehalfOf) }),
  });
}

export function useBookingDocuments(bookingId: string) {
  return useQuery({
    queryKey: documentKeys.ofBooking(bookingId),
    queryFn: () =>
      requestJson<{ items: ClientDocumentView[] }>(
        `/api/bookings/${encodeURIComponent(bookingId)}/documents`,
      ),
    select: (data) => data.items,
  });
}

export function useUploadPermissionDecision(bookingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; onProgress?: OnProgress }) =>
      readAsBase64(input.file).then((content) =>
        postWithProgress<ClientDocumentView>(
          `/api/bookings/${encodeURIComponent(bookingId)}/permission-decision`,
          { fileName: input.file.name, content },
          input.onProgress,
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.ofBooking(bookingId) }),
  });
}

// ---- centre staff

export function usePermissionQueue(unitId: string) {
  return useQuery({
    queryKey: documentKeys.permissionQueue(unitId),
    queryFn: () =>
      requestJson<{ items: PermissionQueueItem[] }>(
        `/api/centres/${encodeURIComponent(unitId)}/permission-queue`,
      ),
    select: (data) => data.items,
    staleTime: 0,
  });
}

/** Confirm (reason null) or refuse with a reason. */
export function usePermissionDecision(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, reason }: { bookingId: string; reason: string | null }) =>
      requestJson<PermissionOutcome>(
        `/api/bookings/${encodeURIComponent(bookingId)}/permission/${reason === null ? 'confirm' : 'refuse'}`,
        reason === null ? { method: 'POST' } : { method: 'POST', body: { reason } },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.permissionQueue(unitId) });
      await queryClient.invalidateQueries({ queryKey: bookingKeys.daySheet(unitId) });
    },
  });
}

/** A booking's document for staff; fetched only when opened, since the server records every view. */
export async function fetchBookingDocument(bookingId: string, documentId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(
      `/api/bookings/${encodeURIComponent(bookingId)}/documents/${encodeURIComponent(documentId)}/content`,
      { credentials: 'same-origin' },
    );
  } catch {
    throw networkProblem();
  }
  if (!response.ok) {
    const parsed = problemSchema.safeParse(await response.json().catch(() => null));
    throw parsed.success ? new ApiProblem(parsed.data) : unexpectedResponseProblem(response.status);
  }
  return response.blob();
}
