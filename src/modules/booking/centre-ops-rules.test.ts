import { describe, expect, it } from 'vitest';
import { staffActions } from './centre-ops-rules.js';

// A meeting on Friday 27 November 2026, 09:00–10:00 in Shanghai (01:00–02:00 UTC).
const startsAt = new Date('2026-11-27T01:00:00Z');
const endsAt = new Date('2026-11-27T02:00:00Z');
const meeting = (status: string, holdExpiresAt: Date | null = null) => ({
  status,
  startsAt,
  endsAt,
  holdExpiresAt,
});
const at = (iso: string) => new Date(iso);

describe('what centre staff may do with a booking', () => {
  it('cancels a live booking before its end, and records no outcome before its start', () => {
    const before = at('2026-11-26T08:00:00Z');
    expect(staffActions(meeting('confirmed'), before)).toEqual(['cancel']);
    expect(staffActions(meeting('awaiting_permission'), before)).toEqual(['cancel']);
  });

  it('records the outcome of a confirmed meeting from its start; cancels it until its end', () => {
    expect(staffActions(meeting('confirmed'), startsAt)).toEqual(['cancel', 'mark_attended', 'mark_no_show']);
    expect(staffActions(meeting('confirmed'), endsAt)).toEqual(['mark_attended', 'mark_no_show']);
    // A meeting waiting for its permission never took place as booked: it can only be cancelled.
    expect(staffActions(meeting('awaiting_permission'), at('2026-11-27T01:30:00Z'))).toEqual(['cancel']);
    expect(staffActions(meeting('awaiting_permission'), endsAt)).toEqual([]);
  });

  it('corrects "attended" to a no-show on the meeting’s day only (Shanghai time)', () => {
    // 23:59 in Shanghai on the 27th is 15:59 UTC.
    expect(staffActions(meeting('attended'), at('2026-11-27T15:59:00Z'))).toEqual(['correct_to_no_show']);
    expect(staffActions(meeting('attended'), at('2026-11-27T16:00:00Z'))).toEqual([]);
  });

  it('never changes a no-show or a cancelled booking', () => {
    for (const status of ['no_show', 'cancelled', 'cancelled_late', 'cancelled_by_centre', 'expired']) {
      expect(staffActions(meeting(status), at('2026-11-27T01:30:00Z')), status).toEqual([]);
    }
  });

  it('treats a hold past its time as lapsed', () => {
    const now = at('2026-11-26T08:00:00Z');
    expect(staffActions(meeting('held', at('2026-11-26T08:05:00Z')), now)).toEqual(['cancel']);
    expect(staffActions(meeting('held', at('2026-11-26T07:55:00Z')), now)).toEqual([]);
  });
});
