// Resumable ingest of a device file (tus 1.0.0, see tus/protocol.ts). The client declares the whole file's
// SHA-256 and what it knows of the capture when it creates the upload; each PATCH appends bytes that are
// hashed as they arrive, fsynced, and only then counted in the committed offset, so a crash (kill -9) at any
// moment leaves an upload that resumes from bytes on disk that the database vouches for. A PATCH that
// carries Upload-Checksum is kept whole or not at all. The last byte leads to sealing (sealer.ts).
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { DigestAccumulator } from '../../platform/blobs/digests.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { validationFailed } from '../../platform/http/errors.js';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { CaseService } from '../cases/case-service.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import {
  caseMismatch,
  chunkChecksumMismatch,
  notUploader,
  offsetMismatch,
  uploadExceedsLength,
  uploadGone,
  uploadNotFound,
  uploadTooLarge,
} from './errors.js';
import type { RecordingRepository, RecordingRow } from './repository.js';
import type { Sealer } from './sealer.js';
import { ENDED_STATES, type RecordingState } from './states.js';
import { uploadMetadataSchema, type ChecksumHeader } from './tus/protocol.js';
import type { UploadHashes } from './upload-hashes.js';
import type { UploadLocks } from './upload-locks.js';
import type { StagedFiles, UploadStaging } from './upload-staging.js';

export interface IngestSettings {
  maxUploadBytes: number;
  uploadExpiryMs: number;
  /** Without a chunk checksum, a long PATCH commits its progress this often, so a crash loses little. */
  checkpointBytes: number;
}

/** A PATCH's body: the bytes, and whether the client sent all it announced (false after a disconnect). */
export interface ChunkBody {
  bytes: AsyncIterable<Uint8Array>;
  complete(): boolean;
}

export type PatchResult = { offset: number; expiresAt: Date | null; recording: RecordingRow };

export class IngestService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly cases: CaseService,
    private readonly staging: UploadStaging,
    private readonly hashes: UploadHashes,
    private readonly locks: UploadLocks,
    private readonly sealer: Sealer,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly settings: IngestSettings,
    private readonly logger: Logger,
  ) {}

  get maxUploadBytes(): number {
    return this.settings.maxUploadBytes;
  }

  /** tus creation: a new upload for an activity, with the declared hash and capture facts. */
  async create(
    actor: Actor,
    input: { length: number; metadata: Record<string, string> },
    ctx: RequestContext,
  ): Promise<RecordingRow> {
    requireRole(actor, 'case_officer');
    if (input.length > this.settings.maxUploadBytes) throw uploadTooLarge(this.settings.maxUploadBytes);
    const parsed = uploadMetadataSchema.safeParse(input.metadata);
    if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => localiseIssue(i, 'metadata')));
    const meta = parsed.data;
    const { caseRow, activity } = await this.cases.activityForUpload(actor, meta.activityId);
    if (meta.caseId && meta.caseId !== caseRow.id) throw caseMismatch();

    const id = crypto.randomUUID();
    const now = this.clock.now();
    await this.staging.create(id);
    try {
      return await this.tx.run(async (tx) => {
        const row = await this.repo.insert(tx, {
          id,
          caseId: caseRow.id,
          activityId: activity.id,
          state: 'receiving',
          uploadedBy: actor.userId,
          device: meta.device,
          captureStartedAt: new Date(meta.captureStartedAt),
          captureEndedAt: new Date(meta.captureEndedAt),
          filename: meta.filename,
          contentType: meta.filetype,
          byteSize: input.length,
          declaredSha256: meta.sha256,
          receivedBytes: 0,
          expiresAt: new Date(now.getTime() + this.settings.uploadExpiryMs),
          createdAt: now,
          updatedAt: now,
        });
        await this.audit.record(tx, auditContext(actor, ctx), {
          action: 'recording.upload_started',
          subject: { type: 'recording', id },
          unitId: caseRow.handlingUnitId,
          payload: {
            caseId: caseRow.id,
            caseNo: caseRow.caseNo,
            activityId: activity.id,
            byteSize: input.length,
            declaredSha256: meta.sha256,
            device: meta.device,
            captureStartedAt: row.captureStartedAt.toISOString(),
            captureEndedAt: row.captureEndedAt.toISOString(),
            filename: meta.filename,
            contentType: meta.filetype,
          },
        });
        return row;
      });
    } catch (error) {
      await this.staging.remove(id);
      throw error;
    }
  }

  /** tus HEAD: the upload as its uploader may see it. */
  async status(actor: Actor, id: string): Promise<RecordingRow> {
    return this.ownUpload(actor, id);
  }

  /** tus PATCH: appends the bytes at `offset`; the last byte seals the recording. */
  async receive(
    actor: Actor,
    id: string,
    input: { offset: number; checksum?: ChecksumHeader },
    body: ChunkBody,
    ctx: RequestContext,
  ): Promise<PatchResult> {
    const before = await this.ownUpload(actor, id);
    refuseUnlessReceiving(before);
    return this.locks.withLock(id, async () => {
      // Read again under the lock: another node may have moved the upload on meanwhile.
      const row = (await this.repo.byId(this.db, id))!;
      refuseUnlessReceiving(row);
      if (input.offset !== row.receivedBytes) throw offsetMismatch(row.receivedBytes);
      return this.append(row, input.checksum, body, auditContext(actor, ctx));
    });
  }

  /** tus termination: the uploader gives the upload up; its bytes are deleted. */
  async terminate(actor: Actor, id: string, ctx: RequestContext): Promise<void> {
    await this.ownUpload(actor, id);
    const unitId = await this.cases.handlingUnitOf((await this.repo.byId(this.db, id))!.caseId);
    await this.locks.withLock(id, async () => {
      const row = (await this.repo.byId(this.db, id))!;
      if (row.state !== 'receiving') throw uploadGone(row.state);
      const now = this.clock.now();
      await this.tx.run(async (tx, afterCommit) => {
        await this.repo.move(tx, id, 'receiving', {
          state: 'terminated',
          expiresAt: null,
          endedAt: now,
          endReason: { code: 'terminated', receivedBytes: row.receivedBytes },
          updatedAt: now,
        });
        await this.audit.record(tx, auditContext(actor, ctx), {
          action: 'recording.upload_terminated',
          subject: { type: 'recording', id },
          unitId,
          payload: { caseId: row.caseId, activityId: row.activityId, receivedBytes: row.receivedBytes },
        });
        afterCommit(async () => {
          this.hashes.forget(id);
          await this.staging.remove(id);
        });
      });
    });
  }

  private async ownUpload(actor: Actor, id: string): Promise<RecordingRow> {
    const row = await this.repo.byId(this.db, id);
    if (!row) throw uploadNotFound();
    if (row.uploadedBy !== actor.userId) throw notUploader();
    return row;
  }

  /** The bytes of one PATCH, with the upload's lock held and `row` read under it. */
  private async append(
    row: RecordingRow,
    checksum: ChecksumHeader | undefined,
    body: ChunkBody,
    context: AuditContext,
  ): Promise<PatchResult> {
    const start = row.receivedBytes;
    const running = this.hashes.take(row.id, start) ?? (await this.rehash(row.id, start));
    // With a chunk checksum, the chunk is hashed on a copy: a refused chunk leaves the running hash untouched.
    const digests = checksum ? running.copy() : running;
    const chunkHash = checksum ? crypto.createHash('sha256') : null;
    const files = await this.staging.openAt(row.id, start);
    let committed = start;
    try {
      let overflow = false;
      let broken = false;
      try {
        for await (const chunk of body.bytes) {
          if (files.position + chunk.byteLength > row.byteSize) {
            overflow = true;
            break;
          }
          digests.update(chunk);
          chunkHash?.update(chunk);
          await files.write(chunk);
          if (!checksum && files.position - committed >= this.settings.checkpointBytes) {
            if (files.position < row.byteSize) committed = await this.commit(row, committed, files);
          }
        }
      } catch {
        broken = true; // the client went away mid-request
      }
      if (!body.complete()) broken = true;

      if (overflow || (checksum && broken)) {
        // Nothing of this PATCH is kept beyond what was committed before it.
        await files.truncate(committed);
        if (checksum) this.hashes.put(row.id, start, running);
        if (overflow) throw uploadExceedsLength();
        return this.progress(row, committed);
      }
      if (checksum && !chunkHash!.digest().equals(checksum.digest)) {
        await files.truncate(start);
        this.hashes.put(row.id, start, running);
        throw chunkChecksumMismatch();
      }
      await files.sync();
      if (files.position === row.byteSize) {
        // Every byte is in and on disk, even if the client left before hearing so: seal now.
        await files.close();
        return this.seal(row, digests, context);
      }
      committed = await this.commit(row, committed, files);
      this.hashes.put(row.id, committed, digests);
      return this.progress(row, committed);
    } finally {
      await files.close();
    }
  }

  /** Makes the written bytes count: fsync first (every file), then the offset in the database. */
  private async commit(row: RecordingRow, from: number, files: StagedFiles): Promise<number> {
    await files.sync();
    const to = files.position;
    if (to === from) return from;
    const now = this.clock.now();
    const moved = await this.repo.advance(
      this.db,
      row.id,
      from,
      to,
      new Date(now.getTime() + this.settings.uploadExpiryMs),
      now,
    );
    if (!moved) throw new Error(`upload ${row.id} moved on while its lock was held`);
    return to;
  }

  private async seal(
    row: RecordingRow,
    digests: DigestAccumulator,
    context: AuditContext,
  ): Promise<PatchResult> {
    const sealed = await this.sealer.complete(row, digests.digests(), context);
    return { offset: sealed.byteSize, expiresAt: null, recording: sealed };
  }

  private async progress(row: RecordingRow, offset: number): Promise<PatchResult> {
    const fresh = (await this.repo.byId(this.db, row.id))!;
    return { offset, expiresAt: fresh.expiresAt, recording: fresh };
  }

  private async rehash(id: string, offset: number): Promise<DigestAccumulator> {
    const started = performance.now();
    const digests = await this.staging.rehash(id, offset);
    if (offset > 0) {
      this.logger.info(
        { uploadId: id, bytes: offset, ms: Math.round(performance.now() - started) },
        're-hashed the received part of an upload this process had not seen (restart or another node)',
      );
    }
    return digests;
  }
}

function refuseUnlessReceiving(row: RecordingRow): void {
  const state = row.state as RecordingState;
  if (ENDED_STATES.includes(state)) throw uploadGone(state);
  // Sealing or sealed: every byte is in; the client's view of the offset is behind.
  if (state !== 'receiving') throw offsetMismatch(row.byteSize);
}

function auditContext(actor: Actor, ctx: RequestContext): AuditContext {
  return { actor: { userId: actor.userId, username: actor.username }, ...ctx };
}
