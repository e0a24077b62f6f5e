import { describe, expect, it } from 'vitest';
import { meetingEvent, showsInCalendar } from './meeting-event.js';
import type { BookingRow } from './repository.js';

const centre = { name: '石家庄市长安区看守所', nameEn: "Chang'an Detention Centre" };

function booking(overrides: Partial<BookingRow> = {}): BookingRow {
  return {
    id: '0b6f6a2e-0000-4000-8000-000000000001',
    unitId: '0b6f6a2e-0000-4000-8000-0000000000aa',
    sessionId: '0b6f6a2e-0000-4000-8000-0000000000bb',
    detaineeId: '0b6f6a2e-0000-4000-8000-0000000000cc',
    bookedBy: '0b6f6a2e-0000-4000-8000-0000000000dd',
    enteredBy: null,
    status: 'confirmed',
    startsAt: new Date('2026-11-27T01:00:00Z'),
    endsAt: new Date('2026-11-27T02:00:00Z'),
    durationMinutes: 60,
    holdExpiresAt: null,
    idempotencyKey: null,
    createdAt: new Date('2026-11-26T02:00:00Z'),
    confirmedAt: new Date('2026-11-26T02:03:00Z'),
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    permissionConfirmedBy: null,
    permissionConfirmedAt: null,
    ...overrides,
  };
}

describe('a booking as a calendar event', () => {
  it('is a confirmed meeting at the centre, stamped with its last change, in Chinese', () => {
    const e = meetingEvent(booking(), centre, 'zh-CN')!;
    expect(e).toMatchObject({
      uid: 'booking-0b6f6a2e-0000-4000-8000-000000000001@custos',
      start: new Date('2026-11-27T01:00:00Z'),
      end: new Date('2026-11-27T02:00:00Z'),
      summary: '律师会见 · 石家庄市长安区看守所',
      location: '石家庄市长安区看守所',
      status: 'CONFIRMED',
      sequence: 0,
      stamp: new Date('2026-11-26T02:03:00Z'),
      lastModified: new Date('2026-11-26T02:03:00Z'),
    });
    expect(e.description).toContain('会见时长 60 分钟。');
    expect(e.description).toContain('委托书或法律援助公函');
  });

  it('is written in English for a lawyer who reads English', () => {
    const e = meetingEvent(booking(), centre, 'en')!;
    expect(e.summary).toBe("Lawyer meeting · Chang'an Detention Centre");
    expect(e.location).toBe("Chang'an Detention Centre");
    expect(e.description).toContain('Meeting of 60 minutes.');
  });

  it('is tentative while a permission is awaited, then confirmed with a higher sequence', () => {
    const waiting = meetingEvent(booking({ status: 'awaiting_permission' }), centre, 'zh-CN')!;
    expect(waiting.status).toBe('TENTATIVE');
    expect(waiting.description).toContain('须经侦查机关许可');
    const permitted = meetingEvent(
      booking({ permissionConfirmedAt: new Date('2026-11-26T05:00:00Z') }),
      centre,
      'zh-CN',
    )!;
    expect(permitted.status).toBe('CONFIRMED');
    expect(permitted.sequence).toBe(1);
    expect(permitted.stamp).toEqual(new Date('2026-11-26T05:00:00Z'));
  });

  it('is marked cancelled, in its status and its title, with the cancellation as its last change', () => {
    for (const status of ['cancelled', 'cancelled_late', 'cancelled_by_centre']) {
      const e = meetingEvent(
        booking({ status, cancelledAt: new Date('2026-11-26T08:00:00Z'), cancelReason: '在押人员已移送' }),
        centre,
        'zh-CN',
      )!;
      expect(e.status).toBe('CANCELLED');
      expect(e.summary).toBe('【已取消】律师会见 · 石家庄市长安区看守所');
      expect(e.sequence).toBe(1);
      expect(e.stamp).toEqual(new Date('2026-11-26T08:00:00Z'));
      // The centre's reason may name the client's situation: it stays out of calendars.
      expect(e.description).not.toContain('移送');
    }
  });

  it('does not exist for a hold or a lapsed hold', () => {
    expect(meetingEvent(booking({ status: 'held', confirmedAt: null }), centre, 'zh-CN')).toBeUndefined();
    expect(meetingEvent(booking({ status: 'expired', confirmedAt: null }), centre, 'zh-CN')).toBeUndefined();
    expect(showsInCalendar('held')).toBe(false);
    expect(showsInCalendar('attended')).toBe(true);
  });

  it('names an unknown centre generically rather than failing', () => {
    expect(meetingEvent(booking(), undefined, 'zh-CN')!.location).toBe('看守所');
    expect(meetingEvent(booking(), undefined, 'en')!.location).toBe('the detention centre');
  });
});
