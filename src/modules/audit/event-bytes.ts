// The exact bytes an audit event contributes to the Merkle tree. Derived from the stored row alone, so the
// offline verifier recomputes them without trusting anything the integrator wrote.
import { canonicalJson } from './canonical-json.js';

export interface AuditEventRow {
  id: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  unitId: string | null;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  payload: unknown;
}

/** Version 1 of the leaf encoding; a future change gets a new "v" and both stay verifiable. */
export function eventBytes(e: AuditEventRow): Buffer {
  return Buffer.from(
    canonicalJson({
      v: 1,
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actorUserId || e.actorUsername ? { userId: e.actorUserId, username: e.actorUsername } : null,
      action: e.action,
      subject: e.subjectType ? { type: e.subjectType, id: e.subjectId } : null,
      unitId: e.unitId,
      ip: e.ip,
      userAgent: e.userAgent,
      correlationId: e.correlationId,
      payload: e.payload,
    }),
    'utf8',
  );
}
