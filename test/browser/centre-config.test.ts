// Centre staff configure bookings in real Chromium: sign in with TOTP, add a room, a weekly session on
// every day, a detainee (by hand and by CSV import), change a booking rule, and see a lawyer's booking on
// the day sheet. axe finds no serious or critical violation on any page.
import { describe, expect, it } from 'vitest';
import { browserSuite, DESK } from './browser-suite.js';
import { CentreConsolePage } from './pages/centre-console-page.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting } from '../integration/booking-fixtures.js';

const suite = browserSuite({ pageEachTest: { viewport: DESK } });
const { expectAccessible } = suite;

describe('configuring a centre for bookings', () => {
  it('adds a room, a weekly session and detainees, and shows the day’s booking on the day sheet', async () => {
    await suite.signInEnrollingTotp('demo-centre');

    const centre = new CentreConsolePage(suite.page);
    await centre.openFromMenu('会见室与终端', '/console/centre/rooms');
    await expectAccessible('rooms');
    await centre.addRoom('第一会见室');

    await centre.openFromMenu('每周时段', '/console/centre/sessions');
    await expectAccessible('weekly sessions');
    // The browser server runs on today's date: a session on every day keeps a bookable date.
    await centre.addSessionEveryDay('09:00', '11:00', 12);
    const rows = await centre.sessionRows();
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toContain('09:00–11:00');
    expect(rows.join('\n')).toContain('星期日');

    await centre.openFromMenu('在押人员名册', '/console/centre/roster');
    await expectAccessible('roster');
    await centre.addDetainee('赵六', idNo(6));
    // Only the region code and the last four characters of the ID number are ever shown.
    expect(await centre.rosterRow('赵六')).toContain(`110105********${idNo(6).slice(-4)}`);
    expect(await centre.rosterRow('赵六')).not.toContain(idNo(6));

    const badFile = `姓名,身份证号,限制案件\n钱七,${idNo(7)},否\n孙八,110105198001010000,\n`;
    expect(await centre.previewImport('roster.csv', badFile)).toContain('1 条记录有问题');
    expect(await suite.page.getByTestId('roster-commit').count()).toBe(0);
    await expectAccessible('roster import preview with errors');
    const goodFile = `姓名,身份证号,限制案件\n钱七,${idNo(7)},否\n孙八,${idNo(8)},是\n`;
    expect(await centre.previewImport('roster.csv', goodFile)).toContain('共 2 条记录，全部无误');
    await centre.commitImport();
    await suite.page.getByTestId('roster-table').getByRole('cell', { name: '孙八', exact: true }).waitFor();
    expect(await centre.rosterRow('孙八')).toContain('是');

    await centre.openFromMenu('会见预约规则', '/console/centre/settings');
    await expectAccessible('booking rules');
    await suite.page.getByTestId('setting-cancellationDeadlineHours').fill('12');
    await suite.page.getByTestId('settings-save').click();
    await suite.page.locator('.ant-message').getByText('规则已保存').waitFor();

    // A lawyer books the new session for 赵六.
    const lawyer = await suite.server.t.signIn('demo-lawyer');
    const centreId = (
      await suite.server.t.request({ method: 'GET', url: '/api/centres', session: lawyer })
    ).json().items[0].id;
    const settings = await suite.server.t.request({
      method: 'GET',
      url: `/api/centres/${centreId}/settings`,
      session: lawyer,
    });
    expect(settings.json().cancellationDeadlineHours).toBe(12);
    const days = (
      await suite.server.t.request({
        method: 'GET',
        url: `/api/centres/${centreId}/availability`,
        session: lawyer,
      })
    ).json().days as { date: string; sessions: { id: string }[] }[];
    const day = days.find((d) => d.sessions.length > 0)!;
    await bookMeeting(suite.server.t, lawyer, {
      sessionId: day.sessions[0]!.id,
      durationMinutes: 60,
      idempotencyKey: 'browser-day-sheet-1',
      client: { name: '赵六', idNo: idNo(6) },
    });

    await centre.openFromMenu('当日会见安排', '/console/centre/day');
    await centre.showDay(day.date);
    const sheet = await centre.daySheetRows();
    expect(sheet).toHaveLength(1);
    expect(sheet[0]).toContain('09:00–10:00');
    expect(sheet[0]).toContain('王律师');
    expect(sheet[0]).toContain('赵六');
    expect(sheet[0]).toContain('已确认');
    expect(await centre.exportLink()).toBe(`/api/centres/${centreId}/bookings.csv?date=${day.date}`);
    await expectAccessible('day sheet');

    const csv = await suite.page.request.get(
      new URL(await centre.exportLink(), suite.server.baseUrl).toString(),
    );
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('赵六');
  });
});
