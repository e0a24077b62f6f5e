// On the day, centre staff record whether each confirmed meeting took place: only once it has started,
// only once; a no-show is a strike (migration 0006's trigger) and the third within the centre's window
// suspends online booking; "attended" may be corrected to a no-show on the day, a no-show never.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { bookMeeting } from './booking-fixtures.js';
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
let absent: Session;
let slip: Session;
let centreId: string;
let otherCentreId: string;
const people: Record<string, Detainee> = {};
let told: ToldChange[];
/** The meetings of this file, by name. */
const b: Record<string, string> = {};

// The clock starts on Thursday 26 November 2026, 10:00 in Shanghai.
const FRIDAY = '2026-11-27';
const MONDAY = '2026-11-30';
const TUESDAY = '2026-12-01';

const attendanceUrl = (bookingId: string, unitId = centreId) =>
  `/api/centres/${unitId}/bookings/${bookingId}/attendance`;
const correctionUrl = (bookingId: string) => `${attendanceUrl(bookingId)}/correction`;

async function book(
  who: Session,
  date: string,
  which: 'morning' | 'afternoon',
  client: Detainee,
  unitId = centreId,
) {
  const booked = await bookMeeting(t, who, {
    sessionId: await sessionAt(t, unitId, lawyer, date, which),
    durationMinutes: 60,
    client: { name: client.name, idNo: client.idNo },
  });
  expect(booked.status).toBe('confirmed');
  return booked.id;
}

/** Moves the clock on; sessions lapse over such a jump, so everyone signs in again. */
async function travelTo(iso: string) {
  t.clock.set(new Date(iso));
  staff = await t.signIn('demo-centre');
  otherStaff = await t.signIn('centre2.att');
  lawyer = await t.signIn('demo-lawyer');
  absent = await t.signIn('lawyer.absent');
  slip = await t.signIn('lawyer.slip');
}

async function suspensionsOf(username: string) {
  return queryRows<{ unit_id: string; strike_count: number; starts_at: Date }>(
    t.custos.database.db,
    sql`select unit_id, strike_count, starts_at from lawyer_suspension
         where lawyer_user_id = ${await userIdOf(t, username)}`,
  );
}

async function actionsOf(bookingId: string, date: string) {
  return (await daySheet(t, centreId, staff, date)).find((r) => r.bookingId === bookingId)!.actions;
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  lawyer = await t.signIn('demo-lawyer');
  absent = await newLawyer(t, 'lawyer.absent', '缺席律师');
  slip = await newLawyer(t, 'lawyer.slip', '周律师');
  centreId = await demoCentreId(t, lawyer);
  ({ unitId: otherCentreId, staff: otherStaff } = await secondCentre(t, 'centre2.att'));
  await addWorkingDaySessions(t, centreId, staff);
  await addWorkingDaySessions(t, otherCentreId, otherStaff);
  const names = ['张三', '李四', '王五', '赵六', '孙七', '周八', '吴九'];
  for (const [i, name] of names.entries()) people[name] = await enrol(t, centreId, staff, i + 1, name);
  people['二所甲'] = await enrol(t, otherCentreId, otherStaff, 50, '二所甲');

  b.attended = await book(lawyer, FRIDAY, 'morning', people['张三']!);
  b.absent1 = await book(absent, FRIDAY, 'morning', people['李四']!);
  b.absent2 = await book(absent, FRIDAY, 'afternoon', people['王五']!);
  b.absent3 = await book(absent, MONDAY, 'morning', people['赵六']!);
  b.mistaken = await book(slip, FRIDAY, 'afternoon', people['孙七']!);
  b.lateFix = await book(lawyer, FRIDAY, 'afternoon', people['周八']!);
  b.cancelled = await book(lawyer, MONDAY, 'afternoon', people['吴九']!);
  b.elsewhere = await book(slip, FRIDAY, 'morning', people['二所甲'], otherCentreId);
  await expectStatus(t, 200, 'POST', `/api/centres/${centreId}/bookings/${b.cancelled}/cancel`, staff, {
    reasonCode: 'emergency',
    reason: '会见楼检修',
  });
  told = recordBookingChanges(t);
});
afterAll(async () => {
  await t?.close();
});

describe('before the meeting starts', () => {
  it('records no outcome, and offers only cancelling', async () => {
    for (const outcome of ['attended', 'no_show']) {
      const res = await expectStatus(t, 409, 'POST', attendanceUrl(b.attended!), staff, { outcome });
      expect(res.json().code).toBe('booking.not_started');
      expect(res.json().message.en).toContain('once the meeting has started');
    }
    expect(await actionsOf(b.attended!, FRIDAY)).toEqual(['cancel']);
    expect(await bookingStatus(t, b.attended!)).toBe('confirmed');
  });
});

describe('once the meeting has started', () => {
  it('records that the lawyer came, once', async () => {
    // Friday 09:05 in Shanghai.
    await travelTo('2026-11-27T01:05:00Z');
    expect(await actionsOf(b.attended!, FRIDAY)).toEqual(['cancel', 'mark_attended', 'mark_no_show']);
    const res = await expectStatus(t, 200, 'POST', attendanceUrl(b.attended!), staff, {
      outcome: 'attended',
    });
    expect(res.json()).toEqual({ id: b.attended, status: 'attended' });
    expect(await bookingStatus(t, b.attended!)).toBe('attended');
    expect(await strikesOf(t, b.attended!)).toEqual([]);

    const [event] = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 1,
      actionPrefix: 'booking.attended',
    });
    expect(event).toMatchObject({
      actorUsername: 'demo-centre',
      subjectId: b.attended,
      unitId: centreId,
      payload: { detaineeId: people['张三']!.id },
    });
    expect(told.filter((c) => c.bookingId === b.attended)).toEqual([
      { kind: 'attended', reason: undefined, bookingId: b.attended },
    ]);

    for (const outcome of ['attended', 'no_show']) {
      const again = await expectStatus(t, 409, 'POST', attendanceUrl(b.attended!), staff, { outcome });
      expect(again.json().code).toBe('booking.outcome_recorded');
    }
    expect(await actionsOf(b.attended!, FRIDAY)).toEqual(['correct_to_no_show']);
  });

  it('still refuses a meeting later that day', async () => {
    const res = await expectStatus(t, 409, 'POST', attendanceUrl(b.absent2!), staff, { outcome: 'no_show' });
    expect(res.json().code).toBe('booking.not_started');
  });

  it('records a no-show, which the database counts as a strike', async () => {
    await expectStatus(t, 200, 'POST', attendanceUrl(b.absent1!), staff, { outcome: 'no_show' });
    expect(await bookingStatus(t, b.absent1!)).toBe('no_show');
    expect(await strikesOf(t, b.absent1!)).toEqual([
      { kind: 'no_show', lawyer: await userIdOf(t, 'lawyer.absent') },
    ]);
    const [event] = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 1,
      actionPrefix: 'booking.no_show',
    });
    expect(event).toMatchObject({ subjectId: b.absent1, actorUsername: 'demo-centre' });
    expect(told.filter((c) => c.bookingId === b.absent1).map((c) => c.kind)).toEqual(['no_show']);
    expect(await actionsOf(b.absent1!, FRIDAY)).toEqual([]);
  });

  it('never changes a no-show, which already counts against the lawyer', async () => {
    const fix = await expectStatus(t, 409, 'POST', correctionUrl(b.absent1!), staff, {
      reason: '律师其实到了',
    });
    expect(fix.json().code).toBe('booking.no_show_final');
    expect(fix.json().message['zh-CN']).toContain('不能更改');
    const mark = await expectStatus(t, 409, 'POST', attendanceUrl(b.absent1!), staff, {
      outcome: 'attended',
    });
    expect(mark.json().code).toBe('booking.outcome_recorded');
    expect(await strikesOf(t, b.absent1!)).toHaveLength(1);
  });

  it('is for the staff of the booking’s own centre only', async () => {
    const body = { outcome: 'attended' };
    expect((await expectStatus(t, 403, 'POST', attendanceUrl(b.lateFix!), lawyer, body)).json().code).toBe(
      'auth.forbidden',
    );
    await expectStatus(t, 403, 'POST', attendanceUrl(b.lateFix!), otherStaff, body);
    await expectStatus(t, 403, 'POST', correctionUrl(b.attended!), lawyer, { reason: '我来过' });
    // Another centre's booking under one's own centre is unknown, both ways.
    const crossed = await expectStatus(
      t,
      404,
      'POST',
      attendanceUrl(b.lateFix!, otherCentreId),
      otherStaff,
      body,
    );
    expect(crossed.json().code).toBe('booking.not_found');
    await expectStatus(t, 404, 'POST', attendanceUrl(b.elsewhere!), staff, body);
    expect(await bookingStatus(t, b.elsewhere!)).toBe('confirmed');
    await expectStatus(t, 200, 'POST', attendanceUrl(b.elsewhere!, otherCentreId), otherStaff, body);
  });

  it('checks what is sent', async () => {
    await expectStatus(t, 400, 'POST', attendanceUrl(b.lateFix!), staff, { outcome: 'late' });
    await expectStatus(t, 400, 'POST', attendanceUrl(b.lateFix!), staff, {});
    await expectStatus(t, 400, 'POST', correctionUrl(b.attended!), staff, { reason: ' ' });
    expect(await bookingStatus(t, b.attended!)).toBe('attended');
  });
});

describe('in the afternoon', () => {
  it('corrects a meeting wrongly recorded as attended to a no-show, once, counting the strike', async () => {
    // Friday 14:05 in Shanghai.
    await travelTo('2026-11-27T06:05:00Z');
    await expectStatus(t, 200, 'POST', attendanceUrl(b.mistaken!), staff, { outcome: 'attended' });
    await expectStatus(t, 200, 'POST', attendanceUrl(b.lateFix!), staff, { outcome: 'attended' });
    expect(await strikesOf(t, b.mistaken!)).toEqual([]);

    const res = await expectStatus(t, 200, 'POST', correctionUrl(b.mistaken!), staff, {
      reason: '点错了行：周律师未到',
    });
    expect(res.json()).toEqual({ id: b.mistaken, status: 'no_show' });
    expect(await strikesOf(t, b.mistaken!)).toEqual([
      { kind: 'no_show', lawyer: await userIdOf(t, 'lawyer.slip') },
    ]);
    const [event] = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 1,
      actionPrefix: 'booking.outcome_corrected',
    });
    expect(event).toMatchObject({
      subjectId: b.mistaken,
      actorUsername: 'demo-centre',
      payload: { from: 'attended', to: 'no_show', reason: '点错了行：周律师未到' },
    });
    expect(told.filter((c) => c.bookingId === b.mistaken).at(-1)).toEqual({
      kind: 'no_show',
      reason: '点错了行：周律师未到',
      bookingId: b.mistaken,
    });

    const again = await expectStatus(t, 409, 'POST', correctionUrl(b.mistaken!), staff, {
      reason: '再改一次',
    });
    expect(again.json().code).toBe('booking.no_show_final');
    // Only "attended" is corrected: a meeting still to be recorded is recorded instead.
    const unrecorded = await expectStatus(t, 409, 'POST', correctionUrl(b.absent2!), staff, {
      reason: '未到',
    });
    expect(unrecorded.json().code).toBe('booking.wrong_state');
  });

  it('refuses to record a meeting the centre cancelled', async () => {
    const res = await expectStatus(t, 409, 'POST', attendanceUrl(b.cancelled!), staff, {
      outcome: 'no_show',
    });
    expect(res.json().code).toBe('booking.wrong_state');
    expect(await strikesOf(t, b.cancelled!)).toEqual([]);
  });

  it('suspends online booking at the third no-show within the centre’s window', async () => {
    await expectStatus(t, 200, 'POST', attendanceUrl(b.absent2!), staff, { outcome: 'no_show' });
    expect(await suspensionsOf('lawyer.absent')).toEqual([]);

    // Monday 09:05 in Shanghai.
    await travelTo('2026-11-30T01:05:00Z');
    await expectStatus(t, 200, 'POST', attendanceUrl(b.absent3!), staff, { outcome: 'no_show' });
    const suspensions = await suspensionsOf('lawyer.absent');
    expect(suspensions).toEqual([expect.objectContaining({ unit_id: centreId, strike_count: 3 })]);
    // Counted from the latest strike: the meeting's start.
    expect(new Date(suspensions[0]!.starts_at).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    const [event] = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 1,
      actionPrefix: 'lawyer.suspended',
    });
    expect(event).toMatchObject({
      actorUsername: 'system:strikes',
      unitId: centreId,
      payload: { lawyerUserId: await userIdOf(t, 'lawyer.absent'), strikes: 3, threshold: 3 },
    });

    const tuesday = (await sessionsOn(t, centreId, lawyer, TUESDAY))[0]!;
    const hold = await expectStatus(t, 403, 'POST', '/api/bookings/holds', absent, {
      sessionId: tuesday.id,
      durationMinutes: 60,
    });
    expect(hold.json().code).toBe('lawyer.suspended');
    // The other lawyers keep booking: one strike each is not a suspension.
    expect(await suspensionsOf('lawyer.slip')).toEqual([]);
  });

  it('corrects an outcome only on the meeting’s day', async () => {
    const res = await expectStatus(t, 409, 'POST', correctionUrl(b.lateFix!), staff, {
      reason: '昨天记错了',
    });
    expect(res.json().code).toBe('booking.correction_too_late');
    expect(await bookingStatus(t, b.lateFix!)).toBe('attended');
    expect(await actionsOf(b.lateFix!, FRIDAY)).toEqual([]);
  });
});
