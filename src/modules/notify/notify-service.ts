// Sending notifications. `enqueue` writes the message into the outbox inside the caller's business
// transaction, so a message about a change that rolled back never exists, and nudges the dispatch job once
// that transaction has committed. `dispatchDue` (the job) claims due messages, hands them to the channel's
// provider and records the outcome, retrying with backoff until the message is sent or out of attempts.
//
// Delivery is at least once: a dispatcher that stops between the provider accepting a message and the
// outcome being recorded leaves it 'sending'; when its lease runs out another dispatcher sends it again.
// Two dispatchers never send the same message at the same time (see NotifyRepository.claimDue).
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor, Tx } from '../../platform/db/database.js';
import type { AfterCommit } from '../../platform/db/transactions.js';
import { badRequest, msg, notFound } from '../../platform/http/errors.js';
import { DeliveryError, type ChannelProviders, type OutgoingMessage } from './providers/provider.js';
import type { NotificationRow, NotifyRepository } from './repository.js';
import { retryDelayMs, SEND_LEASE_MS, SEND_TIMEOUT_MS } from './retry-policy.js';
import {
  emailAddressSchema,
  mobileNumberSchema,
  type Channel,
  type Locale,
  type NotificationStatus,
} from './schemas.js';
import { renderTemplate, type TemplateKey, type TemplateParams } from './templates.js';

/** A message to send. Typed by template: an unknown key or params of the wrong shape do not compile. */
export interface NotificationRequest<K extends TemplateKey> {
  channel: Channel;
  /** A mainland mobile number (sms) or an email address (email). */
  to: string;
  /** The recipient, when they are a user: their unit decides which admins may see the message. */
  userId?: string | null;
  template: K;
  params: TemplateParams<K>;
  locale: Locale;
  /**
   * For callers that may run twice (a reminder job): a second enqueue with the same key does nothing and
   * returns the first message's id. Make it specific, e.g. `booking.reminder:<bookingId>`.
   */
  dedupeKey?: string;
}

export interface RecipientDirectory {
  /** The user's unit, read through the caller's transaction (the user may have been created in it). */
  unitIdOfUser(db: Executor, userId: string): Promise<string | undefined>;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Messages whose last attempt was interrupted and that had no attempts left. */
  abandoned: number;
}

export interface NotifyLogger {
  warn(obj: object, msg: string): void;
}

/** Messages claimed and sent together; each batch starts sending at once, well within its lease. */
const BATCH_SIZE = 5;

export class NotifyService {
  /** Transactions that already nudge the dispatcher on commit: one nudge per transaction is enough. */
  private readonly nudged = new WeakSet<Tx>();

  constructor(
    private readonly db: Db,
    private readonly repo: NotifyRepository,
    private readonly providers: ChannelProviders,
    private readonly recipients: RecipientDirectory,
    private readonly clock: Clock,
    private readonly options: { maxAttempts: number },
    /** Asks the dispatch job to run soon; called after commit. */
    private readonly nudge: () => Promise<void>,
    private readonly logger: NotifyLogger,
  ) {}

  /**
   * Queues a message in the caller's transaction. No access check here: the caller's use case has made it
   * already, and this is not reachable over HTTP. Throws 400 notify.invalid_recipient for a malformed number
   * or address; a wrong template or params is a bug and throws.
   */
  async enqueue<K extends TemplateKey>(
    tx: Tx,
    afterCommit: AfterCommit,
    request: NotificationRequest<K>,
  ): Promise<{ id: string; created: boolean }> {
    const recipient = parseRecipient(request.channel, request.to);
    const rendered = renderTemplate(request.template, request.locale, request.params);
    let recipientUnitId: string | null = null;
    if (request.userId) {
      recipientUnitId = (await this.recipients.unitIdOfUser(tx, request.userId)) ?? null;
      if (!recipientUnitId) throw notFound('user.not_found', msg('找不到该用户。', 'No such user.'));
    }
    const now = this.clock.now();
    const result = await this.repo.insertNotification(tx, {
      channel: request.channel,
      recipient,
      recipientUserId: request.userId ?? null,
      recipientUnitId,
      template: request.template,
      locale: request.locale,
      params: rendered.params,
      subject: request.channel === 'email' ? rendered.subject : null,
      body: rendered.text,
      dedupeKey: request.dedupeKey ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    });
    if (result.created && !this.nudged.has(tx)) {
      this.nudged.add(tx);
      afterCommit(() => this.nudge());
    }
    return result;
  }

  /** Sends up to `limit` due messages and records each outcome. Safe to run on any number of nodes at once. */
  async dispatchDue(limit = 50): Promise<DispatchReport> {
    const { maxAttempts } = this.options;
    const report: DispatchReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, abandoned: 0 };
    report.abandoned = await this.repo.failAbandoned(this.db, this.clock.now(), maxAttempts);
    while (report.claimed < limit) {
      const now = this.clock.now();
      const batch = await this.repo.claimDue(this.db, {
        now,
        leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
        limit: Math.min(BATCH_SIZE, limit - report.claimed),
        maxAttempts,
      });
      if (batch.length === 0) break;
      report.claimed += batch.length;
      const outcomes = await Promise.all(batch.map((row) => this.attempt(row)));
      for (const outcome of outcomes) {
        if (outcome === 'sent') report.sent++;
        else if (outcome === 'pending') report.retrying++;
        else if (outcome === 'failed') report.failed++;
      }
    }
    return report;
  }

  /** One attempt at a claimed message; returns the status it was left in. */
  private async attempt(row: NotificationRow): Promise<NotificationStatus> {
    const channel = row.channel as Channel;
    const provider = this.providers[channel];
    let outcome: Parameters<NotifyRepository['recordOutcome']>[3];
    try {
      const receipt = await withTimeout(provider.send(toOutgoing(row)), SEND_TIMEOUT_MS);
      outcome = {
        status: 'sent',
        provider: provider.name,
        providerMessageId: receipt.providerMessageId,
        sentAt: this.clock.now(),
      };
    } catch (error) {
      const permanent = error instanceof DeliveryError && error.permanent;
      const text = describeError(error);
      outcome =
        permanent || row.attempts >= this.options.maxAttempts
          ? { status: 'failed', provider: provider.name, error: text }
          : {
              status: 'pending',
              provider: provider.name,
              error: text,
              nextAttemptAt: new Date(this.clock.now().getTime() + retryDelayMs(row.attempts)),
            };
    }
    const recorded = await this.repo.recordOutcome(this.db, row.id, row.attempts, outcome);
    if (!recorded) {
      // The lease ran out mid-send and another dispatcher took the message over; its outcome stands.
      this.logger.warn(
        { notificationId: row.id, attempt: row.attempts, outcome: outcome.status },
        'notification outcome arrived after its lease ended; not recorded',
      );
    }
    return outcome.status;
  }
}

function parseRecipient(channel: Channel, to: string): string {
  const parsed = (channel === 'sms' ? mobileNumberSchema : emailAddressSchema).safeParse(to);
  if (parsed.success) return parsed.data;
  throw badRequest(
    'notify.invalid_recipient',
    channel === 'sms'
      ? msg(
          '手机号码格式不正确，请填写 11 位中国大陆手机号码。',
          'Enter an 11-digit mainland China mobile number.',
        )
      : msg('电子邮箱地址格式不正确。', 'The email address is not valid.'),
  );
}

function toOutgoing(row: NotificationRow): OutgoingMessage {
  return {
    id: row.id,
    channel: row.channel as Channel,
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    template: row.template,
    locale: row.locale as Locale,
    params: row.params as Record<string, unknown>,
  };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000) || 'unknown error';
}

/** Bounds an attempt, so a hung connection cannot outlive the lease that keeps other dispatchers off it. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryError(`no answer from the provider within ${ms / 1000} s`, false)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
