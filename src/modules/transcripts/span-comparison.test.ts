import { describe, expect, it } from 'vitest';
import { compareTranscript, findGaps, type Segment } from './span-comparison.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 1, 0) + minute * 60_000);
const seg = (id: string, from: number, to: number, durationMs: number | null = null): Segment => ({
  recordingId: id,
  startedAt: at(from),
  endedAt: at(to),
  durationMs,
});
const TOL = 60_000;

describe('compareTranscript', () => {
  it('passes times within the tolerance, even exactly at it', () => {
    const c = compareTranscript({ startedAt: at(1), endedAt: at(44) }, [seg('a', 0, 45)], TOL);
    expect(c.flags).toEqual([]);
    expect([c.startDifferenceSeconds, c.endDifferenceSeconds]).toEqual([60, -60]);
  });

  it('flags a start and an end beyond the tolerance, and the media end where known', () => {
    const c = compareTranscript(
      { startedAt: at(5), endedAt: at(45) },
      [seg('b', 30, 45, 10 * 60_000), seg('a', 0, 20)],
      TOL,
    );
    expect(c.flags).toEqual(['start', 'media_end']);
    expect(c.recordedStartedAt).toEqual(at(0));
    expect(c.mediaEndedAt).toEqual(at(40));
    expect(c.mediaEndDifferenceSeconds).toBe(300);
  });

  it('flags a transcript of an activity with no sealed recording', () => {
    expect(compareTranscript({ startedAt: at(0), endedAt: at(1) }, [], TOL).flags).toEqual(['no_recording']);
  });
});

describe('findGaps', () => {
  it('lists gaps beyond the tolerance and finds the interruption covering each', () => {
    const segments = [seg('c', 50, 60), seg('a', 0, 20), seg('b', 20.5, 40)];
    const gaps = findGaps(segments, [{ id: 'i', startedAt: at(40.5), endedAt: at(49.5) }], TOL);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ afterRecordingId: 'b', beforeRecordingId: 'c', seconds: 600 });
    expect(gaps[0]!.interruptionId).toBe('i');
    expect(
      findGaps(segments, [{ id: 'j', startedAt: at(42), endedAt: at(50) }], TOL)[0]!.interruptionId,
    ).toBe(null);
  });

  it('leaves no gap where segments overlap', () => {
    expect(findGaps([seg('a', 0, 30), seg('b', 10, 20), seg('c', 25, 40)], [], TOL)).toEqual([]);
  });
});
