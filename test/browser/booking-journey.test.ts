// A lawyer books a meeting on a phone (390 x 844) in real Chromium: centre, date, session (a place is held,
// with a countdown), client, documents (a file refused before sending, a PDF chosen, a photo taken; the
// step cannot be passed without both kinds), co-counsel, check your answers with a change, confirm with a
// double tap (one booking), the calendar file, "my bookings", and cancelling with the deadline stated;
// then a second booking for the same client reuses the documents on file. axe finds no serious or
// critical violation on any step, in Chinese or in English.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../harness/test-app.js';
import { browserSuite, PHONE } from './browser-suite.js';
import { BookingJourneyPage } from './pages/booking-journey-page.js';
import { HomePage } from './pages/home-page.js';
import { MyBookingsPage } from './pages/my-bookings-page.js';
import { idNo } from '../harness/test-numbers.js';
import { SAMPLE_PDF, SAMPLE_PNG } from '../integration/booking-fixtures.js';
import { addWeeklySessions, EVERY_DAY } from '../integration/centre-ops-fixtures.js';

const suite = browserSuite({ pageEachTest: { viewport: PHONE } });
const { expectAccessible } = suite;
let staff: Session;
let centreId: string;

async function api(method: 'GET' | 'POST', url: string, body?: unknown) {
  const res = await suite.server.t.request({ method, url, session: staff, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

async function provisionLawyer(username: string, displayName: string, password: string) {
  const t = suite.server.t;
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      { username, displayName, unit: firm, roles: ['lawyer'], password, passwordChangeRequired: false },
      { actor: null },
    ),
  );
}

beforeAll(async () => {
  staff = await suite.server.t.signIn('demo-centre');
  centreId = (await api('GET', '/api/centres')).json().items[0].id;
  // The server runs on today's date: sessions on every day of the week keep a bookable date whenever
  // the test runs.
  await addWeeklySessions(suite.server.t, centreId, staff, {
    weekdays: EVERY_DAY,
    times: [
      ['09:00', '11:00'],
      ['14:00', '16:00'],
    ],
    onlinePlaces: 4,
    durations: [45, 60, 90],
  });
  await api('POST', `/api/centres/${centreId}/detainees`, {
    name: '张三',
    idNo: idNo(1),
    restrictedCase: false,
  });
  await api('POST', `/api/centres/${centreId}/detainees`, {
    name: '李四',
    idNo: idNo(2),
    restrictedCase: false,
  });
  await provisionLawyer('lawyer.co', '赵律师', 'a long password here');
  await provisionLawyer('lawyer.two', '钱律师', 'a long password here');
});

describe('booking a meeting on a phone', () => {
  it('goes from centre to confirmed booking, then to my bookings and a cancellation', async () => {
    await suite.signIn('demo-lawyer');
    const journey = new BookingJourneyPage(suite.page);
    await journey.start();
    expect(await journey.stepTitle()).toBe('选择看守所');
    await expectAccessible('centre step');

    await journey.chooseCentre('石家庄市长安区看守所');
    expect(await journey.stepTitle()).toBe('选择日期');
    const dates = await journey.dateChoices();
    expect(dates.length).toBeGreaterThan(0);
    for (const label of dates) expect(label).toMatch(/余 \d+ 个名额|已约满/);
    await expectAccessible('date step');

    const date = await journey.chooseLastOpenDate();
    expect(await journey.stepTitle()).toBe('选择时段和会见时长');
    expect(await journey.refreshNote()).toContain('名额每 15 秒自动刷新');
    expect(await journey.sessionPlaces('09:00')).toContain('余 4 个名额');
    await expectAccessible('session step');

    await journey.chooseSession('09:00', 60);
    await journey.waitForStep('/portal/book/client');
    // The place is held, with a visible countdown from the centre's 10 minutes.
    expect(await journey.holdCountdown()).toMatch(/^(10:00|09:[0-5]\d)$/);
    await expectAccessible('client step');

    // A name that does not match the roster: looking up the client's documents brings the server's own
    // message back to the client step, saying nothing about who is held there.
    await journey.enterClient('张三丰', idNo(1));
    expect(await journey.clientProblem()).toBe('本看守所没有与该姓名和身份证号相符的在押人员，请核对。');
    await journey.waitForStep('/portal/book/client');
    await expectAccessible('client step with the server’s refusal');

    await journey.enterClient('张三', idNo(1));
    await journey.waitForStep('/portal/book/documents');
    expect(await journey.stepTitle()).toBe('会见材料');
    await journey.waitForDocuments();
    expect(await journey.documentsOnFile('authority')).toEqual([]);
    expect(await journey.documentsOnFile('firm_letter')).toEqual([]);
    await expectAccessible('documents step, nothing on file');
    await journey.continue();
    expect(await journey.documentsMissing()).toBe(
      '还缺少：授权委托书或法律援助公函和律师事务所证明（会见介绍信）。请上传或选择后继续。',
    );

    // A file that is not a scan is refused on the phone, before anything is sent.
    expect(
      await journey.refusedUpload('authority', {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a scan'),
      }),
    ).toBe('“notes.txt”不是 JPEG、PNG 或 PDF 文件。');
    await journey.uploadDocument('authority', {
      name: '委托书.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    });
    expect(await journey.documentsMissing()).toBe(
      '还缺少：律师事务所证明（会见介绍信）。请上传或选择后继续。',
    );
    await journey.uploadDocument(
      'firm_letter',
      { name: '所函.png', mimeType: 'image/png', buffer: SAMPLE_PNG },
      { via: 'camera' },
    );
    expect(await suite.page.getByTestId('documents-missing').count()).toBe(0);
    expect(await journey.documentsOnFile('authority')).toEqual([
      { label: expect.stringContaining('授权委托书 · 委托书.pdf') as string, chosen: true },
    ]);
    await expectAccessible('documents step with both documents');
    await journey.continue();

    await journey.waitForStep('/portal/book/co-counsel');
    await expectAccessible('co-counsel step');
    await journey.enterCoCounsel('lawyer.co');
    expect(await journey.stepTitle()).toBe('核对预约信息');
    expect(await journey.answers()).toMatchObject({
      centre: '石家庄市长安区看守所',
      session: '09:00–10:00',
      duration: '60 分钟',
      clientName: '张三',
      clientIdNo: `110105********${idNo(1).slice(-4)}`,
      documents: '授权委托书（委托书.pdf）；律师事务所证明（所函.png）',
      coCounsel: 'lawyer.co',
    });
    await expectAccessible('check your answers');
    const held = (await mine('demo-lawyer')).filter((b) => b.status === 'held');
    expect(held).toHaveLength(1);

    // "Change" on the session and back, choosing the same: the hold is kept as it was.
    await journey.change('duration');
    await journey.waitForStep('/portal/book/session');
    expect(await journey.sessionPlaces('09:00')).toContain('已为您保留');
    await journey.continue();
    await journey.waitForStep('/portal/book/check');
    expect((await mine('demo-lawyer')).filter((b) => b.status === 'held').map((b) => b.id)).toEqual(
      held.map((b) => b.id),
    );

    await journey.confirmWithDoubleTap();
    const bookingId = await journey.waitForResult();
    expect(bookingId).toBe(held[0]!.id);
    expect(await journey.resultTitle()).toBe('预约成功');
    await expectAccessible('result page');
    // Two taps, one booking.
    const after = await mine('demo-lawyer');
    expect(after.filter((b) => b.status === 'confirmed')).toHaveLength(1);
    expect(after.filter((b) => b.status === 'held')).toHaveLength(0);

    const ics = await suite.page.request.get(
      new URL(await journey.calendarLink(), suite.server.baseUrl).toString(),
    );
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT\r\n');
    expect(text).toContain('SUMMARY:律师会见 · 石家庄市长安区看守所');

    await journey.goToMyBookings();
    const list = new MyBookingsPage(suite.page);
    await list.waitForList();
    expect(await list.statusOf(bookingId)).toEqual({ status: 'confirmed', list: 'upcoming' });
    expect(await list.statusText(bookingId)).toBe('已确认');
    await expectAccessible('my bookings');

    const dialog = await list.openCancel(bookingId);
    const startsAt = Date.parse(after.find((b) => b.id === bookingId)!.startsAt);
    const beforeDeadline = Date.now() <= startsAt - 24 * 3_600_000;
    expect(dialog.beforeDeadline).toBe(beforeDeadline);
    expect(dialog.deadline).toContain(beforeDeadline ? '不计爽约' : '计为一次爽约');
    expect(dialog.deadline).toContain('24 小时');
    await expectAccessible('cancel dialog');
    await list.confirmCancel();
    await expect.poll(async () => (await list.statusOf(bookingId)).list).toBe('recent');
    expect((await list.statusOf(bookingId)).status).toBe(beforeDeadline ? 'cancelled' : 'cancelled_late');
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The same list in English.
    await new HomePage(suite.page).switchLanguage('en');
    await suite.page.getByRole('heading', { name: 'My bookings', level: 1 }).waitFor();
    expect(await list.statusText(bookingId)).toMatch(/^Cancelled/);
    await expectAccessible('my bookings in English');
  });

  it('offers the documents on file for the same client, preselected, on the next booking', async () => {
    await suite.signIn('demo-lawyer');
    const journey = new BookingJourneyPage(suite.page);
    await journey.start();
    await journey.chooseCentre('石家庄市长安区看守所');
    await journey.chooseLastOpenDate();
    await journey.chooseSession('14:00', 45);
    await journey.waitForStep('/portal/book/client');
    await journey.enterClient('张三', idNo(1));
    await journey.waitForStep('/portal/book/documents');
    await journey.waitForDocuments();
    expect(await journey.documentsOnFile('authority')).toEqual([
      { label: expect.stringContaining('委托书.pdf') as string, chosen: true },
    ]);
    expect(await journey.documentsOnFile('firm_letter')).toEqual([
      { label: expect.stringContaining('所函.png') as string, chosen: true },
    ]);
    await journey.continue();
    await journey.waitForStep('/portal/book/co-counsel');
    await journey.continue();
    await journey.waitForStep('/portal/book/check');
    expect((await journey.answers()).documents).toBe('授权委托书（委托书.pdf）；律师事务所证明（所函.png）');
    await journey.confirmWithDoubleTap();
    await journey.waitForResult();
    expect(await journey.resultTitle()).toBe('预约成功');
  });

  it('says so when the hold lapses, and sends the lawyer back to choose a session', async () => {
    await suite.page.context().clock.install();
    await suite.signIn('lawyer.two', 'a long password here');
    const journey = new BookingJourneyPage(suite.page);
    await journey.start();
    await journey.chooseCentre('石家庄市长安区看守所');
    await journey.chooseLastOpenDate();
    await journey.chooseSession('14:00', 45);
    await journey.waitForStep('/portal/book/client');
    await suite.page.getByTestId('hold-countdown').waitFor();

    await suite.page.context().clock.fastForward('10:01');
    await journey.waitForStep('/portal/book/session');
    expect((await suite.page.getByTestId('hold-lapsed').innerText()).trim()).toBe(
      '名额保留已超时，名额已释放。请重新选择时段。',
    );
    expect(await suite.page.getByTestId('hold-banner').count()).toBe(0);
    await expectAccessible('session step after a lapsed hold');
  });
});

async function mine(username: string): Promise<{ id: string; status: string; startsAt: string }[]> {
  const session = await suite.server.t.signIn(username);
  const res = await suite.server.t.request({ method: 'GET', url: '/api/bookings/mine', session });
  return res.json().items;
}
