// Holiday years end to end: an admin adds a year the built-in data lacks, and the booking window runs on
// into it at once, on this node and on any other; invalid data is refused field by field in both
// languages; only admins may do it; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearDataInput } from '../../src/platform/calendar/business-calendar.js';
import { holidays2026 } from '../../src/platform/calendar/holidays/2026.js';
import { parseLocalDate } from '../../src/platform/calendar/local-date.js';
import { HolidayYearRepository } from '../../src/modules/booking/holiday-year-repository.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { onPostgres } from '../harness/test-database.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting } from './booking-fixtures.js';
import { addWeeklySessions } from './centre-ops-fixtures.js';

let t: TestApp;
let admin: Session;
let staff: Session;
let lawyer: Session;
let centreId: string;

// Only the fixed statutory days off (1 January, 1 May, 1–3 October), which every year has by law; the
// 2027 notice itself is not invented here. Tests that need more mark their extra dates as fictional.
function statutory(year: number): YearDataInput {
  return {
    year,
    source: '测试数据：仅含法定固定节日',
    daysOff: [
      { date: `${year}-01-01`, name: '元旦' },
      { date: `${year}-05-01`, name: '劳动节' },
      { date: `${year}-10-01`, name: '国庆节' },
      { date: `${year}-10-02`, name: '国庆节' },
      { date: `${year}-10-03`, name: '国庆节' },
    ],
    workdays: [],
  };
}
const STATUTORY_2027 = statutory(2027);

const putYear = (session: Session, year: number | string, body: unknown) =>
  t.request({ method: 'PUT', url: `/api/holiday-years/${year}`, session, body });

async function listYears(session: Session) {
  const res = await t.request({ method: 'GET', url: '/api/holiday-years', session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { year: number; origin: string; replacesBuiltIn: boolean }[] }>().items;
}

async function bookableDates(session: Session = lawyer): Promise<string[]> {
  const res = await t.request({ method: 'GET', url: `/api/centres/${centreId}/availability`, session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ days: { date: string }[] }>().days.map((d) => d.date);
}

async function calendarEvents() {
  const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
    limit: 50,
    actionPrefix: 'calendar.',
  });
  return events.reverse();
}

beforeAll(async () => {
  // Monday 28 December 2026, 10:00 in Shanghai: a five-working-day window runs past the built-in data.
  t = await startTestApp({ now: new Date('2026-12-28T02:00:00Z') });
  admin = await t.signIn('demo-admin');
  staff = await t.signIn('demo-centre');
  lawyer = await t.signIn('demo-lawyer');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: lawyer })).json().items[0].id;
  // A morning session Monday to Saturday, so a make-up Saturday shows as a bookable day.
  await addWeeklySessions(t, centreId, staff, {
    weekdays: [1, 2, 3, 4, 5, 6],
    times: [['14:00', '16:00']],
    onlinePlaces: 4,
    walkInPlaces: 0,
  });
  const detainee = await t.request({
    method: 'POST',
    url: `/api/centres/${centreId}/detainees`,
    session: staff,
    body: { name: '在押人员甲', idNo: idNo(1) },
  });
  expect(detainee.statusCode, detainee.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('who may see and change holiday years', () => {
  it('lists the built-in years to an admin', async () => {
    const items = await listYears(admin);
    expect(items.map((y) => [y.year, y.origin])).toEqual([
      [2024, 'built_in'],
      [2025, 'built_in'],
      [2026, 'built_in'],
    ]);
  });

  it('refuses lawyers and centre staff, and changes nothing', async () => {
    for (const session of [lawyer, staff]) {
      const list = await t.request({ method: 'GET', url: '/api/holiday-years', session });
      expect(list.statusCode).toBe(403);
      const put = await putYear(session, 2027, STATUTORY_2027);
      expect(put.statusCode).toBe(403);
      expect(put.json()).toMatchObject({ code: 'auth.forbidden' });
    }
    const anonymous = await t.request({
      method: 'PUT',
      url: '/api/holiday-years/2027',
      body: STATUTORY_2027,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await listYears(admin)).map((y) => y.year)).not.toContain(2027);
  });
});

describe('adding a year', () => {
  it('stops the booking window at the end of the data while 2027 is missing', async () => {
    expect(t.custos.services.calendars.latest().coversYear(2027)).toBe(false);
    expect(await bookableDates()).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('refuses invalid data with every field’s error in Chinese and English, storing nothing', async () => {
    const res = await putYear(admin, 2027, {
      year: 2027,
      daysOff: [
        { date: '2027-13-01', name: '元旦' },
        { date: '2027-01-01', name: '' },
        { date: '2027-01-01', name: '元旦' },
        { date: '2028-02-01', name: '春节' },
      ],
      workdays: [{ date: '2027-01-04', name: '元旦' }],
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json<{
      code: string;
      errors: { path: string; message: { 'zh-CN': string; en: string } }[];
    }>();
    expect(problem.code).toBe('http.validation');
    const byPath = new Map<string, { 'zh-CN': string; en: string }[]>();
    for (const e of problem.errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
    expect(byPath.get('daysOff.0.date')?.[0]).toEqual({
      'zh-CN': '日期格式应为 YYYY-MM-DD',
      en: 'a date as YYYY-MM-DD',
    });
    expect(byPath.get('daysOff.1.name')).toHaveLength(1);
    expect(byPath.get('daysOff.2.date')?.map((m) => m.en)).toEqual(['date is listed twice']);
    expect(byPath.get('daysOff.3.date')?.map((m) => m['zh-CN'])).toEqual([
      '日期应在该年度内（或上一年 12 月）',
    ]);
    expect(byPath.get('workdays.0.date')?.map((m) => m['zh-CN'])).toEqual(['调休上班日应为星期六或星期日']);
    expect(byPath.get('daysOff')?.map((m) => m.en)).toEqual([
      'days off must include 1 January, 1 May and 1–3 October',
    ]);
    for (const e of problem.errors) expect(e.message['zh-CN'], e.path).not.toBe(e.message.en);

    const mismatch = await putYear(admin, 2027, statutory(2028));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'http.validation', errors: [{ path: 'year' }] });
    expect((await putYear(admin, 1999, STATUTORY_2027)).statusCode).toBe(400);

    expect((await listYears(admin)).map((y) => y.year)).not.toContain(2027);
    expect(await calendarEvents()).toEqual([]);
  });

  it('adds 2027: the window runs on into January at once, and a January session can be booked', async () => {
    const res = await putYear(admin, 2027, STATUTORY_2027);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      year: 2027,
      origin: 'added',
      replacesBuiltIn: false,
      addedBy: { username: 'demo-admin' },
    });
    expect(t.custos.services.calendars.latest().coversYear(2027)).toBe(true);
    expect((await listYears(admin)).at(-1)).toMatchObject({ year: 2027, origin: 'added' });

    // New Year's Day is off; the weekend after it is a weekend; Monday 4 January opens.
    expect(await bookableDates()).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
    ]);
    const days = (
      await t.request({ method: 'GET', url: `/api/centres/${centreId}/availability`, session: lawyer })
    ).json<{ days: { date: string; sessions: { id: string }[] }[] }>().days;
    const january = days.find((d) => d.date === '2027-01-04')!.sessions[0]!;
    const booked = await bookMeeting(t, lawyer, {
      sessionId: january.id,
      durationMinutes: 60,
      client: { name: '在押人员甲', idNo: idNo(1) },
    });
    expect(booked.status).toBe('confirmed');
    expect(booked.startsAt).toBe('2027-01-04T06:00:00.000Z');

    const [added] = await calendarEvents();
    expect(added).toMatchObject({
      action: 'calendar.holiday_year_added',
      actorUsername: 'demo-admin',
      subjectType: 'holiday_year',
      subjectId: '2027',
      unitId: null,
      payload: { year: 2027, replacesBuiltIn: false, data: { daysOff: STATUTORY_2027.daysOff } },
    });
  });

  it('replaces a year whole, and the window follows the new data at once', async () => {
    // Fictional make-up Saturday, for the mechanics only.
    const res = await putYear(admin, 2027, {
      ...STATUTORY_2027,
      workdays: [{ date: '2027-01-02', name: '元旦' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await bookableDates()).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-02',
      '2027-01-04',
    ]);
    const events = await calendarEvents();
    expect(events.map((e) => e.action)).toEqual([
      'calendar.holiday_year_added',
      'calendar.holiday_year_replaced',
    ]);
    expect(events[1]!.payload).toMatchObject({ data: { workdays: [{ date: '2027-01-02' }] } });
  });

  it('lets an admin’s copy of a built-in year take its place', async () => {
    const res = await putYear(admin, 2026, { ...holidays2026, source: '管理员核对后的副本' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      origin: 'added',
      replacesBuiltIn: true,
      source: '管理员核对后的副本',
    });
    const years = await listYears(admin);
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(years.find((y) => y.year === 2026)).toMatchObject({ origin: 'added', replacesBuiltIn: true });
  });
});

describe('more than one app node', () => {
  it('uses a year another node stored at this node’s next availability request', async () => {
    // Written straight to the table, as another node's service does: this node has not been told.
    const repo = new HolidayYearRepository();
    const adminId = (await t.custos.repositories.identity.userByUsername(t.custos.database.db, 'demo-admin'))!
      .id;
    await t.custos.tx.run((tx) =>
      repo.upsert(tx, {
        year: 2027,
        // Fictional day off on 4 January, for the mechanics only.
        data: {
          ...STATUTORY_2027,
          daysOff: [...STATUTORY_2027.daysOff, { date: '2027-01-04', name: '测试' }],
        },
        addedBy: adminId,
        addedAt: t.clock.now(),
      }),
    );
    expect(await bookableDates()).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-05',
      '2027-01-06',
    ]);
  });

  it.runIf(onPostgres)('lets a second node on the same database see a year the first one adds', async () => {
    const other = await startTestApp({
      databaseUrl: t.database.url!,
      seed: false,
      now: t.clock.now(),
    });
    try {
      const before = await other.custos.services.calendars.current();
      expect(before.describeDay(parseLocalDate('2027-01-05'))).toEqual({ kind: 'working' });
      const res = await putYear(admin, 2027, {
        ...STATUTORY_2027,
        daysOff: [...STATUTORY_2027.daysOff, { date: '2027-01-05', name: '测试' }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = await other.custos.services.calendars.current();
      expect(after.describeDay(parseLocalDate('2027-01-05'))).toEqual({ kind: 'day_off', name: '测试' });
    } finally {
      await other.close();
    }
  });
});
