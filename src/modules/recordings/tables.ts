// Recordings and everything kept about them: the upload and its state, the three copies with their hashes,
// media facts read by ffprobe, annotations (corrections are added, never made), fixity checks and the alerts
// they raise. Write-once rules that a CHECK cannot express are triggers in migration "recordings-guards".
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { STORE_LOCATIONS } from '../../platform/blobs/blob-store.js';
import { tstz } from '../../platform/db/columns.js';
import { caseActivity, caseFile } from '../cases/tables.js';
import { appUser } from '../identity/tables.js';
import { ANNOTATION_KINDS, FIXITY_OUTCOMES } from './kinds.js';
import { RECORDING_STATES } from './states.js';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const hex64 = (column: unknown) => sql`${column} ~ '^[0-9a-f]{64}$'`;

export const recording = pgTable(
  'recording',
  {
    /** Also the upload's id in its tus URL. */
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => caseActivity.id),
    state: text('state').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    /** The capturing device as given (body-cam model and serial, interrogation-room system...). */
    device: text('device').notNull(),
    /** Capture times as the device or officer gave them; never changed (corrections are annotations). */
    captureStartedAt: tstz('capture_started_at').notNull(),
    captureEndedAt: tstz('capture_ended_at').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    /** The whole file's size and SHA-256 as the client declared them when the upload was created. */
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    declaredSha256: text('declared_sha256').notNull(),
    /** Bytes received, fsynced and committed: the tus Upload-Offset. */
    receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
    expiresAt: tstz('expires_at'),
    /** Computed as the bytes arrived; written once, when sealing starts or the upload is rejected. */
    sha256: text('sha256'),
    sm3: text('sm3'),
    sealedAt: tstz('sealed_at'),
    /** Why an upload was rejected, expired or terminated, with the facts. */
    endedAt: tstz('ended_at'),
    endReason: jsonb('end_reason').$type<Record<string, unknown>>(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('recording_state_check', sql`${t.state} in (${inList(RECORDING_STATES)})`),
    check('recording_size_check', sql`${t.byteSize} > 0 and ${t.receivedBytes} between 0 and ${t.byteSize}`),
    check('recording_declared_check', hex64(t.declaredSha256)),
    check('recording_sha256_check', sql`${t.sha256} is null or ${hex64(t.sha256)}`),
    check('recording_capture_check', sql`${t.captureEndedAt} >= ${t.captureStartedAt}`),
    check(
      'recording_sealing_check',
      sql`${t.state} not in ('sealing','sealed') or (${t.sha256} = ${t.declaredSha256} and ${t.receivedBytes} = ${t.byteSize})`,
    ),
    check('recording_sealed_check', sql`(${t.state} = 'sealed') = (${t.sealedAt} is not null)`),
    check(
      'recording_ended_check',
      sql`(${t.state} in ('rejected','expired','terminated')) = (${t.endedAt} is not null)`,
    ),
    index('recording_case_idx').on(t.caseId, t.createdAt),
    index('recording_activity_idx').on(t.activityId),
    index('recording_state_idx').on(t.state, t.expiresAt),
  ],
);

/** One row per copy, written when the copy is written and never changed. */
export const recordingCopy = pgTable(
  'recording_copy',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recording.id),
    location: text('location').notNull(),
    storeKey: text('store_key').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3'),
    writtenAt: tstz('written_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordingId, t.location] }),
    check('recording_copy_location_check', sql`${t.location} in (${inList(STORE_LOCATIONS)})`),
    check('recording_copy_sha256_check', hex64(t.sha256)),
  ],
);

/** What ffprobe read from the working copy: facts about the file, kept beside what the officer gave. */
export const recordingMediaFact = pgTable('recording_media_fact', {
  recordingId: uuid('recording_id')
    .primaryKey()
    .references(() => recording.id),
  probedAt: tstz('probed_at').notNull(),
  /** False when ffprobe could not read the file as media; `error` then says why. */
  readable: boolean('readable').notNull(),
  durationMs: bigint('duration_ms', { mode: 'number' }),
  formatName: text('format_name'),
  /** The container's own creation time, when it has one. */
  containerCreatedAt: tstz('container_created_at'),
  streams: jsonb('streams').$type<Record<string, unknown>[]>().notNull(),
  error: text('error'),
});

/** A note or a correction of capture times, by its author with a reason; the given times stay as they are. */
export const recordingAnnotation = pgTable(
  'recording_annotation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recording.id),
    kind: text('kind').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    reason: text('reason').notNull(),
    correctedStartedAt: tstz('corrected_started_at'),
    correctedEndedAt: tstz('corrected_ended_at'),
    note: text('note'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check('recording_annotation_kind_check', sql`${t.kind} in (${inList(ANNOTATION_KINDS)})`),
    check(
      'recording_annotation_content_check',
      sql`(${t.kind} = 'capture_time_correction') = (${t.correctedStartedAt} is not null or ${t.correctedEndedAt} is not null) and (${t.kind} = 'note') = (${t.note} is not null)`,
    ),
    index('recording_annotation_recording_idx').on(t.recordingId, t.createdAt),
  ],
);

/** Every re-hash of a copy, by the scheduled job or on demand. */
export const fixityCheck = pgTable(
  'fixity_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recording.id),
    location: text('location').notNull(),
    checkedAt: tstz('checked_at').notNull(),
    outcome: text('outcome').notNull(),
    actualSize: bigint('actual_size', { mode: 'number' }),
    actualSha256: text('actual_sha256'),
    actualSm3: text('actual_sm3'),
    durationMs: integer('duration_ms').notNull(),
    /** 'job' (the schedule) or 'cli' (custos evidence verify). */
    checkedBy: text('checked_by').notNull(),
  },
  (t) => [
    check('fixity_check_location_check', sql`${t.location} in (${inList(STORE_LOCATIONS)})`),
    check('fixity_check_outcome_check', sql`${t.outcome} in (${inList(FIXITY_OUTCOMES)})`),
    check('fixity_check_by_check', sql`${t.checkedBy} in ('job','cli')`),
    index('fixity_check_copy_idx').on(t.recordingId, t.location, t.checkedAt),
  ],
);

/** A failed fixity check, shown in the staff console until a custodian acknowledges it. */
export const evidenceAlert = pgTable(
  'evidence_alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recording.id),
    location: text('location').notNull(),
    fixityCheckId: uuid('fixity_check_id')
      .notNull()
      .references(() => fixityCheck.id),
    outcome: text('outcome').notNull(),
    raisedAt: tstz('raised_at').notNull(),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => appUser.id),
    acknowledgementNote: text('acknowledgement_note'),
  },
  (t) => [
    check('evidence_alert_outcome_check', sql`${t.outcome} in ('mismatch','missing','unreadable')`),
    check(
      'evidence_alert_ack_check',
      sql`num_nulls(${t.acknowledgedAt}, ${t.acknowledgedBy}, ${t.acknowledgementNote}) in (0, 3)`,
    ),
    // One open alert per copy: a copy that keeps failing is one problem until someone deals with it.
    uniqueIndex('evidence_alert_open_idx')
      .on(t.recordingId, t.location)
      .where(sql`${t.acknowledgedAt} is null`),
    index('evidence_alert_raised_idx').on(t.raisedAt),
  ],
);

/**
 * A file made from the working copy for a purpose the copy itself cannot serve; 'playback' is an H.264/AAC MP4
 * for browsers. It names the working copy's hash it was made from, never replaces that copy, and is written
 * once (the append-only triggers are in the same migration as the table).
 */
export const recordingDerivative = pgTable(
  'recording_derivative',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recording.id),
    kind: text('kind').notNull(),
    /** The SHA-256 of the working copy ffmpeg read. */
    derivedFromSha256: text('derived_from_sha256').notNull(),
    /** The derivative's own key in the working store, its size and hash. */
    storeKey: text('store_key').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3'),
    /** `ffmpeg -version`'s first line and the arguments used, so the derivative can be made again. */
    ffmpegVersion: text('ffmpeg_version').notNull(),
    ffmpegArgs: jsonb('ffmpeg_args').$type<string[]>().notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check('recording_derivative_kind_check', sql`${t.kind} in ('playback')`),
    check('recording_derivative_from_check', hex64(t.derivedFromSha256)),
    check('recording_derivative_sha256_check', hex64(t.sha256)),
    check('recording_derivative_size_check', sql`${t.byteSize} > 0`),
    uniqueIndex('recording_derivative_kind_idx').on(t.recordingId, t.kind),
    uniqueIndex('recording_derivative_key_idx').on(t.storeKey),
  ],
);
