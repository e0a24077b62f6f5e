// A case's recordings (uploads in progress, sealed, ended), annotations and fixity alerts. Uploads
// themselves go through the tus client (upload/tus-upload.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertView,
  AnnotationRequest,
  RecordingView,
  ViewGrant,
} from '../../modules/recordings/schemas.js';
import { requestJson } from './client.js';
import { caseKeys } from './cases.js';

export type { AlertView, RecordingView };

export const recordingKeys = {
  ofCase: (caseId: string) => ['recordings', 'case', caseId] as const,
  alerts: ['recordings', 'alerts'] as const,
};

/** A case's recordings; polled while any is being received or sealed elsewhere, so states move on screen. */
export function useCaseRecordings(caseId: string) {
  return useQuery({
    queryKey: recordingKeys.ofCase(caseId),
    queryFn: () =>
      requestJson<{ items: RecordingView[] }>(`/api/cases/${encodeURIComponent(caseId)}/recordings`),
    select: (data) => data.items,
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.state === 'receiving' || r.state === 'sealing') ? 5000 : false,
  });
}

export function useRefreshCaseEvidence(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: recordingKeys.ofCase(caseId) }),
      client.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
    ]);
}

export function useAnnotate(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ recordingId, ...body }: AnnotationRequest & { recordingId: string }) =>
      requestJson<RecordingView>(`/api/recordings/${encodeURIComponent(recordingId)}/annotations`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordingKeys.ofCase(caseId) }),
  });
}

export function useEvidenceAlerts() {
  return useQuery({
    queryKey: recordingKeys.alerts,
    queryFn: () => requestJson<{ items: AlertView[] }>('/api/evidence/alerts'),
    select: (data) => data.items,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, note }: { alertId: string; note: string }) =>
      requestJson<AlertView>(`/api/evidence/alerts/${encodeURIComponent(alertId)}/acknowledge`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordingKeys.alerts }),
  });
}

/** Opens a view of a sealed recording: the server records it and grants the working copy's URL. */
export function useStartView() {
  return useMutation({
    mutationFn: (recordingId: string) =>
      requestJson<ViewGrant>(`/api/recordings/${encodeURIComponent(recordingId)}/views`, { method: 'POST' }),
  });
}
