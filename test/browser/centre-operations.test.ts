// Centre staff at a desk run the day in real Chromium: the day sheet offers, per booking, what may be done
// now; staff record that a lawyer came, cancel another meeting with a reason (refused without words for an
// emergency), and release a detainee after a warning of how many meetings that cancels. The lawyer then
// reads the centre's reason on a phone. axe finds no serious or critical violation on any view.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting } from '../integration/booking-fixtures.js';
import { browserSuite, DESK, PHONE } from './browser-suite.js';
import { CentreConsolePage } from './pages/centre-console-page.js';
import { CentreOperationsPage } from './pages/centre-operations-page.js';
import { MyBookingsPage } from './pages/my-bookings-page.js';
import { addWeeklySessions, EVERY_DAY } from '../integration/centre-ops-fixtures.js';

const suite = browserSuite();
const { expectAccessible } = suite;
let staff: Session;
let centreId: string;
/** The day of the meetings, and the bookings made on it (and one later) by the set-up. */
let day: string;
const booked: { attended: string; cancelled: string; later: string } = {
  attended: '',
  cancelled: '',
  later: '',
};
let morningStart: number;

const client = (name: string, serial: number) => ({ name, idNo: idNo(serial) });

async function api(method: 'GET' | 'POST', url: string, body?: unknown, session = staff) {
  const res = await suite.server.t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

beforeAll(async () => {
  const t = suite.server.t;
  staff = await t.signIn('demo-centre');
  centreId = (await api('GET', '/api/centres')).json().items[0].id;
  // The server runs on today's date: sessions every day keep bookable dates whenever the test runs.
  await addWeeklySessions(t, centreId, staff, {
    weekdays: EVERY_DAY,
    times: [
      ['09:00', '11:00'],
      ['14:00', '16:00'],
    ],
    onlinePlaces: 4,
  });
  for (const [name, serial] of [
    ['张三', 1],
    ['李四', 2],
  ] as const) {
    await api('POST', `/api/centres/${centreId}/detainees`, {
      ...client(name, serial),
      restrictedCase: false,
    });
  }
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username: 'lawyer.two',
        displayName: '钱律师',
        unit: firm,
        roles: ['lawyer'],
        password: 'a long password here',
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  t.credentials.set('lawyer.two', {
    username: 'lawyer.two',
    password: 'a long password here',
    role: 'lawyer',
    displayName: '钱律师',
  });

  // A day with both sessions still open, and a later one.
  const lawyer = await t.signIn('demo-lawyer');
  const lawyerTwo = await t.signIn('lawyer.two');
  const days = (await api('GET', `/api/centres/${centreId}/availability`, undefined, lawyer)).json().days as {
    date: string;
    sessions: { id: string; startsAt: string }[];
  }[];
  const both = days.findIndex((d) => d.sessions.length >= 2);
  const [morning, afternoon] = days[both]!.sessions;
  day = days[both]!.date;
  morningStart = Date.parse(morning!.startsAt);
  const later = days.slice(both + 1).find((d) => d.sessions.length > 0)!.sessions[0]!;
  const meeting = (sessionId: string, c: ReturnType<typeof client>) => ({
    sessionId,
    durationMinutes: 60,
    client: c,
  });
  booked.attended = (await bookMeeting(t, lawyer, meeting(morning!.id, client('张三', 1)))).id;
  booked.cancelled = (await bookMeeting(t, lawyerTwo, meeting(afternoon!.id, client('李四', 2)))).id;
  booked.later = (await bookMeeting(t, lawyer, meeting(later.id, client('张三', 1)))).id;
});
beforeEach(async () => {
  // Ten minutes into the morning meeting: it can be recorded; the afternoon one can only be cancelled.
  suite.server.t.clock.set(new Date(morningStart + 10 * 60_000));
});

describe('the centre’s day', () => {
  it('records a lawyer who came, cancels a meeting with a reason, and releases a detainee', async () => {
    await suite.openPage({ viewport: DESK });
    await suite.signInWithTotp('demo-centre', staff.totpSecret!);
    const centre = new CentreConsolePage(suite.page);
    const ops = new CentreOperationsPage(suite.page);
    await centre.openFromMenu('当日会见安排', '/console/centre/day');
    await centre.showDay(day);
    expect(await centre.daySheetRows()).toHaveLength(2);
    expect(await ops.actionsOf('张三')).toEqual(['已会见', '爽约', '取消预约']);
    expect(await ops.actionsOf('李四')).toEqual(['取消预约']);
    await expectAccessible('day sheet with actions');

    await ops.markAttended('张三');
    expect(await ops.actionsOf('张三')).toEqual(['更正为爽约']);

    await ops.openCancel('李四');
    await expectAccessible('cancel dialog');
    await ops.chooseReason('看守所突发情况');
    await ops.confirmCancel();
    expect(await ops.reasonError()).toBe('请简要说明情况（至少 2 个字）');
    await ops.enterReason('监区临时封闭');
    await ops.confirmCancel();
    await ops.waitForCancelled('李四');
    expect(await ops.cancellationNote('李四')).toBe(
      '看守所取消（看守所 李警官）：看守所突发情况：监区临时封闭',
    );
    expect(await ops.actionsOf('李四')).toEqual([]);
    await expectAccessible('day sheet after the cancellation');

    const statuses = new Map(
      (await api('GET', '/api/bookings/mine', undefined, await suite.server.t.signIn('demo-lawyer')))
        .json()
        .items.map((b: { id: string; status: string }) => [b.id, b.status]),
    );
    expect(statuses.get(booked.attended)).toBe('attended');

    await centre.openFromMenu('在押人员名册', '/console/centre/roster');
    // Only the later meeting is still to come: the morning one has started (and is recorded).
    expect(await ops.openRelease('张三')).toBe(
      '其尚未开始的会见预约有 1 个，将由看守所取消，律师可在“我的预约”中看到原因。',
    );
    await expectAccessible('release confirmation with its warning');
    expect(await ops.confirmStatus()).toBe('状态已更新，已取消其 1 个尚未开始的会见预约');
    expect(statuses.get(booked.later)).toBe('confirmed');
    const after = (
      await api('GET', '/api/bookings/mine', undefined, await suite.server.t.signIn('demo-lawyer'))
    )
      .json()
      .items.find((b: { id: string }) => b.id === booked.later);
    expect(after.status).toBe('cancelled_by_centre');
  });

  it('shows the lawyer, on a phone, why the centre cancelled', async () => {
    await suite.openPage({ viewport: PHONE });
    await suite.signIn('lawyer.two', 'a long password here');
    const list = new MyBookingsPage(suite.page);
    await list.goto(suite.server.baseUrl);
    expect(await list.statusOf(booked.cancelled)).toEqual({ status: 'cancelled_by_centre', list: 'recent' });
    const note = list.item(booked.cancelled).getByTestId('centre-cancellation');
    await note.waitFor();
    expect((await note.innerText()).trim()).toBe('看守所取消原因：看守所突发情况：监区临时封闭');
    await expectAccessible('my bookings with a centre cancellation');
  });
});
