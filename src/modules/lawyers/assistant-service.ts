// Assistants (DOMAIN.md: a lawyer "or their assistant, linked to the lawyer"). An assistant is an account
// with the lawyer role, linked to one principal lawyer: the lawyer names the assistant by username, the
// assistant confirms, either ends it. A confirmed assistant may act for the principal (requirePrincipal);
// there are no chains: an assistant has no assistants, and a lawyer with assistants assists nobody.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import {
  assistantUnavailable,
  assistantUnknown,
  assistingOthers,
  linkNotFound,
  linkWrongState,
  notYourAssistant,
} from './errors.js';
import type { IdentityPort } from './identity-port.js';
import type { AssistantLinkRow, LawyerRepository } from './repository.js';
import { context } from './audit-context.js';
import type { AssistantLinkView } from './schemas.js';

export class AssistantService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: LawyerRepository,
    private readonly identity: IdentityPort,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** The lawyer offers the link; it holds once the assistant confirms. */
  async invite(actor: Actor, username: string, ctx: RequestContext): Promise<AssistantLinkView> {
    requireRole(actor, 'lawyer');
    const assistant = await this.identity.accountByUsername(this.db, username);
    if (!assistant || !assistant.active || !assistant.lawyerOnly || assistant.id === actor.userId) {
      throw assistantUnknown();
    }
    const link = await this.tx.run(async (tx) => {
      if (await this.repo.openLinkOfAssistant(tx, actor.userId)) throw assistingOthers();
      if ((await this.repo.openLinksOfPrincipal(tx, assistant.id)).length > 0) throw assistantUnavailable();
      try {
        const row = await this.repo.insertLink(tx, {
          principalUserId: actor.userId,
          assistantUserId: assistant.id,
          invitedAt: this.clock.now(),
        });
        await this.audit.record(tx, context(actor, ctx), {
          action: 'lawyer.assistant_invited',
          subject: { type: 'lawyer_assistant', id: row.id },
          unitId: actor.unit.id,
          payload: { assistantUserId: assistant.id, assistantUsername: assistant.username },
        });
        return row;
      } catch (error) {
        // The assistant already has a link (offered or confirmed): one principal at a time.
        const pg = pgErrorOf(error);
        if (pg?.code === '23505' && pg.constraint === 'lawyer_assistant_one_principal_idx') {
          throw assistantUnavailable();
        }
        throw error;
      }
    });
    return this.present(link);
  }

  /** The named assistant accepts. */
  async confirm(actor: Actor, linkId: string, ctx: RequestContext): Promise<AssistantLinkView> {
    requireRole(actor, 'lawyer');
    const link = await this.tx.run(async (tx) => {
      const found = await this.repo.linkById(tx, linkId, true);
      if (!found || found.assistantUserId !== actor.userId) throw linkNotFound();
      if (found.endedAt || found.confirmedAt) throw linkWrongState();
      if ((await this.repo.openLinksOfPrincipal(tx, actor.userId)).length > 0) throw assistantUnavailable();
      const row = await this.repo.updateLink(tx, found.id, { confirmedAt: this.clock.now() });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'lawyer.assistant_confirmed',
        subject: { type: 'lawyer_assistant', id: row.id },
        unitId: actor.unit.id,
        payload: { principalUserId: row.principalUserId },
      });
      return row;
    });
    return this.present(link);
  }

  /** Either side ends the link (or declines the offer). */
  async end(actor: Actor, linkId: string, ctx: RequestContext): Promise<void> {
    requireRole(actor, 'lawyer');
    await this.tx.run(async (tx) => {
      const found = await this.repo.linkById(tx, linkId, true);
      if (!found || (found.principalUserId !== actor.userId && found.assistantUserId !== actor.userId)) {
        throw linkNotFound();
      }
      if (found.endedAt) throw linkWrongState();
      await this.repo.updateLink(tx, found.id, { endedAt: this.clock.now(), endedBy: actor.userId });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'lawyer.assistant_unlinked',
        subject: { type: 'lawyer_assistant', id: found.id },
        unitId: actor.unit.id,
        payload: {
          principalUserId: found.principalUserId,
          assistantUserId: found.assistantUserId,
          confirmed: found.confirmedAt !== null,
        },
      });
    });
  }

  /**
   * For acting on a principal's behalf (booking for them): the actor must be their confirmed assistant.
   * Returns the principal's id.
   */
  async requirePrincipal(actor: Actor, principalUserId: string): Promise<string> {
    requireRole(actor, 'lawyer');
    const link = await this.repo.openLinkOfAssistant(this.db, actor.userId);
    if (!link?.confirmedAt || link.principalUserId !== principalUserId) throw notYourAssistant();
    // Nobody acts for a disabled account: the assistant's reach ends with the principal's.
    if (!(await this.identity.account(this.db, principalUserId))?.active) throw notYourAssistant();
    return link.principalUserId;
  }

  /** The lawyer's links as principal, and as assistant. */
  async linksOf(
    actor: Actor,
  ): Promise<{ assistants: AssistantLinkView[]; assisting: AssistantLinkView | null }> {
    requireRole(actor, 'lawyer');
    const assistants: AssistantLinkView[] = [];
    for (const link of await this.repo.openLinksOfPrincipal(this.db, actor.userId)) {
      assistants.push(await this.present(link));
    }
    const mine = await this.repo.openLinkOfAssistant(this.db, actor.userId);
    return { assistants, assisting: mine ? await this.present(mine) : null };
  }

  private async present(link: AssistantLinkRow): Promise<AssistantLinkView> {
    const person = async (id: string) => {
      const a = await this.identity.account(this.db, id);
      return { userId: id, name: a?.displayName ?? '', username: a?.username ?? '' };
    };
    return {
      id: link.id,
      principal: await person(link.principalUserId),
      assistant: await person(link.assistantUserId),
      invitedAt: link.invitedAt.toISOString(),
      confirmedAt: link.confirmedAt?.toISOString() ?? null,
    };
  }
}
