// The only SQL of the notify module. Claiming and recording outcomes are single conditional statements, so
// that concurrent dispatchers (several worker nodes on PostgreSQL) never work the same message at once.
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { NotificationStatus, ProviderName } from './schemas.js';
import { devMessage, notification } from './tables.js';

export type NotificationRow = typeof notification.$inferSelect;
export type NewNotification = typeof notification.$inferInsert;
export type DevMessageRow = typeof devMessage.$inferSelect;

const inFlight = inArray(notification.status, ['pending', 'sending']);

export class NotifyRepository {
  /**
   * Inserts a notification. With a dedupe key already used, inserts nothing and returns the existing row's
   * id with created: false.
   */
  async insertNotification(db: Executor, row: NewNotification): Promise<{ id: string; created: boolean }> {
    const [inserted] = await db
      .insert(notification)
      .values(row)
      .onConflictDoNothing({ target: notification.dedupeKey })
      .returning({ id: notification.id });
    if (inserted) return { id: inserted.id, created: true };
    const [existing] = await db
      .select({ id: notification.id })
      .from(notification)
      .where(eq(notification.dedupeKey, row.dedupeKey!));
    if (!existing) throw new Error('notification insert returned no row');
    return { id: existing.id, created: false };
  }

  async notificationById(db: Executor, id: string): Promise<NotificationRow | undefined> {
    const [row] = await db.select().from(notification).where(eq(notification.id, id));
    return row;
  }

  /**
   * Claims up to `limit` due messages for one attempt each: pending ones whose time has come, and sending
   * ones whose dispatcher's lease ran out (it stopped mid-send). Rows another dispatcher holds locked are
   * skipped, and the update re-checks the state under the row lock, so no message is claimed twice.
   */
  async claimDue(
    db: Executor,
    claim: { now: Date; leaseUntil: Date; limit: number; maxAttempts: number },
  ): Promise<NotificationRow[]> {
    const due = and(
      inFlight,
      lte(notification.nextAttemptAt, claim.now),
      lt(notification.attempts, claim.maxAttempts),
    );
    const candidates = db
      .select({ id: notification.id })
      .from(notification)
      .where(due)
      .orderBy(asc(notification.nextAttemptAt), asc(notification.createdAt))
      .limit(claim.limit)
      .for('update', { skipLocked: true });
    return db
      .update(notification)
      .set({
        status: 'sending',
        attempts: sql`${notification.attempts} + 1`,
        nextAttemptAt: claim.leaseUntil,
      })
      .where(and(inArray(notification.id, candidates), due))
      .returning();
  }

  /**
   * Gives up on messages whose last attempt never reported back (the dispatcher stopped mid-send) and that
   * have no attempts left.
   */
  async failAbandoned(db: Executor, now: Date, maxAttempts: number): Promise<number> {
    const rows = await db
      .update(notification)
      .set({
        status: 'failed',
        lastError: 'the last attempt was interrupted before its outcome was recorded; no attempts left',
      })
      .where(
        and(
          eq(notification.status, 'sending'),
          lte(notification.nextAttemptAt, now),
          sql`${notification.attempts} >= ${maxAttempts}`,
        ),
      )
      .returning({ id: notification.id });
    return rows.length;
  }

  /**
   * Records the outcome of the attempt numbered `attempt`. Conditional on the message still being in that
   * attempt: if a lease ran out and another dispatcher took over, this outcome is stale and changes nothing.
   */
  async recordOutcome(
    db: Executor,
    id: string,
    attempt: number,
    outcome:
      | { status: 'sent'; provider: ProviderName; providerMessageId: string | null; sentAt: Date }
      | { status: 'pending'; provider: ProviderName; error: string; nextAttemptAt: Date }
      | { status: 'failed'; provider: ProviderName; error: string },
  ): Promise<boolean> {
    const changes =
      outcome.status === 'sent'
        ? {
            status: outcome.status,
            provider: outcome.provider,
            providerMessageId: outcome.providerMessageId,
            sentAt: outcome.sentAt,
            lastError: null,
          }
        : outcome.status === 'pending'
          ? {
              status: outcome.status,
              provider: outcome.provider,
              lastError: outcome.error,
              nextAttemptAt: outcome.nextAttemptAt,
            }
          : { status: outcome.status, provider: outcome.provider, lastError: outcome.error };
    const rows = await db
      .update(notification)
      .set(changes)
      .where(
        and(eq(notification.id, id), eq(notification.status, 'sending'), eq(notification.attempts, attempt)),
      )
      .returning({ id: notification.id });
    return rows.length === 1;
  }

  /** Notifications of recipients in these units, and those whose recipient is not a known user. */
  async listNotifications(
    db: Executor,
    query: { unitIds: string[]; status?: NotificationStatus; limit: number },
  ): Promise<NotificationRow[]> {
    return db
      .select()
      .from(notification)
      .where(and(inUnits(query.unitIds), query.status ? eq(notification.status, query.status) : undefined))
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(query.limit);
  }

  // ---- the development mailbox

  async insertDevMessage(db: Executor, row: typeof devMessage.$inferInsert): Promise<DevMessageRow> {
    const [inserted] = await db.insert(devMessage).values(row).returning();
    return inserted!;
  }

  async listDevMessages(
    db: Executor,
    query: { unitIds: string[]; limit: number },
  ): Promise<(DevMessageRow & { status: NotificationStatus })[]> {
    const rows = await db
      .select({ message: devMessage, status: notification.status })
      .from(devMessage)
      .innerJoin(notification, eq(notification.id, devMessage.notificationId))
      .where(inUnits(query.unitIds))
      .orderBy(desc(devMessage.deliveredAt), desc(devMessage.id))
      .limit(query.limit);
    return rows.map((r) => ({ ...r.message, status: r.status as NotificationStatus }));
  }

  async devMessagesOf(db: Executor, notificationId: string): Promise<DevMessageRow[]> {
    return db
      .select()
      .from(devMessage)
      .where(eq(devMessage.notificationId, notificationId))
      .orderBy(asc(devMessage.deliveredAt));
  }
}

function inUnits(unitIds: string[]) {
  return unitIds.length > 0
    ? or(isNull(notification.recipientUnitId), inArray(notification.recipientUnitId, unitIds))
    : isNull(notification.recipientUnitId);
}
