// A recording as the case page shows it: its state and hashes, each copy with its last fixity check, the
// media facts, the annotations and the alerts.
import type { StoreLocation } from '../../platform/blobs/blob-store.js';
import type { Executor } from '../../platform/db/database.js';
import type { AlertRow, RecordingRepository, RecordingRow } from './repository.js';
import type { AlertView, RecordingView } from './schemas.js';
import type { RecordingState } from './states.js';
import { UPLOADS_PATH } from './tus/protocol.js';

export async function presentRecordings(
  db: Executor,
  repo: RecordingRepository,
  rows: RecordingRow[],
): Promise<RecordingView[]> {
  const ids = rows.map((r) => r.id);
  const [copies, checks, facts, annotations, alerts] = await Promise.all([
    repo.copies(db, ids),
    repo.latestChecks(db, ids),
    repo.mediaFacts(db, ids),
    repo.annotations(db, ids),
    repo.alertsOf(db, ids),
  ]);
  const names = await repo.userNames(
    db,
    rows.map((r) => r.uploadedBy),
  );
  return rows.map((r) => {
    const fact = facts.find((f) => f.recordingId === r.id);
    return {
      id: r.id,
      caseId: r.caseId,
      activityId: r.activityId,
      state: r.state as RecordingState,
      filename: r.filename,
      contentType: r.contentType,
      byteSize: r.byteSize,
      receivedBytes: r.receivedBytes,
      declaredSha256: r.declaredSha256,
      sha256: r.sha256,
      sm3: r.sm3,
      device: r.device,
      captureStartedAt: r.captureStartedAt.toISOString(),
      captureEndedAt: r.captureEndedAt.toISOString(),
      uploadedBy: { userId: r.uploadedBy, displayName: names.get(r.uploadedBy) ?? '' },
      createdAt: r.createdAt.toISOString(),
      sealedAt: r.sealedAt?.toISOString() ?? null,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      endReason: r.endReason ?? null,
      uploadUrl: r.state === 'receiving' ? `/api${UPLOADS_PATH}/${r.id}` : null,
      copies: copies
        .filter((c) => c.recordingId === r.id)
        .map((c) => {
          const check = checks.find((k) => k.recordingId === r.id && k.location === c.location);
          return {
            location: c.location as StoreLocation,
            byteSize: c.byteSize,
            sha256: c.sha256,
            sm3: c.sm3,
            writtenAt: c.writtenAt.toISOString(),
            lastCheck: check
              ? { checkedAt: check.checkedAt.toISOString(), outcome: check.outcome as 'ok' }
              : null,
          };
        }),
      media: fact
        ? {
            readable: fact.readable,
            durationMs: fact.durationMs,
            formatName: fact.formatName,
            containerCreatedAt: fact.containerCreatedAt?.toISOString() ?? null,
            streams: fact.streams,
            error: fact.error,
            probedAt: fact.probedAt.toISOString(),
          }
        : null,
      annotations: annotations
        .filter((a) => a.recordingId === r.id)
        .map((a) => ({
          id: a.id,
          kind: a.kind as 'note',
          author: { userId: a.authorId, displayName: a.authorName },
          reason: a.reason,
          correctedStartedAt: a.correctedStartedAt?.toISOString() ?? null,
          correctedEndedAt: a.correctedEndedAt?.toISOString() ?? null,
          note: a.note,
          createdAt: a.createdAt.toISOString(),
        })),
      alerts: alerts.filter((a) => a.recordingId === r.id).map((a) => presentAlert(a, r.caseId)),
    };
  });
}

export function presentAlert(a: AlertRow, caseId: string): AlertView {
  return {
    id: a.id,
    recordingId: a.recordingId,
    caseId,
    location: a.location as StoreLocation,
    outcome: a.outcome as AlertView['outcome'],
    raisedAt: a.raisedAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgementNote: a.acknowledgementNote,
  };
}
