// The one way anything enters the audit log: an explicit call inside the transaction of the change it
// records, so the log cannot miss a change and cannot hold one that rolled back.
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { auditEvent, auditPending } from './tables.js';

/** Who acted and from where; routes build it from the request, jobs and the CLI from their own context. */
export interface AuditContext {
  actor: { userId: string | null; username: string } | null;
  ip?: string | null;
  userAgent?: string | null;
  correlationId?: string | null;
}

export interface AuditEntry {
  /** Dotted, past tense: 'auth.login.succeeded', 'user.created'. */
  action: string;
  subject?: { type: string; id: string };
  unitId?: string | null;
  payload?: Record<string, unknown>;
}

export class AuditRecorder {
  constructor(private readonly clock: Clock) {}

  async record(tx: Executor, context: AuditContext, entry: AuditEntry): Promise<number> {
    // Milliseconds only: the bytes hashed must survive a round trip through a JS Date.
    const occurredAt = new Date(Math.floor(this.clock.now().getTime()));
    const [row] = await tx
      .insert(auditEvent)
      .values({
        occurredAt,
        actorUserId: context.actor?.userId ?? null,
        actorUsername: context.actor?.username ?? null,
        action: entry.action,
        subjectType: entry.subject?.type ?? null,
        subjectId: entry.subject?.id ?? null,
        unitId: entry.unitId ?? null,
        ip: context.ip ?? null,
        userAgent: context.userAgent?.slice(0, 512) ?? null,
        correlationId: context.correlationId ?? null,
        payload: entry.payload ?? {},
      })
      .returning({ id: auditEvent.id });
    if (!row) throw new Error('audit insert returned no row');
    await tx.insert(auditPending).values({ eventId: row.id });
    return row.id;
  }
}
