// Closes waiting-list entries once no offer can come: their session starts within the centre's minimum
// notice, after which an offer would be a booking the centre cannot prepare for. Run by the
// booking.close_waitlists job; each closed entry is an audit event.
import type { Clock } from '../../platform/clock.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import { DEFAULT_SETTINGS } from './centre-config-service.js';
import type { WaitlistRepository } from './waitlist-repository.js';

export class WaitlistCloser {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: WaitlistRepository,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** Returns how many entries were closed. */
  async closeDue(): Promise<number> {
    return this.tx.run(async (tx) => {
      const closed = await this.repo.closeWaitingTooLate(
        tx,
        this.clock.now(),
        DEFAULT_SETTINGS.minNoticeHours,
      );
      for (const entry of closed) {
        await this.audit.record(
          tx,
          { actor: { userId: null, username: 'system:waitlist' } },
          {
            action: 'waitlist.closed',
            subject: { type: 'waitlist_entry', id: entry.id },
            unitId: entry.unitId,
            payload: {
              sessionId: entry.sessionId,
              lawyerUserId: entry.lawyerUserId,
              reason: 'session_starting',
            },
          },
        );
      }
      return closed.length;
    });
  }
}
