// Strikes and suspensions: late cancellations and no-shows count per centre; reaching the centre's threshold
// suspends online booking there (and nowhere else) until a date the lawyer is told; the lawyer may appeal and
// the centre's staff may lift it. Concurrent late cancellations cannot slip past the threshold (truly
// concurrent on PostgreSQL).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/modules/audit/log-verifier.js';
import type { Actor } from '../../src/modules/identity/actor.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { bookAs } from './booking-fixtures.js';
import { ctx, idNo, provisionedLawyer, signInWith } from './lawyers-fixtures.js';

let t: TestApp;
let staffSession: Session;
let staff1: Actor;
let staff2: Actor;
let centre1: string;
let centre2: string;
/** Bookable sessions per centre, one per day, in date order. */
const sessions = new Map<string, string[]>();

const db = () => t.custos.database.db;
const MINUTE = 60_000;

async function actorOf(session: Session): Promise<Actor> {
  return (await t.custos.services.auth.resolve(session.cookie.split('=')[1]))!.actor;
}

async function configure(staff: Actor, unitId: string) {
  await t.custos.services.centres.updateSettings(
    staff,
    unitId,
    {
      bookingWindowWorkingDays: 5,
      minNoticeHours: 2,
      // Every cancellation in these tests comes within a week of the meeting: late.
      cancellationDeadlineHours: 168,
      strikeThreshold: 3,
      strikeWindowDays: 90,
      suspensionDays: 30,
      holdMinutes: 10,
      maxBookingsPerDetaineePerWeek: null,
    },
    ctx,
  );
  for (const weekday of [1, 2, 3, 4, 5]) {
    await t.custos.services.centres.addTemplate(
      staff,
      unitId,
      {
        weekday,
        startTime: '09:00',
        endTime: '11:00',
        channel: 'in_person',
        onlinePlaces: 50,
        walkInPlaces: 2,
        durations: [60],
        roomId: null,
      },
      ctx,
    );
  }
  for (let i = 1; i <= 40; i++) {
    await t.custos.services.roster.addDetainee(
      staff,
      unitId,
      { name: `在押人员${i}`, idNo: idNo(i), restrictedCase: false },
      ctx,
    );
  }
  const { days } = await t.custos.services.availability.forCentre(unitId);
  sessions.set(
    unitId,
    days.flatMap((d) => d.sessions.map((s) => s.id)),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  staffSession = await t.signIn('demo-centre');
  staff1 = await actorOf(staffSession);
  centre1 = staff1.unit.id;
  // A second centre in the same district, with its own staff.
  const identity = t.custos.repositories.identity;
  const district = (await identity.unitByCode(db(), '130102'))!;
  const second = await identity.insertUnit(db(), {
    parentId: district.id,
    kind: 'detention_centre',
    code: '130102-KSS2',
    name: '长安区第二看守所',
    nameEn: "Chang'an Second Detention Centre",
  });
  centre2 = second.id;
  const user = await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username: 'centre2.staff',
        displayName: '二所民警',
        unit: second,
        roles: ['centre_staff'],
        password: 'a long password here',
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  staff2 = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: ['centre_staff'],
    unit: { id: second.id, kind: 'detention_centre', path: second.path },
    regionPath: district.path,
    sessionId: 'test',
  };
  await configure(staff1, centre1);
  await configure(staff2, centre2);
});
afterAll(async () => {
  await t?.close();
});

let detainee = 0;
/** Books a meeting for the lawyer at the centre on the given day (index into its sessions). */
async function book(lawyer: Actor, unitId: string, day: number) {
  const n = (detainee++ % 40) + 1;
  return bookAs(t, lawyer, {
    sessionId: sessions.get(unitId)![day]!,
    durationMinutes: 60,
    idempotencyKey: crypto.randomUUID(),
    client: { name: `在押人员${n}`, idNo: idNo(n) },
  });
}

async function strike(lawyer: Actor, unitId: string, day = 0) {
  const b = await book(lawyer, unitId, day);
  t.clock.advance(MINUTE);
  const cancelled = await t.custos.services.bookings.cancel(lawyer, b.id, undefined, ctx);
  expect(cancelled.status).toBe('cancelled_late');
  t.clock.advance(MINUTE);
}

const holdAt = (session: Session, unitId: string, day = 1) =>
  t.request({
    method: 'POST',
    url: '/api/bookings/holds',
    session,
    body: { sessionId: sessions.get(unitId)![day], durationMinutes: 60, idempotencyKey: crypto.randomUUID() },
  });

async function suspensionsOf(lawyer: Actor) {
  return queryRows<{ id: string; unit_id: string; strike_count: number; lifted_at: Date | null }>(
    db(),
    sql`select id, unit_id, strike_count, lifted_at from lawyer_suspension
         where lawyer_user_id = ${lawyer.userId} order by starts_at`,
  );
}

describe('strikes and suspension', () => {
  let lawyer: Actor;
  let session: Session;
  let suspensionId: string;

  it('suspends online booking at the centre on the third late cancellation, and there only', async () => {
    lawyer = await provisionedLawyer(t, 'lawyer.late');
    session = await signInWith(t, 'lawyer.late', 'a long password here');
    await strike(lawyer, centre1);
    await strike(lawyer, centre1);
    // A strike elsewhere counts at that centre, not here.
    await strike(lawyer, centre2);
    expect(await suspensionsOf(lawyer)).toEqual([]);
    const stillOpen = await holdAt(session, centre1);
    expect(stillOpen.statusCode, stillOpen.body).toBe(201);
    await t.custos.services.bookings.cancel(lawyer, stillOpen.json().id, undefined, ctx);

    const b = await book(lawyer, centre1, 0);
    t.clock.advance(MINUTE);
    const struckAt = t.clock.now();
    await t.custos.services.bookings.cancel(lawyer, b.id, '临时出差', ctx);
    const [suspension] = await suspensionsOf(lawyer);
    expect(suspension).toMatchObject({ unit_id: centre1, strike_count: 3, lifted_at: null });
    suspensionId = suspension!.id;

    const refused = await holdAt(session, centre1);
    expect(refused.statusCode).toBe(403);
    const until = new Date(struckAt.getTime() + 30 * 86_400_000).toISOString();
    expect(refused.json()).toMatchObject({
      code: 'lawyer.suspended',
      data: { unitId: centre1, until, strikes: 3, windowDays: 90, suspensionId },
    });
    expect(refused.json().message['zh-CN']).toContain('网上预约已暂停至');
    expect(refused.json().message.en).toContain(until);

    // The other centre still takes the lawyer's bookings.
    const elsewhere = await holdAt(session, centre2);
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    await t.custos.services.bookings.cancel(lawyer, elsewhere.json().id, undefined, ctx);

    const [event] = await t.custos.repositories.audit.listEvents(db(), {
      limit: 5,
      actionPrefix: 'lawyer.suspended',
    });
    expect(event).toMatchObject({
      actorUsername: 'system:strikes',
      subjectId: suspensionId,
      unitId: centre1,
      payload: { lawyerUserId: lawyer.userId, strikes: 3, threshold: 3, windowDays: 90, until },
    });

    const me = await t.request({ method: 'GET', url: '/api/lawyers/me', session });
    expect(me.json().suspensions).toEqual([
      expect.objectContaining({ id: suspensionId, endsAt: until, strikeCount: 3, liftedAt: null }),
    ]);
  });

  it('takes the lawyer’s appeal, once', async () => {
    const appeal = (text: string) =>
      t.request({
        method: 'POST',
        url: `/api/lawyer-suspensions/${suspensionId}/appeal`,
        session,
        body: { appeal: text },
      });
    const res = await appeal('当事人临时转所，非本人原因');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ appeal: '当事人临时转所，非本人原因' });
    expect((await appeal('再次申诉')).json().code).toBe('lawyer.already_appealed');
  });

  it('shows the centre’s staff their suspensions with the appeal; only they may lift one', async () => {
    const list = await t.request({
      method: 'GET',
      url: `/api/centres/${centre1}/lawyer-suspensions`,
      session: staffSession,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: suspensionId,
        appeal: '当事人临时转所，非本人原因',
        lawyer: expect.objectContaining({ username: 'lawyer.late' }),
      }),
    ]);
    await expect(t.custos.services.standing.suspensionsAt(staff2, centre1)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(t.custos.services.standing.lift(staff2, suspensionId, '误判', ctx)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(t.custos.services.standing.lift(lawyer, suspensionId, '误判', ctx)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('restores online booking when staff lift the suspension, with the reason recorded', async () => {
    const lifted = await t.request({
      method: 'POST',
      url: `/api/lawyer-suspensions/${suspensionId}/lift`,
      session: staffSession,
      body: { reason: '申诉属实，当事人转所' },
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ liftReason: '申诉属实，当事人转所' });
    expect(lifted.json().liftedAt).not.toBeNull();
    const again = await t.request({
      method: 'POST',
      url: `/api/lawyer-suspensions/${suspensionId}/lift`,
      session: staffSession,
      body: { reason: '再次' },
    });
    expect(again.json().code).toBe('lawyer.suspension_not_active');
    const open = await holdAt(session, centre1, 2);
    expect(open.statusCode, open.body).toBe(201);
    await t.custos.services.bookings.cancel(lawyer, open.json().id, undefined, ctx);
    const events = await t.custos.repositories.audit.listEvents(db(), {
      limit: 5,
      actionPrefix: 'lawyer.suspension_lifted',
    });
    expect(events[0]).toMatchObject({ subjectId: suspensionId, payload: { reason: '申诉属实，当事人转所' } });
  });

  it('spends the strikes a suspension counted: the next one needs a full count of new strikes', async () => {
    await strike(lawyer, centre1);
    await strike(lawyer, centre1);
    expect((await holdAt(session, centre1)).statusCode).toBe(201);
    expect(await suspensionsOf(lawyer)).toHaveLength(1);
  });

  it('counts a no-show as a strike', async () => {
    const other = await provisionedLawyer(t, 'lawyer.absent');
    for (let i = 0; i < 2; i++) await strike(other, centre2);
    const b = await book(other, centre2, 3);
    // As the day sheet does when the lawyer never came.
    await t.custos.tx.run((tx) =>
      t.custos.repositories.booking.updateBooking(tx, b.id, { status: 'no_show' }),
    );
    expect(await suspensionsOf(other)).toEqual([
      expect.objectContaining({ unit_id: centre2, strike_count: 3 }),
    ]);
    await expect(
      t.custos.services.bookings.hold(
        other,
        { sessionId: sessions.get(centre2)![1]!, durationMinutes: 60 },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'lawyer.suspended' });
  });
});

describe('the audit log', () => {
  it('takes the suspensions the database recorded into the verifiable log like any event', async () => {
    await t.custos.services.integrator.integrateAll();
    const report = await verifyAuditLog(db(), t.custos.repositories.audit, t.custos.signer.verifierKey);
    expect(report.ok).toBe(true);
    expect(report.pendingEvents).toBe(0);
  });
});

describe('concurrent late cancellations', () => {
  it('cannot slip past the threshold', async () => {
    const lawyer = await provisionedLawyer(t, 'lawyer.racer');
    // Four meetings on four days: four sessions, so nothing but the standing lock orders the cancellations.
    const bookings = [];
    for (const day of [0, 1, 2, 3]) bookings.push(await book(lawyer, centre1, day));
    t.clock.advance(MINUTE);
    const results = await Promise.allSettled(
      bookings.map((b) => t.custos.services.bookings.cancel(lawyer, b.id, undefined, ctx)),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const strikes = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from lawyer_strike where lawyer_user_id = ${lawyer.userId}`,
    );
    expect(strikes[0]!.n).toBe(4);
    const suspensions = await suspensionsOf(lawyer);
    expect(suspensions).toHaveLength(1);
    expect(suspensions[0]).toMatchObject({ unit_id: centre1, strike_count: 3 });
    await expect(
      t.custos.services.bookings.hold(
        lawyer,
        { sessionId: sessions.get(centre1)![4]!, durationMinutes: 60 },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'lawyer.suspended' });
  });
});
