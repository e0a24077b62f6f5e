// Media facts: what ffprobe reads from the working copy (duration, streams, the container's creation time).
// They are facts about the file, stored once beside — never instead of — the capture times the officer or
// device gave. A file ffprobe cannot read as media gets a fact saying so; a probe that could not run at all
// (no ffprobe) stores nothing, so the job tries again.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import type { EvidenceStores } from '../../platform/blobs/evidence-stores.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { RecordingRepository } from './repository.js';
import { storeKeyOf } from './store-key.js';

const run = promisify(execFile);

export interface MediaFacts {
  readable: boolean;
  durationMs: number | null;
  formatName: string | null;
  containerCreatedAt: Date | null;
  streams: Record<string, unknown>[];
  error: string | null;
}

interface FfprobeOutput {
  format?: { duration?: string; format_name?: string; tags?: Record<string, string> };
  streams?: Record<string, unknown>[];
}

/** The stream fields worth keeping: what a reviewer asks of a recording (is there sound? what resolution?). */
const STREAM_FIELDS = [
  'index',
  'codec_type',
  'codec_name',
  'width',
  'height',
  'avg_frame_rate',
  'sample_rate',
  'channels',
  'duration',
] as const;

export function factsFromFfprobe(json: string): MediaFacts {
  const out = JSON.parse(json) as FfprobeOutput;
  const duration = Number(out.format?.duration);
  const created = out.format?.tags?.creation_time;
  const createdAt = created ? new Date(created) : null;
  return {
    readable: true,
    durationMs: Number.isFinite(duration) ? Math.round(duration * 1000) : null,
    formatName: out.format?.format_name ?? null,
    containerCreatedAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : null,
    streams: (out.streams ?? []).map((s) =>
      Object.fromEntries(STREAM_FIELDS.filter((f) => s[f] !== undefined).map((f) => [f, s[f]])),
    ),
    error: null,
  };
}

export class MediaProbe {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly stores: EvidenceStores,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly ffprobe: string,
    private readonly logger: Logger,
  ) {}

  /** Probes a sealed recording once; later calls find its facts stored and do nothing. */
  async probe(recordingId: string): Promise<void> {
    const row = await this.repo.byId(this.db, recordingId);
    if (row?.state !== 'sealed') return;
    if ((await this.repo.mediaFacts(this.db, [recordingId])).length > 0) return;
    const source = await this.stores.working.mediaSource(storeKeyOf(recordingId));
    const facts = await this.read(source);
    await this.tx.run(async (tx) => {
      const inserted = await this.repo.insertMediaFact(tx, {
        recordingId,
        probedAt: this.clock.now(),
        ...facts,
      });
      if (!inserted) return;
      await this.audit.record(
        tx,
        { actor: { userId: null, username: 'system:media-probe' } },
        {
          action: 'recording.probed',
          subject: { type: 'recording', id: recordingId },
          payload: {
            caseId: row.caseId,
            readable: facts.readable,
            durationMs: facts.durationMs,
            formatName: facts.formatName,
            containerCreatedAt: facts.containerCreatedAt?.toISOString() ?? null,
            streams: facts.streams.map((s) => s.codec_type ?? null),
          },
        },
      );
    });
  }

  /** Every sealed recording without facts (the safety net behind the probe queued at sealing). */
  async probePending(limit = 20): Promise<number> {
    const ids = await this.repo.unprobed(this.db, limit);
    for (const id of ids) await this.probe(id);
    return ids.length;
  }

  private async read(source: string): Promise<MediaFacts> {
    try {
      const { stdout } = await run(
        this.ffprobe,
        ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', source],
        { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      );
      return factsFromFfprobe(stdout);
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
      // No ffprobe, or it hung: not a fact about the file. Fail, so the job tries again later.
      if (failure.code === 'ENOENT' || failure.killed) throw error;
      this.logger.info({ source, err: failure.stderr }, 'ffprobe could not read a recording as media');
      return {
        readable: false,
        durationMs: null,
        formatName: null,
        containerCreatedAt: null,
        streams: [],
        error: (failure.stderr ?? failure.message).trim().slice(0, 500) || 'unreadable',
      };
    }
  }
}
