// The only SQL of the recordings module.
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { StoreLocation } from '../../platform/blobs/blob-store.js';
import type { Executor } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { appUser } from '../identity/tables.js';
import type { RecordingState } from './states.js';
import {
  evidenceAlert,
  fixityCheck,
  recording,
  recordingAnnotation,
  recordingCopy,
  recordingDerivative,
  recordingMediaFact,
} from './tables.js';

export type RecordingRow = typeof recording.$inferSelect;
export type CopyRow = typeof recordingCopy.$inferSelect;
export type MediaFactRow = typeof recordingMediaFact.$inferSelect;
export type AnnotationRow = typeof recordingAnnotation.$inferSelect;
export type FixityCheckRow = typeof fixityCheck.$inferSelect;
export type AlertRow = typeof evidenceAlert.$inferSelect;
export type DerivativeRow = typeof recordingDerivative.$inferSelect;

/** A copy that is due for a fixity check, with what it should hash to. */
export interface DueCopy {
  recordingId: string;
  caseId: string;
  location: StoreLocation;
  storeKey: string;
  byteSize: number;
  sha256: string;
  sm3: string | null;
  lastCheckedAt: Date | null;
}

export class RecordingRepository {
  // ---- recordings and uploads

  async insert(db: Executor, row: typeof recording.$inferInsert): Promise<RecordingRow> {
    const [saved] = await db.insert(recording).values(row).returning();
    return saved!;
  }

  async byId(db: Executor, id: string): Promise<RecordingRow | undefined> {
    const [row] = await db.select().from(recording).where(eq(recording.id, id));
    return row;
  }

  async ofCase(db: Executor, caseId: string): Promise<RecordingRow[]> {
    return db.select().from(recording).where(eq(recording.caseId, caseId)).orderBy(desc(recording.createdAt));
  }

  /** Advances the committed offset, only from the offset the caller started at. */
  async advance(
    db: Executor,
    id: string,
    from: number,
    to: number,
    expiresAt: Date,
    at: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(recording)
      .set({ receivedBytes: to, expiresAt, updatedAt: at })
      .where(and(eq(recording.id, id), eq(recording.state, 'receiving'), eq(recording.receivedBytes, from)))
      .returning({ id: recording.id });
    return rows.length === 1;
  }

  /** Moves a recording from one state to another if it is still in the first; false if it was not. */
  async move(
    db: Executor,
    id: string,
    from: RecordingState,
    changes: Partial<typeof recording.$inferInsert> & { state: RecordingState; updatedAt: Date },
  ): Promise<RecordingRow | undefined> {
    const [row] = await db
      .update(recording)
      .set(changes)
      .where(and(eq(recording.id, id), eq(recording.state, from)))
      .returning();
    return row;
  }

  async inState(db: Executor, state: RecordingState, limit: number): Promise<RecordingRow[]> {
    return db
      .select()
      .from(recording)
      .where(eq(recording.state, state))
      .orderBy(asc(recording.updatedAt))
      .limit(limit);
  }

  async expiredUploads(db: Executor, now: Date, limit: number): Promise<RecordingRow[]> {
    return db
      .select()
      .from(recording)
      .where(and(eq(recording.state, 'receiving'), lt(recording.expiresAt, now)))
      .orderBy(asc(recording.expiresAt))
      .limit(limit);
  }

  async statesOf(db: Executor, ids: readonly string[]): Promise<Map<string, RecordingState>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: recording.id, state: recording.state })
      .from(recording)
      .where(inArray(recording.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.state as RecordingState]));
  }

  async sealedByActivity(db: Executor, caseId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ activityId: recording.activityId, n: sql<number>`count(*)::int` })
      .from(recording)
      .where(and(eq(recording.caseId, caseId), eq(recording.state, 'sealed')))
      .groupBy(recording.activityId);
    return new Map(rows.map((r) => [r.activityId, r.n]));
  }

  /** Display names of the people who uploaded or annotated, for views. */
  async userNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: appUser.id, name: appUser.displayName })
      .from(appUser)
      .where(inArray(appUser.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ---- copies

  async insertCopies(db: Executor, rows: (typeof recordingCopy.$inferInsert)[]): Promise<void> {
    await db.insert(recordingCopy).values(rows);
  }

  async copies(db: Executor, recordingIds: readonly string[]): Promise<CopyRow[]> {
    if (recordingIds.length === 0) return [];
    return db
      .select()
      .from(recordingCopy)
      .where(inArray(recordingCopy.recordingId, [...recordingIds]))
      .orderBy(asc(recordingCopy.recordingId), asc(recordingCopy.location));
  }

  // ---- media facts and annotations

  async insertMediaFact(db: Executor, row: typeof recordingMediaFact.$inferInsert): Promise<boolean> {
    const saved = await db.insert(recordingMediaFact).values(row).onConflictDoNothing().returning();
    return saved.length === 1;
  }

  async mediaFacts(db: Executor, recordingIds: readonly string[]): Promise<MediaFactRow[]> {
    if (recordingIds.length === 0) return [];
    return db
      .select()
      .from(recordingMediaFact)
      .where(inArray(recordingMediaFact.recordingId, [...recordingIds]));
  }

  /** Sealed recordings that ffprobe has not read yet (a probe that failed to run is tried again). */
  async unprobed(db: Executor, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: recording.id })
      .from(recording)
      .leftJoin(recordingMediaFact, eq(recordingMediaFact.recordingId, recording.id))
      .where(and(eq(recording.state, 'sealed'), isNull(recordingMediaFact.recordingId)))
      .orderBy(asc(recording.sealedAt))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  /** False when the recording already has a derivative of that kind (a racing job made it first). */
  async insertDerivative(db: Executor, row: typeof recordingDerivative.$inferInsert): Promise<boolean> {
    const saved = await db.insert(recordingDerivative).values(row).onConflictDoNothing().returning();
    return saved.length > 0;
  }

  async derivatives(db: Executor, recordingIds: readonly string[]): Promise<DerivativeRow[]> {
    if (recordingIds.length === 0) return [];
    return db
      .select()
      .from(recordingDerivative)
      .where(inArray(recordingDerivative.recordingId, [...recordingIds]));
  }

  /**
   * Sealed recordings ffprobe read as media that have no playback derivative yet, oldest first. Whether one is
   * needed is decided in code (browser-playable.ts), so the caller filters these.
   */
  async withoutPlaybackDerivative(
    db: Executor,
    afterSealedAt: Date | null,
    limit: number,
  ): Promise<MediaFactRow[]> {
    const rows = await db
      .select({ fact: recordingMediaFact, sealedAt: recording.sealedAt })
      .from(recordingMediaFact)
      .innerJoin(recording, eq(recording.id, recordingMediaFact.recordingId))
      .leftJoin(
        recordingDerivative,
        and(eq(recordingDerivative.recordingId, recording.id), eq(recordingDerivative.kind, 'playback')),
      )
      .where(
        and(
          eq(recording.state, 'sealed'),
          eq(recordingMediaFact.readable, true),
          isNull(recordingDerivative.id),
          afterSealedAt ? gt(recording.sealedAt, afterSealedAt) : undefined,
        ),
      )
      .orderBy(asc(recording.sealedAt))
      .limit(limit);
    return rows.map((r) => r.fact);
  }

  async insertAnnotation(db: Executor, row: typeof recordingAnnotation.$inferInsert): Promise<AnnotationRow> {
    const [saved] = await db.insert(recordingAnnotation).values(row).returning();
    return saved!;
  }

  async annotations(
    db: Executor,
    recordingIds: readonly string[],
  ): Promise<(AnnotationRow & { authorName: string })[]> {
    if (recordingIds.length === 0) return [];
    const rows = await db
      .select({ a: recordingAnnotation, authorName: appUser.displayName })
      .from(recordingAnnotation)
      .innerJoin(appUser, eq(appUser.id, recordingAnnotation.authorId))
      .where(inArray(recordingAnnotation.recordingId, [...recordingIds]))
      .orderBy(asc(recordingAnnotation.createdAt));
    return rows.map((r) => ({ ...r.a, authorName: r.authorName }));
  }

  // ---- fixity

  /**
   * Copies of sealed recordings whose last check is older than `before` (or that were never checked), the
   * longest-unchecked first; optionally of one case only.
   */
  async dueCopies(
    db: Executor,
    filter: { before: Date | null; caseIds?: readonly string[]; limit: number },
  ): Promise<DueCopy[]> {
    const caseFilter =
      filter.caseIds === undefined
        ? sql``
        : filter.caseIds.length === 0
          ? sql` and false`
          : sql` and r.case_id in (${sql.join(
              filter.caseIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`;
    const dueFilter =
      filter.before === null
        ? sql``
        : sql` where last.checked_at is null or last.checked_at < ${filter.before}`;
    const rows = await queryRows<{
      recording_id: string;
      case_id: string;
      location: StoreLocation;
      store_key: string;
      byte_size: number | string;
      sha256: string;
      sm3: string | null;
      last_checked_at: Date | string | null;
    }>(
      db,
      sql`select c.recording_id, r.case_id, c.location, c.store_key, c.byte_size, c.sha256, c.sm3,
                 last.checked_at as last_checked_at
            from recording_copy c
            join recording r on r.id = c.recording_id and r.state = 'sealed'${caseFilter}
            left join lateral (
              select f.checked_at from fixity_check f
               where f.recording_id = c.recording_id and f.location = c.location
               order by f.checked_at desc limit 1
            ) last on true${dueFilter}
           order by last.checked_at asc nulls first, c.recording_id, c.location
           limit ${filter.limit}`,
    );
    return rows.map((r) => ({
      recordingId: r.recording_id,
      caseId: r.case_id,
      location: r.location,
      storeKey: r.store_key,
      byteSize: Number(r.byte_size),
      sha256: r.sha256,
      sm3: r.sm3,
      lastCheckedAt: r.last_checked_at === null ? null : new Date(r.last_checked_at),
    }));
  }

  async insertFixityCheck(db: Executor, row: typeof fixityCheck.$inferInsert): Promise<FixityCheckRow> {
    const [saved] = await db.insert(fixityCheck).values(row).returning();
    return saved!;
  }

  async latestChecks(db: Executor, recordingIds: readonly string[]): Promise<FixityCheckRow[]> {
    if (recordingIds.length === 0) return [];
    return queryRows<FixityCheckRow>(
      db,
      sql`select distinct on (recording_id, location)
                 id, recording_id as "recordingId", location, checked_at as "checkedAt", outcome,
                 actual_size as "actualSize", actual_sha256 as "actualSha256", actual_sm3 as "actualSm3",
                 duration_ms as "durationMs", checked_by as "checkedBy"
            from fixity_check
           where recording_id in (${sql.join(
             recordingIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
           order by recording_id, location, checked_at desc`,
    ).then((rows) =>
      rows.map((r) => ({
        ...r,
        checkedAt: new Date(r.checkedAt),
        actualSize: r.actualSize && Number(r.actualSize),
      })),
    );
  }

  // ---- alerts

  /** Raises an alert unless the copy already has an open one; returns the new alert, if any. */
  async raiseAlert(db: Executor, row: typeof evidenceAlert.$inferInsert): Promise<AlertRow | undefined> {
    const [saved] = await db.insert(evidenceAlert).values(row).onConflictDoNothing().returning();
    return saved;
  }

  async alertById(db: Executor, id: string): Promise<AlertRow | undefined> {
    const [row] = await db.select().from(evidenceAlert).where(eq(evidenceAlert.id, id));
    return row;
  }

  async openAlerts(
    db: Executor,
    filter: { caseIds?: readonly string[] },
  ): Promise<(AlertRow & { caseId: string })[]> {
    const rows = await db
      .select({ a: evidenceAlert, caseId: recording.caseId })
      .from(evidenceAlert)
      .innerJoin(recording, eq(recording.id, evidenceAlert.recordingId))
      .where(
        and(
          isNull(evidenceAlert.acknowledgedAt),
          filter.caseIds ? inArray(recording.caseId, [...filter.caseIds]) : undefined,
        ),
      )
      .orderBy(desc(evidenceAlert.raisedAt));
    return rows.map((r) => ({ ...r.a, caseId: r.caseId }));
  }

  async acknowledgeAlert(
    db: Executor,
    id: string,
    by: string,
    note: string,
    at: Date,
  ): Promise<AlertRow | undefined> {
    const [row] = await db
      .update(evidenceAlert)
      .set({ acknowledgedAt: at, acknowledgedBy: by, acknowledgementNote: note })
      .where(and(eq(evidenceAlert.id, id), isNull(evidenceAlert.acknowledgedAt)))
      .returning();
    return row;
  }

  async alertsOf(db: Executor, recordingIds: readonly string[]): Promise<AlertRow[]> {
    if (recordingIds.length === 0) return [];
    return db
      .select()
      .from(evidenceAlert)
      .where(inArray(evidenceAlert.recordingId, [...recordingIds]))
      .orderBy(desc(evidenceAlert.raisedAt));
  }
}
