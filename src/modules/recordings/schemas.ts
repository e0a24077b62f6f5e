// Views of recordings and the requests about them; the web UI imports these types and rules too.
import { z } from 'zod';
import { STORE_LOCATIONS } from '../../platform/blobs/blob-store.js';
import { RECORDING_STATES } from './states.js';
import { ANNOTATION_KINDS, FIXITY_OUTCOMES } from './kinds.js';

/** English field messages of these schemas; their Chinese is in validation-messages.ts. */
export const RECORDING_MESSAGES = {
  correction: 'give the corrected start, the corrected end, or both',
  correctionOrder: 'the corrected end cannot be before the corrected start',
} as const;

const instant = z.iso.datetime({ offset: true });

export const annotationRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('capture_time_correction'),
      correctedStartedAt: instant.optional(),
      correctedEndedAt: instant.optional(),
      reason: z.string().trim().min(1).max(500),
    })
    .superRefine((a, ctx) => {
      if (!a.correctedStartedAt && !a.correctedEndedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctedStartedAt'],
          message: RECORDING_MESSAGES.correction,
        });
      }
      if (
        a.correctedStartedAt &&
        a.correctedEndedAt &&
        Date.parse(a.correctedEndedAt) < Date.parse(a.correctedStartedAt)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctedEndedAt'],
          message: RECORDING_MESSAGES.correctionOrder,
        });
      }
    }),
  z.object({
    kind: z.literal('note'),
    note: z.string().trim().min(1).max(2000),
    reason: z.string().trim().min(1).max(500),
  }),
]);
export type AnnotationRequest = z.infer<typeof annotationRequestSchema>;

export const acknowledgeAlertRequestSchema = z.object({ note: z.string().trim().min(1).max(1000) });

const fixityOutcomeSchema = z.enum(FIXITY_OUTCOMES);

export const copyViewSchema = z.object({
  location: z.enum(STORE_LOCATIONS),
  byteSize: z.number().int(),
  sha256: z.string(),
  sm3: z.string().nullable(),
  writtenAt: z.iso.datetime(),
  lastCheck: z.object({ checkedAt: z.iso.datetime(), outcome: fixityOutcomeSchema }).nullable(),
});

export const annotationViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ANNOTATION_KINDS),
  author: z.object({ userId: z.uuid(), displayName: z.string() }),
  reason: z.string(),
  correctedStartedAt: z.iso.datetime().nullable(),
  correctedEndedAt: z.iso.datetime().nullable(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AnnotationView = z.infer<typeof annotationViewSchema>;

export const alertViewSchema = z.object({
  id: z.uuid(),
  recordingId: z.uuid(),
  caseId: z.uuid(),
  location: z.enum(STORE_LOCATIONS),
  outcome: z.enum(['mismatch', 'missing', 'unreadable']),
  raisedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgementNote: z.string().nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const mediaFactsViewSchema = z.object({
  readable: z.boolean(),
  durationMs: z.number().int().nullable(),
  formatName: z.string().nullable(),
  containerCreatedAt: z.iso.datetime().nullable(),
  streams: z.array(z.record(z.string(), z.unknown())),
  error: z.string().nullable(),
  probedAt: z.iso.datetime(),
});

export const recordingViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  activityId: z.uuid(),
  state: z.enum(RECORDING_STATES),
  filename: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  receivedBytes: z.number().int(),
  declaredSha256: z.string(),
  sha256: z.string().nullable(),
  sm3: z.string().nullable(),
  device: z.string(),
  /** As given at upload; never changed (see annotations for corrections). */
  captureStartedAt: z.iso.datetime(),
  captureEndedAt: z.iso.datetime(),
  uploadedBy: z.object({ userId: z.uuid(), displayName: z.string() }),
  createdAt: z.iso.datetime(),
  sealedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  endReason: z.record(z.string(), z.unknown()).nullable(),
  /** The tus URL while the upload can continue. */
  uploadUrl: z.string().nullable(),
  copies: z.array(copyViewSchema),
  media: mediaFactsViewSchema.nullable(),
  annotations: z.array(annotationViewSchema),
  alerts: z.array(alertViewSchema),
});
export type RecordingView = z.infer<typeof recordingViewSchema>;

export const viewGrantSchema = z.object({
  viewId: z.number().int(),
  /** Where the player fetches the working copy; only this viewer, until expiresAt. */
  mediaUrl: z.string(),
  viewer: z.string(),
  expiresAt: z.iso.datetime(),
  /** The file served: the working copy, or the playable derivative made from the working copy's hash. */
  served: z.object({
    copy: z.enum(['working', 'derivative']),
    sha256: z.string(),
    derivedFromSha256: z.string().nullable(),
  }),
});
export type ViewGrant = z.infer<typeof viewGrantSchema>;
