// The waiting list of a full session, end to end on a real database: joining only when no place is left;
// a freed place offered at once to the first lawyer waiting (a hold in their name and an SMS), never to a
// lawyer who happens to try booking at that moment; a lapsed or declined offer passing down the queue; a
// waiter who became busy elsewhere passed over; staff seeing their own centre's queues; entries closed when
// the session comes too near; and, truly concurrent on PostgreSQL, cancellations, bookings and withdrawals
// at once without a place sold twice or offered twice.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/identity/actor.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookAs, bookMeeting, completeHold, type Client } from './booking-fixtures.js';
import { ctx, provisionedLawyer, register, registrant, signInWith } from './lawyers-fixtures.js';

let t: TestApp;
let staff: Session;
let centreId: string;

const PASSWORD = 'a long password here';
const db = () => t.custos.database.db;

interface Lawyer {
  actor: Actor;
  userId: string;
  session?: Session;
  mobile?: string;
}

interface EntryView {
  id: string;
  sessionId: string;
  status: string;
  durationMinutes: number;
  position: number | null;
  offer: { bookingId: string; holdExpiresAt: string; secondsLeft: number } | null;
}

let serial = 100;
/** A client on the roster nobody has booked yet (one meeting per client keeps the overlap rule quiet). */
function nextClient(): Client {
  serial++;
  return { name: `在押人员${serial}`, idNo: idNo(serial) };
}

let lawyerCount = 0;
/** A lawyer account an administrator created; signed in over HTTP when the test needs the API. */
async function lawyer(http = false): Promise<Lawyer> {
  const username = `wl.lawyer${++lawyerCount}`;
  const actor = await provisionedLawyer(t, username);
  return { actor, userId: actor.userId, session: http ? await signInWith(t, username, PASSWORD) : undefined };
}

/** A lawyer who registered (so has a mobile for SMS) and was approved by the centre's staff. */
async function registeredLawyer(n: number): Promise<Lawyer & { session: Session; mobile: string }> {
  const r = registrant(n);
  const res = await register(t, r);
  expect(res.statusCode, res.body).toBe(201);
  const userId = res.json<{ userId: string }>().userId;
  const approved = await t.request({
    method: 'POST',
    url: `/api/lawyer-reviews/${userId}/approve`,
    session: staff,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const user = (await t.custos.repositories.identity.userById(db(), userId))!;
  const actor: Actor = {
    userId,
    username: r.username,
    displayName: user.displayName,
    roles: ['lawyer'],
    unit: { id: user.unit.id, kind: 'law_firm', path: user.unit.path },
    regionPath: user.unit.path,
    sessionId: 'test',
  };
  return { actor, userId, session: await signInWith(t, r.username, r.password), mobile: r.mobile };
}

/** The session of the demo centre that starts at this Beijing date and time. */
async function sessionAt(date: string, time: string): Promise<string> {
  // Through the service: staff sessions time out while the test's clock runs ahead.
  const { days } = await t.custos.services.availability.forCentre(centreId);
  const startsAt = new Date(`${date}T${time}:00+08:00`).toISOString();
  const found = days.flatMap((d) => d.sessions).find((s) => s.startsAt === startsAt);
  if (!found) throw new Error(`no session at ${date} ${time}`);
  return found.id;
}

/** Books every place of a session, each by a lawyer of its own. */
async function fill(sessionId: string): Promise<{ lawyer: Lawyer; bookingId: string }[]> {
  const s = (await t.custos.repositories.booking.session(db(), sessionId))!;
  const made: { lawyer: Lawyer; bookingId: string }[] = [];
  for (let i = s.taken; i < s.onlinePlaces; i++) {
    const l = await lawyer();
    const b = await bookAs(t, l.actor, {
      sessionId,
      durationMinutes: 60,
      idempotencyKey: crypto.randomUUID(),
      client: nextClient(),
    });
    made.push({ lawyer: l, bookingId: b.id });
  }
  return made;
}

/** Joins over HTTP; the clock moves a second first, so the queue order is the order of the calls. */
async function join(who: Lawyer, sessionId: string, durationMinutes = 60) {
  t.clock.advance(1000);
  return t.request({
    method: 'POST',
    url: `/api/sessions/${sessionId}/waitlist`,
    session: who.session!,
    body: { durationMinutes },
  });
}

async function joinAs(who: Lawyer, sessionId: string): Promise<EntryView> {
  t.clock.advance(1000);
  return (await t.custos.services.waitlist.join(who.actor, sessionId, { durationMinutes: 60 }, ctx)).entry;
}

async function entriesOf(who: Lawyer): Promise<EntryView[]> {
  return t.custos.services.waitlist.mine(who.actor);
}

async function entryIn(who: Lawyer, sessionId: string): Promise<EntryView> {
  const entry = (await entriesOf(who)).find((e) => e.sessionId === sessionId);
  if (!entry) throw new Error('no entry');
  return entry;
}

async function taken(sessionId: string): Promise<number> {
  return (await t.custos.repositories.booking.session(db(), sessionId))!.taken;
}

async function auditOf(action: string, subjectId?: string) {
  return queryRows<{ actor_username: string | null; payload: Record<string, unknown>; subject_id: string }>(
    db(),
    sql`select actor_username, payload, subject_id from audit_event
         where action = ${action} and (${subjectId ?? null}::text is null or subject_id = ${subjectId ?? null})
         order by id`,
  );
}

const cancel = (who: Lawyer, bookingId: string) =>
  t.custos.services.bookings.cancel(who.actor, bookingId, undefined, ctx);

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: staff })).json().items[0].id;
  // Thursday 26 November 2026, 10:00 in Shanghai. Each weekday: a two-place morning session (the one
  // that fills), a larger one overlapping it, and a twelve-place afternoon for the race.
  const templates = [
    { startTime: '09:00', endTime: '11:00', onlinePlaces: 2, durations: [60, 90] },
    { startTime: '09:30', endTime: '11:30', onlinePlaces: 10, durations: [60] },
    { startTime: '14:00', endTime: '16:00', onlinePlaces: 12, durations: [60] },
  ];
  for (const weekday of [1, 2, 3, 4, 5]) {
    for (const template of templates) {
      const res = await t.request({
        method: 'POST',
        url: `/api/centres/${centreId}/session-templates`,
        session: staff,
        body: { weekday, channel: 'in_person', walkInPlaces: 2, ...template },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }
  const rows = Array.from({ length: 150 }, (_, i) => `在押人员${101 + i},${idNo(101 + i)},否`);
  const imported = await t.request({
    method: 'POST',
    url: `/api/centres/${centreId}/detainees/import`,
    session: staff,
    body: { csv: ['姓名,身份证号,限制案件', ...rows].join('\n'), dryRun: false },
  });
  expect(imported.json().imported, imported.body).toBe(150);
});
afterAll(async () => {
  await t?.close();
});

describe('joining', () => {
  it('is refused while the session has places left: the lawyer is told to book', async () => {
    const sessionId = await sessionAt('2026-12-01', '09:00');
    const w = await lawyer(true);
    const res = await join(w, sessionId);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'waitlist.places_left',
      message: {
        'zh-CN': '该时段仍有网上名额，请直接预约，无需候补。',
        en: 'This session still has places online: book one instead of joining the waiting list.',
      },
    });
    expect(await entriesOf(w)).toEqual([]);
  });
});

describe('the queue of a full session', () => {
  let sessionId: string;
  let booked: { lawyer: Lawyer; bookingId: string }[];
  let first: Awaited<ReturnType<typeof registeredLawyer>>;
  let second: Lawyer;

  beforeAll(async () => {
    sessionId = await sessionAt('2026-11-30', '09:00');
    booked = await fill(sessionId);
    first = await registeredLawyer(1);
    second = await lawyer(true);
  });

  it('lets lawyers join once each, in order, with their place in the queue', async () => {
    const joined = await join(first, sessionId);
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toMatchObject({ status: 'waiting', position: 1, durationMinutes: 60, offer: null });
    const again = await join(first, sessionId);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(joined.json().id);

    const other = await join(second, sessionId);
    expect(other.statusCode).toBe(201);
    expect(other.json().position).toBe(2);
    const mine = await t.request({ method: 'GET', url: '/api/waitlist/mine', session: second.session });
    expect(mine.json().items).toMatchObject([{ sessionId, status: 'waiting', position: 2 }]);

    expect(await auditOf('waitlist.joined', joined.json().id)).toHaveLength(1);
  });

  it('refuses a lawyer already booked in the session, and a length the session does not offer', async () => {
    await expect(
      t.custos.services.waitlist.join(booked[0]!.lawyer.actor, sessionId, { durationMinutes: 60 }, ctx),
    ).rejects.toMatchObject({ code: 'waitlist.already_booked' });
    const w = await lawyer(true);
    const res = await join(w, sessionId, 45);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('booking.duration_not_allowed');
  });

  it('offers a cancelled place to the first lawyer waiting at once, with an SMS, not to a lawyer booking', async () => {
    await cancel(booked[0]!.lawyer, booked[0]!.bookingId);

    // The place is the first waiter's before anyone else can ask for it.
    const outsider = await lawyer(true);
    const attempt = await t.request({
      method: 'POST',
      url: '/api/bookings/holds',
      session: outsider.session,
      body: { sessionId, durationMinutes: 60, idempotencyKey: crypto.randomUUID() },
    });
    expect(attempt.statusCode).toBe(409);
    expect(attempt.json().code).toBe('booking.session_full');
    expect(await taken(sessionId)).toBe(2);

    const offered = await entryIn(first, sessionId);
    expect(offered).toMatchObject({ status: 'offered', position: null });
    expect(offered.offer!.secondsLeft).toBe(30 * 60);
    const hold = (await t.custos.repositories.booking.bookingById(db(), offered.offer!.bookingId))!;
    expect(hold).toMatchObject({ status: 'held', bookedBy: first.userId, durationMinutes: 60, sessionId });
    expect(await entryIn(second, sessionId)).toMatchObject({ status: 'waiting', position: 1 });

    const [event] = await auditOf('waitlist.offered', offered.id);
    expect(event).toMatchObject({ actor_username: 'system:waitlist', payload: { bookingId: hold.id } });
    expect(await auditOf('booking.held', hold.id)).toHaveLength(1);

    await t.custos.services.notify.dispatchDue();
    const sms = await queryRows<{ body: string }>(
      db(),
      sql`select body from dev_message where recipient = ${first.mobile} and body like '%候补%'`,
    );
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toMatch(
      /候补有位：石家庄市长安区看守所 2026-11-30 09:00 会见名额为您保留至 \d\d:\d\d/,
    );
  });

  it('shows the centre’s staff the queue, and no one else', async () => {
    const url = `/api/centres/${centreId}/sessions/${sessionId}/waitlist`;
    const res = await t.request({ method: 'GET', url, session: staff });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toMatchObject([
      { status: 'offered', position: null, lawyer: { displayName: '律师1号' } },
      { status: 'waiting', position: 1 },
    ]);
    expect(res.json().items[0].offerExpiresAt).not.toBeNull();

    const lengths = await t.request({
      method: 'GET',
      url: `/api/centres/${centreId}/waitlist?date=2026-11-30`,
      session: staff,
    });
    expect(lengths.json().sessions).toEqual([{ sessionId, waiting: 1, offered: 1 }]);

    expect((await t.request({ method: 'GET', url, session: second.session })).statusCode).toBe(403);
    const station = await t.signIn('demo-station');
    const refused = await t.request({ method: 'GET', url, session: station });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.forbidden');
  });

  it('books the entry when the offered lawyer completes the hold', async () => {
    const { offer } = await entryIn(first, sessionId);
    const done = await completeHold(t, first.session, offer!.bookingId, { client: nextClient() });
    expect(done.status).toBe('confirmed');
    expect(await entryIn(first, sessionId)).toMatchObject({ status: 'booked', offer: null });
    expect(await taken(sessionId)).toBe(2);
    expect(await auditOf('waitlist.offer_booked')).toHaveLength(1);
  });

  it('lets a lawyer withdraw their own entry, once', async () => {
    const { id } = await entryIn(second, sessionId);
    const notTheirs = await t.request({
      method: 'POST',
      url: `/api/waitlist/${id}/withdraw`,
      session: first.session,
    });
    expect(notTheirs.statusCode).toBe(404);
    const res = await t.request({
      method: 'POST',
      url: `/api/waitlist/${id}/withdraw`,
      session: second.session,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', position: null });
    const again = await t.request({
      method: 'POST',
      url: `/api/waitlist/${id}/withdraw`,
      session: second.session,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('waitlist.ended');
    expect(await auditOf('waitlist.withdrawn', id)).toHaveLength(1);
  });
});

describe('an offer not taken', () => {
  it('passes to the next lawyer when it lapses, and frees the place when declined', async () => {
    const sessionId = await sessionAt('2026-12-01', '09:00');
    const booked = await fill(sessionId);
    const [a, b] = [await lawyer(true), await lawyer(true)];
    expect((await join(a, sessionId)).statusCode).toBe(201);
    expect((await join(b, sessionId)).statusCode).toBe(201);

    await cancel(booked[0]!.lawyer, booked[0]!.bookingId);
    const offerToA = (await entryIn(a, sessionId)).offer!;
    t.clock.advance(31 * 60_000);
    await t.custos.services.holdSweeper.sweep();

    expect(await entryIn(a, sessionId)).toMatchObject({ status: 'lapsed', offer: null });
    const offerToB = await entryIn(b, sessionId);
    expect(offerToB.status).toBe('offered');
    expect(offerToB.offer!.bookingId).not.toBe(offerToA.bookingId);
    expect(await taken(sessionId)).toBe(2);
    expect((await t.custos.repositories.booking.bookingById(db(), offerToA.bookingId))!.status).toBe(
      'expired',
    );

    // Declined: no one else waits, so the place is simply free again. (Half an hour has passed: the
    // lawyers sign in again.)
    b.session = await signInWith(t, b.actor.username, PASSWORD);
    a.session = await signInWith(t, a.actor.username, PASSWORD);
    const declined = await t.request({
      method: 'POST',
      url: `/api/waitlist/${offerToB.id}/withdraw`,
      session: b.session,
    });
    expect(declined.json()).toMatchObject({ status: 'withdrawn' });
    expect((await t.custos.repositories.booking.bookingById(db(), offerToB.offer!.bookingId))!.status).toBe(
      'cancelled',
    );
    expect(await taken(sessionId)).toBe(1);
    expect((await join(a, sessionId)).json().code).toBe('waitlist.places_left');
  });
});

describe('a waiter who cannot take the place', () => {
  let sessionId: string;
  /** The lawyer the place is held for after the first test. */
  let holder: Lawyer;

  it('is passed over with the reason recorded when now busy at that time, and the next is offered it', async () => {
    sessionId = await sessionAt('2026-12-02', '09:00');
    const booked = await fill(sessionId);
    const busy = await lawyer(true);
    holder = await lawyer(true);
    await join(busy, sessionId);
    await join(holder, sessionId);
    // The first waiter books a meeting at 09:30 the same day, which overlaps the 09:00 place.
    await bookMeeting(t, busy.session!, {
      sessionId: await sessionAt('2026-12-02', '09:30'),
      durationMinutes: 60,
      client: nextClient(),
    });

    await cancel(booked[1]!.lawyer, booked[1]!.bookingId);

    const skipped = await entryIn(busy, sessionId);
    expect(skipped.status).toBe('closed');
    const [event] = await auditOf('waitlist.skipped', skipped.id);
    expect(event!.payload).toMatchObject({ reason: 'lawyer_busy' });
    expect((await entryIn(holder, sessionId)).status).toBe('offered');
    expect(await taken(sessionId)).toBe(2);
  });

  it('is passed over when no longer allowed to book online (a disabled account)', async () => {
    const [disabled, next] = [await lawyer(), await lawyer()];
    const skipped = await joinAs(disabled, sessionId);
    await joinAs(next, sessionId);
    const admin = await t.signIn('demo-admin');
    const off = await t.request({
      method: 'POST',
      url: `/api/users/${disabled.userId}/disable`,
      session: admin,
    });
    expect(off.statusCode, off.body).toBe(204);

    // The lawyer holding the offer gives it up; the place passes down the queue.
    const held = await entryIn(holder, sessionId);
    await t.custos.services.waitlist.withdraw(holder.actor, held.id, ctx);

    const [event] = await auditOf('waitlist.skipped', skipped.id);
    expect(event!.payload).toMatchObject({ reason: 'inactive' });
    expect((await entryIn(next, sessionId)).status).toBe('offered');
    expect(await taken(sessionId)).toBe(2);
  });
});

describe('many lawyers at once', () => {
  it('never oversells, and offers each freed place exactly once, in queue order', async () => {
    const sessionId = await sessionAt('2026-12-03', '14:00');
    const booked = await fill(sessionId);
    const waiters: Lawyer[] = [];
    const entries: EntryView[] = [];
    for (let i = 0; i < 12; i++) {
      const w = await lawyer();
      waiters.push(w);
      entries.push(await joinAs(w, sessionId));
    }
    const outsiders = await Promise.all(Array.from({ length: 10 }, () => lawyer()));

    const cancels = booked.slice(0, 6).map((b) => cancel(b.lawyer, b.bookingId));
    // The outsiders arrive spread over the cancellations, so some ask after a place was freed.
    const holds = outsiders.map(async (o, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 10));
      return t.custos.services.bookings.hold(
        o.actor,
        { sessionId, durationMinutes: 60, idempotencyKey: crypto.randomUUID() },
        ctx,
      );
    });
    const withdrawals = [1, 4].map((i) =>
      t.custos.services.waitlist.withdraw(waiters[i]!.actor, entries[i]!.id, ctx),
    );
    const [cancelled, held, withdrawn] = await Promise.all([
      Promise.allSettled(cancels),
      Promise.allSettled(holds),
      Promise.allSettled(withdrawals),
    ]);
    expect(cancelled.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(withdrawn.every((r) => r.status === 'fulfilled')).toBe(true);
    // Every freed place went to the waiting list in the transaction that freed it.
    for (const r of held) {
      expect(r.status).toBe('rejected');
      expect(((r as PromiseRejectedResult).reason as { code?: string }).code).toBe('booking.session_full');
    }

    const s = (await t.custos.repositories.booking.session(db(), sessionId))!;
    expect(s.taken).toBe(s.onlinePlaces);
    const live = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from booking
           where session_id = ${sessionId} and status in ('held', 'confirmed', 'awaiting_permission')`,
    );
    expect(live[0]!.n).toBe(s.onlinePlaces);

    const after = await queryRows<{
      id: string;
      status: string;
      offer_booking_id: string | null;
      created_at: Date;
    }>(
      db(),
      sql`select id, status, offer_booking_id, created_at from waitlist_entry
           where session_id = ${sessionId} order by created_at, id`,
    );
    const offered = after.filter((e) => e.status === 'offered');
    expect(offered).toHaveLength(6);
    expect(new Set(offered.map((e) => e.offer_booking_id)).size).toBe(6);
    const holdsOffered = await queryRows<{ status: string }>(
      db(),
      sql`select b.status from booking b join waitlist_entry e on e.offer_booking_id = b.id
           where e.session_id = ${sessionId}`,
    );
    expect(holdsOffered.map((h) => h.status)).toEqual(Array(6).fill('held'));
    expect(
      after
        .filter((e) => e.status === 'withdrawn')
        .map((e) => e.id)
        .sort(),
    ).toEqual([entries[1]!.id, entries[4]!.id].sort());
    // No one still waiting joined before someone who was offered a place.
    const lastOffered = Math.max(...offered.map((e) => after.indexOf(e)));
    const firstWaiting = after.findIndex((e) => e.status === 'waiting');
    expect(firstWaiting).toBeGreaterThan(lastOffered);
    const offerEvents = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_event
           where action = 'waitlist.offered' and payload->>'sessionId' = ${sessionId}`,
    );
    expect(offerEvents[0]!.n).toBe(6);
  });
});

describe('a session coming near', () => {
  it('makes no offer within the centre’s notice, and closes the entries still waiting', async () => {
    const sessionId = await sessionAt('2026-11-27', '09:00');
    const booked = await fill(sessionId);
    const w = await lawyer();
    await joinAs(w, sessionId);

    // Friday 08:30 in Shanghai: the 09:00 session is inside the two hours' notice.
    t.clock.set(new Date('2026-11-27T00:30:00Z'));
    await cancel(booked[0]!.lawyer, booked[0]!.bookingId);
    expect(await entryIn(w, sessionId)).toMatchObject({ status: 'waiting', offer: null });
    expect(await taken(sessionId)).toBe(1);

    expect(await t.custos.services.waitlistCloser.closeDue()).toBe(1);
    const closed = await entryIn(w, sessionId);
    expect(closed.status).toBe('closed');
    const [event] = await auditOf('waitlist.closed', closed.id);
    expect(event).toMatchObject({
      actor_username: 'system:waitlist',
      payload: { reason: 'session_starting' },
    });
  });
});
