// Who did it, for the audit log: the signed-in actor and the request they came from.
import type { AuditContext } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';

export function context(actor: Actor, ctx: RequestContext): AuditContext {
  return { actor: { userId: actor.userId, username: actor.username }, ...ctx };
}
