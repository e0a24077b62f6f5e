// An admin enters a year of public holidays in real Chromium at a desk: the covered years are listed, a
// wrong entry is refused line by line in Chinese, the corrected year is saved and the booking calendar
// covers it at once. axe finds no serious or critical violation on the page, errors shown or not.
import { describe, expect, it } from 'vitest';
import { browserSuite, DESK } from './browser-suite.js';
import { HolidayYearsPage } from './pages/holiday-years-page.js';

const suite = browserSuite({ pageEachTest: { viewport: DESK } });
const { expectAccessible } = suite;

// The fixed statutory days off only (1 January, 1 May, 1–3 October): the 2027 notice is not invented here.
const STATUTORY_2027 = [
  '2027-01-01 元旦',
  '2027-05-01 劳动节',
  '2027-10-01 国庆节',
  '2027-10-02 国庆节',
  '2027-10-03 国庆节',
];

describe('public holidays', () => {
  it('lets an admin add 2027 after fixing what the server refuses, line by line', async () => {
    await suite.signInEnrollingTotp('demo-admin');

    const holidays = new HolidayYearsPage(suite.page);
    await holidays.openFromMenu('节假日安排');
    expect((await holidays.rows()).map((cells) => cells.slice(0, 2))).toEqual([
      ['2024', '内置'],
      ['2025', '内置'],
      ['2026', '内置'],
    ]);
    await expectAccessible('covered years');

    // A line without a name is caught before anything is sent.
    await holidays.fill({ year: 2027, daysOff: ['2027-01-01'] });
    await holidays.save();
    expect(await holidays.listErrors('daysOff')).toEqual(['第 1 行“2027-01-01”应为“日期 名称”']);

    // The server's refusals land on the lines they are about, in Chinese.
    await holidays.fill({
      year: 2027,
      daysOff: ['2027-13-01 元旦', '', '2027-05-01 劳动节'],
      workdays: ['2027-01-04 元旦'],
    });
    await holidays.save();
    const daysOff = await holidays.listErrors('daysOff');
    expect(daysOff).toContain('第 1 行：日期格式应为 YYYY-MM-DD');
    expect(daysOff).toContain('放假日应包含 1 月 1 日、5 月 1 日和 10 月 1 日至 3 日');
    expect(await holidays.listErrors('workdays')).toEqual(['第 1 行：调休上班日应为星期六或星期日']);
    await expectAccessible('field errors');
    expect(suite.server.t.custos.services.calendars.latest().coversYear(2027)).toBe(false);

    await holidays.fill({
      year: 2027,
      source: '测试：仅含法定固定节日',
      daysOff: STATUTORY_2027,
    });
    await holidays.save();
    await holidays.waitForSaved('已保存 2027 年的节假日安排');
    await suite.page
      .getByTestId('holiday-years-table')
      .getByRole('cell', { name: '2027', exact: true })
      .waitFor();
    expect(await holidays.rowOf(2027)).toEqual(
      expect.arrayContaining(['2027', '管理员录入', '测试：仅含法定固定节日', '5', '0']),
    );
    expect(suite.server.t.custos.services.calendars.latest().coversYear(2027)).toBe(true);
    await expectAccessible('after saving');
  });
});
