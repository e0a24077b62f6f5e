// The waiting list in real Chromium. A lawyer on a phone (390 x 844) finds a session full, joins its
// waiting list with the meeting length chosen and sees their place; when the place is freed it is held for
// them, "my bookings" shows the offer with its countdown, and one tap carries the held place into the
// journey, which they complete (documents, co-counsel, check). The centre's staff see the queue on the day sheet. axe finds no serious
// or critical violation on any of these screens.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/identity/actor.js';
import { sessionCookie, type Session } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, type BookingView } from '../integration/booking-fixtures.js';
import { browserSuite, DESK, PHONE } from './browser-suite.js';
import { BookingJourneyPage } from './pages/booking-journey-page.js';
import { DaySheetWaitlistPage } from './pages/day-sheet-waitlist-page.js';
import { HomePage } from './pages/home-page.js';
import { WaitlistPage } from './pages/waitlist-page.js';

const PASSWORD = 'a long password here';
const ctx = { ip: null, userAgent: null, correlationId: null };

const suite = browserSuite();
const { expectAccessible } = suite;
let staff: Session;
let centreId: string;
/** The last bookable date, whose 09:00 session (one place) is taken before the lawyer looks. */
let date: string;
let fullSessionId: string;
let taken: BookingView;
let firstLawyer: Session;

async function api(method: 'GET' | 'POST', url: string, body?: unknown, session = staff) {
  const res = await suite.server.t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

async function provisionLawyer(username: string, displayName: string): Promise<Actor> {
  const t = suite.server.t;
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  const user = await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username,
        displayName,
        unit: firm,
        roles: ['lawyer'],
        password: PASSWORD,
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  return {
    userId: user.id,
    username,
    displayName,
    roles: ['lawyer'],
    unit: { id: firm.id, kind: 'law_firm', path: firm.path },
    regionPath: firm.path,
    sessionId: 'test',
  };
}

async function apiSignIn(username: string): Promise<Session> {
  const res = await suite.server.t.request({
    method: 'POST',
    url: '/api/auth/login',
    body: { username, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: sessionCookie(res), csrfToken: res.json().csrfToken };
}

beforeAll(async () => {
  staff = await suite.server.t.signIn('demo-centre');
  centreId = (await api('GET', '/api/centres')).json().items[0].id;
  // The server runs on today's date: sessions on every day of the week keep a bookable date. The
  // morning has one place, so one booking fills it; the afternoon keeps the date open in the journey.
  for (const weekday of [1, 2, 3, 4, 5, 6, 7]) {
    for (const [startTime, endTime, onlinePlaces] of [
      ['09:00', '11:00', 1],
      ['14:00', '16:00', 4],
    ] as const) {
      await api('POST', `/api/centres/${centreId}/session-templates`, {
        weekday,
        startTime,
        endTime,
        channel: 'in_person',
        onlinePlaces,
        walkInPlaces: 2,
        durations: [60, 90],
      });
    }
  }
  for (const [n, name] of [
    [1, '张三'],
    [2, '李四'],
  ] as const) {
    await api('POST', `/api/centres/${centreId}/detainees`, { name, idNo: idNo(n), restrictedCase: false });
  }
  await provisionLawyer('lawyer.first', '孙律师');
  await provisionLawyer('lawyer.waits', '周律师');
  const days = (await api('GET', `/api/centres/${centreId}/availability`)).json().days as {
    date: string;
    sessions: { id: string; startsAt: string }[];
  }[];
  const last = days.at(-1)!;
  date = last.date;
  fullSessionId = last.sessions.find(
    (s) => s.startsAt === new Date(`${date}T09:00:00+08:00`).toISOString(),
  )!.id;
  firstLawyer = await apiSignIn('lawyer.first');
  taken = await bookMeeting(suite.server.t, firstLawyer, {
    sessionId: fullSessionId,
    durationMinutes: 60,
    client: { name: '李四', idNo: idNo(2) },
  });
});

describe('the waiting list on a phone', () => {
  beforeEach(async () => {
    await suite.openPage({ viewport: PHONE });
  });

  it('joins a full session’s list, is offered the freed place, and books it from “my bookings”', async () => {
    await suite.signIn('lawyer.waits', PASSWORD);

    const journey = new BookingJourneyPage(suite.page);
    const waitlist = new WaitlistPage(suite.page);
    await journey.start();
    await journey.chooseCentre('石家庄市长安区看守所');
    expect(await journey.chooseLastOpenDate()).toBe(date);
    expect(await journey.sessionPlaces('09:00')).toContain('已约满');

    await waitlist.chooseFullSession('09:00', 60);
    expect(await waitlist.joinButtonText()).toBe('加入候补（60 分钟）');
    await expectAccessible('session step, full session chosen');
    expect(await waitlist.join()).toBe('您在候补队列中排第 1 位。');
    await expectAccessible('session step, on the waiting list');

    // The first lawyer cancels: the place is held for the one waiting, at once.
    await api('POST', `/api/bookings/${taken.id}/cancel`, {}, firstLawyer);

    await suite.page.getByTestId('portal-nav-bookings').click();
    await suite.page.waitForURL('**/portal/bookings');
    expect(await waitlist.waitForEntry('offered')).toBe('名额已为您保留');
    expect(await waitlist.offerCountdown()).toMatch(/^(30:00|29:[0-5]\d)$/);
    expect(await waitlist.offerText()).toContain('请在此之前完成预约');
    await expectAccessible('my bookings with an offer');

    await waitlist.continueWithOffer();
    await journey.waitForStep('/portal/book/client');
    // The held place comes with the offer's own countdown.
    expect(await journey.holdCountdown()).toMatch(/^(30:00|29:[0-5]\d)$/);
    await expectAccessible('client step with the offered place');
    await journey.enterClient('张三', idNo(1));
    await journey.passDocuments();
    await journey.waitForStep('/portal/book/co-counsel');
    await journey.continue();
    await journey.waitForStep('/portal/book/check');
    expect(await journey.answers()).toMatchObject({ session: '09:00–10:00', duration: '60 分钟' });
    await journey.confirmWithDoubleTap();
    await journey.waitForResult();
    expect(await journey.resultTitle()).toBe('预约成功');

    await journey.goToMyBookings();
    expect(await waitlist.waitForEntry('booked')).toBe('已预约');
    await expectAccessible('my bookings after booking the offer');
    await new HomePage(suite.page).switchLanguage('en');
    await suite.page.getByRole('heading', { name: 'My waiting lists', level: 2 }).waitFor();
    expect(await waitlist.waitForEntry('booked')).toBe('Booked');
    await expectAccessible('my bookings in English');
  });
});

describe('the waiting list on the day sheet', () => {
  beforeEach(async () => {
    await suite.openPage({ viewport: DESK });
  });

  it('shows the centre’s staff how many wait for each session, and the queue on demand', async () => {
    const waiter = await provisionLawyer('lawyer.third', '吴律师');
    await suite.server.t.custos.services.waitlist.join(waiter, fullSessionId, { durationMinutes: 90 }, ctx);

    // The API sign-in used this step's code; a code is accepted once.
    suite.server.t.clock.advance(30_000);
    await suite.signInWithTotp('demo-centre', staff.totpSecret!);

    const sheet = new DaySheetWaitlistPage(suite.page);
    await sheet.goto(suite.server.baseUrl, date);
    expect(await sheet.queueLengths()).toEqual(['候补 1 人']);
    await expectAccessible('day sheet with a queue');
    const rows = await sheet.openQueue();
    expect(await sheet.dialogTitle()).toBe('09:00–11:00 时段候补队列');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('吴律师（lawyer.third）');
    expect(rows[0]).toContain('90 分钟');
    expect(rows[0]).toContain('等候中');
    await expectAccessible('the queue dialog');
  });
});
