// Restricted cases in real Chromium: a lawyer on a phone (390 x 844) uploads the investigating organ's
// permission decision to a booking waiting for it, from "my bookings"; centre staff at a desk find it on
// the permission queue, open the documents (an image inline, a PDF to open in a tab, each view audited),
// confirm it, and refuse another with a reason. axe finds no serious or critical violation on any page.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import type { Session } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, SAMPLE_PNG, type BookingView } from '../integration/booking-fixtures.js';
import { browserSuite, DESK, PHONE } from './browser-suite.js';
import { MyBookingsPage } from './pages/my-bookings-page.js';
import { PermissionQueuePage } from './pages/permission-queue-page.js';
import { addWeeklySessions, EVERY_DAY } from '../integration/centre-ops-fixtures.js';

const suite = browserSuite();
const { expectAccessible } = suite;
let staff: Session;
let lawyer: Session;
let wang: BookingView;
let zhao: BookingView;

async function api(session: Session, method: 'GET' | 'POST', url: string, body?: unknown) {
  const res = await suite.server.t.request({ method, url, session, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

beforeAll(async () => {
  staff = await suite.server.t.signIn('demo-centre');
  lawyer = await suite.server.t.signIn('demo-lawyer');
  const centreId = (await api(lawyer, 'GET', '/api/centres')).json().items[0].id as string;
  // The server runs on today's date: sessions on every day keep bookable dates whenever the test runs.
  await addWeeklySessions(suite.server.t, centreId, staff, {
    weekdays: EVERY_DAY,
    times: [
      ['09:00', '11:00'],
      ['14:00', '16:00'],
    ],
    onlinePlaces: 4,
  });
  for (const [serial, name] of [
    [1, '王五'],
    [2, '赵六'],
  ] as const) {
    await api(staff, 'POST', `/api/centres/${centreId}/detainees`, {
      name,
      idNo: idNo(serial),
      restrictedCase: true,
    });
  }
  // Two sessions of the last bookable date, so neither meeting starts while the test runs.
  const days = (await api(lawyer, 'GET', `/api/centres/${centreId}/availability`)).json().days as {
    sessions: { id: string }[];
  }[];
  const [morning, afternoon] = days.at(-1)!.sessions;
  wang = await bookMeeting(suite.server.t, lawyer, {
    sessionId: morning!.id,
    durationMinutes: 60,
    client: { name: '王五', idNo: idNo(1) },
  });
  zhao = await bookMeeting(suite.server.t, lawyer, {
    sessionId: afternoon!.id,
    durationMinutes: 60,
    client: { name: '赵六', idNo: idNo(2) },
  });
  expect([wang.status, zhao.status]).toEqual(['awaiting_permission', 'awaiting_permission']);
});

const statusOf = async (bookingId: string) =>
  (
    await queryRows<{ status: string; cancel_reason: string | null }>(
      suite.server.t.custos.database.db,
      sql`select status, cancel_reason from booking where id = ${bookingId}`,
    )
  )[0]!;

describe('a restricted-case booking', () => {
  it('takes the permission decision from the lawyer’s phone', async () => {
    await suite.openPage({ viewport: PHONE });
    await suite.signIn('demo-lawyer');
    const list = new MyBookingsPage(suite.page);
    await list.goto(suite.server.baseUrl);
    const item = list.item(wang.id);
    expect((await item.getByTestId('permission-decision-state').innerText()).trim()).toBe(
      '该案件须经侦查机关许可方可会见。请上传许可决定书，看守所确认后预约即生效。',
    );
    await expectAccessible('my bookings with a booking awaiting permission');

    await item.getByTestId('permission-decision-camera').setInputFiles({
      name: '许可决定书.png',
      mimeType: 'image/png',
      buffer: SAMPLE_PNG,
    });
    await item.getByText('已上传许可决定书，等待看守所确认。').waitFor();
    await item.getByRole('link', { name: '许可决定书.png' }).waitFor();
    expect(await statusOf(wang.id)).toMatchObject({ status: 'awaiting_permission' });
    await expectAccessible('my bookings after the upload');
  });

  it('is confirmed by centre staff from the permission queue, and another refused with a reason', async () => {
    await suite.openPage({ viewport: DESK });
    // A code is accepted once: step past the one the API sign-in used.
    suite.server.t.clock.advance(30_000);
    await suite.signInWithTotp('demo-centre', staff.totpSecret!);

    const queue = new PermissionQueuePage(suite.page);
    await queue.open();
    expect(await queue.rowText('王五')).toContain('已上传');
    expect(await queue.rowText('赵六')).toContain('律师尚未上传');
    expect(await queue.row('赵六').getByTestId('permission-confirm').isDisabled()).toBe(true);
    await expectAccessible('permission queue');

    expect(await queue.openDocument('王五', 'permission_decision')).toBe('image');
    expect(await queue.imageSize()).toEqual({ width: 1, height: 1 });
    await expectAccessible('permission decision open');
    await queue.closeViewer();
    expect(await queue.openDocument('王五', 'power_of_attorney')).toBe('pdf');
    await queue.closeViewer();
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      suite.server.t.custos.database.db,
      sql`select count(*)::int as n from audit_event where action = 'booking.document_viewed' and subject_id = ${wang.id}`,
    );
    expect(n).toBe(2);

    await queue.confirm('王五');
    await queue.row('王五').waitFor({ state: 'detached' });
    expect(await statusOf(wang.id)).toMatchObject({ status: 'confirmed' });

    await queue.refuse('赵六', '侦查机关不予许可');
    await queue.row('赵六').waitFor({ state: 'detached' });
    expect(await queue.isEmpty()).toBe(true);
    expect(await statusOf(zhao.id)).toEqual({
      status: 'cancelled_by_centre',
      cancel_reason: '侦查机关不予许可',
    });
    await expectAccessible('empty permission queue');
  });
});
