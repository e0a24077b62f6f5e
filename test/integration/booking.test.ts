// Booking rules end to end on a real database: capacity, overlaps, holds, idempotency, cancellation, and a
// race of many lawyers for few places (truly concurrent on PostgreSQL).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/identity/actor.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookAs, completeAs, completeHold, documentIdsAs } from './booking-fixtures.js';

let t: TestApp;
let staff: Session;
let lawyer: Session;
let centreId: string;
const ctx = { ip: null, userAgent: null, correlationId: null };

async function addTemplate(body: Record<string, unknown>) {
  const res = await t.request({
    method: 'POST',
    url: `/api/centres/${centreId}/session-templates`,
    session: staff,
    body,
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function addDetainee(serial: number, name: string, restrictedCase = false) {
  const res = await t.request({
    method: 'POST',
    url: `/api/centres/${centreId}/detainees`,
    session: staff,
    body: { name, idNo: idNo(serial), restrictedCase },
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function availability() {
  const res = await t.request({
    method: 'GET',
    url: `/api/centres/${centreId}/availability`,
    session: lawyer,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    days: {
      date: string;
      remaining: number;
      sessions: { id: string; startsAt: string; remaining: number; onlinePlaces: number }[];
    }[];
  }>();
}

/** Another lawyer account, straight through the service (the race needs many). */
async function newLawyer(n: number): Promise<Actor> {
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  const user = await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username: `lawyer.${n}`,
        displayName: `律师${n}`,
        unit: firm,
        roles: ['lawyer'],
        password: 'a long password here',
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: ['lawyer'],
    unit: { id: firm.id, kind: 'law_firm', path: firm.path },
    regionPath: firm.path,
    sessionId: 'test',
  };
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  lawyer = await t.signIn('demo-lawyer');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: lawyer })).json().items[0].id;
  // Thursday 26 November 2026, 10:00 in Shanghai. Two places each morning on weekdays; one afternoon
  // session overlapping it for the lawyer-overlap rule; a walk-in quota that is never sold online.
  for (const weekday of [1, 2, 3, 4, 5]) {
    await addTemplate({
      weekday,
      startTime: '09:00',
      endTime: '11:00',
      channel: 'in_person',
      onlinePlaces: 2,
      walkInPlaces: 5,
      durations: [45, 60, 90],
    });
    await addTemplate({
      weekday,
      startTime: '10:00',
      endTime: '12:00',
      channel: 'in_person',
      onlinePlaces: 40,
      walkInPlaces: 0,
      durations: [60],
    });
  }
  for (let i = 1; i <= 60; i++) await addDetainee(i, `在押人员${i}`, i === 60);
});
afterAll(async () => {
  await t?.close();
});

describe('availability', () => {
  it('offers today and the next five working days, each with its sessions and places left', async () => {
    const { days } = await availability();
    expect(days.map((d) => d.date)).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    // Today's sessions have started or lie inside the two hours' notice.
    expect(days[0]!.sessions).toEqual([]);
    expect(days[1]!.sessions.map((s) => s.remaining)).toEqual([2, 40]);
    expect(days[1]!.remaining).toBe(42);
  });

  it('skips a date the centre closes, and weekends', async () => {
    const closed = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/closed-dates`,
      session: staff,
      body: { date: '2026-12-01', reason: '设备检修' },
    });
    expect(closed.statusCode).toBe(204);
    const dates = (await availability()).days.map((d) => d.date);
    expect(dates).not.toContain('2026-12-01');
    expect(dates).not.toContain('2026-11-28');
    expect(dates).toHaveLength(6);
  });

  it('lets only the centre’s own staff configure it', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/session-templates`,
      session: lawyer,
      body: {
        weekday: 1,
        startTime: '14:00',
        endTime: '15:00',
        channel: 'in_person',
        onlinePlaces: 1,
        walkInPlaces: 0,
        durations: [60],
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a template whose meeting lengths do not fit, with the field named', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/session-templates`,
      session: staff,
      body: {
        weekday: 1,
        startTime: '14:00',
        endTime: '15:00',
        channel: 'in_person',
        onlinePlaces: 1,
        walkInPlaces: 0,
        durations: [90],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('durations');
  });
});

describe('the booking journey', () => {
  let morning: { id: string };
  let overlapping: { id: string };
  beforeAll(async () => {
    const friday = (await availability()).days.find((d) => d.date === '2026-11-27')!;
    morning = friday.sessions[0]!;
    overlapping = friday.sessions[1]!;
  });

  it('holds a place, shows it taken, and completes it with the client', async () => {
    const hold = await t.request({
      method: 'POST',
      url: '/api/bookings/holds',
      session: lawyer,
      body: { sessionId: morning.id, durationMinutes: 90 },
    });
    expect(hold.statusCode, hold.body).toBe(201);
    expect(hold.json()).toMatchObject({ status: 'held', durationMinutes: 90 });
    expect(Date.parse(hold.json().holdExpiresAt) - t.clock.now().getTime()).toBe(10 * 60_000);
    const friday = (await availability()).days.find((d) => d.date === '2026-11-27')!;
    expect(friday.sessions[0]!.remaining).toBe(1);

    const done = await completeHold(t, lawyer, hold.json().id, {
      client: { name: '在押人员1', idNo: idNo(1) },
    });
    expect(done).toMatchObject({
      status: 'confirmed',
      detaineeName: '在押人员1',
      holdExpiresAt: null,
    });
  });

  it('refuses the lawyer a second meeting that overlaps the first', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/bookings/holds',
      session: lawyer,
      body: { sessionId: overlapping.id, durationMinutes: 60 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('booking.lawyer_busy');
  });

  it('never sells more than the online places: the walk-in quota stays', async () => {
    const other = await newLawyer(900);
    const third = await newLawyer(901);
    await t.custos.services.bookings.hold(other, { sessionId: morning.id, durationMinutes: 45 }, ctx);
    await expect(
      t.custos.services.bookings.hold(third, { sessionId: morning.id, durationMinutes: 45 }, ctx),
    ).rejects.toMatchObject({
      code: 'booking.session_full',
    });
  });

  it('frees a lapsed hold by itself, and says so when the lawyer comes back too late', async () => {
    const late = await newLawyer(902);
    const { days } = await availability();
    const monday = days.find((d) => d.date === '2026-11-30')!.sessions[0]!;
    const held = await t.custos.services.bookings.hold(
      late,
      { sessionId: monday.id, durationMinutes: 45 },
      ctx,
    );
    t.clock.advance(11 * 60_000);
    await expect(
      completeAs(t, late, held.id, { client: { name: '在押人员2', idNo: idNo(2) } }),
    ).rejects.toMatchObject({ code: 'booking.hold_expired' });
    const after = (await availability()).days.find((d) => d.date === '2026-11-30')!.sessions[0]!;
    expect(after.remaining).toBe(2);
  });

  it('matches the client by name and ID number together, and says nothing about which was wrong', async () => {
    const b = await newLawyer(903);
    const monday = (await availability()).days.find((d) => d.date === '2026-11-30')!.sessions[1]!;
    const held = await t.custos.services.bookings.hold(b, { sessionId: monday.id, durationMinutes: 60 }, ctx);
    // The lawyer's documents for the real client, so it is the roster match that refuses.
    const documentIds = await documentIdsAs(t, b, centreId, { name: '在押人员3', idNo: idNo(3) });
    const wrongName = t.custos.services.bookings.complete(
      b,
      held.id,
      { client: { name: '别人', idNo: idNo(3) }, documentIds },
      ctx,
    );
    const unknownId = t.custos.services.bookings.complete(
      b,
      held.id,
      { client: { name: '在押人员3', idNo: idNo(999) }, documentIds },
      ctx,
    );
    for (const attempt of [wrongName, unknownId]) {
      await expect(attempt).rejects.toMatchObject({ code: 'booking.client_not_found' });
    }
    const ok = await t.custos.services.bookings.complete(
      b,
      held.id,
      { client: { name: ' 在押人员 3 ', idNo: idNo(3).toLowerCase() }, documentIds },
      ctx,
    );
    expect(ok.status).toBe('confirmed');
  });

  it('keeps a detainee out of two overlapping meetings', async () => {
    const a = await newLawyer(904);
    const monday = (await availability()).days.find((d) => d.date === '2026-11-30')!;
    await bookAs(t, a, {
      sessionId: monday.sessions[0]!.id,
      durationMinutes: 90,
      idempotencyKey: 'overlap-one',
      client: { name: '在押人员4', idNo: idNo(4) },
    });
    const b = await newLawyer(905);
    await expect(
      bookAs(t, b, {
        sessionId: monday.sessions[1]!.id,
        durationMinutes: 60,
        idempotencyKey: 'overlap-two',
        client: { name: '在押人员4', idNo: idNo(4) },
      }),
    ).rejects.toMatchObject({ code: 'booking.detainee_busy' });
  });

  it('waits for a permission when the client is in a restricted case', async () => {
    const a = await newLawyer(906);
    const tuesday = (await availability()).days.find((d) => d.date === '2026-12-02')!;
    const b = await bookAs(t, a, {
      sessionId: tuesday.sessions[1]!.id,
      durationMinutes: 60,
      idempotencyKey: 'restricted-1',
      client: { name: '在押人员60', idNo: idNo(60) },
    });
    expect(b.status).toBe('awaiting_permission');
  });

  it('returns the same booking for a repeated submission with the same idempotency key', async () => {
    const a = await newLawyer(907);
    const wednesday = (await availability()).days.find((d) => d.date === '2026-12-02')!.sessions[1]!;
    const client = { name: '在押人员5', idNo: idNo(5) };
    const body = {
      sessionId: wednesday.id,
      durationMinutes: 60,
      idempotencyKey: 'same-key-123',
      client,
      documentIds: await documentIdsAs(t, a, centreId, client),
    };
    const [x, y] = await Promise.all([
      t.custos.services.bookings.book(a, body, ctx),
      t.custos.services.bookings.book(a, body, ctx),
    ]);
    expect(x.id).toBe(y.id);
    const again = await t.custos.services.bookings.book(a, body, ctx);
    expect(again.id).toBe(x.id);
    const sessions = await t.custos.repositories.booking.sessionsBetween(
      t.custos.database.db,
      centreId,
      '2026-12-02',
      '2026-12-02',
    );
    expect(sessions.find((s) => s.id === wednesday.id)!.taken).toBe(2);
  });

  it('frees the place on a timely cancellation and counts a late one', async () => {
    const a = await newLawyer(908);
    const thursday = (await availability()).days.find((d) => d.date === '2026-12-03')!.sessions[1]!;
    const early = await bookAs(t, a, {
      sessionId: thursday.id,
      durationMinutes: 60,
      idempotencyKey: 'cancel-early',
      client: { name: '在押人员6', idNo: idNo(6) },
    });
    expect((await t.custos.services.bookings.cancel(a, early.id, '当事人已取保', ctx)).status).toBe(
      'cancelled',
    );

    const friday = (await availability()).days.find((d) => d.date === '2026-11-27')!.sessions[1]!;
    const soon = await bookAs(t, a, {
      sessionId: friday.id,
      durationMinutes: 60,
      idempotencyKey: 'cancel-late',
      client: { name: '在押人员7', idNo: idNo(7) },
    });
    expect((await t.custos.services.bookings.cancel(a, soon.id, undefined, ctx)).status).toBe(
      'cancelled_late',
    );
    const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 10,
      actionPrefix: 'booking.cancelled',
    });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['booking.cancelled', 'booking.cancelled_late']),
    );
  });
});

describe('a full session', () => {
  it('takes a booking when a hold in it has lapsed, and refuses one when none has', async () => {
    const [a, b, c, d] = await Promise.all([newLawyer(950), newLawyer(951), newLawyer(952), newLawyer(953)]);
    const thursday = (await availability()).days.find((x) => x.date === '2026-12-03')!.sessions[0]!;
    await t.custos.services.bookings.hold(a, { sessionId: thursday.id, durationMinutes: 45 }, ctx);
    await t.custos.services.bookings.hold(b, { sessionId: thursday.id, durationMinutes: 45 }, ctx);
    t.clock.advance(11 * 60_000);
    const booked = await bookAs(t, c, {
      sessionId: thursday.id,
      durationMinutes: 45,
      idempotencyKey: 'reclaim-1',
      client: { name: '在押人员50', idNo: idNo(50) },
    });
    expect(booked.status).toBe('confirmed');
    await t.custos.services.bookings.hold(d, { sessionId: thursday.id, durationMinutes: 45 }, ctx);
    const e = await newLawyer(954);
    await expect(
      t.custos.services.bookings.hold(e, { sessionId: thursday.id, durationMinutes: 45 }, ctx),
    ).rejects.toMatchObject({
      code: 'booking.session_full',
    });
  });
});

describe('a race for the last places', () => {
  it('sells exactly the online places to many lawyers booking at once, and no more', async () => {
    const lawyers = await Promise.all(Array.from({ length: 30 }, (_, i) => newLawyer(i)));
    const monday = (await availability()).days.find((d) => d.date === '2026-11-30')!.sessions[0]!;
    const before = (await t.custos.repositories.booking.session(t.custos.database.db, monday.id))!;
    const free = before.onlinePlaces - before.taken;
    const clients = lawyers.map((_, i) => ({ name: `在押人员${10 + i}`, idNo: idNo(10 + i) }));
    // Documents are filed before the race, so that the race is only for places.
    const documents = await Promise.all(lawyers.map((a, i) => documentIdsAs(t, a, centreId, clients[i]!)));
    const results = await Promise.allSettled(
      lawyers.map((a, i) =>
        t.custos.services.bookings.book(
          a,
          {
            sessionId: monday.id,
            durationMinutes: 45,
            idempotencyKey: crypto.randomUUID(),
            client: clients[i]!,
            documentIds: documents[i]!,
          },
          ctx,
        ),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(free);
    for (const r of lost) expect((r.reason as { code?: string }).code).toBe('booking.session_full');
    const after = (await t.custos.repositories.booking.session(t.custos.database.db, monday.id))!;
    expect(after.taken).toBe(after.onlinePlaces);
  });
});
