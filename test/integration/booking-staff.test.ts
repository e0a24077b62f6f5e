// What centre staff do with bookings, end to end on a real database: the day sheet and its CSV export,
// the roster (masked lists, all-or-nothing CSV import, status changes), and the lawyer's calendar file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/modules/booking/csv.js';
import type { Actor } from '../../src/modules/identity/actor.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookAs, bookMeeting, documentIdsFor, type MeetingRequest } from './booking-fixtures.js';
import { secondCentre } from './centre-ops-fixtures.js';
import { provisionedLawyer } from './lawyers-fixtures.js';

let t: TestApp;
let staff: Session;
let otherStaff: Session;
let lawyer: Session;
let centreId: string;
let otherCentreId: string;
const ctx = { ip: null, userAgent: null, correlationId: null };

async function ok(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  session: Session,
  body?: unknown,
  status = method === 'GET' || method === 'PUT' ? 200 : 201,
) {
  const res = await t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

async function addDetainee(
  unitId: string,
  session: Session,
  serial: number,
  name: string,
  restricted = false,
) {
  const res = await ok('POST', `/api/centres/${unitId}/detainees`, session, {
    name,
    idNo: idNo(serial),
    restrictedCase: restricted,
  });
  return res.json<{ id: string }>().id;
}

async function fridaySessions(unitId: string) {
  const res = await ok('GET', `/api/centres/${unitId}/availability`, lawyer);
  const day = res.json<{ days: { date: string; sessions: { id: string; startsAt: string }[] }[] }>().days;
  return day.find((d) => d.date === '2026-11-27')!.sessions;
}

async function book(
  sessionId: string,
  client: { name: string; idNo: string },
  key: string,
  extra: Partial<MeetingRequest> = {},
) {
  return bookMeeting(t, lawyer, { sessionId, durationMinutes: 45, idempotencyKey: key, client, ...extra });
}

/** A lawyer account straight through the service, signed in through the API when asked. */
const newLawyer = (username: string, displayName: string): Promise<Actor> =>
  provisionedLawyer(t, username, displayName);

const template = (
  weekday: number,
  startTime: string,
  endTime: string,
  extra: Record<string, unknown> = {},
) => ({
  weekday,
  startTime,
  endTime,
  channel: 'in_person',
  onlinePlaces: 6,
  walkInPlaces: 2,
  durations: [45, 60],
  ...extra,
});

const TRICKY_NAME = '李, "小" 明\n二';

let morning: string;
let afternoon: string;
let booked: { first: string; second: string; restricted: string; cancelled: string; held: string };

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  lawyer = await t.signIn('demo-lawyer');
  centreId = (await ok('GET', '/api/centres', lawyer)).json().items[0].id;
  ({ unitId: otherCentreId, staff: otherStaff } = await secondCentre(t, 'centre-two', '130102-KSS-2'));
  await newLawyer('lawyer.co', '赵律师');

  // Thursday 26 November 2026, 10:00 in Shanghai; Friday the 27th is bookable.
  const room = (
    await ok('POST', `/api/centres/${centreId}/rooms`, staff, { name: '会见室 1', channel: 'in_person' })
  ).json<{
    id: string;
  }>().id;
  for (const weekday of [1, 2, 3, 4, 5]) {
    await ok(
      'POST',
      `/api/centres/${centreId}/session-templates`,
      staff,
      template(weekday, '09:00', '11:00'),
    );
    // Nanjing's way: one booking per room per half-day.
    await ok(
      'POST',
      `/api/centres/${centreId}/session-templates`,
      staff,
      template(weekday, '14:00', '17:00', {
        onlinePlaces: 1,
        walkInPlaces: 0,
        durations: [60, 90],
        roomId: room,
      }),
    );
    await ok(
      'POST',
      `/api/centres/${otherCentreId}/session-templates`,
      otherStaff,
      template(weekday, '09:00', '11:00'),
    );
  }
  await addDetainee(centreId, staff, 1, '张三');
  await addDetainee(centreId, staff, 2, '李四');
  await addDetainee(centreId, staff, 3, '王五', true);
  await addDetainee(centreId, staff, 4, TRICKY_NAME);
  await addDetainee(centreId, staff, 5, '赵六');
  await addDetainee(otherCentreId, otherStaff, 50, '二所在押人员');

  [morning, afternoon] = (await fridaySessions(centreId)).map((s) => s.id) as [string, string];
  // In the afternoon (room session) with co-counsel; in the morning three more, one restricted, one cancelled.
  const second = await book(afternoon, { name: '张三', idNo: idNo(1) }, 'staff-test-1', {
    durationMinutes: 60,
    coCounselUsername: 'lawyer.co',
  });
  const other = await newLawyer('lawyer.other', '钱律师');
  const first = await bookAs(t, other, {
    sessionId: morning,
    durationMinutes: 45,
    idempotencyKey: 'staff-test-2',
    client: { name: TRICKY_NAME, idNo: idNo(4) },
  });
  // Everyone in a session starts at its start, so each booking of the morning has its own lawyer.
  const third = await newLawyer('lawyer.third', '孙律师');
  const restricted = await bookAs(t, third, {
    sessionId: morning,
    durationMinutes: 45,
    idempotencyKey: 'staff-test-3',
    client: { name: '王五', idNo: idNo(3) },
  });
  const fourth = await newLawyer('lawyer.fourth', '周律师');
  const cancelled = await bookAs(t, fourth, {
    sessionId: morning,
    durationMinutes: 45,
    idempotencyKey: 'staff-test-4',
    client: { name: '李四', idNo: idNo(2) },
  });
  await t.custos.services.bookings.cancel(fourth, cancelled.id, '当事人已取保', ctx);
  const fifth = await newLawyer('lawyer.fifth', '吴律师');
  const held = await t.custos.services.bookings.hold(fifth, { sessionId: morning, durationMinutes: 45 }, ctx);
  booked = {
    first: first.id,
    second: second.id,
    restricted: restricted.id,
    cancelled: cancelled.id,
    held: held.id,
  };

  // The other centre's booking must never show on this centre's sheet.
  const otherMorning = (await fridaySessions(otherCentreId))[0]!.id;
  await book(otherMorning, { name: '二所在押人员', idNo: idNo(50) }, 'staff-test-other');
});
afterAll(async () => {
  await t?.close();
});

interface SheetRow {
  bookingId: string;
  sessionId: string;
  status: string;
  lawyers: { displayName: string; username: string }[];
  detaineeName: string;
  detaineeIdNoMasked: string;
  bringOutOrder: number | null;
  roomName: string | null;
  startsAt: string;
}

async function sheet(query = '') {
  const res = await ok('GET', `/api/centres/${centreId}/day-sheet?date=2026-11-27${query}`, staff);
  return res.json<{ rows: SheetRow[]; sessions: { id: string; taken: number }[] }>();
}

describe('the day sheet', () => {
  it('lists the day’s bookings by session in bring-out order, with lawyers, client and status', async () => {
    const { rows, sessions } = await sheet();
    expect(sessions.map((s) => s.id)).toEqual([morning, afternoon]);
    expect(rows.map((r) => r.bookingId)).toEqual(
      expect.arrayContaining([booked.first, booked.restricted, booked.cancelled, booked.second]),
    );
    expect(rows.map((r) => r.bookingId)).not.toContain(booked.held);
    // Morning session first, afternoon last.
    expect(rows.at(-1)!.bookingId).toBe(booked.second);
    expect(rows.filter((r) => r.sessionId === morning)).toHaveLength(3);

    const byId = new Map(rows.map((r) => [r.bookingId, r]));
    expect(byId.get(booked.first)).toMatchObject({
      status: 'confirmed',
      detaineeName: TRICKY_NAME,
      lawyers: [{ displayName: '钱律师', username: 'lawyer.other' }],
      roomName: null,
    });
    expect(byId.get(booked.second)).toMatchObject({
      status: 'confirmed',
      detaineeName: '张三',
      lawyers: [
        { displayName: '王律师', username: 'demo-lawyer' },
        { displayName: '赵律师', username: 'lawyer.co' },
      ],
      roomName: '会见室 1',
    });
    expect(byId.get(booked.restricted)!.status).toBe('awaiting_permission');
    // Friday is inside the 24 hours' deadline: a late cancellation, counted as a no-show.
    expect(byId.get(booked.cancelled)!.status).toBe('cancelled_late');

    // Only people to be brought out are numbered, in order of session start.
    expect(byId.get(booked.restricted)!.bringOutOrder).toBeNull();
    expect(byId.get(booked.cancelled)!.bringOutOrder).toBeNull();
    expect(byId.get(booked.first)!.bringOutOrder).toBe(1);
    expect(byId.get(booked.second)!.bringOutOrder).toBe(2);
  });

  it('filters by session and by status, keeping the bring-out numbers', async () => {
    const afternoonOnly = await sheet(`&sessionId=${afternoon}`);
    expect(afternoonOnly.rows.map((r) => r.bookingId)).toEqual([booked.second]);
    expect(afternoonOnly.rows[0]!.bringOutOrder).toBe(2);
    const cancelledOnly = await sheet('&status=cancelled_late');
    expect(cancelledOnly.rows.map((r) => r.bookingId)).toEqual([booked.cancelled]);
    const none = await sheet('&status=no_show');
    expect(none.rows).toEqual([]);
  });

  it('never shows whole ID numbers', async () => {
    const res = await ok('GET', `/api/centres/${centreId}/day-sheet?date=2026-11-27`, staff);
    for (const serial of [1, 2, 3, 4]) expect(res.body).not.toContain(idNo(serial));
    const row = res.json<{ rows: SheetRow[] }>().rows.find((r) => r.bookingId === booked.second)!;
    expect(row.detaineeIdNoMasked).toBe(`110105********${idNo(1).slice(-4)}`);
  });

  it('is for the centre’s own staff only', async () => {
    for (const session of [lawyer, otherStaff]) {
      const res = await t.request({
        method: 'GET',
        url: `/api/centres/${centreId}/day-sheet?date=2026-11-27`,
        session,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
  });

  it('refuses a malformed date', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/centres/${centreId}/day-sheet?date=27/11/2026`,
      session: staff,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('the day sheet as CSV', () => {
  it('is UTF-8 with a byte-order mark, for Excel, with a download name', async () => {
    const res = await ok('GET', `/api/centres/${centreId}/bookings.csv?date=2026-11-27`, staff);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="day-sheet-2026-11-27.csv"');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body).toContain('\r\n');
    const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 10,
      actionPrefix: 'booking.day_sheet_exported',
    });
    expect(events[0]!.payload).toEqual({ date: '2026-11-27', rows: 4 });
  });

  it('quotes commas, quotes and line breaks, and lists only this centre’s bookings', async () => {
    const res = await ok('GET', `/api/centres/${centreId}/bookings.csv?date=2026-11-27`, staff);
    expect(res.body).toContain('"李, ""小"" 明\n二"');
    const records = parseCsv(res.body).map((r) => r.cells);
    expect(records[0]).toEqual([
      '提人顺序',
      '时段',
      '会见时间',
      '时长（分钟）',
      '方式',
      '会见室',
      '律师',
      '在押人员',
      '身份证号',
      '状态',
      '取消说明',
    ]);
    expect(records).toHaveLength(5);
    const tricky = records.find((r) => r[7] === TRICKY_NAME)!;
    expect(tricky).toEqual([
      '1',
      '09:00–11:00',
      '09:00–09:45',
      '45',
      '当面会见',
      '',
      '钱律师',
      TRICKY_NAME,
      `110105********${idNo(4).slice(-4)}`,
      '已确认',
      '',
    ]);
    expect(records.find((r) => r[7] === '张三')![6]).toBe('王律师、赵律师');
    expect(res.body).not.toContain('二所在押人员');
    for (const serial of [1, 2, 3, 4]) expect(res.body).not.toContain(idNo(serial));
  });

  it('is for the centre’s own staff only', async () => {
    for (const session of [lawyer, otherStaff]) {
      const res = await t.request({
        method: 'GET',
        url: `/api/centres/${centreId}/bookings.csv?date=2026-11-27`,
        session,
      });
      expect(res.statusCode).toBe(403);
    }
    const other = await ok('GET', `/api/centres/${otherCentreId}/bookings.csv?date=2026-11-27`, otherStaff);
    expect(other.body).not.toContain('张三');
  });
});

interface RosterItem {
  id: string;
  name: string;
  idNoMasked: string;
  status: string;
  restrictedCase: boolean;
}

async function roster(unitId = centreId, session = staff): Promise<RosterItem[]> {
  return (await ok('GET', `/api/centres/${unitId}/detainees`, session)).json<{ items: RosterItem[] }>().items;
}

async function importCsv(csv: string, dryRun: boolean, session = staff) {
  return t.request({
    method: 'POST',
    url: `/api/centres/${centreId}/detainees/import`,
    session,
    body: { csv, dryRun },
  });
}

describe('the roster', () => {
  it('lists names with ID numbers masked from the stored head and tail, never whole', async () => {
    const res = await ok('GET', `/api/centres/${centreId}/detainees`, staff);
    for (const serial of [1, 2, 3, 4, 5]) expect(res.body).not.toContain(idNo(serial));
    const items = res.json<{ items: RosterItem[] }>().items;
    expect(items.find((d) => d.name === '王五')).toMatchObject({
      idNoMasked: `110105********${idNo(3).slice(-4)}`,
      status: 'in_custody',
      restrictedCase: true,
    });
    expect(items.map((d) => d.name)).not.toContain('二所在押人员');
  });

  it('is for the centre’s own staff only', async () => {
    for (const session of [lawyer, otherStaff]) {
      const res = await t.request({ method: 'GET', url: `/api/centres/${centreId}/detainees`, session });
      expect(res.statusCode).toBe(403);
    }
  });

  it('previews an import row by row and, with any bad row, imports nothing', async () => {
    const before = (await roster()).length;
    const csv = [
      '姓名,身份证号,限制案件',
      `陈七,${idNo(101)},否`,
      `,${idNo(102)},`,
      `周八,110105198001010000,`,
      `吴九,${idNo(101)},是`,
      `郑十,${idNo(1)},`,
      `冯十一,${idNo(103)},也许`,
      `"褚, 十二",${idNo(104).toLowerCase()},是`,
    ].join('\r\n');

    const preview = await importCsv(csv, true);
    expect(preview.statusCode, preview.body).toBe(200);
    const result = preview.json<{
      valid: boolean;
      imported: number;
      rows: {
        line: number;
        name: string;
        idNoMasked: string;
        errors: { field: string; code: string; message: { 'zh-CN': string; en: string } }[];
      }[];
    }>();
    expect(result.valid).toBe(false);
    expect(result.imported).toBe(0);
    const errorsOn = (line: number) =>
      result.rows.find((r) => r.line === line)!.errors.map((e) => `${e.field}:${e.code}`);
    expect(errorsOn(2)).toEqual([]);
    expect(errorsOn(3)).toEqual(['name:roster.name_missing']);
    expect(errorsOn(4)).toEqual(['idNo:roster.id_no_invalid']);
    expect(errorsOn(5)).toEqual(['idNo:roster.duplicate_in_file']);
    expect(errorsOn(6)).toEqual(['idNo:roster.duplicate']);
    expect(errorsOn(7)).toEqual(['restrictedCase:roster.restricted_invalid']);
    expect(errorsOn(8)).toEqual([]);
    expect(result.rows.find((r) => r.line === 8)!.name).toBe('褚, 十二');
    // Each message in both languages; the ID number's own check says what is wrong with it.
    const invalidId = result.rows.find((r) => r.line === 4)!.errors[0]!;
    expect(invalidId.message['zh-CN']).toContain('校验码');
    expect(result.rows.find((r) => r.line === 5)!.errors[0]!.message['zh-CN']).toContain('第 2 行');
    // The preview never echoes whole ID numbers either.
    expect(preview.body).not.toContain(idNo(101));
    expect(result.rows[0]!.idNoMasked).toBe(`110105********${idNo(101).slice(-4)}`);

    const commit = await importCsv(csv, false);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().code).toBe('roster.import_invalid');
    expect(commit.json().data.rows.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect((await roster()).length).toBe(before);
  });

  it('imports a clean file in one go, and audits it once', async () => {
    const before = (await roster()).length;
    const csv = `\uFEFFname,idNo,restrictedCase\n陈七,${idNo(101)},no\n"褚, 十二",${idNo(104)},yes\n卫十三,${idNo(105)},\n`;
    expect((await importCsv(csv, true)).json().valid).toBe(true);
    const commit = await importCsv(csv, false);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ valid: true, imported: 3 });
    const items = await roster();
    expect(items.length).toBe(before + 3);
    expect(items.find((d) => d.name === '褚, 十二')!.restrictedCase).toBe(true);
    const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 10,
      actionPrefix: 'roster.imported',
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ count: 3, restrictedCount: 1 });

    // The same file again: every row is already on the roster, and nothing changes.
    const again = await importCsv(csv, false);
    expect(again.statusCode).toBe(400);
    expect(again.json().data.rows).toHaveLength(3);
    expect((await roster()).length).toBe(before + 3);
  });

  it('names what is wrong with the file as a whole', async () => {
    const noHeader = await importCsv(`陈七,${idNo(106)}\n`, true);
    expect(noHeader.json().code).toBe('roster.import_header');
    const empty = await importCsv('姓名,身份证号\n', true);
    expect(empty.json().code).toBe('roster.import_empty');
    const unclosed = await importCsv('姓名,身份证号\n"陈七,1\n', true);
    expect(unclosed.json()).toMatchObject({ code: 'roster.import_syntax', data: { line: 2 } });
  });

  it('lets only the centre’s own staff import', async () => {
    const csv = `姓名,身份证号\n韩十四,${idNo(107)}\n`;
    expect((await importCsv(csv, false, lawyer)).statusCode).toBe(403);
    expect((await importCsv(csv, false, otherStaff)).statusCode).toBe(403);
  });

  it('marks a detainee released, after which lawyers can no longer book them', async () => {
    const zhao = (await roster()).find((d) => d.name === '赵六')!;
    // Documents filed while the client was held: a release makes the roster refuse them all the same.
    const documentIds = await documentIdsFor(t, lawyer, centreId, { name: '赵六', idNo: idNo(5) });
    const res = await ok(
      'POST',
      `/api/centres/${centreId}/detainees/${zhao.id}/status`,
      staff,
      { status: 'released' },
      200,
    );
    expect(res.json()).toMatchObject({ id: zhao.id, status: 'released' });
    expect((await roster()).find((d) => d.id === zhao.id)!.status).toBe('released');
    const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 10,
      actionPrefix: 'roster.status_changed',
    });
    expect(events[0]!.payload).toEqual({ from: 'in_custody', to: 'released', cancelledBookingIds: [] });

    const monday = (await ok('GET', `/api/centres/${centreId}/availability`, lawyer))
      .json<{ days: { date: string; sessions: { id: string }[] }[] }>()
      .days.find((d) => d.date === '2026-11-30')!.sessions[0]!;
    const attempt = await t.request({
      method: 'POST',
      url: '/api/bookings',
      session: lawyer,
      body: {
        sessionId: monday.id,
        durationMinutes: 45,
        idempotencyKey: 'released-1',
        client: { name: '赵六', idNo: idNo(5) },
        documentIds,
      },
    });
    expect(attempt.json().code).toBe('booking.client_not_found');

    const transferred = await ok(
      'POST',
      `/api/centres/${centreId}/detainees/${zhao.id}/status`,
      staff,
      { status: 'transferred' },
      200,
    );
    expect(transferred.json().status).toBe('transferred');
  });

  it('changes status only on the centre’s own roster, and only for its staff', async () => {
    const mine = (await roster())[0]!;
    const theirs = (await roster(otherCentreId, otherStaff))[0]!;
    const wrongCentre = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/detainees/${theirs.id}/status`,
      session: staff,
      body: { status: 'released' },
    });
    expect(wrongCentre.statusCode).toBe(404);
    expect(wrongCentre.json().code).toBe('roster.not_found');
    for (const session of [lawyer, otherStaff]) {
      const res = await t.request({
        method: 'POST',
        url: `/api/centres/${centreId}/detainees/${mine.id}/status`,
        session,
        body: { status: 'released' },
      });
      expect(res.statusCode).toBe(403);
    }
    const bad = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/detainees/${mine.id}/status`,
      session: staff,
      body: { status: 'escaped' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('configuration lists', () => {
  it('shows staff their rooms, weekly sessions and closed dates', async () => {
    const rooms = (await ok('GET', `/api/centres/${centreId}/rooms`, staff)).json().items;
    expect(rooms).toEqual([
      expect.objectContaining({ name: '会见室 1', channel: 'in_person', active: true }),
    ]);
    const templates = (await ok('GET', `/api/centres/${centreId}/session-templates`, staff)).json().items;
    expect(templates).toHaveLength(10);
    expect(templates.filter((x: { roomId: string | null }) => x.roomId === rooms[0].id)).toHaveLength(5);
    await ok(
      'POST',
      `/api/centres/${centreId}/closed-dates`,
      staff,
      { date: '2026-12-10', reason: '设备检修' },
      204,
    );
    const closed = (await ok('GET', `/api/centres/${centreId}/closed-dates`, staff)).json().items;
    expect(closed).toEqual([{ date: '2026-12-10', reason: '设备检修' }]);
    for (const url of ['rooms', 'session-templates', 'closed-dates']) {
      const res = await t.request({ method: 'GET', url: `/api/centres/${centreId}/${url}`, session: lawyer });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('the calendar file', () => {
  it('gives the booking’s lawyers an RFC 5545 file in UTC, with CRLF line ends', async () => {
    const res = await ok('GET', `/api/bookings/${booked.second}/ics`, lawyer);
    expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="custos-meeting-2026-11-27.ics"');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = res.body.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain(`UID:booking-${booked.second}@custos`);
    expect(lines).toContain('DTSTART:20261127T060000Z');
    expect(lines).toContain('DTEND:20261127T070000Z');
    expect(lines).toContain(
      'DTSTAMP:' +
        t.clock
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
          .replace(/[-:]/g, ''),
    );
    expect(lines).toContain('SUMMARY:律师会见 · 石家庄市长安区看守所');
    expect(lines).toContain('LOCATION:石家庄市长安区看守所');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(res.body).not.toContain('张三');
    for (const physical of res.body.split('\r\n'))
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);

    // Co-counsel is one of the booking's lawyers too.
    const co = await t.signIn('lawyer.co');
    expect(
      (await t.request({ method: 'GET', url: `/api/bookings/${booked.second}/ics`, session: co })).statusCode,
    ).toBe(200);
  });

  it('is refused to other lawyers and to staff, and for a hold or an unknown booking', async () => {
    const stranger = await t.signIn('lawyer.fifth');
    const notYours = await t.request({
      method: 'GET',
      url: `/api/bookings/${booked.second}/ics`,
      session: stranger,
    });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().code).toBe('booking.not_yours');
    const staffTry = await t.request({
      method: 'GET',
      url: `/api/bookings/${booked.second}/ics`,
      session: staff,
    });
    expect(staffTry.statusCode).toBe(403);
    const hold = await t.request({
      method: 'GET',
      url: `/api/bookings/${booked.held}/ics`,
      session: stranger,
    });
    expect(hold.statusCode).toBe(409);
    const unknown = await t.request({
      method: 'GET',
      url: '/api/bookings/00000000-0000-4000-8000-000000000000/ics',
      session: lawyer,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('marks a meeting that waits for a permission as tentative', async () => {
    const third = await t.signIn('lawyer.third');
    const res = await t.request({
      method: 'GET',
      url: `/api/bookings/${booked.restricted}/ics`,
      session: third,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('STATUS:TENTATIVE');
  });
});
