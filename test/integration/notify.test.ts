// Notifications: the outbox is written in the business transaction, worked off by dispatchers that never
// send a message twice at once, retried with backoff, and readable by admins of the recipient's region.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import { AppError } from '../../src/platform/http/errors.js';
import {
  NotifyService,
  type DispatchReport,
  type NotificationRequest,
} from '../../src/modules/notify/notify-service.js';
import { DevProvider } from '../../src/modules/notify/providers/dev-provider.js';
import {
  DeliveryError,
  type ChannelProviders,
  type NotificationProvider,
  type OutgoingMessage,
} from '../../src/modules/notify/providers/provider.js';
import { SEND_LEASE_MS } from '../../src/modules/notify/retry-policy.js';
import { renderTemplate, type TemplateKey } from '../../src/modules/notify/templates.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { onPostgres } from '../harness/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;
const repo = () => t.custos.repositories.notify;
const notification = async (id: string) => (await repo().notificationById(db(), id))!;
const userId = async (username: string) =>
  (await t.custos.repositories.identity.userByUsername(db(), username))!.id;

/** Enqueues through the given service in a transaction of its own, as a use case would. */
function enqueue<K extends TemplateKey>(service: NotifyService, request: NotificationRequest<K>) {
  return t.custos.tx.run((tx, afterCommit) => service.enqueue(tx, afterCommit, request));
}

/** A NotifyService over the app's database with providers and a nudge of the test's choosing. */
function serviceWith(
  providers: ChannelProviders,
  options: { maxAttempts: number; nudge?: () => Promise<void> } = { maxAttempts: 5 },
) {
  return new NotifyService(
    db(),
    repo(),
    providers,
    { unitIdOfUser: async (ex, id) => (await t.custos.repositories.identity.userById(ex, id))?.unitId },
    t.clock,
    { maxAttempts: options.maxAttempts },
    options.nudge ?? (async () => {}),
    { warn: () => {} },
  );
}

function devProviders(): ChannelProviders {
  const dev = new DevProvider(db(), repo(), t.clock, 'Custos');
  return { sms: dev, email: dev };
}

const ping = (to: string): NotificationRequest<'test.ping'> => ({
  channel: 'sms',
  to,
  template: 'test.ping',
  params: {},
  locale: 'zh-CN',
});

const sumSent = (reports: DispatchReport[]) => reports.reduce((n, r) => n + r.sent, 0);

describe('the outbox', () => {
  it('holds no message, and nudges nobody, when the business transaction rolls back', async () => {
    let nudges = 0;
    const service = serviceWith(devProviders(), { maxAttempts: 5, nudge: async () => void nudges++ });
    await expect(
      t.custos.tx.run(async (tx, afterCommit) => {
        await service.enqueue(tx, afterCommit, { ...ping('13800138001'), dedupeKey: 'rolled-back' });
        throw new Error('the booking was refused');
      }),
    ).rejects.toThrow('the booking was refused');
    const rows = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from notification where dedupe_key = 'rolled-back'`,
    );
    expect(rows[0]!.n).toBe(0);
    expect(nudges).toBe(0);

    // Committed: two messages, one nudge after the commit.
    await t.custos.tx.run(async (tx, afterCommit) => {
      await service.enqueue(tx, afterCommit, ping('13800138001'));
      await service.enqueue(tx, afterCommit, ping('13800138002'));
      expect(nudges).toBe(0);
    });
    expect(nudges).toBe(1);
    await service.dispatchDue();
  });

  it('renders at enqueue and delivers the zh-CN text to the development mailbox, signed', async () => {
    const notify = t.custos.services.notify;
    const lawyer = await userId('demo-lawyer');
    const { id } = await enqueue(notify, {
      channel: 'sms',
      to: '+86 138-0013-8000',
      userId: lawyer,
      template: 'account.verification_code',
      params: { code: '428613', minutes: 10 },
      locale: 'zh-CN',
    });
    const queued = await notification(id);
    const expected = renderTemplate('account.verification_code', 'zh-CN', { code: '428613', minutes: 10 });
    expect(queued).toMatchObject({
      status: 'pending',
      attempts: 0,
      recipient: '13800138000',
      recipientUserId: lawyer,
      subject: null,
      body: expected.text,
      params: { code: '428613', minutes: 10 },
    });

    const report = await notify.dispatchDue();
    expect(report).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    const [delivered, ...more] = await repo().devMessagesOf(db(), id);
    expect(more).toEqual([]);
    expect(delivered).toMatchObject({ channel: 'sms', recipient: '13800138000', subject: null });
    expect(delivered!.body).toBe(`【Custos】${expected.text}`);
    expect(delivered!.body).toContain('您的验证码为 428613，10 分钟内有效');
    expect(await notification(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      provider: 'dev',
      providerMessageId: delivered!.id,
      lastError: null,
      sentAt: t.clock.now(),
    });
  });

  it('refuses unknown templates, wrong params and malformed recipients', async () => {
    const notify = t.custos.services.notify;
    await expect(
      // @ts-expect-error: no such template, so this does not compile
      enqueue(notify, { channel: 'sms', to: '13800138000', template: 'no.such', params: {}, locale: 'en' }),
    ).rejects.toThrow(/unknown notification template/);
    await expect(
      enqueue(notify, {
        channel: 'sms',
        to: '13800138000',
        template: 'account.verification_code',
        // @ts-expect-error: the code is a string of digits
        params: { code: 428613, minutes: 10 },
        locale: 'zh-CN',
      }),
    ).rejects.toThrow();
    for (const [channel, to] of [
      ['sms', '12345'],
      ['sms', '23800138000'],
      ['email', 'not-an-address'],
    ] as const) {
      const error: unknown = await enqueue(notify, { ...ping(to), channel }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('notify.invalid_recipient');
    }
  });

  it('makes a repeated enqueue with the same dedupe key a no-op', async () => {
    const notify = t.custos.services.notify;
    const first = await enqueue(notify, { ...ping('13800138003'), dedupeKey: 'reminder:booking-1' });
    const second = await enqueue(notify, { ...ping('13800138003'), dedupeKey: 'reminder:booking-1' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    await notify.dispatchDue();
    expect(await repo().devMessagesOf(db(), first.id)).toHaveLength(1);
  });
});

/** A provider whose every send fails; permanent or not as asked. */
class FailingProvider implements NotificationProvider {
  readonly name = 'dev';
  calls = 0;
  constructor(private readonly permanent: boolean) {}
  async send(): Promise<never> {
    this.calls++;
    throw new DeliveryError('provider is down', this.permanent);
  }
}

describe('retries', () => {
  it('backs off after each failure and fails the message after the last attempt', async () => {
    const failing = new FailingProvider(false);
    const service = serviceWith({ sms: failing, email: failing }, { maxAttempts: 3 });
    const { id } = await enqueue(service, ping('13800138010'));
    const start = t.clock.now().getTime();

    expect(await service.dispatchDue()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await notification(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'provider is down',
      nextAttemptAt: new Date(start + 60_000),
    });
    // Not due yet: nothing is claimed.
    t.clock.advance(59_000);
    expect((await service.dispatchDue()).claimed).toBe(0);

    t.clock.advance(1_000);
    expect(await service.dispatchDue()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await notification(id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: new Date(start + 60_000 + 5 * 60_000),
    });

    t.clock.advance(5 * 60_000);
    expect(await service.dispatchDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await notification(id)).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });

    t.clock.advance(3 * 3_600_000);
    expect((await service.dispatchDue()).claimed).toBe(0);
    expect(failing.calls).toBe(3);
  });

  it('fails at once when the provider says retrying cannot help', async () => {
    const failing = new FailingProvider(true);
    const service = serviceWith({ sms: failing, email: failing }, { maxAttempts: 5 });
    const { id } = await enqueue(service, ping('13800138011'));
    expect(await service.dispatchDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await notification(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('takes over a message whose dispatcher stopped mid-send once its lease ends, and ignores the late outcome', async () => {
    const service = t.custos.services.notify;
    const { id } = await enqueue(service, ping('13800138012'));
    // A dispatcher claims the message and dies before recording anything.
    const now = t.clock.now();
    const claimed = await repo().claimDue(db(), {
      now,
      leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
      limit: 10,
      maxAttempts: 5,
    });
    expect(claimed.map((r) => r.id)).toEqual([id]);
    expect((await service.dispatchDue()).claimed).toBe(0);

    t.clock.advance(SEND_LEASE_MS);
    expect(await service.dispatchDue()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await notification(id)).toMatchObject({ status: 'sent', attempts: 2 });
    // The first dispatcher wakes up: its outcome is for an attempt that is over.
    const late = await repo().recordOutcome(db(), id, 1, {
      status: 'failed',
      provider: 'dev',
      error: 'late',
    });
    expect(late).toBe(false);
    expect((await notification(id)).status).toBe('sent');
  });

  it('gives up on an interrupted message with no attempts left', async () => {
    const service = serviceWith(devProviders(), { maxAttempts: 1 });
    const { id } = await enqueue(service, ping('13800138013'));
    const now = t.clock.now();
    await repo().claimDue(db(), {
      now,
      leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
      limit: 10,
      maxAttempts: 1,
    });
    t.clock.advance(SEND_LEASE_MS);
    expect(await service.dispatchDue()).toMatchObject({ abandoned: 1, claimed: 0 });
    const row = await notification(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/interrupted/);
  });
});

/** Counts deliveries per message and takes a little time over each, so that dispatchers overlap. */
class CountingProvider implements NotificationProvider {
  readonly name = 'dev';
  readonly deliveries = new Map<string, number>();
  async send(message: OutgoingMessage) {
    this.deliveries.set(message.id, (this.deliveries.get(message.id) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { providerMessageId: null };
  }
}

describe(`concurrent dispatchers (${onPostgres ? 'PostgreSQL: truly concurrent' : 'PGlite: serialised'})`, () => {
  it('never claims one message twice', async () => {
    const ids: string[] = [];
    await t.custos.tx.run(async (tx, afterCommit) => {
      for (let i = 0; i < 40; i++) {
        ids.push((await t.custos.services.notify.enqueue(tx, afterCommit, ping('13900139000'))).id);
      }
    });
    const now = t.clock.now();
    const claims = await Promise.all(
      Array.from({ length: 6 }, () =>
        repo().claimDue(db(), {
          now,
          leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
          limit: 10,
          maxAttempts: 5,
        }),
      ),
    );
    const claimed = claims.flat().map((r) => r.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    // Release them for the next test's dispatchers.
    t.clock.advance(SEND_LEASE_MS);
  });

  it('sends every message exactly once with four dispatchers racing', async () => {
    const ids: string[] = [];
    await t.custos.tx.run(async (tx, afterCommit) => {
      for (let i = 0; i < 40; i++) {
        ids.push((await t.custos.services.notify.enqueue(tx, afterCommit, ping('13900139001'))).id);
      }
    });
    const counting = new CountingProvider();
    // Four nodes, each with its own service, sharing the database.
    const dispatchers = Array.from({ length: 4 }, () => serviceWith({ sms: counting, email: counting }));
    const reports = await Promise.all(dispatchers.map((d) => d.dispatchDue(200)));
    // The 40 claimed and released by the previous test are due again too.
    expect(sumSent(reports)).toBe(80);
    // On PostgreSQL the dispatchers really overlap: more than one of them gets work.
    if (onPostgres) expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
    expect([...counting.deliveries.values()].every((n) => n === 1)).toBe(true);
    for (const id of ids) expect(counting.deliveries.get(id)).toBe(1);
    const rows = await queryRows<{ status: string; attempts: number; n: number }>(
      db(),
      sql`select status, attempts, count(*)::int as n from notification
          where recipient in ('13900139000', '13900139001') group by status, attempts order by attempts`,
    );
    expect(rows).toEqual([
      { status: 'sent', attempts: 1, n: 40 },
      { status: 'sent', attempts: 2, n: 40 },
    ]);
  });
});

describe('admin API', () => {
  // Signed in here: the retry tests move the clock hours past any earlier session.
  let admin: Session;
  beforeAll(async () => {
    admin = await t.signIn('demo-admin');
  });

  it('shows the development mailbox, newest first, to admins', async () => {
    const res = await t.request({ method: 'GET', url: '/api/notify/dev-messages?limit=200', session: admin });
    expect(res.statusCode).toBe(200);
    const items: { deliveredAt: string; body: string; recipient: string; status: string }[] =
      res.json().items;
    expect(items.length).toBeGreaterThan(0);
    const times = items.map((m) => m.deliveredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(items.find((m) => m.recipient === '13800138000')).toMatchObject({
      body: expect.stringContaining('【Custos】您的验证码为 428613'),
      status: 'sent',
    });
  });

  it('limits both lists to recipients in the admin’s region and to unknown recipients', async () => {
    const identity = t.custos.repositories.identity;
    const province = await identity.unitByCode(db(), '130000');
    const notify = t.custos.services.notify;
    // A unit and user outside the admin's city, created in the same transaction as the message.
    const { id: outside } = await t.custos.tx.run(async (tx, afterCommit) => {
      const city = await identity.insertUnit(tx, {
        parentId: province!.id,
        kind: 'city',
        code: '130200',
        name: '唐山市',
        nameEn: 'Tangshan',
      });
      const user = await identity.insertUser(
        tx,
        {
          unitId: city.id,
          username: 'tangshan.staff',
          displayName: '唐山 民警',
          passwordHash: 'not-used',
          passwordChangeRequired: true,
        },
        ['centre_staff'],
      );
      return notify.enqueue(tx, afterCommit, { ...ping('13700137000'), userId: user.id });
    });
    const { id: unknown } = await enqueue(notify, ping('13700137001'));
    await notify.dispatchDue();

    const mailbox = await t.request({
      method: 'GET',
      url: '/api/notify/dev-messages?limit=200',
      session: admin,
    });
    const seen = mailbox.json().items.map((m: { notificationId: string }) => m.notificationId);
    expect(seen).toContain(unknown);
    expect(seen).not.toContain(outside);
    const list = await t.request({
      method: 'GET',
      url: '/api/notify/notifications?limit=200',
      session: admin,
    });
    const listed = list.json().items.map((n: { id: string }) => n.id);
    expect(listed).toContain(unknown);
    expect(listed).not.toContain(outside);
  });

  it('lists delivery status, filtered, without the message text', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/notify/notifications?status=failed',
      session: admin,
    });
    expect(res.statusCode).toBe(200);
    const items: Record<string, unknown>[] = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((n) => n.status === 'failed' && typeof n.lastError === 'string')).toBe(true);
    expect(items.every((n) => !('body' in n) && !('params' in n))).toBe(true);
    const bad = await t.request({
      method: 'GET',
      url: '/api/notify/notifications?status=lost',
      session: admin,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses everyone but admins', async () => {
    expect((await t.request({ method: 'GET', url: '/api/notify/dev-messages' })).statusCode).toBe(401);
    for (const username of ['demo-lawyer', 'demo-auditor', 'demo-centre']) {
      const session = await t.signIn(username);
      for (const url of ['/api/notify/dev-messages', '/api/notify/notifications']) {
        const res = await t.request({ method: 'GET', url, session });
        expect(res.statusCode, `${username} ${url}`).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
      }
    }
  });
});
