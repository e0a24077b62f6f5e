// Sealing: the step from "every byte is here" to "sealed". The whole-file hash, computed as the bytes
// arrived, must equal what the client declared; then the file becomes the master (moved, write-once), the
// working copy and the backup are written from it (each hashed as it is written), and only then, in one
// transaction with the audit event, is the recording sealed. Each step is safe to repeat: a crash leaves the
// recording in `sealing`, and `finish` — run by the next PATCH's node or the job — completes it, re-reading
// only what it did not see written (a copy found on disk is verified before it is trusted).
import type { Logger } from 'pino';
import type { EvidenceStores } from '../../platform/blobs/evidence-stores.js';
import type { BlobWritten, Digests, StoreLocation } from '../../platform/blobs/blob-store.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import { hashMismatch } from './errors.js';
import type { RecordingRepository, RecordingRow } from './repository.js';
import { storeKeyOf } from './store-key.js';
import { hashFile, type UploadStaging } from './upload-staging.js';

const SYSTEM: AuditContext = { actor: { userId: null, username: 'system:recordings' } };

export class Sealer {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly stores: EvidenceStores,
    private readonly staging: UploadStaging,
    private readonly units: { handlingUnitOf(caseId: string): Promise<string | undefined> },
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly onSealed: (recordingId: string) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /**
   * Called with the upload's lock held, once every byte is fsynced: rejects on a hash mismatch (the bytes are
   * deleted, the rejection and both hashes stay on record), else seals.
   */
  async complete(row: RecordingRow, digests: Digests, context: AuditContext): Promise<RecordingRow> {
    const now = this.clock.now();
    const unitId = await this.units.handlingUnitOf(row.caseId);
    if (digests.sha256 !== row.declaredSha256) {
      await this.tx.run(async (tx, afterCommit) => {
        const rejected = await this.repo.move(tx, row.id, 'receiving', {
          state: 'rejected',
          receivedBytes: row.byteSize,
          sha256: digests.sha256,
          sm3: digests.sm3,
          expiresAt: null,
          endedAt: now,
          endReason: {
            code: 'hash_mismatch',
            declaredSha256: row.declaredSha256,
            actualSha256: digests.sha256,
          },
          updatedAt: now,
        });
        if (!rejected) throw new Error(`recording ${row.id} left receiving while its lock was held`);
        await this.audit.record(tx, context, {
          action: 'recording.rejected',
          subject: { type: 'recording', id: row.id },
          unitId,
          payload: {
            caseId: row.caseId,
            activityId: row.activityId,
            reason: 'hash_mismatch',
            byteSize: row.byteSize,
            declaredSha256: row.declaredSha256,
            actualSha256: digests.sha256,
            actualSm3: digests.sm3,
          },
        });
        afterCommit(() => this.staging.remove(row.id));
      });
      throw hashMismatch(row.declaredSha256, digests.sha256);
    }
    await this.tx.run(async (tx) => {
      const moved = await this.repo.move(tx, row.id, 'receiving', {
        state: 'sealing',
        receivedBytes: row.byteSize,
        sha256: digests.sha256,
        sm3: digests.sm3,
        expiresAt: null,
        updatedAt: now,
      });
      if (!moved) throw new Error(`recording ${row.id} left receiving while its lock was held`);
    });
    return this.finish(row.id, context, { masterFromStaging: true });
  }

  /**
   * Makes whatever copies are missing and seals. With the upload's lock held. `masterFromStaging` says the
   * caller just computed the hash of the staging file, so moving it needs no second read.
   */
  async finish(
    recordingId: string,
    context: AuditContext = SYSTEM,
    options: { masterFromStaging?: boolean } = {},
  ): Promise<RecordingRow> {
    const row = await this.repo.byId(this.db, recordingId);
    if (!row) throw new Error(`no recording ${recordingId}`);
    if (row.state === 'sealed') return row;
    if (row.state !== 'sealing') throw new Error(`recording ${recordingId} is ${row.state}, not sealing`);
    const key = storeKeyOf(row.id);
    const expected = { size: row.byteSize, digests: { sha256: row.sha256!, sm3: row.sm3 } };

    const fromStaging = options.masterFromStaging === true;
    const timings: Partial<Record<StoreLocation, number>> = {};
    const timed = async <T>(location: StoreLocation, step: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await step();
      timings[location] = Math.round(performance.now() - started);
      return result;
    };
    const written: Record<StoreLocation, BlobWritten> = {
      master: await timed('master', () => this.ensureMaster(row, key, expected, fromStaging)),
      working: await timed('working', () => this.ensureCopy(row, 'working', key, expected, fromStaging)),
      backup: await timed('backup', () => this.ensureCopy(row, 'backup', key, expected, fromStaging)),
    };
    const now = this.clock.now();
    const unitId = await this.units.handlingUnitOf(row.caseId);
    const sealed = await this.tx.run(async (tx, afterCommit) => {
      await this.repo.insertCopies(
        tx,
        (['master', 'working', 'backup'] as const).map((location) => ({
          recordingId: row.id,
          location,
          storeKey: key,
          byteSize: written[location].size,
          sha256: written[location].digests.sha256,
          sm3: written[location].digests.sm3,
          writtenAt: now,
        })),
      );
      // The database checks again that the three copies carry the recording's hash (recordings-guards).
      const done = await this.repo.move(tx, row.id, 'sealing', {
        state: 'sealed',
        sealedAt: now,
        updatedAt: now,
      });
      if (!done) throw new Error(`recording ${row.id} left sealing while its lock was held`);
      await this.audit.record(tx, context, {
        action: 'recording.sealed',
        subject: { type: 'recording', id: row.id },
        unitId,
        payload: {
          caseId: row.caseId,
          activityId: row.activityId,
          byteSize: row.byteSize,
          sha256: row.sha256,
          sm3: row.sm3,
          uploadedBy: row.uploadedBy,
          device: row.device,
          captureStartedAt: row.captureStartedAt.toISOString(),
          captureEndedAt: row.captureEndedAt.toISOString(),
          filename: row.filename,
          uploadStartedAt: row.createdAt.toISOString(),
          copies: (['master', 'working', 'backup'] as const).map((location) => ({
            location,
            sha256: written[location].digests.sha256,
            sm3: written[location].digests.sm3,
          })),
        },
      });
      afterCommit(async () => {
        // Leftovers of a crash between a link and its unlink; the sealed copies are the blobs now.
        await this.staging.remove(row.id);
        await this.onSealed(row.id);
      });
      return done;
    });
    this.logger.info({ recordingId: row.id, byteSize: row.byteSize, copyMs: timings }, 'recording sealed');
    return sealed;
  }

  private async ensureMaster(
    row: RecordingRow,
    key: string,
    expected: { size: number; digests: Digests },
    fromStaging: boolean,
  ): Promise<BlobWritten> {
    const master = this.stores.master;
    if (fromStaging || !(await master.stat(key))) {
      return master.adopt(key, this.staging.pathOf(row.id), expected);
    }
    // A crash after the move: the master is there; it is trusted only once its bytes hash as recorded.
    return this.verified('master', key, expected);
  }

  /**
   * The working copy or the backup: the file received beside the master, adopted by a link; if there is none
   * (a store without local staging, or a copy file lost), a copy of the master, hashed as it is written.
   */
  private async ensureCopy(
    row: RecordingRow,
    location: 'working' | 'backup',
    key: string,
    expected: { size: number; digests: Digests },
    fromStaging: boolean,
  ): Promise<BlobWritten> {
    const store = this.stores[location];
    if (await store.stat(key)) return this.verified(location, key, expected);
    const staged = await this.staging.copyFile(row.id, location);
    if (staged) {
      // Just received, its bytes were hashed as they were written; found after a crash, hashed again first.
      const trusted =
        fromStaging ||
        (await hashFile(staged, undefined, expected.digests.sm3 !== null)).digests().sha256 ===
          expected.digests.sha256;
      if (trusted) return store.adopt(key, staged, expected);
      await this.staging.removeCopy(row.id, location);
    }
    const written = await store.put(key, await this.stores.master.read(key));
    if (written.size !== expected.size || written.digests.sha256 !== expected.digests.sha256) {
      throw new Error(`the ${location} copy of ${key} does not match the master as written`);
    }
    return written;
  }

  private async verified(
    location: StoreLocation,
    key: string,
    expected: { size: number; digests: Digests },
  ): Promise<BlobWritten> {
    const result = await this.stores[location].verify(key, expected);
    if (result.outcome !== 'ok') {
      throw new Error(`the ${location} copy of ${key} found while sealing is ${result.outcome}`);
    }
    return { key, size: result.size, digests: result.digests };
  }
}
