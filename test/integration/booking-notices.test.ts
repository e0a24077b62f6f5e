// Text messages to lawyers about their bookings, end to end on a real database: each change queues one SMS
// per lawyer of the meeting in that lawyer's language, inside the change's transaction (none when it rolls
// back), the development provider delivers it, and the day-before reminders go once to tomorrow's confirmed
// meetings only, however often the job runs.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingChange } from '../../src/modules/booking/booking-events.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, type BookingView, type Client } from './booking-fixtures.js';
import { register, registrant, signInWith } from './lawyers-fixtures.js';
import { addWeeklySessions } from './centre-ops-fixtures.js';

let t: TestApp;
let staff: Session;
let centreId: string;
let demoLawyer: Session;
/** Registered lawyers with a verified mobile: one reads Chinese, one English. */
const lawyers: Record<
  'zh' | 'en' | 'zh2',
  { session: Session; userId: string; mobile: string; username: string }
> = {} as never;

const db = () => t.custos.database.db;
const client = (n: number, name = `在押人员${n}`): Client => ({ name, idNo: idNo(n) });

interface SentRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  body: string;
  dedupe_key: string;
}

/** The messages queued about a booking, by template. */
async function queued(bookingId: string, template?: string): Promise<SentRow[]> {
  return queryRows<SentRow>(
    db(),
    sql`select id, recipient, template, locale, body, dedupe_key from notification
         where dedupe_key like ${`booking.%:${bookingId}:%`}
           and (${template ?? null}::text is null or template = ${template ?? null})
         order by locale desc, recipient`,
  );
}

/** What the development provider delivered for these notifications: the phone's view, signature included. */
async function delivered(notificationIds: string[]): Promise<{ recipient: string; body: string }[]> {
  if (notificationIds.length === 0) return [];
  await t.custos.services.notify.dispatchDue(200);
  return queryRows(
    db(),
    sql`select recipient, body from dev_message
         where notification_id in (${sql.join(
           notificationIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         order by recipient`,
  );
}

async function sessionAt(date: string, time: string): Promise<string> {
  const res = await t.request({
    method: 'GET',
    url: `/api/centres/${centreId}/availability`,
    session: demoLawyer,
  });
  expect(res.statusCode, res.body).toBe(200);
  const startsAt = new Date(`${date}T${time}:00+08:00`).toISOString();
  const sessions = res
    .json<{ days: { sessions: { id: string; startsAt: string }[] }[] }>()
    .days.flatMap((d) => d.sessions);
  const found = sessions.find((s) => s.startsAt === startsAt);
  if (!found) throw new Error(`no session at ${date} ${time}`);
  return found.id;
}

async function book(
  lawyer: Session,
  date: string,
  time: string,
  who: Client,
  coCounselUsername?: string,
): Promise<BookingView> {
  return bookMeeting(t, lawyer, {
    sessionId: await sessionAt(date, time),
    durationMinutes: 60,
    client: who,
    ...(coCounselUsername ? { coCounselUsername } : {}),
  });
}

/** Changes a booking's status and tells BookingEvents in one transaction, as the centre's services do. */
async function changeAndEmit(
  bookingId: string,
  changes: Parameters<TestApp['custos']['repositories']['booking']['updateBooking']>[2],
  change: Omit<BookingChange, 'booking'>,
): Promise<void> {
  const repo = t.custos.repositories.booking;
  await t.custos.tx.run(async (tx, afterCommit) => {
    const updated = await repo.updateBooking(tx, bookingId, changes);
    await t.custos.services.bookingEvents.emit(tx, afterCommit, { ...change, booking: updated });
  });
}

async function registeredLawyer(n: number, locale: 'zh-CN' | 'en') {
  const r = registrant(n, { locale });
  const res = await register(t, r);
  expect(res.statusCode, res.body).toBe(201);
  const userId = res.json<{ userId: string }>().userId;
  const approved = await t.request({
    method: 'POST',
    url: `/api/lawyer-reviews/${userId}/approve`,
    session: staff,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return {
    session: await signInWith(t, r.username, r.password),
    userId,
    mobile: r.mobile,
    username: r.username,
  };
}

beforeAll(async () => {
  // Thursday 26 November 2026, 10:00 in Shanghai.
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  demoLawyer = await t.signIn('demo-lawyer');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: demoLawyer })).json().items[0]
    .id;
  await addWeeklySessions(t, centreId, staff, {
    times: [
      ['09:00', '11:00'],
      ['14:00', '16:00'],
    ],
    onlinePlaces: 10,
  });
  for (let i = 1; i <= 20; i++) {
    const res = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/detainees`,
      session: staff,
      body: { ...client(i), restrictedCase: i >= 18 },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  lawyers.zh = await registeredLawyer(1, 'zh-CN');
  lawyers.en = await registeredLawyer(2, 'en');
  lawyers.zh2 = await registeredLawyer(3, 'zh-CN');
});
afterAll(async () => {
  await t?.close();
});

describe('messages about a booking', () => {
  it('confirms a booking to each lawyer of the meeting, in their language, through the provider', async () => {
    const b = await book(lawyers.zh.session, '2026-11-30', '09:00', client(1), lawyers.en.username);
    const rows = await queued(b.id);
    expect(rows.map((r) => [r.template, r.locale, r.recipient])).toEqual([
      ['booking.confirmed', 'zh-CN', lawyers.zh.mobile],
      ['booking.confirmed', 'en', lawyers.en.mobile],
    ]);
    expect(rows[0]!.body).toBe(
      '会见预约成功：石家庄市长安区看守所，11月30日 09:00，60分钟。可在“我的预约”加入日历。',
    );
    expect(rows[1]!.body).toBe(
      "Meeting booked: Chang'an Detention Centre, Mon 30 Nov 09:00, 60 min. Add it to your calendar from My bookings.",
    );
    // The client's name is not in a text message.
    for (const r of rows) expect(r.body).not.toContain('在押人员1');

    const phones = await delivered(rows.map((r) => r.id));
    expect(phones).toEqual(
      [
        { recipient: lawyers.zh.mobile, body: `【Custos】${rows[0]!.body}` },
        { recipient: lawyers.en.mobile, body: `【Custos】${rows[1]!.body}` },
      ].sort((x, y) => x.recipient.localeCompare(y.recipient)),
    );
  });

  it('sends nothing to a lawyer an administrator created, who registered no mobile number', async () => {
    const b = await book(demoLawyer, '2026-11-30', '14:00', client(2), lawyers.zh.username);
    const rows = await queued(b.id);
    expect(rows.map((r) => r.recipient)).toEqual([lawyers.zh.mobile]);
  });

  it('tells a lawyer whose client needs a permission what to do, then that the booking holds', async () => {
    const b = await book(lawyers.en.session, '2026-12-01', '09:00', client(20));
    expect(b.status).toBe('awaiting_permission');
    const [waiting] = await queued(b.id, 'booking.awaiting_permission');
    expect(waiting).toMatchObject({ locale: 'en', recipient: lawyers.en.mobile });
    expect(waiting!.body).toContain('Tue 1 Dec 09:00');
    expect(waiting!.body).toContain('upload the permission decision');

    const staffId = (await t.request({ method: 'GET', url: '/api/auth/session', session: staff })).json().user
      .id;
    await changeAndEmit(
      b.id,
      {
        status: 'confirmed',
        permissionConfirmedAt: t.clock.now(),
        permissionConfirmedBy: staffId,
      },
      { kind: 'permission_confirmed', actorUserId: staffId },
    );
    const [confirmed] = await queued(b.id, 'booking.permission_confirmed');
    expect(confirmed!.body).toBe(
      "Chang'an Detention Centre has confirmed the permission decision: your meeting on Tue 1 Dec 09:00 (60 min) is booked.",
    );
    expect(await delivered([waiting!.id, confirmed!.id])).toHaveLength(2);
  });

  it('confirms a cancellation, and says when it was too late and counts as a no-show strike', async () => {
    const early = await book(lawyers.zh.session, '2026-12-01', '14:00', client(3));
    const cancelEarly = await t.request({
      method: 'POST',
      url: `/api/bookings/${early.id}/cancel`,
      session: lawyers.zh.session,
      body: {},
    });
    expect(cancelEarly.json().status).toBe('cancelled');
    const [sentEarly] = await queued(early.id, 'booking.cancelled');
    expect(sentEarly!.body).toBe('您在石家庄市长安区看守所12月1日 14:00的会见预约已取消，不计爽约。');

    // Friday 09:00 is 23 hours away: past the centre's 24-hour deadline.
    const late = await book(lawyers.en.session, '2026-11-27', '09:00', client(4));
    const cancelLate = await t.request({
      method: 'POST',
      url: `/api/bookings/${late.id}/cancel`,
      session: lawyers.en.session,
      body: { reason: 'court hearing moved' },
    });
    expect(cancelLate.json().status).toBe('cancelled_late');
    const [sentLate] = await queued(late.id, 'booking.cancelled_late');
    expect(sentLate!.body).toBe(
      "Your meeting at Chang'an Detention Centre on Fri 27 Nov 09:00 was cancelled after the cancellation deadline: it counts as a no-show strike.",
    );
    expect(await queued(late.id, 'booking.cancelled')).toEqual([]);
  });

  it('tells the lawyers the centre cancelled, with the centre’s reason in each one’s language', async () => {
    const b = await book(lawyers.zh.session, '2026-12-02', '09:00', client(5), lawyers.en.username);
    const res = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/bookings/${b.id}/cancel`,
      session: staff,
      body: { reasonCode: 'transferred', reason: '转至市第二看守所' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const sent = await queued(b.id, 'booking.cancelled_by_centre');
    expect(sent.map((r) => r.body)).toEqual([
      '石家庄市长安区看守所取消了您12月2日 09:00的会见，原因：在押人员已转所：转至市第二看守所。不计爽约。',
      "Chang'an Detention Centre cancelled your meeting on Wed 2 Dec 09:00. Reason: The detainee has been transferred: 转至市第二看守所. This is not a strike against you.",
    ]);
    const phones = await delivered(sent.map((r) => r.id));
    expect(phones.find((p) => p.recipient === lawyers.zh.mobile)?.body).toBe(`【Custos】${sent[0]!.body}`);
  });

  it('queues nothing when the change’s transaction rolls back', async () => {
    const b = await book(lawyers.zh2.session, '2026-12-02', '14:00', client(6));
    const before = await queued(b.id);
    expect(before.map((r) => r.template)).toEqual(['booking.confirmed']);
    const repo = t.custos.repositories.booking;
    await expect(
      t.custos.tx.run(async (tx, afterCommit) => {
        const updated = await repo.updateBooking(tx, b.id, {
          status: 'cancelled_by_centre',
          cancelledAt: t.clock.now(),
          cancelReason: '紧急情况',
        });
        await t.custos.services.bookingEvents.emit(tx, afterCommit, {
          kind: 'cancelled_by_centre',
          booking: updated,
          actorUserId: null,
          reason: '紧急情况',
        });
        // The message was queued in this transaction...
        const inside = await queryRows(
          tx,
          sql`select 1 from notification where dedupe_key like ${`%:${b.id}:%`}`,
        );
        expect(inside).toHaveLength(2);
        throw new Error('a later step of the change fails');
      }),
    ).rejects.toThrow('a later step of the change fails');
    // ...and went with it.
    expect((await queued(b.id)).map((r) => r.template)).toEqual(['booking.confirmed']);
    expect((await repo.bookingById(db(), b.id))!.status).toBe('confirmed');
    const phones = await queryRows(
      db(),
      sql`select 1 from dev_message m join notification n on n.id = m.notification_id
           where n.template = 'booking.cancelled_by_centre' and m.body like '%紧急情况%'`,
    );
    expect(phones).toEqual([]);
  });

  it('sends a change once even if it is told twice', async () => {
    const b = await book(lawyers.zh2.session, '2026-11-30', '09:00', client(7));
    const row = (await t.custos.repositories.booking.bookingById(db(), b.id))!;
    await t.custos.tx.run((tx, afterCommit) =>
      t.custos.services.bookingEvents.emit(tx, afterCommit, {
        kind: 'confirmed',
        booking: row,
        actorUserId: lawyers.zh2.userId,
      }),
    );
    expect(await queued(b.id)).toHaveLength(1);
  });

  it('says nothing about a hold that lapsed', async () => {
    const hold = await t.request({
      method: 'POST',
      url: '/api/bookings/holds',
      session: lawyers.zh.session,
      body: {
        sessionId: await sessionAt('2026-12-03', '09:00'),
        durationMinutes: 60,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect(hold.statusCode, hold.body).toBe(201);
    t.clock.advance(11 * 60_000);
    expect(await t.custos.services.holdSweeper.sweep()).toBeGreaterThanOrEqual(1);
    const row = await t.custos.repositories.booking.bookingById(db(), hold.json().id);
    expect(row!.status).toBe('expired');
    expect(await queued(hold.json().id)).toEqual([]);
  });
});

describe('day-before reminders', () => {
  let tomorrow: { withCoCounsel: BookingView; alone: BookingView; noMobile: BookingView };
  let notTomorrow: BookingView[];

  beforeAll(async () => {
    tomorrow = {
      withCoCounsel: await book(lawyers.zh.session, '2026-11-27', '14:00', client(8), lawyers.en.username),
      alone: await book(lawyers.zh2.session, '2026-11-27', '09:00', client(9)),
      noMobile: await book(demoLawyer, '2026-11-27', '09:00', client(10)),
    };
    const waiting = await book(lawyers.zh.session, '2026-11-27', '09:00', client(18));
    expect(waiting.status).toBe('awaiting_permission');
    const cancelled = await book(lawyers.en.session, '2026-11-27', '09:00', client(11));
    await t.request({
      method: 'POST',
      url: `/api/bookings/${cancelled.id}/cancel`,
      session: lawyers.en.session,
      body: {},
    });
    notTomorrow = [waiting, cancelled, await book(lawyers.en.session, '2026-11-30', '14:00', client(12))];
  });

  const reminders = () =>
    queryRows<SentRow & { booking_id: string }>(
      db(),
      sql`select id, recipient, locale, body, dedupe_key, split_part(dedupe_key, ':', 2) as booking_id
            from notification where template = 'booking.reminder' order by booking_id, locale desc`,
    );

  it('are queued by the job for tomorrow’s confirmed meetings, one per lawyer with a mobile', async () => {
    await t.custos.startWorker();
    await t.custos.jobs.send('booking.send_reminders', {});
    await expect.poll(async () => (await reminders()).length, { timeout: 20_000, interval: 250 }).toBe(3);
    const rows = await reminders();
    expect(new Set(rows.map((r) => r.booking_id))).toEqual(
      new Set([tomorrow.withCoCounsel.id, tomorrow.alone.id]),
    );
    for (const b of notTomorrow) expect(rows.some((r) => r.booking_id === b.id)).toBe(false);
    const forCoCounsel = rows.filter((r) => r.booking_id === tomorrow.withCoCounsel.id);
    expect(forCoCounsel.map((r) => [r.locale, r.recipient])).toEqual([
      ['zh-CN', lawyers.zh.mobile],
      ['en', lawyers.en.mobile],
    ]);
    expect(forCoCounsel[0]!.body).toBe(
      '提醒：您11月27日 14:00在石家庄市长安区看守所有会见（60分钟），请带齐执业证、律所证明、委托书等原件。',
    );
    expect(forCoCounsel[1]!.body).toContain(
      "Reminder: your meeting at Chang'an Detention Centre is on Fri 27 Nov at 14:00",
    );
  });

  it('are sent once however often the job runs, on one node or several at the same time', async () => {
    const first = await reminders();
    const again = await t.custos.services.bookingReminders.sendForTomorrow();
    expect(again).toEqual({ date: '2026-11-27', bookings: 3, queued: 0 });
    const together = await Promise.all([
      t.custos.services.bookingReminders.sendForTomorrow(),
      t.custos.services.bookingReminders.sendForTomorrow(),
    ]);
    expect(together.map((r) => r.queued)).toEqual([0, 0]);
    expect(await reminders()).toEqual(first);

    // Each reaches its phone exactly once.
    await t.custos.services.notify.dispatchDue(200);
    const counts = await queryRows<{ n: number }>(
      db(),
      sql`select count(m.id)::int as n from notification n left join dev_message m on m.notification_id = n.id
           where n.template = 'booking.reminder' group by n.id`,
    );
    expect(counts.map((c) => c.n)).toEqual([1, 1, 1]);
  });

  it('reach a meeting confirmed after an earlier run, and only that one', async () => {
    const before = await reminders();
    const later = await book(lawyers.zh2.session, '2026-11-27', '14:00', client(14));
    expect(await t.custos.services.bookingReminders.sendForTomorrow()).toEqual({
      date: '2026-11-27',
      bookings: 4,
      queued: 1,
    });
    const after = await reminders();
    expect(after.filter((r) => !before.some((b) => b.id === r.id)).map((r) => r.booking_id)).toEqual([
      later.id,
    ]);
  });
});
