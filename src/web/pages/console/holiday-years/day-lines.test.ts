import { describe, expect, it } from 'vitest';
import { formatDayLines, lineErrors, parseDayLines } from './day-lines.js';

const message = (en: string) => ({ 'zh-CN': `中文：${en}`, en });

describe('day lines', () => {
  it('reads a date and a name per line, skipping blank lines and keeping line numbers', () => {
    const parsed = parseDayLines(
      '2027-01-01 元旦\n\n2027-05-01\t劳动节\r\n 2027-10-01，国庆节 \n2027-10-02, 国庆 节',
    );
    expect(parsed.malformed).toEqual([]);
    expect(parsed.days).toEqual([
      { line: 1, date: '2027-01-01', name: '元旦' },
      { line: 3, date: '2027-05-01', name: '劳动节' },
      { line: 4, date: '2027-10-01', name: '国庆节' },
      { line: 5, date: '2027-10-02', name: '国庆 节' },
    ]);
  });

  it('reports a line without a name as malformed instead of guessing', () => {
    expect(parseDayLines('2027-01-01\n2027-05-01 劳动节').malformed).toEqual([
      { line: 1, text: '2027-01-01' },
    ]);
  });

  it('writes rows back as the admin would type them', () => {
    const days = [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-05-01', name: '劳动节' },
    ];
    expect(parseDayLines(formatDayLines(days)).days.map(({ date, name }) => ({ date, name }))).toEqual(days);
  });

  it('puts the server’s errors on the lines the rows came from', () => {
    const sent = parseDayLines('2027-01-01 元旦\n\n2027-13-01 元旦').days;
    const { rows, whole } = lineErrors(
      [
        { path: 'daysOff.1.date', code: 'custom', message: message('a date as YYYY-MM-DD') },
        { path: 'daysOff', code: 'custom', message: message('days off must include 1 January') },
        { path: 'workdays.0.date', code: 'custom', message: message('a make-up workday must be a weekend') },
        { path: 'daysOff.0.name', code: 'too_small', message: message('too short') },
      ],
      'daysOff',
      sent,
    );
    expect(rows).toEqual([
      { line: 1, message: message('too short') },
      { line: 3, message: message('a date as YYYY-MM-DD') },
    ]);
    expect(whole).toEqual([message('days off must include 1 January')]);
  });
});
