// Tones of the states a case page shows, so colour never carries meaning alone (the text does too).
import type { RecordingStanding, CaseStatus } from '../../../../modules/cases/kinds.js';
import type { RecordingState } from '../../../../modules/recordings/states.js';
import type { Tone } from '../../../components/status-tag.js';

export const STANDING_TONE: Record<RecordingStanding, Tone> = {
  recorded: 'good',
  not_finished: 'neutral',
  awaiting_upload: 'warn',
  overdue: 'bad',
};

export const CASE_STATUS_TONE: Record<CaseStatus, Tone> = {
  open: 'info',
  under_review: 'warn',
  closed: 'neutral',
};

export const RECORDING_STATE_TONE: Record<RecordingState, Tone> = {
  receiving: 'info',
  sealing: 'info',
  sealed: 'good',
  rejected: 'bad',
  expired: 'neutral',
  terminated: 'neutral',
};

/** "1.5 GiB", "320 KiB": sizes people read. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
