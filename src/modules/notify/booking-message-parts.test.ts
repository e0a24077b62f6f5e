import { describe, expect, it } from 'vitest';
import { clipText, meetingDay } from './booking-message-parts.js';
import { renderTemplate } from './templates.js';

describe('the day of a meeting in a message', () => {
  it('is month and day in Chinese, weekday, day and month in English', () => {
    expect(meetingDay('2026-11-27', 'zh-CN')).toBe('11月27日');
    expect(meetingDay('2026-11-27', 'en')).toBe('Fri 27 Nov');
    expect(meetingDay('2027-01-04', 'en')).toBe('Mon 4 Jan');
  });
});

describe('booking messages', () => {
  const meeting = { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00' };

  it('tell the lawyer what was booked, in their language', () => {
    expect(renderTemplate('booking.confirmed', 'zh-CN', { ...meeting, minutes: 90 }).text).toBe(
      '会见预约成功：石家庄市长安区看守所，11月27日 09:00，90分钟。可在“我的预约”加入日历。',
    );
    expect(
      renderTemplate('booking.confirmed', 'en', {
        ...meeting,
        centre: "Chang'an Detention Centre",
        minutes: 90,
      }).text,
    ).toBe(
      "Meeting booked: Chang'an Detention Centre, Fri 27 Nov 09:00, 90 min. Add it to your calendar from My bookings.",
    );
  });

  it('say that a late cancellation is a strike and an early one is not', () => {
    expect(renderTemplate('booking.cancelled_late', 'zh-CN', meeting).text).toContain('计爽约一次');
    expect(renderTemplate('booking.cancelled', 'zh-CN', meeting).text).toContain('不计爽约');
    expect(renderTemplate('booking.cancelled_late', 'en', meeting).text).toContain('no-show strike');
  });

  it('give the centre’s reason once, without its own full stop', () => {
    const { text } = renderTemplate('booking.cancelled_by_centre', 'zh-CN', {
      ...meeting,
      reason: ' 在押人员已移送。 ',
    });
    expect(text).toBe('石家庄市长安区看守所取消了您11月27日 09:00的会见，原因：在押人员已移送。不计爽约。');
    expect(() =>
      renderTemplate('booking.cancelled_by_centre', 'zh-CN', { ...meeting, reason: '。' }),
    ).toThrow();
  });

  it('refuse a date or time that is not one', () => {
    expect(() => renderTemplate('booking.cancelled', 'zh-CN', { ...meeting, date: '2026-13-01' })).toThrow();
    expect(() => renderTemplate('booking.cancelled', 'zh-CN', { ...meeting, time: '24:00' })).toThrow();
  });
});

describe('clipping a text to a message’s limit', () => {
  it('leaves a short text alone and cuts a long one with an ellipsis, never inside a character', () => {
    expect(clipText('  石家庄市长安区看守所 ', 100)).toBe('石家庄市长安区看守所');
    const long = '很'.repeat(150);
    expect(clipText(long, 100)).toBe(`${'很'.repeat(99)}…`);
    expect([...clipText('😀'.repeat(5), 3)]).toEqual(['😀', '😀', '…']);
  });
});
