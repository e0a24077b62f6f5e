// Transcripts and interruptions of a case's activities, with how they compare with the sealed recordings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseActivityRecordsView,
  InterruptionView,
  RecordInterruptionRequest,
  TranscriptView,
  UploadTranscriptRequest,
} from '../../modules/transcripts/schemas.js';
import { requestJson } from './client.js';

export type { CaseActivityRecordsView, InterruptionView, TranscriptView };
export type ActivityRecordView = CaseActivityRecordsView['activities'][number];
export type GapView = ActivityRecordView['gaps'][number];

export const transcriptKeys = {
  ofCase: (caseId: string) => ['transcripts', 'case', caseId] as const,
};

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export function useActivityRecords(caseId: string) {
  return useQuery({
    queryKey: transcriptKeys.ofCase(caseId),
    queryFn: () => requestJson<CaseActivityRecordsView>(`${base(caseId)}/activity-records`),
  });
}

export function transcriptFileUrl(caseId: string, transcriptId: string): string {
  return `${base(caseId)}/transcripts/${encodeURIComponent(transcriptId)}/content`;
}

export function useUploadTranscript(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, ...body }: UploadTranscriptRequest & { activityId: string }) =>
      requestJson<TranscriptView>(
        `${base(caseId)}/activities/${encodeURIComponent(activityId)}/transcripts`,
        {
          method: 'POST',
          body,
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: transcriptKeys.ofCase(caseId) }),
  });
}

export function useRecordInterruption(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, ...body }: RecordInterruptionRequest & { activityId: string }) =>
      requestJson<InterruptionView>(
        `${base(caseId)}/activities/${encodeURIComponent(activityId)}/interruptions`,
        { method: 'POST', body },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: transcriptKeys.ofCase(caseId) }),
  });
}

/** The file as standard base64, as the API takes it. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}
