// Requests and views of transcripts and interruptions; the web UI imports these types and rules too.
import { z } from 'zod';
import { clientDocumentContentSchema, documentFileNameSchema } from '../booking/client-document-file.js';

/** English field messages of these schemas; their Chinese is in validation-messages.ts. */
export const TRANSCRIPT_MESSAGES = {
  endAfterStart: 'the end must be after the start',
  approver: 'name who approved going on without recording',
  transcriptNote: 'quote where the transcript notes going on without recording',
} as const;

const instant = z.iso.datetime({ offset: true });

/**
 * The transcript as a scan or PDF, base64 in the JSON body with its times: the same file rules (type read
 * from the bytes, 10 MiB) as a client document, so one checker serves both forms.
 */
export const uploadTranscriptRequestSchema = z
  .object({
    fileName: documentFileNameSchema,
    content: clientDocumentContentSchema,
    startedAt: instant,
    endedAt: instant,
  })
  .superRefine((t, ctx) => {
    if (Date.parse(t.endedAt) <= Date.parse(t.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: TRANSCRIPT_MESSAGES.endAfterStart });
    }
  });
export type UploadTranscriptRequest = z.infer<typeof uploadTranscriptRequestSchema>;

export const recordInterruptionRequestSchema = z
  .object({
    startedAt: instant,
    endedAt: instant,
    reason: z.string().trim().min(1).max(500),
    continuedWithoutRecording: z.boolean(),
    /** Required when the activity went on without recording: the user who approved it. */
    approvedBy: z.uuid().optional(),
    /** Required then too: what the transcript says about it. */
    transcriptNote: z.string().trim().min(1).max(1000).optional(),
    resumeExplanation: z.string().trim().min(1).max(1000),
  })
  .superRefine((i, ctx) => {
    if (Date.parse(i.endedAt) <= Date.parse(i.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: TRANSCRIPT_MESSAGES.endAfterStart });
    }
    if (i.continuedWithoutRecording && !i.approvedBy) {
      ctx.addIssue({ code: 'custom', path: ['approvedBy'], message: TRANSCRIPT_MESSAGES.approver });
    }
    if (i.continuedWithoutRecording && !i.transcriptNote) {
      ctx.addIssue({ code: 'custom', path: ['transcriptNote'], message: TRANSCRIPT_MESSAGES.transcriptNote });
    }
  });
export type RecordInterruptionRequest = z.infer<typeof recordInterruptionRequestSchema>;

export const interruptionAnnotationRequestSchema = z
  .object({
    reason: z.string().trim().min(1).max(500),
    correctedStartedAt: instant.optional(),
    correctedEndedAt: instant.optional(),
  })
  .superRefine((a, ctx) => {
    if (
      a.correctedStartedAt &&
      a.correctedEndedAt &&
      Date.parse(a.correctedEndedAt) <= Date.parse(a.correctedStartedAt)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['correctedEndedAt'],
        message: TRANSCRIPT_MESSAGES.endAfterStart,
      });
    }
  });
export type InterruptionAnnotationRequest = z.infer<typeof interruptionAnnotationRequestSchema>;

// ---- views

const time = z.iso.datetime();

export const TRANSCRIPT_FLAGS = ['no_recording', 'start', 'end', 'media_end'] as const;

export const transcriptViewSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  startedAt: time,
  endedAt: time,
  uploadedBy: z.object({ userId: z.uuid(), displayName: z.string() }),
  createdAt: time,
  comparison: z.object({
    recordedStartedAt: time.nullable(),
    recordedEndedAt: time.nullable(),
    mediaEndedAt: time.nullable(),
    startDifferenceSeconds: z.number().int().nullable(),
    endDifferenceSeconds: z.number().int().nullable(),
    mediaEndDifferenceSeconds: z.number().int().nullable(),
    /** Empty when the transcript agrees with the recording within the tolerance. */
    flags: z.array(z.enum(TRANSCRIPT_FLAGS)),
  }),
});
export type TranscriptView = z.infer<typeof transcriptViewSchema>;

export const interruptionViewSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  startedAt: time,
  endedAt: time,
  reason: z.string(),
  continuedWithoutRecording: z.boolean(),
  approvedBy: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
  transcriptNote: z.string().nullable(),
  resumeExplanation: z.string(),
  recordedBy: z.object({ userId: z.uuid(), displayName: z.string() }),
  createdAt: time,
  annotations: z.array(
    z.object({
      id: z.uuid(),
      authorName: z.string(),
      reason: z.string(),
      correctedStartedAt: time.nullable(),
      correctedEndedAt: time.nullable(),
      createdAt: time,
    }),
  ),
});
export type InterruptionView = z.infer<typeof interruptionViewSchema>;

export const gapViewSchema = z.object({
  afterRecordingId: z.uuid(),
  beforeRecordingId: z.uuid(),
  startedAt: time,
  endedAt: time,
  seconds: z.number().int(),
  /** Null: no recorded interruption accounts for this gap, and it is flagged. */
  interruptionId: z.uuid().nullable(),
});
export type GapView = z.infer<typeof gapViewSchema>;

export const activityRecordViewSchema = z.object({
  activityId: z.uuid(),
  segments: z.array(
    z.object({
      recordingId: z.uuid(),
      startedAt: time,
      endedAt: time,
      durationMs: z.number().int().nullable(),
    }),
  ),
  transcripts: z.array(transcriptViewSchema),
  interruptions: z.array(interruptionViewSchema),
  gaps: z.array(gapViewSchema),
});
export type ActivityRecordView = z.infer<typeof activityRecordViewSchema>;

export const caseActivityRecordsViewSchema = z.object({
  toleranceSeconds: z.number(),
  activities: z.array(activityRecordViewSchema),
});
export type CaseActivityRecordsView = z.infer<typeof caseActivityRecordsViewSchema>;
