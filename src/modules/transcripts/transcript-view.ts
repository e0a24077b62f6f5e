// An activity's record as the case page shows it: its sealed segments in capture order, each transcript with
// its comparison, the interruptions (with corrections applied) and the gaps, flagged where none accounts.
import type { Executor } from '../../platform/db/database.js';
import type { CaseRepository } from '../cases/repository.js';
import type { RecordingRepository } from '../recordings/repository.js';
import type { InterruptionAnnotationRow, InterruptionRow, TranscriptRepository } from './repository.js';
import type { CaseActivityRecordsView, InterruptionView } from './schemas.js';
import { compareTranscript, findGaps, inCaptureOrder, type Segment } from './span-comparison.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The interruption's times after its latest correction of each. */
function effectiveTimes(row: InterruptionRow, annotations: InterruptionAnnotationRow[]) {
  let startedAt = row.startedAt;
  let endedAt = row.endedAt;
  for (const a of annotations) {
    if (a.correctedStartedAt) startedAt = a.correctedStartedAt;
    if (a.correctedEndedAt) endedAt = a.correctedEndedAt;
  }
  return { id: row.id, startedAt, endedAt };
}

export async function presentActivityRecords(
  db: Executor,
  caseId: string,
  deps: {
    transcripts: TranscriptRepository;
    cases: CaseRepository;
    recordings: RecordingRepository;
    toleranceMs: number;
  },
): Promise<CaseActivityRecordsView> {
  const [activities, recordings, transcripts, interruptions] = await Promise.all([
    deps.cases.activities(db, caseId),
    deps.recordings.ofCase(db, caseId),
    deps.transcripts.transcriptsOfCase(db, caseId),
    deps.transcripts.interruptionsOfCase(db, caseId),
  ]);
  const sealed = recordings.filter((r) => r.state === 'sealed');
  const [facts, annotations] = await Promise.all([
    deps.recordings.mediaFacts(
      db,
      sealed.map((r) => r.id),
    ),
    deps.transcripts.annotationsOf(
      db,
      interruptions.map((i) => i.id),
    ),
  ]);
  const userIds = [
    ...transcripts.map((t) => t.uploadedBy),
    ...interruptions.flatMap((i) => [i.recordedBy, ...(i.approvedBy ? [i.approvedBy] : [])]),
    ...annotations.map((a) => a.authorId),
  ];
  const names = await deps.recordings.userNames(db, userIds);
  const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '' });

  return {
    toleranceSeconds: deps.toleranceMs / 1000,
    activities: activities.map((activity) => {
      const segments: Segment[] = inCaptureOrder(
        sealed
          .filter((r) => r.activityId === activity.id)
          .map((r) => ({
            recordingId: r.id,
            startedAt: r.captureStartedAt,
            endedAt: r.captureEndedAt,
            durationMs: facts.find((f) => f.recordingId === r.id)?.durationMs ?? null,
          })),
      );
      const ownInterruptions = interruptions.filter((i) => i.activityId === activity.id);
      const annotationsOf = (id: string) => annotations.filter((a) => a.interruptionId === id);
      const interruptionViews: InterruptionView[] = ownInterruptions.map((i) => ({
        id: i.id,
        activityId: i.activityId,
        startedAt: i.startedAt.toISOString(),
        endedAt: i.endedAt.toISOString(),
        reason: i.reason,
        continuedWithoutRecording: i.continuedWithoutRecording,
        approvedBy: i.approvedBy ? person(i.approvedBy) : null,
        transcriptNote: i.transcriptNote,
        resumeExplanation: i.resumeExplanation,
        recordedBy: person(i.recordedBy),
        createdAt: i.createdAt.toISOString(),
        annotations: annotationsOf(i.id).map((a) => ({
          id: a.id,
          authorName: names.get(a.authorId) ?? '',
          reason: a.reason,
          correctedStartedAt: iso(a.correctedStartedAt),
          correctedEndedAt: iso(a.correctedEndedAt),
          createdAt: a.createdAt.toISOString(),
        })),
      }));
      const gaps = findGaps(
        segments,
        ownInterruptions.map((i) => effectiveTimes(i, annotationsOf(i.id))),
        deps.toleranceMs,
      );
      return {
        activityId: activity.id,
        segments: segments.map((s) => ({
          recordingId: s.recordingId,
          startedAt: s.startedAt.toISOString(),
          endedAt: s.endedAt.toISOString(),
          durationMs: s.durationMs,
        })),
        transcripts: transcripts
          .filter((t) => t.activityId === activity.id)
          .map((t) => {
            const c = compareTranscript(
              { startedAt: t.declaredStartedAt, endedAt: t.declaredEndedAt },
              segments,
              deps.toleranceMs,
            );
            return {
              id: t.id,
              activityId: t.activityId,
              fileName: t.fileName,
              contentType: t.contentType,
              byteSize: t.byteSize,
              sha256: t.sha256,
              startedAt: t.declaredStartedAt.toISOString(),
              endedAt: t.declaredEndedAt.toISOString(),
              uploadedBy: person(t.uploadedBy),
              createdAt: t.createdAt.toISOString(),
              comparison: {
                recordedStartedAt: iso(c.recordedStartedAt),
                recordedEndedAt: iso(c.recordedEndedAt),
                mediaEndedAt: iso(c.mediaEndedAt),
                startDifferenceSeconds: c.startDifferenceSeconds,
                endDifferenceSeconds: c.endDifferenceSeconds,
                mediaEndDifferenceSeconds: c.mediaEndDifferenceSeconds,
                flags: c.flags,
              },
            };
          }),
        interruptions: interruptionViews,
        gaps: gaps.map((g) => ({
          afterRecordingId: g.afterRecordingId,
          beforeRecordingId: g.beforeRecordingId,
          startedAt: g.startedAt.toISOString(),
          endedAt: g.endedAt.toISOString(),
          seconds: g.seconds,
          interruptionId: g.interruptionId,
        })),
      };
    }),
  };
}
