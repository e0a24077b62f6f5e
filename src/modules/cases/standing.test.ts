import { describe, expect, it } from 'vitest';
import { recordingStanding, uploadDeadline } from './standing.js';

const end = new Date('2026-03-01T08:00:00Z');

describe('recording standing of an activity', () => {
  it('is null when the activity need not be recorded', () => {
    expect(recordingStanding({ recordingRequired: false, actualEndAt: end }, 0, end)).toBeNull();
  });

  it('is recorded as soon as one recording is sealed, even after the deadline', () => {
    const late = new Date(end.getTime() + 48 * 3_600_000);
    expect(recordingStanding({ recordingRequired: true, actualEndAt: end }, 1, late)).toBe('recorded');
  });

  it('waits for the end of the activity before a deadline runs', () => {
    expect(recordingStanding({ recordingRequired: true, actualEndAt: null }, 0, end)).toBe('not_finished');
    expect(uploadDeadline(null)).toBeNull();
  });

  it('gives 24 hours from the end, then is overdue at the deadline itself', () => {
    const deadline = uploadDeadline(end)!;
    expect(deadline.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    const justBefore = new Date(deadline.getTime() - 1);
    expect(recordingStanding({ recordingRequired: true, actualEndAt: end }, 0, justBefore)).toBe(
      'awaiting_upload',
    );
    expect(recordingStanding({ recordingRequired: true, actualEndAt: end }, 0, deadline)).toBe('overdue');
  });
});
