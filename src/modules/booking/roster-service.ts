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
import type { BookingRepository, DetaineeRow } from './repository.js';

const HASH_PURPOSE = 'detainee-id-no';

export class RosterService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
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
    const idNoHash = this.hashOf(input.idNo);
    if (await this.repo.detaineeByHash(tx, unitId, idNoHash)) {
      throw conflict(
        'roster.duplicate',
        msg('该身份证号已在本所名册中。', 'This ID number is already on the roster.'),
      );
    }
    const row = await this.repo.insertDetainee(tx, {
      unitId,
      name: input.name,
      idNoHash,
      idNoSealed: this.secrets.seal(input.idNo),
      idNoTail: input.idNo.slice(-4),
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
   * not say which of the two failed: a lawyer learns nothing about people who are not their client.
   */
  async match(
    db: Executor,
    unitId: string,
    client: { name: string; idNo: string },
  ): Promise<DetaineeRow | undefined> {
    const row = await this.repo.detaineeByHash(db, unitId, this.hashOf(client.idNo));
    if (!row || row.status !== 'in_custody') return undefined;
    return normaliseName(row.name) === normaliseName(client.name) ? row : undefined;
  }

  /** How an ID number is kept: its keyed hash for exact matching, sealed, and the tail staff lists show. */
  storedIdNo(idNo: string): { idNoHash: string; idNoSealed: string; idNoTail: string } {
    return { idNoHash: this.hashOf(idNo), idNoSealed: this.secrets.seal(idNo), idNoTail: idNo.slice(-4) };
  }

  private hashOf(idNo: string): string {
    return this.secrets.keyedHash(HASH_PURPOSE, idNo.toUpperCase());
  }
}

/** Names compare without spaces (full- or half-width) and the middle dots of minority names. */
function normaliseName(name: string): string {
  return name.replace(/[\s\u3000·•・.]/g, '');
}
