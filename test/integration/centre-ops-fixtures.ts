// Set-up shared by the tests of the centre's own acts on bookings (cancellation, attendance): the demo
// centre with two sessions a working day, a second centre with its own staff (also the documents and staff
// tests' second centre), lawyers who sign in through the API, and small request helpers. Meetings
// themselves are booked through booking-fixtures.ts.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { BookingChange } from '../../src/modules/booking/booking-events.js';
import { queryRows } from '../../src/platform/db/database.js';
import type { Session, TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';

export type Method = 'GET' | 'POST' | 'PUT';

/** A request that must answer with the given status; returns the response. */
export async function expectStatus(
  t: TestApp,
  status: number,
  method: Method,
  url: string,
  session: Session,
  body?: unknown,
) {
  const res = await t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/** The demo centre's id, seen from a lawyer. */
export async function demoCentreId(t: TestApp, lawyer: Session): Promise<string> {
  return (await expectStatus(t, 200, 'GET', '/api/centres', lawyer)).json().items[0].id;
}

/** A second detention centre in the demo district, with one staff member, signed in. Files that make
 * more than one name theirs by `code`. */
export async function secondCentre(
  t: TestApp,
  username = 'centre2.ops',
  code = '130102-KSS-OPS2',
): Promise<{ unitId: string; staff: Session }> {
  const repo = t.custos.repositories.identity;
  const db = t.custos.database.db;
  const district = (await repo.unitByCode(db, '130102'))!;
  const unit = await t.custos.tx.run((tx) =>
    repo.insertUnit(tx, {
      parentId: district.id,
      kind: 'detention_centre',
      code,
      name: '长安区第二看守所',
      nameEn: "Chang'an Second Detention Centre",
    }),
  );
  await provisionUser(t, username, '二所 钱警官', unit.id, 'centre_staff');
  return { unitId: unit.id, staff: await t.signIn(username) };
}

/** A lawyer of the demo law firm, signed in through the API. */
export async function newLawyer(t: TestApp, username: string, displayName: string): Promise<Session> {
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  await provisionUser(t, username, displayName, firm.id, 'lawyer');
  return t.signIn(username);
}

async function provisionUser(
  t: TestApp,
  username: string,
  displayName: string,
  unitId: string,
  role: 'lawyer' | 'centre_staff',
) {
  const repo = t.custos.repositories.identity;
  const unit = (await repo.unitById(t.custos.database.db, unitId))!;
  const password = 'a long password for tests';
  await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      { username, displayName, unit, roles: [role], password, passwordChangeRequired: false },
      { actor: null },
    ),
  );
  t.credentials.set(username, { username, password, role, displayName });
}

/** Every ISO weekday: a server on today's date keeps bookable dates whenever the test runs. */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/** The weekly sessions a test centre offers; what is left out is the working-day shape below. */
export interface WeeklySessions {
  /** ISO weekdays, 1 (Monday) to 7 (Sunday). */
  weekdays?: readonly number[];
  /** Each day's sessions, as [start, end] in Shanghai time. */
  times?: readonly (readonly [string, string])[];
  onlinePlaces?: number;
  walkInPlaces?: number;
  durations?: readonly number[];
}

/** Adds a centre's weekly session templates through the API (in person, one request each). */
export async function addWeeklySessions(
  t: TestApp,
  unitId: string,
  staff: Session,
  {
    weekdays = [1, 2, 3, 4, 5],
    times = [
      ['09:00', '11:00'],
      ['14:00', '17:00'],
    ],
    onlinePlaces = 6,
    walkInPlaces = 2,
    durations = [60],
  }: WeeklySessions = {},
): Promise<void> {
  for (const weekday of weekdays) {
    for (const [startTime, endTime] of times) {
      await expectStatus(t, 201, 'POST', `/api/centres/${unitId}/session-templates`, staff, {
        weekday,
        startTime,
        endTime,
        channel: 'in_person',
        onlinePlaces,
        walkInPlaces,
        durations,
      });
    }
  }
}

/** Two sessions every working day (09:00–11:00 and 14:00–17:00) of one-hour meetings, six places each. */
export async function addWorkingDaySessions(t: TestApp, unitId: string, staff: Session): Promise<void> {
  await addWeeklySessions(t, unitId, staff);
}

export interface Detainee {
  id: string;
  name: string;
  idNo: string;
}

/** Adds a detainee to a centre's roster through the API. */
export async function enrol(
  t: TestApp,
  unitId: string,
  staff: Session,
  serial: number,
  name: string,
): Promise<Detainee> {
  const client = { name, idNo: idNo(serial) };
  const res = await expectStatus(t, 201, 'POST', `/api/centres/${unitId}/detainees`, staff, {
    ...client,
    restrictedCase: false,
  });
  return { id: res.json<{ id: string }>().id, ...client };
}

/** The id of a centre's 09:00 ('morning') or 14:00 ('afternoon') session on a date, as a lawyer sees it. */
export async function sessionAt(
  t: TestApp,
  unitId: string,
  lawyer: Session,
  date: string,
  which: 'morning' | 'afternoon',
): Promise<string> {
  // 09:00 and 14:00 in Shanghai are 01:00 and 06:00 UTC.
  const hour = which === 'morning' ? 1 : 6;
  const sessions = await sessionsOn(t, unitId, lawyer, date);
  return sessions.find((s) => new Date(s.startsAt).getUTCHours() === hour)!.id;
}

export interface SessionView {
  id: string;
  startsAt: string;
  remaining: number;
}

/** The bookable sessions of a centre on a date, in start order, as a lawyer sees them. */
export async function sessionsOn(
  t: TestApp,
  unitId: string,
  lawyer: Session,
  date: string,
): Promise<SessionView[]> {
  const res = await expectStatus(t, 200, 'GET', `/api/centres/${unitId}/availability`, lawyer);
  const day = res
    .json<{ days: { date: string; sessions: SessionView[] }[] }>()
    .days.find((d) => d.date === date);
  if (!day) throw new Error(`no bookable sessions on ${date}`);
  return day.sessions;
}

export interface DaySheetEntry {
  bookingId: string;
  status: string;
  detaineeName: string;
  detaineeIdNoMasked: string;
  cancellation: {
    by: 'lawyer' | 'centre';
    byName: string | null;
    at: string | null;
    reasonCode: string | null;
    reason: string | null;
  } | null;
  actions: string[];
}

export async function daySheet(
  t: TestApp,
  unitId: string,
  staff: Session,
  date: string,
): Promise<DaySheetEntry[]> {
  const res = await expectStatus(t, 200, 'GET', `/api/centres/${unitId}/day-sheet?date=${date}`, staff);
  return res.json<{ rows: DaySheetEntry[] }>().rows;
}

/** The strikes the database recorded against a booking. */
export async function strikesOf(t: TestApp, bookingId: string): Promise<{ kind: string; lawyer: string }[]> {
  return queryRows(
    t.custos.database.db,
    sql`select kind, lawyer_user_id as lawyer from lawyer_strike where booking_id = ${bookingId}`,
  );
}

/** A booking's status as stored. */
export async function bookingStatus(t: TestApp, bookingId: string): Promise<string> {
  const [row] = await queryRows<{ status: string }>(
    t.custos.database.db,
    sql`select status from booking where id = ${bookingId}`,
  );
  return row!.status;
}

export type ToldChange = Pick<BookingChange, 'kind' | 'reason'> & { bookingId: string };

/** From now on, what BookingEvents tells, in order: the list fills as bookings change. */
export function recordBookingChanges(t: TestApp): ToldChange[] {
  const told: ToldChange[] = [];
  t.custos.services.bookingEvents.subscribe(async (_tx, _afterCommit, change) => {
    told.push({ kind: change.kind, reason: change.reason, bookingId: change.booking.id });
  });
  return told;
}

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.custos.database.db,
    sql`select id from app_user where username = ${username}`,
  );
  return row!.id;
}
