// The only SQL of transcripts and interruptions. The transcript's bytes are read only when someone opens it.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { interruptionAnnotation, recordingInterruption, transcript } from './tables.js';

export type TranscriptRow = Omit<typeof transcript.$inferSelect, 'content'>;
export type InterruptionRow = typeof recordingInterruption.$inferSelect;
export type InterruptionAnnotationRow = typeof interruptionAnnotation.$inferSelect;

const transcriptColumns = {
  id: transcript.id,
  caseId: transcript.caseId,
  activityId: transcript.activityId,
  declaredStartedAt: transcript.declaredStartedAt,
  declaredEndedAt: transcript.declaredEndedAt,
  fileName: transcript.fileName,
  contentType: transcript.contentType,
  byteSize: transcript.byteSize,
  sha256: transcript.sha256,
  uploadedBy: transcript.uploadedBy,
  createdAt: transcript.createdAt,
};

export class TranscriptRepository {
  async insertTranscript(db: Executor, row: typeof transcript.$inferInsert): Promise<TranscriptRow> {
    const [saved] = await db.insert(transcript).values(row).returning(transcriptColumns);
    return saved!;
  }

  async transcriptsOfCase(db: Executor, caseId: string): Promise<TranscriptRow[]> {
    return db
      .select(transcriptColumns)
      .from(transcript)
      .where(eq(transcript.caseId, caseId))
      .orderBy(asc(transcript.createdAt));
  }

  async transcriptWithContent(db: Executor, id: string): Promise<typeof transcript.$inferSelect | undefined> {
    const [row] = await db.select().from(transcript).where(eq(transcript.id, id));
    return row;
  }

  async insertInterruption(
    db: Executor,
    row: typeof recordingInterruption.$inferInsert,
  ): Promise<InterruptionRow> {
    const [saved] = await db.insert(recordingInterruption).values(row).returning();
    return saved!;
  }

  async interruptionById(db: Executor, id: string): Promise<InterruptionRow | undefined> {
    const [row] = await db.select().from(recordingInterruption).where(eq(recordingInterruption.id, id));
    return row;
  }

  async interruptionsOfCase(db: Executor, caseId: string): Promise<InterruptionRow[]> {
    return db
      .select()
      .from(recordingInterruption)
      .where(eq(recordingInterruption.caseId, caseId))
      .orderBy(asc(recordingInterruption.startedAt), asc(recordingInterruption.createdAt));
  }

  async insertAnnotation(
    db: Executor,
    row: typeof interruptionAnnotation.$inferInsert,
  ): Promise<InterruptionAnnotationRow> {
    const [saved] = await db.insert(interruptionAnnotation).values(row).returning();
    return saved!;
  }

  async annotationsOf(
    db: Executor,
    interruptionIds: readonly string[],
  ): Promise<InterruptionAnnotationRow[]> {
    if (interruptionIds.length === 0) return [];
    return db
      .select()
      .from(interruptionAnnotation)
      .where(inArray(interruptionAnnotation.interruptionId, [...interruptionIds]))
      .orderBy(asc(interruptionAnnotation.createdAt));
  }
}
