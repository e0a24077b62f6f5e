// The centre's roster of detainees. ID numbers are sealed at rest and found by a keyed hash, so a lawyer's
// entry can be matched exactly while nobody browsing the database reads the numbers.
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { conflict, msg } from '../../platform/http/errors.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import type { CentreOpsRepository } from './centre-ops-repository.js';
import { idNoParts } from './masked-id-no.js';
import type { BookingRepository, DetaineeRow } from './repository.js';

const HASH_PURPOSE = 'detainee-id-no';
const BACKFILL_BATCH = 500;

/** How an ID number is kept on the roster: a keyed hash to match, sealed, and the parts lists show. */
export interface StoredIdNo {
  idNoHash: string;
  idNoSealed: string;
  idNoHead: string;
  idNoTail: string;
}

export class RosterService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly ops: CentreOpsRepository,
    private readonly centres: CentreConfigService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async addDetainee(
    actor: Actor,
    unitId: string,
    input: { name: string; idNo: string; restrictedCase: boolean },
    ctx: RequestContext,
  ): Promise<DetaineeRow> {
    await this.centres.requireCentre(actor, unitId);
    return this.tx.run((tx) => this.enrol(tx, unitId, input, context(actor, ctx)));
  }

  /** Puts a detainee on a centre's roster inside the caller's transaction (staff, import, demo seed). */
  async enrol(
    tx: Executor,
    unitId: string,
    input: { name: string; idNo: string; restrictedCase: boolean },
    auditContext: AuditContext,
  ): Promise<DetaineeRow> {
    const stored = this.storedIdNo(input.idNo);
    if (await this.repo.detaineeByHash(tx, unitId, stored.idNoHash)) {
      throw conflict(
        'roster.duplicate',
        msg('该身份证号已在本所名册中。', 'This ID number is already on the roster.'),
      );
    }
    const row = await this.repo.insertDetainee(tx, {
      unitId,
      name: input.name,
      ...stored,
      restrictedCase: input.restrictedCase,
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
    });
    await this.audit.record(tx, auditContext, {
      action: 'roster.detainee_added',
      subject: { type: 'detainee', id: row.id },
      unitId,
      payload: { restrictedCase: input.restrictedCase },
    });
    return row;
  }

  /**
   * The detainee in custody at this centre whose name and ID number both match, or undefined. Callers must
   * not say which of the two failed: a lawyer learns nothing about people who are not their client. The
   * row is share-locked for the caller's transaction, so a release or transfer committed meanwhile either
   * is seen here or sees (and cancels) the booking this transaction makes.
   */
  async match(
    tx: Executor,
    unitId: string,
    client: { name: string; idNo: string },
  ): Promise<DetaineeRow | undefined> {
    const row = await this.ops.detaineeByHashLocked(tx, unitId, this.hashOf(client.idNo));
    if (!row || row.status !== 'in_custody') return undefined;
    return normaliseName(row.name) === normaliseName(client.name) ? row : undefined;
  }

  /** How an ID number is kept: its keyed hash for exact matching, sealed, and the head and tail lists show. */
  storedIdNo(idNo: string): StoredIdNo {
    return { idNoHash: this.hashOf(idNo), idNoSealed: this.secrets.seal(idNo), ...idNoParts(idNo) };
  }

  /**
   * Fills in the ID head of roster entries made before heads were kept, by unsealing their numbers. Run at
   * start-up rather than as a migration, since only the running app holds the key that unseals; it touches
   * only rows whose head is empty, so after the first start it reads nothing but an empty result. Returns
   * how many rows it filled and how many it could not unseal (kept masked as stars; a sign the key
   * changed).
   */
  async backfillIdNoHeads(): Promise<{ filled: number; unreadable: number }> {
    let filled = 0;
    let unreadable = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await this.ops.detaineesWithoutHead(this.db, after, BACKFILL_BATCH);
      if (batch.length === 0) return { filled, unreadable };
      const heads: { id: string; idNoHead: string }[] = [];
      for (const row of batch) {
        try {
          heads.push({ id: row.id, idNoHead: idNoParts(this.secrets.open(row.idNoSealed)).idNoHead });
        } catch {
          unreadable++;
        }
      }
      await this.tx.run(async (tx) => {
        for (const h of heads) await this.ops.setIdNoHead(tx, h.id, h.idNoHead);
      });
      filled += heads.length;
      after = batch.at(-1)!.id;
    }
  }

  private hashOf(idNo: string): string {
    return this.secrets.keyedHash(HASH_PURPOSE, idNo.toUpperCase());
  }
}

/** Names compare without spaces (full- or half-width) and the middle dots of minority names. */
function normaliseName(name: string): string {
  return name.replace(/[\s\u3000·•・.]/g, '');
}
