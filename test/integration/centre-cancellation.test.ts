// The centre cancels meetings (issue 3): staff of the booking's own centre only, with a reason the lawyer
// reads, audited and told through BookingEvents, never a strike; and marking a detainee released or
// transferred cancels their meetings still to come, and no others, in the same transaction.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookAs, bookMeeting, documentIdsAs } from './booking-fixtures.js';
import {
  addWorkingDaySessions,
  bookingStatus,
  daySheet,
  demoCentreId,
  enrol,
  expectStatus,
  newLawyer,
  recordBookingChanges,
  secondCentre,
  sessionAt,
  sessionsOn,
  strikesOf,
  userIdOf,
  type Detainee,
  type ToldChange,
} from './centre-ops-fixtures.js';

let t: TestApp;
let staff: Session;
let otherStaff: Session;
let lawyer: Session;
let lawyerB: Session;
let lawyerC: Session;
let centreId: string;
let otherCentreId: string;
const people: Record<string, Detainee> = {};
/** What BookingEvents told, in order. */
let told: ToldChange[];

// Thursday 26 November 2026, 10:00 in Shanghai (the test clock's start).
const FRIDAY = '2026-11-27';
const MONDAY = '2026-11-30';
const TUESDAY = '2026-12-01';
const WEDNESDAY = '2026-12-02';

const cancelUrl = (unitId: string, bookingId: string) =>
  `/api/centres/${unitId}/bookings/${bookingId}/cancel`;

const sessionOn = (date: string, which: 'morning' | 'afternoon', unitId = centreId) =>
  sessionAt(t, unitId, lawyer, date, which);

async function book(
  who: Session,
  date: string,
  which: 'morning' | 'afternoon',
  client: Detainee,
  unitId?: string,
) {
  return bookMeeting(t, who, {
    sessionId: await sessionOn(date, which, unitId),
    durationMinutes: 60,
    client: { name: client.name, idNo: client.idNo },
  });
}

/** Moves the clock on; sessions lapse over such a jump, so everyone signs in again. */
async function travelTo(iso: string) {
  t.clock.set(new Date(iso));
  staff = await t.signIn('demo-centre');
  otherStaff = await t.signIn('centre2.ops');
  lawyer = await t.signIn('demo-lawyer');
  lawyerB = await t.signIn('lawyer.qian');
  lawyerC = await t.signIn('lawyer.sun');
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  lawyer = await t.signIn('demo-lawyer');
  lawyerB = await newLawyer(t, 'lawyer.qian', '钱律师');
  lawyerC = await newLawyer(t, 'lawyer.sun', '孙律师');
  centreId = await demoCentreId(t, lawyer);
  ({ unitId: otherCentreId, staff: otherStaff } = await secondCentre(t));
  await addWorkingDaySessions(t, centreId, staff);
  await addWorkingDaySessions(t, otherCentreId, otherStaff);
  for (const [serial, name] of [
    [1, '张三'],
    [2, '李四'],
    [3, '王五'],
    [4, '赵六'],
    [5, '孙七'],
  ] as const) {
    people[name] = await enrol(t, centreId, staff, serial, name);
  }
  people['二所甲'] = await enrol(t, otherCentreId, otherStaff, 50, '二所甲');
  told = recordBookingChanges(t);
});
afterAll(async () => {
  await t?.close();
});

describe('the centre cancels a meeting', () => {
  let booking: { id: string };

  it('cancels a booking of its own centre with a reason, freeing the place', async () => {
    booking = await book(lawyer, FRIDAY, 'morning', people['张三']!);
    const before = (await sessionsOn(t, centreId, lawyer, FRIDAY))[0]!;
    const res = await expectStatus(t, 200, 'POST', cancelUrl(centreId, booking.id), staff, {
      reasonCode: 'emergency',
      reason: '  监区临时封闭  ',
    });
    expect(res.json()).toEqual({ id: booking.id, status: 'cancelled_by_centre' });

    const [row] = await queryRows<{ cancelled_by: string; cancel_reason: string; cancelled_at: Date }>(
      t.custos.database.db,
      sql`select cancelled_by, cancel_reason, cancelled_at from booking where id = ${booking.id}`,
    );
    expect(row).toMatchObject({
      cancelled_by: await userIdOf(t, 'demo-centre'),
      cancel_reason: 'emergency: 监区临时封闭',
    });
    expect(new Date(row!.cancelled_at).toISOString()).toBe(t.clock.now().toISOString());
    const after = (await sessionsOn(t, centreId, lawyer, FRIDAY))[0]!;
    expect(after.remaining).toBe(before.remaining + 1);
  });

  it('records the act in the audit log and tells BookingEvents', async () => {
    const [event] = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 1,
      actionPrefix: 'booking.cancelled_by_centre',
    });
    expect(event).toMatchObject({
      actorUsername: 'demo-centre',
      subjectType: 'booking',
      subjectId: booking.id,
      unitId: centreId,
      payload: {
        from: 'confirmed',
        reasonCode: 'emergency',
        reason: '监区临时封闭',
        detaineeId: people['张三']!.id,
        via: 'staff',
      },
    });
    expect(told.filter((c) => c.bookingId === booking.id).at(-1)).toEqual({
      kind: 'cancelled_by_centre',
      reason: '看守所突发情况：监区临时封闭',
      bookingId: booking.id,
    });
  });

  it('shows staff who cancelled and why on the day sheet, with nothing left to do', async () => {
    const row = (await daySheet(t, centreId, staff, FRIDAY)).find((r) => r.bookingId === booking.id)!;
    expect(row).toMatchObject({
      status: 'cancelled_by_centre',
      cancellation: {
        by: 'centre',
        byName: '看守所 李警官',
        reasonCode: 'emergency',
        reason: '监区临时封闭',
      },
      actions: [],
    });
  });

  it('lets the lawyer read why', async () => {
    const mine = await expectStatus(t, 200, 'GET', '/api/bookings/mine', lawyer);
    expect(mine.json().items.find((b: { id: string }) => b.id === booking.id).status).toBe(
      'cancelled_by_centre',
    );
    const why = await expectStatus(t, 200, 'GET', '/api/bookings/mine/centre-cancellations', lawyer);
    expect(why.json().items).toEqual([
      {
        bookingId: booking.id,
        cancelledAt: t.clock.now().toISOString(),
        reasonCode: 'emergency',
        reason: '监区临时封闭',
      },
    ]);
    // Nobody else's meetings, and nothing for staff.
    expect(
      (await expectStatus(t, 200, 'GET', '/api/bookings/mine/centre-cancellations', lawyerB)).json().items,
    ).toEqual([]);
    await expectStatus(t, 403, 'GET', '/api/bookings/mine/centre-cancellations', staff);
  });

  it('is never a strike, even inside the lawyer’s cancellation deadline', async () => {
    // Friday is within the centre's 24 hours: had the lawyer cancelled, it would have counted.
    expect(await strikesOf(t, booking.id)).toEqual([]);
  });

  it('needs words for an emergency or another reason, and takes a release without', async () => {
    const target = await book(lawyerB, MONDAY, 'morning', people['王五']!);
    for (const body of [
      { reasonCode: 'other' },
      { reasonCode: 'emergency', reason: '   ' },
      { reasonCode: 'escaped', reason: '不存在的原因' },
      { reason: '没有原因代码' },
    ]) {
      const res = await expectStatus(t, 400, 'POST', cancelUrl(centreId, target.id), staff, body);
      expect(res.json().code).toBe('http.validation');
    }
    const missing = await expectStatus(t, 400, 'POST', cancelUrl(centreId, target.id), staff, {
      reasonCode: 'other',
    });
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        path: 'reason',
        message: {
          'zh-CN': '请简要说明情况：突发情况或其他原因须写明理由',
          en: 'say briefly what happened: an emergency or another reason needs words',
        },
      }),
    ]);
    expect(await bookingStatus(t, target.id)).toBe('confirmed');
    const released = await expectStatus(t, 200, 'POST', cancelUrl(centreId, target.id), staff, {
      reasonCode: 'released',
    });
    expect(released.json().status).toBe('cancelled_by_centre');
    const why = (
      await expectStatus(t, 200, 'GET', '/api/bookings/mine/centre-cancellations', lawyerB)
    ).json();
    expect(why.items).toEqual([
      expect.objectContaining({ bookingId: target.id, reasonCode: 'released', reason: null }),
    ]);
  });

  it('refuses lawyers, other centres’ staff, and another centre’s booking', async () => {
    const mine = await book(lawyerC, FRIDAY, 'afternoon', people['王五']!);
    const theirs = await book(lawyer, MONDAY, 'morning', people['二所甲']!, otherCentreId);
    const body = { reasonCode: 'emergency', reason: '停电' };

    const byLawyer = await expectStatus(t, 403, 'POST', cancelUrl(centreId, mine.id), lawyerC, body);
    expect(byLawyer.json().code).toBe('auth.forbidden');
    const byOtherStaff = await expectStatus(t, 403, 'POST', cancelUrl(centreId, mine.id), otherStaff, body);
    expect(byOtherStaff.json().code).toBe('auth.forbidden');
    // Their own centre in the URL, our booking: as unknown to them as a booking that does not exist.
    const crossed = await expectStatus(t, 404, 'POST', cancelUrl(otherCentreId, mine.id), otherStaff, body);
    expect(crossed.json().code).toBe('booking.not_found');
    const crossedBack = await expectStatus(t, 404, 'POST', cancelUrl(centreId, theirs.id), staff, body);
    expect(crossedBack.json().code).toBe('booking.not_found');
    await expectStatus(t, 404, 'POST', cancelUrl(centreId, crypto.randomUUID()), staff, body);

    expect(await bookingStatus(t, mine.id)).toBe('confirmed');
    expect(await bookingStatus(t, theirs.id)).toBe('confirmed');
    // The other centre's staff cancel their own.
    await expectStatus(t, 200, 'POST', cancelUrl(otherCentreId, theirs.id), otherStaff, body);
  });

  it('refuses a booking that is no longer live', async () => {
    const again = await expectStatus(t, 409, 'POST', cancelUrl(centreId, booking.id), staff, {
      reasonCode: 'released',
    });
    expect(again.json().code).toBe('booking.wrong_state');
  });
});

describe('a release or transfer', () => {
  const ids: Record<string, string> = {};

  it('warns how many meetings it would cancel', async () => {
    const li = people['李四']!;
    // Friday morning will have started when the release comes; Monday and Tuesday will not.
    ids.friday = (await book(lawyerC, FRIDAY, 'morning', li)).id;
    ids.monday = (await book(lawyer, MONDAY, 'afternoon', li)).id;
    ids.tuesday = (await book(lawyerB, TUESDAY, 'morning', li)).id;
    // Someone else's meeting, at the same time as one of his.
    ids.other = (await book(lawyerC, MONDAY, 'morning', people['赵六']!)).id;
    ids.sun = (await book(lawyerB, WEDNESDAY, 'morning', people['孙七']!)).id;

    const url = `/api/centres/${centreId}/detainees/${li.id}/upcoming-bookings`;
    expect((await expectStatus(t, 200, 'GET', url, staff)).json()).toEqual({ count: 3 });
    await expectStatus(t, 403, 'GET', url, lawyer);
    await expectStatus(t, 403, 'GET', url, otherStaff);
    const elsewhere = `/api/centres/${otherCentreId}/detainees/${li.id}/upcoming-bookings`;
    expect((await expectStatus(t, 404, 'GET', elsewhere, otherStaff)).json().code).toBe('roster.not_found');
  });

  it('cancels the detainee’s meetings still to come, and only those, in one transaction', async () => {
    // Friday 09:30 in Shanghai: the Friday morning meeting is under way.
    await travelTo('2026-11-27T01:30:00Z');
    const li = people['李四']!;
    expect(
      (
        await expectStatus(
          t,
          200,
          'GET',
          `/api/centres/${centreId}/detainees/${li.id}/upcoming-bookings`,
          staff,
        )
      ).json(),
    ).toEqual({ count: 2 });

    const res = await expectStatus(
      t,
      200,
      'POST',
      `/api/centres/${centreId}/detainees/${li.id}/status`,
      staff,
      {
        status: 'released',
      },
    );
    expect(res.json()).toMatchObject({ id: li.id, status: 'released', cancelledBookings: 2 });
    expect(res.body).not.toContain(li.idNo);

    expect(await bookingStatus(t, ids.monday!)).toBe('cancelled_by_centre');
    expect(await bookingStatus(t, ids.tuesday!)).toBe('cancelled_by_centre');
    expect(await bookingStatus(t, ids.friday!)).toBe('confirmed');
    expect(await bookingStatus(t, ids.other!)).toBe('confirmed');
    expect(await bookingStatus(t, ids.sun!)).toBe('confirmed');

    const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 10,
      actionPrefix: 'booking.cancelled_by_centre',
    });
    const bySubject = new Map(events.map((e) => [e.subjectId, e]));
    for (const id of [ids.monday!, ids.tuesday!]) {
      expect(bySubject.get(id)).toMatchObject({
        actorUsername: 'demo-centre',
        payload: { reasonCode: 'released', reason: null, via: 'roster_status', detaineeId: li.id },
      });
    }
    const [changed] = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 1,
      actionPrefix: 'roster.status_changed',
    });
    expect(changed!.payload).toEqual({
      from: 'in_custody',
      to: 'released',
      cancelledBookingIds: expect.arrayContaining([ids.monday, ids.tuesday]),
    });
    expect((changed!.payload as { cancelledBookingIds: string[] }).cancelledBookingIds).toHaveLength(2);
    expect(
      told.filter(
        (c) =>
          c.kind === 'cancelled_by_centre' && (c.bookingId === ids.monday || c.bookingId === ids.tuesday),
      ),
    ).toEqual([
      { kind: 'cancelled_by_centre', reason: '在押人员已释放', bookingId: ids.monday },
      { kind: 'cancelled_by_centre', reason: '在押人员已释放', bookingId: ids.tuesday },
    ]);
    for (const id of [ids.monday!, ids.tuesday!]) expect(await strikesOf(t, id)).toEqual([]);

    // Each lawyer reads the reason.
    const forB = (
      await expectStatus(t, 200, 'GET', '/api/bookings/mine/centre-cancellations', lawyerB)
    ).json();
    expect(forB.items).toContainEqual(
      expect.objectContaining({ bookingId: ids.tuesday, reasonCode: 'released', reason: null }),
    );
  });

  it('cancels with the transfer as the reason, and cancels nothing on a return to custody', async () => {
    const sun = people['孙七']!;
    const url = `/api/centres/${centreId}/detainees/${sun.id}/status`;
    const res = await expectStatus(t, 200, 'POST', url, staff, { status: 'transferred' });
    expect(res.json()).toMatchObject({ status: 'transferred', cancelledBookings: 1 });
    const why = (
      await expectStatus(t, 200, 'GET', '/api/bookings/mine/centre-cancellations', lawyerB)
    ).json();
    expect(why.items).toContainEqual(
      expect.objectContaining({ bookingId: ids.sun, reasonCode: 'transferred', reason: null }),
    );
    const back = await expectStatus(t, 200, 'POST', url, staff, { status: 'in_custody' });
    expect(back.json()).toMatchObject({ status: 'in_custody', cancelledBookings: 0 });
    expect(await bookingStatus(t, ids.sun!)).toBe('cancelled_by_centre');
    // The same status again changes nothing.
    const same = await expectStatus(t, 200, 'POST', url, staff, { status: 'in_custody' });
    expect(same.json().cancelledBookings).toBe(0);
  });

  it('leaves nothing behind when a cancellation fails: the status change rolls back with it', async () => {
    const wang = people['王五']!;
    const coming = (await book(lawyerC, WEDNESDAY, 'afternoon', wang)).id;
    const failure = new Error('a listener failed');
    let fail = true;
    t.custos.services.bookingEvents.subscribe(async (_tx, _afterCommit, change) => {
      if (fail && change.booking.id === coming) throw failure;
    });
    const res = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/detainees/${wang.id}/status`,
      session: staff,
      body: { status: 'released' },
    });
    expect(res.statusCode).toBe(500);
    fail = false;
    expect(await bookingStatus(t, coming)).toBe('confirmed');
    const roster = (await expectStatus(t, 200, 'GET', `/api/centres/${centreId}/detainees`, staff)).json();
    expect(roster.items.find((d: { id: string }) => d.id === wang.id).status).toBe('in_custody');
  });
});

describe('a release racing bookings for the same person', () => {
  it('leaves no meeting behind: each booking either is refused or is seen and cancelled', async () => {
    const zhou = await enrol(t, centreId, staff, 6, '周八');
    const slots: [string, 'morning' | 'afternoon'][] = [
      [MONDAY, 'afternoon'],
      [TUESDAY, 'morning'],
      [TUESDAY, 'afternoon'],
      [WEDNESDAY, 'morning'],
    ];
    const client = { name: zhou.name, idNo: zhou.idNo };
    const racers = [];
    for (const [i, [date, which]] of slots.entries()) {
      const session = await newLawyer(t, `lawyer.race${i}`, `律师${i}`);
      const actor = (await t.custos.services.auth.resolve(session.cookie.split('=')[1]))!.actor;
      const sessionId = await sessionOn(date, which);
      // The documents are on file before the race, so the race is the booking itself.
      const documentIds = await documentIdsAs(t, actor, centreId, client);
      racers.push({ actor, sessionId, documentIds });
    }
    const release = t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/detainees/${zhou.id}/status`,
      session: staff,
      body: { status: 'released' },
    });
    const results = await Promise.allSettled(
      racers.map((r) =>
        bookAs(t, r.actor, {
          sessionId: r.sessionId,
          durationMinutes: 60,
          idempotencyKey: crypto.randomUUID(),
          client,
          documentIds: r.documentIds,
        }),
      ),
    );
    const released = await release;
    expect(released.statusCode, released.body).toBe(200);

    const booked = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'booking.client_not_found' });
    }
    for (const id of booked) expect(await bookingStatus(t, id)).toBe('cancelled_by_centre');
    expect(released.json().cancelledBookings).toBe(booked.length);
    const live = await queryRows<{ n: number }>(
      t.custos.database.db,
      sql`select count(*)::int as n from booking
           where detainee_id = ${zhou.id} and status in ('held', 'confirmed', 'awaiting_permission')`,
    );
    expect(live[0]!.n).toBe(0);
  });
});

describe('after the meeting', () => {
  it('refuses to cancel a meeting that is over: its outcome is recorded instead', async () => {
    const zhao = people['赵六']!;
    const friday = await book(lawyerB, FRIDAY, 'afternoon', zhao);
    // Friday 15:30: the 14:00–15:00 meeting is over.
    await travelTo('2026-11-27T07:30:00Z');
    const res = await expectStatus(t, 409, 'POST', cancelUrl(centreId, friday.id), staff, {
      reasonCode: 'emergency',
      reason: '停电',
    });
    expect(res.json().code).toBe('booking.meeting_over');
    expect(res.json().message['zh-CN']).toContain('时间已过');
    expect(await bookingStatus(t, friday.id)).toBe('confirmed');
  });

  it('keeps whole ID numbers out of the lists it touches', async () => {
    const sheet = await expectStatus(
      t,
      200,
      'GET',
      `/api/centres/${centreId}/day-sheet?date=${FRIDAY}`,
      staff,
    );
    for (const serial of [1, 2, 3, 4, 5]) expect(sheet.body).not.toContain(idNo(serial));
    const row = sheet.json().rows.find((r: { detaineeName: string }) => r.detaineeName === '李四');
    expect(row.detaineeIdNoMasked).toBe(`110105********${idNo(2).slice(-4)}`);
  });
});
