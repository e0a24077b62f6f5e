// Every background job Custos knows, with the shape of its data. The queue refuses to start unless each
// has a handler (see composition.ts).
import { z } from 'zod';
import type { JobCatalogue } from './platform/jobs/job-queue.js';

export const JOBS = {
  /** Safety net behind the integrator's own timer: no event waits long for its checkpoint. */
  'audit.integrate': { schema: z.object({}), cron: '* * * * *', retryLimit: 0 },
  /** Deletes sessions that ended or expired more than a day ago. */
  'sessions.purge': { schema: z.object({}), cron: '17 * * * *' },
  /**
   * Sends due notifications. Nudged after each commit that queued one; the cron picks up retries and
   * anything a nudge missed. The outbox keeps its own attempts and backoff, so the job itself never retries.
   */
  'notify.dispatch': { schema: z.object({}), cron: '* * * * *', retryLimit: 0 },
  /** Deletes mobile verification codes that expired more than a day ago. */
  'lawyers.purge_verifications': { schema: z.object({}), cron: '41 * * * *' },
  /** Lets lapsed booking holds go, so their places are free and the waiting list is offered them. */
  'booking.expire_holds': { schema: z.object({}), cron: '* * * * *', retryLimit: 0 },
  /** Expires uploads that received nothing for CUSTOS_UPLOAD_EXPIRY_HOURS; their bytes are deleted, audited. */
  'recordings.expire_uploads': { schema: z.object({}), cron: '*/5 * * * *', retryLimit: 0 },
  /** Finishes recordings a crash left half-way through sealing; removes files no live upload owns. */
  'recordings.finish_sealing': { schema: z.object({}), cron: '* * * * *', retryLimit: 0 },
  /**
   * Reads media facts with ffprobe: one recording, queued when it is sealed; on the schedule (no id), every
   * sealed recording still without facts.
   */
  'recordings.probe': { schema: z.object({ recordingId: z.uuid().optional() }), cron: '*/10 * * * *' },
  /**
   * Makes the playable derivative of a recording browsers cannot play: one recording, queued when its media
   * facts are read; on the schedule (no id), any that still lack one. Retries after a failed ffmpeg run.
   */
  'recordings.derive': {
    schema: z.object({ recordingId: z.uuid().optional() }),
    cron: '5-59/10 * * * *',
    retryLimit: 3,
    // A transcode of hours of body-cam video outlasts pg-boss's default fifteen minutes.
    expireInSeconds: 6 * 3600,
  },
  /** Re-hashes the copies due for a fixity check, rate-limited, for at most nine minutes a run. */
  'recordings.fixity': { schema: z.object({}), cron: '*/10 * * * *', retryLimit: 0 },
  /**
   * Queues the SMS reminder of every confirmed meeting tomorrow (Shanghai date), at 17:00 the day before.
   * Idempotent per booking and lawyer, so its retries (and any extra run) send nothing twice.
   */
  'booking.send_reminders': { schema: z.object({}), cron: '0 17 * * *' },
  /** Closes waiting-list entries whose session is now too near for an offer (the centre's notice). */
  'booking.close_waitlists': { schema: z.object({}), cron: '* * * * *', retryLimit: 0 },
} satisfies JobCatalogue;

export type Jobs = typeof JOBS;
