// The life of a recording as an explicit state machine (CONVENTIONS: media lifecycle). A recording is
// `receiving` while its upload is resumable; `sealing` once every byte is on disk and the whole-file hash
// matched what the client declared (its copies are being made); `sealed` when master, working copy and
// backup exist with their hashes recorded. An upload whose bytes do not match is `rejected`; one abandoned
// `expired`; one the uploader gave up `terminated`. The database's trigger (migration "recordings-guards")
// refuses every other transition and any change to a sealed recording.

export const RECORDING_STATES = [
  'receiving',
  'sealing',
  'sealed',
  'rejected',
  'expired',
  'terminated',
] as const;
export type RecordingState = (typeof RECORDING_STATES)[number];

const NEXT: Record<RecordingState, readonly RecordingState[]> = {
  receiving: ['sealing', 'rejected', 'expired', 'terminated'],
  sealing: ['sealed'],
  sealed: [],
  rejected: [],
  expired: [],
  terminated: [],
};

export function canMove(from: RecordingState, to: RecordingState): boolean {
  return NEXT[from].includes(to);
}

/** States in which the bytes are gone for good and the upload cannot continue. */
export const ENDED_STATES: readonly RecordingState[] = ['rejected', 'expired', 'terminated'];
