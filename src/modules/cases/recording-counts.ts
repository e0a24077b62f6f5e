// What a case needs to know about its recordings: how many are sealed for each activity. The recordings
// module answers (it depends on cases, not the other way round), wired in at composition.
import type { Executor } from '../../platform/db/database.js';

export interface SealedRecordingCounts {
  /** Sealed recordings per activity of the case; activities without one are absent. */
  sealedByActivity(db: Executor, caseId: string): Promise<Map<string, number>>;
}
