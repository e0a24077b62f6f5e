// Notification tables: the outbox, written in the business transaction of the change it tells someone about
// and worked off by the dispatch job, and the development provider's mailbox.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, orgUnit } from '../identity/tables.js';
import { tstz } from '../../platform/db/columns.js';

export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    /** A mainland mobile number (11 digits) or an email address, normalised at enqueue. */
    recipient: text('recipient').notNull(),
    recipientUserId: uuid('recipient_user_id').references(() => appUser.id),
    /** The recipient's unit when the message was queued: whose admins may see it. Null: recipient unknown. */
    recipientUnitId: uuid('recipient_unit_id').references(() => orgUnit.id),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    params: jsonb('params').notNull(),
    /** Rendered at enqueue, so what was sent is exactly what was recorded. Email only. */
    subject: text('subject'),
    body: text('body').notNull(),
    /** Set by callers that may enqueue the same message twice (a reminder job re-run): the second is a no-op. */
    dedupeKey: text('dedupe_key'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When pending: the earliest next attempt. When sending: the end of the dispatcher's lease. */
    nextAttemptAt: tstz('next_attempt_at').notNull(),
    lastError: text('last_error'),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    createdAt: tstz('created_at').notNull(),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    check('notification_channel_check', sql`${t.channel} in ('sms','email')`),
    check('notification_locale_check', sql`${t.locale} in ('zh-CN','en')`),
    check('notification_status_check', sql`${t.status} in ('pending','sending','sent','failed')`),
    check('notification_provider_check', sql`${t.provider} in ('dev','smtp','sms-aliyun')`),
    check('notification_attempts_check', sql`${t.attempts} >= 0`),
    check('notification_recipient_check', sql`length(${t.recipient}) between 3 and 320`),
    check('notification_subject_check', sql`(${t.subject} is not null) = (${t.channel} = 'email')`),
    check(
      'notification_sent_check',
      sql`(${t.status} = 'sent') = (${t.sentAt} is not null) and (${t.status} <> 'sent' or ${t.provider} is not null)`,
    ),
    // What the dispatcher asks for: due messages, oldest first.
    index('notification_due_idx')
      .on(t.status, t.nextAttemptAt)
      .where(sql`${t.status} in ('pending','sending')`),
    index('notification_created_idx').on(t.createdAt),
    uniqueIndex('notification_dedupe_key_idx').on(t.dedupeKey),
  ],
);

/**
 * What the development provider "delivered": the phone's or inbox's view of a message, never leaving the
 * machine. One row per delivery, deliberately without a unique notification id, so that a message sent twice
 * would show twice.
 */
export const devMessage = pgTable(
  'dev_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notification.id),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    /** As the recipient would see it: an SMS carries its 【signature】. */
    body: text('body').notNull(),
    deliveredAt: tstz('delivered_at').notNull(),
  },
  (t) => [
    check('dev_message_channel_check', sql`${t.channel} in ('sms','email')`),
    index('dev_message_delivered_idx').on(t.deliveredAt),
    index('dev_message_notification_idx').on(t.notificationId),
  ],
);
