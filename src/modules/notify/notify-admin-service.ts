// What an administrator reads about notifications: the delivery record, and the development provider's
// mailbox (the demo's and tests' stand-in for phones and inboxes). Both are limited to recipients in the
// admin's region; messages to people who are not users (a number being verified) have no unit and are
// shown to every admin.
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../identity/actor.js';
import { requireRole, scopeOf } from '../identity/policy.js';
import type { NotifyRepository } from './repository.js';
import type {
  DevMessageView,
  NotificationStatus,
  NotificationView,
  ProviderName,
  Locale,
  Channel,
} from './schemas.js';

export interface UnitDirectory {
  /** Ids of the unit at this path and every unit below it. */
  idsWithin(path: string): Promise<string[]>;
}

export class NotifyAdminService {
  constructor(
    private readonly db: Db,
    private readonly repo: NotifyRepository,
    private readonly units: UnitDirectory,
  ) {}

  async listDevMessages(actor: Actor, query: { limit: number }): Promise<DevMessageView[]> {
    requireRole(actor, 'admin');
    const unitIds = await this.units.idsWithin(scopeOf(actor, 'admin')!);
    const rows = await this.repo.listDevMessages(this.db, { unitIds, limit: query.limit });
    return rows.map((m) => ({
      id: m.id,
      notificationId: m.notificationId,
      channel: m.channel as Channel,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      deliveredAt: m.deliveredAt.toISOString(),
      status: m.status,
    }));
  }

  async listNotifications(
    actor: Actor,
    query: { status?: NotificationStatus; limit: number },
  ): Promise<NotificationView[]> {
    requireRole(actor, 'admin');
    const unitIds = await this.units.idsWithin(scopeOf(actor, 'admin')!);
    const rows = await this.repo.listNotifications(this.db, { unitIds, ...query });
    return rows.map((n) => ({
      id: n.id,
      channel: n.channel as Channel,
      recipient: n.recipient,
      template: n.template,
      locale: n.locale as Locale,
      status: n.status as NotificationStatus,
      attempts: n.attempts,
      // Meaningful only while the message is still to be (re)tried.
      nextAttemptAt: n.status === 'pending' ? n.nextAttemptAt.toISOString() : null,
      lastError: n.lastError,
      provider: n.provider as ProviderName | null,
      providerMessageId: n.providerMessageId,
      createdAt: n.createdAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
    }));
  }
}
