// An assistant manages a lawyer's bookings on a phone (390 x 844) in real Chromium: the journey says whom
// it books for before anything is held, "my bookings" lists the principal's bookings with a cancel button
// only on those the assistant entered, and the assistant cancels one; then books a meeting for the
// principal through the whole journey (documents included), told on "check your answers" whose booking it
// is. axe finds no serious or critical violation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, openSession } from '../integration/booking-fixtures.js';
import { signInWith } from '../integration/lawyers-fixtures.js';
import { browserSuite, PHONE } from './browser-suite.js';
import { BookingForNotice } from './pages/booking-for-notice.js';
import { BookingJourneyPage } from './pages/booking-journey-page.js';
import { MyBookingsPage } from './pages/my-bookings-page.js';
import { addWeeklySessions, EVERY_DAY } from '../integration/centre-ops-fixtures.js';

const PASSWORD = 'a long password here';

const suite = browserSuite({ pageEachTest: { viewport: PHONE, isMobile: true } });
const { expectAccessible } = suite;
let staff: Session;
let principal: Session;
let assistant: Session;
let principalId: string;
let centreId: string;

async function api(session: Session, method: 'GET' | 'POST', url: string, body?: unknown) {
  const res = await suite.server.t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

beforeAll(async () => {
  const t = suite.server.t;
  staff = await t.signIn('demo-centre');
  principal = await t.signIn('demo-lawyer');
  principalId = (await t.custos.repositories.identity.userByUsername(t.custos.database.db, 'demo-lawyer'))!
    .id;
  centreId = (await api(staff, 'GET', '/api/centres')).json().items[0].id;
  // The server runs on today's date: sessions on every day keep bookable dates whenever the test runs.
  await addWeeklySessions(t, centreId, staff, {
    weekdays: EVERY_DAY,
    times: [
      ['09:00', '11:00'],
      ['14:00', '16:00'],
    ],
    onlinePlaces: 4,
    walkInPlaces: 0,
  });
  for (const [n, name] of [
    [1, '张三'],
    [2, '李四'],
  ] as const) {
    await api(staff, 'POST', `/api/centres/${centreId}/detainees`, { name, idNo: idNo(n) });
  }

  // 王律师 (demo-lawyer) names an assistant, who confirms.
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username: 'assistant.li',
        displayName: '李助理',
        unit: firm,
        roles: ['lawyer'],
        password: PASSWORD,
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  assistant = await signInWith(t, 'assistant.li', PASSWORD);
  const link = await api(principal, 'POST', '/api/lawyers/me/assistants', { username: 'assistant.li' });
  await api(assistant, 'POST', `/api/lawyer-assistant-links/${link.json().id}/confirm`);
});

describe('an assistant', () => {
  it('sees whom they book for, and manages the principal’s bookings they entered', async () => {
    const t = suite.server.t;
    // One booking the assistant entered for 王律师, one 王律师 made himself, at different times.
    const morning = await openSession(t, principal, centreId, 1);
    const entered = await bookMeeting(t, assistant, {
      sessionId: morning.id,
      durationMinutes: 60,
      client: { name: '张三', idNo: idNo(1) },
      onBehalfOf: principalId,
    });
    const days = (await api(principal, 'GET', `/api/centres/${centreId}/availability`)).json<{
      days: { sessions: { id: string; startsAt: string; remaining: number }[] }[];
    }>().days;
    const afternoon = days
      .flatMap((d) => d.sessions)
      .find((s) => s.remaining > 0 && s.id !== morning.id && s.startsAt > entered.endsAt)!;
    const own = await bookMeeting(t, principal, {
      sessionId: afternoon.id,
      durationMinutes: 60,
      client: { name: '李四', idNo: idNo(2) },
    });

    await suite.signIn('assistant.li', PASSWORD);

    // The journey says whom it books for before a place is held.
    const notice = new BookingForNotice(suite.page);
    const journey = new BookingJourneyPage(suite.page);
    await journey.start();
    expect(await notice.text()).toContain('您正在为 王律师 预约');
    await expectAccessible('journey start, booking for a principal');

    const bookings = new MyBookingsPage(suite.page);
    await bookings.goto(suite.server.baseUrl);
    expect(await notice.text()).toContain('王律师 的预约');
    expect(await notice.itemMarks(bookings.item(entered.id))).toEqual({
      enteredByMe: true,
      canCancel: true,
      calendarFile: false,
    });
    expect(await notice.itemMarks(bookings.item(own.id))).toEqual({
      enteredByMe: false,
      canCancel: false,
      calendarFile: false,
    });
    await expectAccessible('my bookings as an assistant');

    await bookings.openCancel(entered.id);
    await bookings.confirmCancel();
    await suite.page
      .locator('.ant-message')
      .getByText(/已取消|逾期取消/)
      .waitFor();
    expect((await bookings.statusOf(entered.id)).list).toBe('recent');
    const row = await t.custos.repositories.booking.bookingById(t.custos.database.db, entered.id);
    expect(row).toMatchObject({ bookedBy: principalId, status: expect.stringMatching(/^cancelled/) });
  });

  it('goes through the whole journey for the principal and sees it entered for them', async () => {
    await suite.signIn('assistant.li', PASSWORD);
    const journey = new BookingJourneyPage(suite.page);
    await journey.start();
    await journey.chooseCentre('石家庄市长安区看守所');
    await journey.chooseLastOpenDate();
    await journey.chooseSession('14:00', 60);
    await journey.waitForStep('/portal/book/client');
    await journey.enterClient('李四', idNo(2));
    await journey.passDocuments();
    await journey.waitForStep('/portal/book/co-counsel');
    await journey.continue();
    await journey.waitForStep('/portal/book/check');
    const notice = new BookingForNotice(suite.page);
    expect(await notice.enteredFor()).toBe('预约律师：王律师（由您代为填写）');
    await expectAccessible('check your answers, entered for the principal');
    await suite.page.getByTestId('journey-confirm').click();
    await suite.page.getByTestId('booking-result-title').waitFor();
    expect(await suite.page.getByTestId('booking-ics').count()).toBe(0);
    const id = new URL(suite.page.url()).pathname.split('/').at(-1)!;
    const row = await suite.server.t.custos.repositories.booking.bookingById(
      suite.server.t.custos.database.db,
      id,
    );
    const assistantId = (await suite.server.t.custos.repositories.identity.userByUsername(
      suite.server.t.custos.database.db,
      'assistant.li',
    ))!.id;
    expect(row).toMatchObject({ bookedBy: principalId, enteredBy: assistantId, status: 'confirmed' });
  });
});
