// Fixity: re-hashing the copies of sealed recordings and comparing them with the hashes recorded when they
// were written (2016 e-data rules art. 14: completeness is checked by comparing hashes and backups). The
// scheduled run checks the copies longest unchecked, each at least every CUSTOS_FIXITY_INTERVAL_DAYS, reading
// at a bounded rate; `custos evidence verify` checks every copy (of one case, or all) at once. Every check is
// recorded; a mismatch, a missing or an unreadable copy raises an alert for the staff console and an audit
// event.
import type { Logger } from 'pino';
import type { StoreLocation } from '../../platform/blobs/blob-store.js';
import type { EvidenceStores } from '../../platform/blobs/evidence-stores.js';
import { RateLimiter } from '../../platform/blobs/rate-limiter.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { DueCopy, RecordingRepository } from './repository.js';

export type FixityOutcome = 'ok' | 'mismatch' | 'missing' | 'unreadable';

export interface FixityResult {
  recordingId: string;
  caseId: string;
  location: StoreLocation;
  outcome: FixityOutcome;
  expectedSha256: string;
  actualSha256: string | null;
  /** The alert this failure raised, or the copy's alert already open. */
  alertId: string | null;
}

export interface FixitySettings {
  intervalMs: number;
  bytesPerSecond: number;
}

const BATCH = 50;

export class FixityService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly stores: EvidenceStores,
    private readonly units: { handlingUnitOf(caseId: string): Promise<string | undefined> },
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly settings: FixitySettings,
    private readonly logger: Logger,
  ) {}

  /** The scheduled run: due copies, rate-limited, until none is due or the time budget is spent. */
  async runScheduled(budgetMs: number): Promise<FixityResult[]> {
    const started = performance.now();
    const limiter = new RateLimiter(this.settings.bytesPerSecond);
    const results: FixityResult[] = [];
    const seen = new Set<string>();
    while (performance.now() - started < budgetMs) {
      const before = new Date(this.clock.now().getTime() - this.settings.intervalMs);
      const due = (await this.repo.dueCopies(this.db, { before, limit: BATCH })).filter(
        (c) => !seen.has(`${c.recordingId}/${c.location}`),
      );
      if (due.length === 0) break;
      for (const copy of due) {
        if (performance.now() - started >= budgetMs) break;
        seen.add(`${copy.recordingId}/${copy.location}`);
        results.push(await this.check(copy, 'job', limiter));
      }
    }
    const failed = results.filter((r) => r.outcome !== 'ok').length;
    if (results.length > 0) this.logger.info({ checked: results.length, failed }, 'fixity checks done');
    return results;
  }

  /** Every copy of every sealed recording (of the given cases only, if given), now, at full speed. */
  async verifyAll(filter: { caseIds?: readonly string[] } = {}): Promise<FixityResult[]> {
    const results: FixityResult[] = [];
    const copies = await this.repo.dueCopies(this.db, {
      before: null,
      ...(filter.caseIds ? { caseIds: filter.caseIds } : {}),
      limit: Number.MAX_SAFE_INTEGER,
    });
    for (const copy of copies) results.push(await this.check(copy, 'cli'));
    return results;
  }

  private async check(copy: DueCopy, checkedBy: 'job' | 'cli', limiter?: RateLimiter): Promise<FixityResult> {
    const started = performance.now();
    const result = await this.stores[copy.location].verify(
      copy.storeKey,
      { size: copy.byteSize, digests: { sha256: copy.sha256, sm3: copy.sm3 } },
      limiter ? { limiter } : {},
    );
    const now = this.clock.now();
    const actual = 'digests' in result ? result : null;
    const unitId = result.outcome === 'ok' ? null : await this.units.handlingUnitOf(copy.caseId);
    const context: AuditContext = { actor: { userId: null, username: `system:fixity-${checkedBy}` } };
    const alertId = await this.tx.run(async (tx) => {
      const check = await this.repo.insertFixityCheck(tx, {
        recordingId: copy.recordingId,
        location: copy.location,
        checkedAt: now,
        outcome: result.outcome,
        actualSize: actual?.size ?? null,
        actualSha256: actual?.digests.sha256 ?? null,
        actualSm3: actual?.digests.sm3 ?? null,
        durationMs: Math.round(performance.now() - started),
        checkedBy,
      });
      if (result.outcome === 'ok') return null;
      const raised = await this.repo.raiseAlert(tx, {
        recordingId: copy.recordingId,
        location: copy.location,
        fixityCheckId: check.id,
        outcome: result.outcome,
        raisedAt: now,
      });
      const open =
        raised ??
        (await this.repo.openAlerts(tx, { caseIds: [copy.caseId] })).find(
          (a) => a.recordingId === copy.recordingId && a.location === copy.location,
        );
      await this.audit.record(tx, context, {
        action: 'recording.fixity_failed',
        subject: { type: 'recording', id: copy.recordingId },
        unitId,
        payload: {
          caseId: copy.caseId,
          location: copy.location,
          outcome: result.outcome,
          expectedSha256: copy.sha256,
          actualSha256: actual?.digests.sha256 ?? null,
          expectedSize: copy.byteSize,
          actualSize: actual?.size ?? null,
          ...(result.outcome === 'unreadable' ? { error: result.error } : {}),
          fixityCheckId: check.id,
          alertId: open?.id ?? null,
          newAlert: raised !== undefined,
          checkedBy,
        },
      });
      return open?.id ?? null;
    });
    if (result.outcome !== 'ok') {
      this.logger.error(
        { recordingId: copy.recordingId, location: copy.location, outcome: result.outcome },
        'fixity check failed: a copy of a recording is not as it was written',
      );
    }
    return {
      recordingId: copy.recordingId,
      caseId: copy.caseId,
      location: copy.location,
      outcome: result.outcome,
      expectedSha256: copy.sha256,
      actualSha256: actual?.digests.sha256 ?? null,
      alertId,
    };
  }
}
