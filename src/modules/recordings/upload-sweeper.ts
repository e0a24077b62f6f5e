// Background care of uploads: abandoned ones expire (their bytes deleted, an audit event kept), recordings
// left in `sealing` by a crash are finished, and upload files that no live upload owns are removed.
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { RecordingRepository } from './repository.js';
import type { Sealer } from './sealer.js';
import type { UploadHashes } from './upload-hashes.js';
import { BUSY, FULL, type UploadLocks } from './upload-locks.js';
import type { UploadStaging } from './upload-staging.js';

const SYSTEM: AuditContext = { actor: { userId: null, username: 'system:uploads' } };
/** An upload file younger than this may belong to an upload whose row is not committed yet. */
const ORPHAN_GRACE_MS = 60 * 60_000;
const BATCH = 100;

export class UploadSweeper {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly staging: UploadStaging,
    private readonly hashes: UploadHashes,
    private readonly locks: UploadLocks,
    private readonly sealer: Sealer,
    private readonly units: { handlingUnitOf(caseId: string): Promise<string | undefined> },
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Expires uploads that received nothing before their expiry; a busy one is left for the next run. */
  async expire(): Promise<number> {
    let expired = 0;
    for (const due of await this.repo.expiredUploads(this.db, this.clock.now(), BATCH)) {
      const unitId = await this.units.handlingUnitOf(due.caseId);
      const done = await this.locks.tryWithLock(due.id, async () => {
        const now = this.clock.now();
        return this.tx.run(async (tx, afterCommit) => {
          // Read again under the lock: a PATCH may have come in (and moved the expiry) since the listing.
          const current = await this.repo.byId(tx, due.id);
          if (current?.state !== 'receiving' || !current.expiresAt || current.expiresAt >= now) return false;
          const row = await this.repo.move(tx, due.id, 'receiving', {
            state: 'expired',
            expiresAt: null,
            endedAt: now,
            endReason: {
              code: 'expired',
              receivedBytes: due.receivedBytes,
              expiresAt: due.expiresAt?.toISOString(),
            },
            updatedAt: now,
          });
          if (!row) return false;
          await this.audit.record(tx, SYSTEM, {
            action: 'recording.upload_expired',
            subject: { type: 'recording', id: due.id },
            unitId,
            payload: {
              caseId: due.caseId,
              activityId: due.activityId,
              uploadedBy: due.uploadedBy,
              receivedBytes: due.receivedBytes,
              byteSize: due.byteSize,
              expiresAt: due.expiresAt?.toISOString() ?? null,
            },
          });
          afterCommit(async () => {
            this.hashes.forget(due.id);
            await this.staging.remove(due.id);
          });
          return true;
        });
      });
      if (done === true) expired += 1;
    }
    if (expired > 0) this.logger.info({ expired }, 'expired abandoned uploads');
    return expired;
  }

  /** Finishes recordings a crash left in `sealing`. */
  async finishSealing(): Promise<number> {
    let finished = 0;
    for (const row of await this.repo.inState(this.db, 'sealing', BATCH)) {
      try {
        const result = await this.locks.tryWithLock(row.id, () => this.sealer.finish(row.id));
        if (result !== BUSY && result !== FULL) finished += 1;
      } catch (error) {
        this.logger.error({ err: error, recordingId: row.id }, 'could not finish sealing a recording');
      }
    }
    return finished;
  }

  /** Removes upload files whose upload has ended (or never got its row). */
  async removeOrphans(): Promise<number> {
    const ids = await this.staging.ids();
    const states = await this.repo.statesOf(this.db, ids);
    let removed = 0;
    for (const id of ids) {
      const state = states.get(id);
      if (state === 'receiving' || state === 'sealing') continue;
      if (state === undefined && !(await this.olderThanGrace(id))) continue;
      await this.staging.remove(id);
      removed += 1;
    }
    return removed;
  }

  private async olderThanGrace(id: string): Promise<boolean> {
    const written = await this.staging.lastWritten(id);
    // File times are the machine's, so the machine's clock judges them, not the app's.
    return written !== undefined && Date.now() - written > ORPHAN_GRACE_MS;
  }
}
