// Reading the audit log: events within the auditor's reach, one's own sign-in history, checkpoints, and
// the proofs that let anyone check an event or a checkpoint against what was signed.
import { conflict, msg, notFound } from '../../platform/http/errors.js';
import type { Db } from '../../platform/db/database.js';
import { toBase64 } from '../../platform/crypto/hash.js';
import type { Actor } from '../identity/actor.js';
import { requireRole, scopeOf } from '../identity/policy.js';
import { verifyAuditLog, type VerificationReport } from './log-verifier.js';
import {
  consistencyProof,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofNodes,
} from './merkle/proofs.js';
import { nodeKey, type AuditRepository, type CheckpointRow, type EventWithLeaf } from './repository.js';
import type { AuditEventView, CheckpointView } from './schemas.js';
import type { CheckpointSigner } from './signing-key-store.js';

export interface UnitDirectory {
  /** Ids of the unit at this path and every unit below it. */
  idsWithin(path: string): Promise<string[]>;
}

const noCheckpoint = () =>
  notFound(
    'audit.no_checkpoint',
    msg('审计日志尚无签名检查点。', 'The audit log has no signed checkpoint yet.'),
  );

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuditRepository,
    private readonly signer: CheckpointSigner,
    private readonly units: UnitDirectory,
  ) {}

  async listEvents(
    actor: Actor,
    query: { limit: number; before?: number; action?: string },
  ): Promise<{ items: AuditEventView[]; nextBefore: string | null }> {
    requireRole(actor, 'auditor');
    // Events of units in reach, and platform events that belong to no unit.
    const unitIds = await this.units.idsWithin(scopeOf(actor, 'auditor')!);
    const items = await this.repo.listEvents(this.db, {
      limit: query.limit,
      before: query.before,
      actionPrefix: query.action,
      unitIds,
    });
    const nextBefore = items.length === query.limit ? String(items.at(-1)!.id) : null;
    return { items: items.map(presentEvent), nextBefore };
  }

  /** The actor's own recent sign-in and account events. */
  async activityOf(actor: Actor, limit: number) {
    const events = await this.repo.listEvents(this.db, {
      limit,
      actorUserId: actor.userId,
      actionPrefix: 'auth.',
    });
    return events.map((e) => ({
      id: String(e.id),
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      ip: e.ip,
      userAgent: e.userAgent,
    }));
  }

  async latestCheckpoint(): Promise<CheckpointView> {
    const cp = await this.repo.latestCheckpoint(this.db);
    if (!cp) throw noCheckpoint();
    return presentCheckpoint(cp);
  }

  async recentCheckpoints(limit: number): Promise<CheckpointView[]> {
    return (await this.repo.checkpoints(this.db, limit)).map(presentCheckpoint);
  }

  verifierKey() {
    return {
      algorithm: this.signer.key.algorithm,
      verifierKey: this.signer.verifierKey,
      publicKeyPem: this.signer.publicKeyPem,
      origin: this.signer.origin,
    };
  }

  /** Proof that an event is in the tree of the latest checkpoint. */
  async inclusionProofFor(actor: Actor, eventId: number) {
    requireRole(actor, 'auditor');
    const event = await this.repo.eventWithLeaf(this.db, eventId);
    if (!event) throw notFound('audit.event_not_found', msg('找不到该审计事件。', 'No such audit event.'));
    const cp = await this.repo.latestCheckpoint(this.db);
    if (event.leafIndex === null || !cp || cp.treeSize <= event.leafIndex) {
      throw conflict(
        'audit.not_yet_integrated',
        msg(
          '该事件尚未纳入已签名的检查点，请稍后再试。',
          'This event is not yet covered by a signed checkpoint; try again shortly.',
        ),
      );
    }
    const needed = inclusionProofNodes(event.leafIndex, cp.treeSize);
    const nodes = await this.repo.nodes(this.db, [...needed, { level: 0, index: event.leafIndex }]);
    const lookup = (level: number, index: number) => nodes.get(nodeKey(level, index))!;
    return {
      eventId: String(event.id),
      leafIndex: event.leafIndex,
      treeSize: cp.treeSize,
      leafHash: toBase64(lookup(0, event.leafIndex)),
      auditPath: inclusionProof(event.leafIndex, cp.treeSize, lookup).map(toBase64),
      rootHash: toBase64(cp.rootHash),
      note: cp.note,
    };
  }

  /** Proof that the checkpoint of size `to` extends the one of size `from` (RFC 9162 §2.1.4). */
  async consistencyProofBetween(actor: Actor, from: number, to: number) {
    requireRole(actor, 'auditor');
    const [a, b] = await Promise.all([
      this.repo.checkpoint(this.db, from),
      this.repo.checkpoint(this.db, to),
    ]);
    if (!a || !b || from > to) {
      throw notFound(
        'audit.checkpoint_not_found',
        msg('找不到指定大小的检查点。', 'There is no checkpoint of that size (from must not exceed to).'),
      );
    }
    const nodes = await this.repo.nodes(this.db, consistencyProofNodes(from, to));
    const proof = consistencyProof(from, to, (level, index) => nodes.get(nodeKey(level, index))!);
    return { from, to, proof: proof.map(toBase64), fromNote: a.note, toNote: b.note };
  }

  async verify(actor: Actor): Promise<VerificationReport> {
    requireRole(actor, 'auditor');
    return verifyAuditLog(this.db, this.repo, this.signer.verifierKey);
  }
}

function presentEvent(e: EventWithLeaf): AuditEventView {
  return {
    id: String(e.id),
    occurredAt: e.occurredAt.toISOString(),
    actor: e.actorUsername ? { userId: e.actorUserId, username: e.actorUsername } : null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    unitId: e.unitId,
    payload: (e.payload ?? {}) as Record<string, unknown>,
    leafIndex: e.leafIndex,
  };
}

function presentCheckpoint(cp: CheckpointRow): CheckpointView {
  return {
    treeSize: cp.treeSize,
    rootHash: toBase64(cp.rootHash),
    note: cp.note,
    createdAt: cp.createdAt.toISOString(),
  };
}
