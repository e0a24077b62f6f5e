// Transcripts (笔录) of an activity and the interruptions of its recording: facts filed beside the recordings
// and compared with them (seed 001 arts. 11, 14–15, 27 item 4). Both are written once; a correction of an
// interruption is an annotation, as a correction of capture times is. The conditional requirements are
// CHECKs; the write-once rule is a trigger in migration "transcripts-guards".
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tstz } from '../../platform/db/columns.js';
import { caseActivity, caseFile } from '../cases/tables.js';
import { appUser } from '../identity/tables.js';

/** The written record of an activity as uploaded by a case officer: a scan (image) or a PDF, with its times. */
export const transcript = pgTable(
  'transcript',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => caseActivity.id),
    /** The start and end written in the transcript, as the officer entered them from it. */
    declaredStartedAt: tstz('declared_started_at').notNull(),
    declaredEndedAt: tstz('declared_ended_at').notNull(),
    fileName: text('file_name').notNull(),
    /** Sniffed from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check('transcript_times_check', sql`${t.declaredEndedAt} > ${t.declaredStartedAt}`),
    check('transcript_type_check', sql`${t.contentType} in ('image/jpeg','image/png','application/pdf')`),
    check('transcript_size_check', sql`${t.byteSize} > 0 and ${t.byteSize} = octet_length(${t.content})`),
    check('transcript_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('transcript_activity_idx').on(t.activityId, t.createdAt),
    index('transcript_case_idx').on(t.caseId),
  ],
);

/**
 * A pause between two segments of an activity's recording: why, from when to when, and what was said on
 * resuming. If the activity went on unrecorded, someone approved it and the transcript notes it (art. 14).
 */
export const recordingInterruption = pgTable(
  'recording_interruption',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => caseActivity.id),
    startedAt: tstz('started_at').notNull(),
    endedAt: tstz('ended_at').notNull(),
    reason: text('reason').notNull(),
    continuedWithoutRecording: boolean('continued_without_recording').notNull(),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    transcriptNote: text('transcript_note'),
    /** The reason and times as stated on the recording when it resumed (art. 15). */
    resumeExplanation: text('resume_explanation').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check('recording_interruption_times_check', sql`${t.endedAt} > ${t.startedAt}`),
    check(
      'recording_interruption_approval_check',
      sql`${t.continuedWithoutRecording} = (${t.approvedBy} is not null) and ${t.continuedWithoutRecording} = (${t.transcriptNote} is not null)`,
    ),
    check(
      'recording_interruption_text_check',
      sql`length(btrim(${t.reason})) > 0 and length(btrim(${t.resumeExplanation})) > 0`,
    ),
    index('recording_interruption_activity_idx').on(t.activityId, t.startedAt),
  ],
);

/** A correction of an interruption's times, or a note, by its author with a reason; the facts stay as given. */
export const interruptionAnnotation = pgTable(
  'interruption_annotation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interruptionId: uuid('interruption_id')
      .notNull()
      .references(() => recordingInterruption.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    reason: text('reason').notNull(),
    correctedStartedAt: tstz('corrected_started_at'),
    correctedEndedAt: tstz('corrected_ended_at'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check(
      'interruption_annotation_times_check',
      sql`${t.correctedStartedAt} is null or ${t.correctedEndedAt} is null or ${t.correctedEndedAt} > ${t.correctedStartedAt}`,
    ),
    index('interruption_annotation_idx').on(t.interruptionId, t.createdAt),
  ],
);
