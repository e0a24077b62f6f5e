// Where an activity that must be recorded stands with its recording, and when its upload is due: seed 001
// art. 17 gives the officer 24 hours from the end of the activity to hand the recording to the custodian.
import { UPLOAD_DEADLINE_HOURS, type RecordingStanding } from './kinds.js';

export function uploadDeadline(actualEndAt: Date | null): Date | null {
  return actualEndAt ? new Date(actualEndAt.getTime() + UPLOAD_DEADLINE_HOURS * 3_600_000) : null;
}

export function recordingStanding(
  activity: { recordingRequired: boolean; actualEndAt: Date | null },
  sealedRecordings: number,
  now: Date,
): RecordingStanding | null {
  if (!activity.recordingRequired) return null;
  if (sealedRecordings > 0) return 'recorded';
  const deadline = uploadDeadline(activity.actualEndAt);
  if (!deadline) return 'not_finished';
  return now.getTime() < deadline.getTime() ? 'awaiting_upload' : 'overdue';
}
