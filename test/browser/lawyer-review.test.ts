// A lawyer's standing in real Chromium, as people go through it. On a phone (390 x 844) a lawyer registers
// from the sign-in page: a mistyped ID number and a wrong SMS code are told beside their fields in Chinese,
// the licence photo is a PNG made here, and the registration then waits for review (the result page, the
// account page, and a booking attempt refused for that reason). Centre staff at a desk, signed in with TOTP,
// open the lawyer review queue, view the licence photo (the very image uploaded), reject one registrant with
// a reason, which that lawyer reads on their account page before correcting and resubmitting, and approve
// the other, who then books a meeting through the whole journey. Three late cancellations suspend that
// lawyer's online booking at the centre: the account page says until when, a place is refused, and the
// lawyer appeals; staff see the appeal on the suspensions tab and lift it with a reason, which the lawyer
// reads; the lawyer books online again. axe finds no serious or critical violation on any page on the way.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import type { Session } from '../harness/test-app.js';
import { idNo, licenceNo } from '../harness/test-numbers.js';
import { bookMeeting } from '../integration/booking-fixtures.js';
import { addWeeklySessions, enrol, EVERY_DAY } from '../integration/centre-ops-fixtures.js';
import { lastCode, register, registrant, signInWith } from '../integration/lawyers-fixtures.js';
import { browserSuite, DESK, PHONE } from './browser-suite.js';
import { solidPng } from './generated-png.js';
import { AccountStandingPage } from './pages/account-standing-page.js';
import { BookingJourneyPage } from './pages/booking-journey-page.js';
import { LawyerReviewPage } from './pages/lawyer-review-page.js';
import { RegistrationPage } from './pages/registration-page.js';

const suite = browserSuite();
const { expectAccessible } = suite;
const CENTRE = '石家庄市长安区看守所';
const CLIENT = { name: '张三', idNo: idNo(1) };
const MINUTE = 60_000;

/** The lawyer who registers in the browser, is approved, and later suspended. */
const lin = {
  name: '林晓',
  licenceNo: licenceNo(21),
  idNo: idNo(21),
  mobile: '13900000021',
  firmName: '河北明理律师事务所',
  username: 'lin.xiao',
  password: 'correct horse battery staple',
};
/** A licence photo of a size no other image here has, so the reviewer's view can be told to be this one. */
const LICENCE_PHOTO = solidPng(64, 40, [200, 60, 40]);
/** The lawyer registered through the API, whom staff reject. */
const zhou = registrant(22, { name: '周正' });
const REJECTION = '执业证照片模糊，无法核对证号';
const APPEAL = '当事人临时转所，非本人原因';
const LIFT_REASON = '申诉属实，当事人转所';

let staff: Session;
let centreId: string;

async function api(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
  const res = await suite.server.t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

const db = () => suite.server.t.custos.database.db;

async function profileOf(username: string) {
  const [row] = await queryRows<{ user_id: string; status: string; rejection_reason: string | null }>(
    db(),
    sql`select p.user_id, p.status, p.rejection_reason from lawyer_profile p
         join app_user u on u.id = p.user_id where u.username = ${username}`,
  );
  return row;
}

async function suspensionsOf(userId: string) {
  return queryRows<{
    id: string;
    // Timestamps come back as text from PGlite and as dates from PostgreSQL.
    ends_at: string | Date;
    strike_count: number;
    appeal: string | null;
    lifted_at: string | Date | null;
    lift_reason: string | null;
  }>(
    db(),
    sql`select id, ends_at, strike_count, appeal, lifted_at, lift_reason from lawyer_suspension
         where lawyer_user_id = ${userId} order by starts_at`,
  );
}

async function bookingsOf(session: Session): Promise<{ id: string; status: string; startsAt: string }[]> {
  return (await api(session, 'GET', '/api/bookings/mine')).json().items;
}

/** "2025-03-04 13:06:07": the Beijing wall-clock time, computed here rather than by the app. */
function beijingText(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A lawyer on a phone goes from the centre to the session step and asks for a place. */
async function askForAPlace(journey: BookingJourneyPage, start: string): Promise<void> {
  await journey.start();
  await journey.chooseCentre(CENTRE);
  await journey.chooseLastOpenDate();
  await journey.chooseSession(start, 60);
}

/** What the journey says when the server refuses the place (the problem above the step). */
async function refusal(journey: BookingJourneyPage): Promise<string> {
  const alert = journey.page.locator('.custos-problem');
  await alert.waitFor();
  return (await alert.innerText()).trim();
}

/** The whole journey to a confirmed booking for the client, checking every step with axe. */
async function bookThroughJourney(journey: BookingJourneyPage, start: string, when: string): Promise<string> {
  await journey.start();
  await expectAccessible(`centre step ${when}`);
  await journey.chooseCentre(CENTRE);
  await journey.chooseLastOpenDate();
  await expectAccessible(`session step ${when}`);
  await journey.chooseSession(start, 60);
  await journey.waitForStep('/portal/book/client');
  await expectAccessible(`client step ${when}`);
  await journey.enterClient(CLIENT.name, CLIENT.idNo);
  await journey.waitForStep('/portal/book/documents');
  await journey.waitForDocuments();
  await expectAccessible(`documents step ${when}`);
  await journey.passDocuments();
  await journey.waitForStep('/portal/book/co-counsel');
  await journey.continue();
  await journey.waitForStep('/portal/book/check');
  await expectAccessible(`check your answers ${when}`);
  await journey.confirmWithDoubleTap();
  const bookingId = await journey.waitForResult();
  expect(await journey.resultTitle()).toBe('预约成功');
  await expectAccessible(`booking result ${when}`);
  return bookingId;
}

beforeAll(async () => {
  const t = suite.server.t;
  staff = await t.signIn('demo-centre');
  centreId = (await api(staff, 'GET', '/api/centres')).json().items[0].id;
  // The server runs on today's date: sessions on every day keep bookable dates whenever the test runs.
  await addWeeklySessions(t, centreId, staff, { weekdays: EVERY_DAY, onlinePlaces: 4 });
  await enrol(t, centreId, staff, 1, CLIENT.name);
  // A week's cancellation deadline makes every cancellation here late: a strike.
  const settings = (await api(staff, 'GET', `/api/centres/${centreId}/settings`)).json();
  await api(staff, 'PUT', `/api/centres/${centreId}/settings`, {
    ...settings,
    cancellationDeadlineHours: 168,
    strikeThreshold: 3,
    strikeWindowDays: 90,
    suspensionDays: 30,
  });
  const registered = await register(t, zhou);
  expect(registered.statusCode, registered.body).toBe(201);
});

describe('registering and being reviewed', () => {
  it('registers on a phone, is told each wrong field in Chinese, and waits for review', async () => {
    const t = suite.server.t;
    await suite.openPage({ viewport: PHONE });
    const form = new RegistrationPage(suite.page);
    await form.openFromLogin(suite.server.baseUrl);
    await expectAccessible('registration form');

    await form.fill({ mobile: lin.mobile });
    await form.sendCode();
    expect(await form.sendCodeButtonText()).toMatch(/^\d+ 秒后可重新获取$/);
    // The SMS the phone receives, read from the outbox.
    const code = await lastCode(t, lin.mobile);
    expect(code).toMatch(/^\d{6}$/);

    // One character mistyped in the ID number: the check character no longer matches.
    const mistyped = lin.idNo.slice(0, 16) + String((Number(lin.idNo[16]) + 1) % 10) + lin.idNo[17];
    await form.fill({ name: lin.name, licenceNo: lin.licenceNo, idNo: mistyped });
    expect(await form.fieldError('idNo')).toBe('最后一位校验码与号码不符，请检查是否输错');
    expect(await form.isInvalid('idNo')).toBe(true);
    await expectAccessible('registration form with a field error');
    await form.fill({ idNo: lin.idNo });
    await form.waitForNoFieldError('idNo');
    expect(await form.isInvalid('idNo')).toBe(false);

    // A wrong code passes the browser (six digits) and comes back from the server beside its field.
    const wrongCode = code.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    await form.fill({
      firmName: lin.firmName,
      username: lin.username,
      password: lin.password,
      repeat: lin.password,
      code: wrongCode,
    });
    await form.choosePhoto({ name: '执业证.png', mimeType: 'image/png', buffer: LICENCE_PHOTO });
    await form.next();
    expect(await form.answers()).toEqual({
      姓名: lin.name,
      律师执业证号: lin.licenceNo,
      身份证号: lin.idNo,
      律师事务所名称: lin.firmName,
      手机号码: lin.mobile,
      用户名: lin.username,
    });
    await expectAccessible('registration check step');
    await form.submit();
    await form.waitForForm();
    expect(await form.codeError()).toBe('验证码不正确，还可尝试 4 次。');
    expect(await profileOf(lin.username)).toBeUndefined();
    await expectAccessible('registration form with the server’s refusal');

    await form.fill({ code });
    await form.next();
    await form.submit();
    expect(await form.result()).toEqual({
      title: '注册已提交',
      body: `账号 ${lin.username} 已创建，正在等待看守所审核。您现在可以登录查看审核进度。`,
    });
    await expectAccessible('registration submitted');
    expect(await profileOf(lin.username)).toMatchObject({ status: 'pending', rejection_reason: null });

    // Signed in, the account page says the registration waits, and booking says why it cannot go on.
    await suite.signIn(lin.username, lin.password);
    const account = new AccountStandingPage(suite.page);
    await account.open();
    expect(await account.registrationStatus()).toBe('等待审核');
    expect(await account.registrationNotice()).toBe(
      '看守所民警正在审核您的执业证，审核通过后会以短信通知您。',
    );
    await expectAccessible('account page, registration pending');
    const journey = new BookingJourneyPage(suite.page);
    await askForAPlace(journey, '09:00');
    expect(await refusal(journey)).toBe(
      '您的律师注册正在等待看守所审核，审核通过后即可网上预约。未预约也可直接到看守所会见。',
    );
    await journey.waitForStep('/portal/book/session');
    await expectAccessible('session step refused while pending');
  });

  it('is reviewed by centre staff at a desk: the licence photo, one rejected with a reason, one approved', async () => {
    const t = suite.server.t;
    await suite.openPage({ viewport: DESK });
    // A code is accepted once: step past the one the API sign-in used.
    t.clock.advance(30_000);
    await suite.signInWithTotp('demo-centre', staff.totpSecret!);
    const review = new LawyerReviewPage(suite.page);
    await review.open();
    const linRow = await review.rowText(lin.name);
    expect(linRow).toContain(lin.licenceNo);
    expect(linRow).toContain(lin.firmName);
    expect(linRow).toContain('等待审核');
    // The ID number is masked: the review needs the licence, not the person's number.
    expect(linRow).not.toContain(lin.idNo);
    expect(await review.rowText('周正')).toContain('等待审核');
    await expectAccessible('review queue');

    const lin0 = (await profileOf(lin.username))!;
    expect(await review.viewPhoto(lin.name)).toEqual({
      width: 64,
      height: 40,
      sha256: crypto.createHash('sha256').update(LICENCE_PHOTO).digest('hex'),
    });
    await expectAccessible('licence photo open');
    await review.closePhoto();
    const viewed = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_event
           where action = 'lawyer.licence_photo_viewed' and subject_id = ${lin0.user_id}`,
    );
    expect(viewed[0]!.n).toBe(1);

    await review.reject('周正', REJECTION);
    await review.row('周正').waitFor({ state: 'detached' });
    expect(await profileOf(zhou.username)).toMatchObject({ status: 'rejected', rejection_reason: REJECTION });

    await review.approve(lin.name);
    await review.row(lin.name).waitFor({ state: 'detached' });
    expect(await profileOf(lin.username)).toMatchObject({ status: 'approved', rejection_reason: null });
    expect(await review.queue().getByText('没有记录').count()).toBe(1);
    await expectAccessible('review queue emptied');

    await review.showStatus('未通过');
    expect(await review.rowText('周正')).toContain(`退回原因：${REJECTION}`);
    await expectAccessible('rejected registrations');
    await review.showStatus('已通过');
    expect(await review.rowText(lin.name)).toContain('已通过');

    const decisions = await queryRows<{ action: string; subject_id: string }>(
      db(),
      sql`select action, subject_id from audit_event
           where action in ('lawyer.approved', 'lawyer.rejected') order by id`,
    );
    expect(decisions).toEqual([
      { action: 'lawyer.rejected', subject_id: (await profileOf(zhou.username))!.user_id },
      { action: 'lawyer.approved', subject_id: lin0.user_id },
    ]);
  });

  it('tells the rejected lawyer why, on their account page, where they correct and resubmit', async () => {
    await suite.openPage({ viewport: PHONE });
    await suite.signIn(zhou.username, zhou.password);
    const account = new AccountStandingPage(suite.page);
    await account.open();
    expect(await account.registrationStatus()).toBe('未通过');
    expect(await account.registrationNotice()).toContain('审核未通过的原因');
    expect(await account.rejectionReason()).toBe(REJECTION);
    await expectAccessible('account page, registration rejected');

    // Corrected, with a sharper photo, it goes back to the queue.
    await account.correctAndResubmit(zhou.body.idNo as string, {
      name: '执业证-重拍.png',
      mimeType: 'image/png',
      buffer: solidPng(80, 50, [20, 20, 20]),
    });
    await expect.poll(() => account.registrationStatus()).toBe('等待审核');
    expect(await profileOf(zhou.username)).toMatchObject({ status: 'pending', rejection_reason: null });
    await expectAccessible('account page, registration resubmitted');
  });

  it('lets the approved lawyer book a meeting through the journey', async () => {
    await suite.openPage({ viewport: PHONE });
    await suite.signIn(lin.username, lin.password);
    const account = new AccountStandingPage(suite.page);
    await account.open();
    expect(await account.registrationStatus()).toBe('已通过');
    expect(await account.registrationNotice()).toBe('审核已通过，可以网上预约会见。');
    await expectAccessible('account page, registration approved');

    const bookingId = await bookThroughJourney(new BookingJourneyPage(suite.page), '09:00', 'once approved');
    const session = await signInWith(suite.server.t, lin.username, lin.password);
    expect(await bookingsOf(session)).toEqual([
      expect.objectContaining({ id: bookingId, status: 'confirmed' }),
    ]);
  });
});

describe('a suspension of online booking', () => {
  let lawyer: Session;
  let userId: string;
  let until: Date;

  it('follows three late cancellations: the lawyer reads until when, is refused a place, and appeals', async () => {
    const t = suite.server.t;
    lawyer = await signInWith(t, lin.username, lin.password);
    userId = (await profileOf(lin.username))!.user_id;
    // Three meetings before the last bookable date (where the lawyer already has one), each cancelled
    // within the week's deadline.
    const days = (await api(lawyer, 'GET', `/api/centres/${centreId}/availability`)).json().days as {
      sessions: { id: string; remaining: number }[];
    }[];
    const sessions = days
      .slice(0, -1)
      .flatMap((d) => d.sessions)
      .filter((s) => s.remaining > 0)
      .slice(0, 3);
    expect(sessions).toHaveLength(3);
    for (const s of sessions) {
      const booked = await bookMeeting(t, lawyer, { sessionId: s.id, durationMinutes: 60, client: CLIENT });
      t.clock.advance(MINUTE);
      until = new Date(t.clock.now().getTime() + 30 * 86_400_000);
      const cancelled = await api(lawyer, 'POST', `/api/bookings/${booked.id}/cancel`, {});
      expect(cancelled.json().status).toBe('cancelled_late');
      t.clock.advance(MINUTE);
    }
    const [suspension] = await suspensionsOf(userId);
    expect(suspension).toMatchObject({ strike_count: 3, appeal: null, lifted_at: null });
    expect(new Date(suspension!.ends_at)).toEqual(until);

    await suite.openPage({ viewport: PHONE });
    await suite.signIn(lin.username, lin.password);
    const account = new AccountStandingPage(suite.page);
    await account.open();
    const [notice] = await account.suspensions();
    expect(notice).toContain(`${CENTRE}：网上预约暂停至 ${beijingText(until)}（北京时间）`);
    expect(notice).toContain('原因：90 天内逾期取消或爽约 3 次（该所规定 3 次即暂停）。');
    expect(notice).toContain('暂停期间仍可不经预约直接到看守所会见。');
    await expectAccessible('account page, suspended');

    await account.appeal(APPEAL);
    await expect.poll(async () => (await account.suspensions())[0]).toContain(`：${APPEAL}`);
    expect(await account.canAppeal()).toBe(false);
    expect((await suspensionsOf(userId))[0]).toMatchObject({ appeal: APPEAL, lifted_at: null });
    await expectAccessible('account page, appealed');

    const journey = new BookingJourneyPage(suite.page);
    await askForAPlace(journey, '14:00');
    expect(await refusal(journey)).toContain('网上预约已暂停至');
    await journey.waitForStep('/portal/book/session');
    await expectAccessible('session step refused while suspended');
  });

  it('is seen by centre staff with the appeal, and lifted with a recorded reason', async () => {
    const t = suite.server.t;
    await suite.openPage({ viewport: DESK });
    t.clock.advance(30_000);
    await suite.signInWithTotp('demo-centre', staff.totpSecret!);
    const review = new LawyerReviewPage(suite.page);
    await review.open();
    await review.openSuspensions();
    const cells = await review.suspensionCells(lin.name);
    expect(cells).toMatchObject({
      律师: expect.stringContaining(lin.username) as string,
      违约次数: '90 天内 3 次',
      申诉: APPEAL,
      状态: '暂停中',
    });
    expect(cells['暂停期间（北京时间）']).toContain(beijingText(until));
    await expectAccessible('suspensions tab');

    await review.lift(lin.name, LIFT_REASON);
    await expect
      .poll(async () => (await review.suspensionCells(lin.name))['状态'])
      .toMatch(new RegExp(`^已解除\\s+${LIFT_REASON}$`));
    expect(await review.suspensionRow(lin.name).getByRole('button', { name: '解除暂停' }).count()).toBe(0);
    await expectAccessible('suspensions tab after lifting');

    const [suspension] = await suspensionsOf(userId);
    expect(suspension).toMatchObject({ lift_reason: LIFT_REASON });
    expect(suspension!.lifted_at).not.toBeNull();
    const [event] = await t.custos.repositories.audit.listEvents(db(), {
      limit: 1,
      actionPrefix: 'lawyer.suspension_lifted',
    });
    expect(event).toMatchObject({
      actorUsername: 'demo-centre',
      subjectId: suspension!.id,
      payload: { reason: LIFT_REASON },
    });
  });

  it('lets the lawyer book online again, and tells them it was lifted and why', async () => {
    await suite.openPage({ viewport: PHONE });
    await suite.signIn(lin.username, lin.password);
    const account = new AccountStandingPage(suite.page);
    await account.open();
    const [notice] = await account.suspensions();
    expect(notice).toContain(`${CENTRE}：曾暂停网上预约`);
    expect(notice).toMatch(new RegExp(`已于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 解除：${LIFT_REASON}`));
    await expectAccessible('account page, suspension lifted');

    const bookingId = await bookThroughJourney(new BookingJourneyPage(suite.page), '14:00', 'after lifting');
    const confirmed = (await bookingsOf(lawyer)).filter((b) => b.status === 'confirmed');
    expect(confirmed.map((b) => b.id)).toContain(bookingId);
    expect(confirmed).toHaveLength(2);
  });
});
