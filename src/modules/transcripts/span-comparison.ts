// How a transcript's times and an activity's recorded segments compare (seed 001 art. 27 item 4: transcript
// times inconsistent with the recording), and which gaps between segments lack a recorded interruption
// (arts. 14–15). Pure: the same tolerance decides both, and a difference exactly at the tolerance passes.

/** A sealed recording of the activity: capture times as given, and the media's length where ffprobe read it. */
export interface Segment {
  recordingId: string;
  startedAt: Date;
  endedAt: Date;
  durationMs: number | null;
}

export type TranscriptFlag = 'no_recording' | 'start' | 'end' | 'media_end';

export interface TranscriptComparison {
  /** From the first segment's capture start to the last one's capture end; null without a sealed recording. */
  recordedStartedAt: Date | null;
  recordedEndedAt: Date | null;
  /** The last segment's capture start plus its media duration, when ffprobe read it. */
  mediaEndedAt: Date | null;
  /** Transcript minus recording, in seconds (positive: the transcript says later). */
  startDifferenceSeconds: number | null;
  endDifferenceSeconds: number | null;
  mediaEndDifferenceSeconds: number | null;
  flags: TranscriptFlag[];
}

export interface InterruptionSpan {
  id: string;
  startedAt: Date;
  endedAt: Date;
}

export interface Gap {
  afterRecordingId: string;
  beforeRecordingId: string;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
  /** The recorded interruption that accounts for the gap; null when none does (the gap is flagged). */
  interruptionId: string | null;
}

const seconds = (ms: number) => Math.round(ms / 1000);

export function inCaptureOrder(segments: readonly Segment[]): Segment[] {
  return [...segments].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.endedAt.getTime() - b.endedAt.getTime(),
  );
}

export function compareTranscript(
  declared: { startedAt: Date; endedAt: Date },
  segments: readonly Segment[],
  toleranceMs: number,
): TranscriptComparison {
  if (segments.length === 0) {
    return {
      recordedStartedAt: null,
      recordedEndedAt: null,
      mediaEndedAt: null,
      startDifferenceSeconds: null,
      endDifferenceSeconds: null,
      mediaEndDifferenceSeconds: null,
      flags: ['no_recording'],
    };
  }
  const ordered = inCaptureOrder(segments);
  const start = ordered[0]!.startedAt;
  const last = ordered.reduce((a, b) => (b.endedAt.getTime() >= a.endedAt.getTime() ? b : a));
  const end = last.endedAt;
  const mediaEnd = last.durationMs === null ? null : new Date(last.startedAt.getTime() + last.durationMs);
  const startDiff = declared.startedAt.getTime() - start.getTime();
  const endDiff = declared.endedAt.getTime() - end.getTime();
  const mediaDiff = mediaEnd ? declared.endedAt.getTime() - mediaEnd.getTime() : null;
  const flags: TranscriptFlag[] = [];
  if (Math.abs(startDiff) > toleranceMs) flags.push('start');
  if (Math.abs(endDiff) > toleranceMs) flags.push('end');
  if (mediaDiff !== null && Math.abs(mediaDiff) > toleranceMs) flags.push('media_end');
  return {
    recordedStartedAt: start,
    recordedEndedAt: end,
    mediaEndedAt: mediaEnd,
    startDifferenceSeconds: seconds(startDiff),
    endDifferenceSeconds: seconds(endDiff),
    mediaEndDifferenceSeconds: mediaDiff === null ? null : seconds(mediaDiff),
    flags,
  };
}

/**
 * Gaps longer than the tolerance between consecutive segments (overlapping segments leave none), each with
 * the interruption whose times cover it, give or take the tolerance at either end.
 */
export function findGaps(
  segments: readonly Segment[],
  interruptions: readonly InterruptionSpan[],
  toleranceMs: number,
): Gap[] {
  const ordered = inCaptureOrder(segments);
  const gaps: Gap[] = [];
  let reach = ordered[0];
  for (const next of ordered.slice(1)) {
    const length = next.startedAt.getTime() - reach!.endedAt.getTime();
    if (length > toleranceMs) {
      const covering = interruptions.find(
        (i) =>
          i.startedAt.getTime() <= reach!.endedAt.getTime() + toleranceMs &&
          i.endedAt.getTime() >= next.startedAt.getTime() - toleranceMs,
      );
      gaps.push({
        afterRecordingId: reach!.recordingId,
        beforeRecordingId: next.recordingId,
        startedAt: reach!.endedAt,
        endedAt: next.startedAt,
        seconds: seconds(length),
        interruptionId: covering?.id ?? null,
      });
    }
    if (next.endedAt.getTime() > reach!.endedAt.getTime()) reach = next;
  }
  return gaps;
}
