// Playable derivatives: a recording whose format browsers cannot play (browser-playable.ts) gets an H.264/AAC
// MP4 made by ffmpeg from its working copy — never the master — into a temporary file, then put write-once in
// the working store under a key of its own. The row names the working copy's hash it was made from, its own
// hash, and the ffmpeg version and arguments. The working copy is never replaced. A failed run leaves no row
// and no blob (ffmpeg writes only the temporary file), is audited, and fails the job so its retries try again.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import type { EvidenceStores } from '../../platform/blobs/evidence-stores.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import { needsPlaybackDerivative } from './browser-playable.js';
import type { RecordingRepository } from './repository.js';
import { storeKeyOf } from './store-key.js';

const run = promisify(execFile);
const SYSTEM = { actor: { userId: null, username: 'system:derivatives' } };
/** A transcode of hours of body-cam video takes long; one that takes longer than this is stuck. */
const FFMPEG_TIMEOUT_MS = 6 * 3_600_000;

/** What ffmpeg is asked for: H.264 + AAC in MP4, the index first (+faststart) so seeking works at once. */
export function playbackArgs(source: string, target: string): string[] {
  return [
    '-nostdin', '-v', 'error', '-y',
    '-i', source,
    '-map', '0:v:0?', '-map', '0:a:0?',
    '-c:v', 'libx264', '-preset', 'medium', '-crf', '20', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '128k',
    '-movflags', '+faststart',
    '-f', 'mp4',
    target,
  ]; // prettier-ignore
}

/** A derivative's key in the working store: apart from the copies, and new for every attempt, so a run that
 * stopped after writing its blob never blocks the next. */
function derivativeKey(recordingId: string): string {
  return `derivatives/${recordingId.slice(0, 2)}/${recordingId}/playback-${crypto.randomUUID()}.mp4`;
}

export class DerivativeMaker {
  /** One ffmpeg at a time on this node: a transcode takes every core it is given. */
  private queue: Promise<unknown> = Promise.resolve();
  private version: string | undefined;

  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly stores: EvidenceStores,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly ffmpeg: string,
    private readonly logger: Logger,
  ) {}

  /** Makes the playback derivative if the recording needs one and has none; true when it made one. */
  make(recordingId: string): Promise<boolean> {
    const turn = this.queue.then(() => this.makeNow(recordingId));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Every recording that needs a derivative and lacks one (the safety net behind the job queued after probing). */
  async makePending(limit = 5): Promise<number> {
    let made = 0;
    let after: Date | null = null;
    for (;;) {
      const facts = await this.repo.withoutPlaybackDerivative(this.db, after, 200);
      if (facts.length === 0) return made;
      for (const fact of facts.filter(needsPlaybackDerivative)) {
        if (await this.make(fact.recordingId)) made += 1;
        if (made >= limit) return made;
      }
      const last = await this.repo.byId(this.db, facts[facts.length - 1]!.recordingId);
      after = last?.sealedAt ?? null;
      if (!after) return made;
    }
  }

  private async makeNow(recordingId: string): Promise<boolean> {
    const row = await this.repo.byId(this.db, recordingId);
    if (row?.state !== 'sealed') return false;
    const [fact] = await this.repo.mediaFacts(this.db, [recordingId]);
    if (!fact || !needsPlaybackDerivative(fact)) return false;
    if ((await this.repo.derivatives(this.db, [recordingId])).some((d) => d.kind === 'playback'))
      return false;
    const working = (await this.repo.copies(this.db, [recordingId])).find((c) => c.location === 'working');
    if (!working) return false;

    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'custos-derivative-'));
    const temp = path.join(dir, 'playback.mp4');
    const source = await this.stores.working.mediaSource(storeKeyOf(recordingId));
    const args = playbackArgs(source, temp);
    try {
      // The working copy is checked before it is read: a derivative of altered bytes would launder them.
      const check = await this.stores.working.verify(storeKeyOf(recordingId), {
        size: working.byteSize,
        digests: { sha256: working.sha256, sm3: working.sm3 },
      });
      if (check.outcome !== 'ok') throw new Error(`the working copy failed its check (${check.outcome})`);
      const version = await this.ffmpegVersion();
      await run(this.ffmpeg, args, { timeout: FFMPEG_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 });
      const written = await this.stores.working.put(
        derivativeKey(recordingId),
        fs.createReadStream(temp, { highWaterMark: 1024 * 1024 }),
      );
      const made = await this.tx.run(async (tx) => {
        const inserted = await this.repo.insertDerivative(tx, {
          recordingId,
          kind: 'playback',
          derivedFromSha256: working.sha256,
          storeKey: written.key,
          byteSize: written.size,
          sha256: written.digests.sha256,
          sm3: written.digests.sm3,
          ffmpegVersion: version,
          ffmpegArgs: args.map((a) => (a === source ? '<working copy>' : a === temp ? '<output>' : a)),
          createdAt: this.clock.now(),
        });
        if (!inserted) return false;
        await this.audit.record(tx, SYSTEM, {
          action: 'recording.derivative_made',
          subject: { type: 'recording', id: recordingId },
          payload: {
            caseId: row.caseId,
            kind: 'playback',
            derivedFromSha256: working.sha256,
            sha256: written.digests.sha256,
            byteSize: written.size,
            ffmpegVersion: version,
          },
        });
        return true;
      });
      return made;
    } catch (error) {
      const failure = error as Error & { stderr?: string };
      const reason = (failure.stderr?.trim() || failure.message).slice(0, 500);
      this.logger.warn({ recordingId, err: reason }, 'could not make a playable derivative');
      await this.tx.run((tx) =>
        this.audit.record(tx, SYSTEM, {
          action: 'recording.derivative_failed',
          subject: { type: 'recording', id: recordingId },
          payload: { caseId: row.caseId, kind: 'playback', derivedFromSha256: working.sha256, reason },
        }),
      );
      throw error;
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }

  private async ffmpegVersion(): Promise<string> {
    if (this.version === undefined) {
      const { stdout } = await run(this.ffmpeg, ['-version'], { timeout: 30_000 });
      this.version = stdout.split('\n')[0]!.trim();
    }
    return this.version;
  }
}
