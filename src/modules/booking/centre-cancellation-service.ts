// The centre cancels a meeting (issue 3): the detainee was released or transferred, or an emergency or
// another reason keeps the meeting from happening. Only staff of the booking's own centre may; the reason
// is kept on the booking for the lawyer to read, the act is audited, and the change is told through
// BookingEvents in the same transaction (the lawyer's message, the freed place for the waiting list). A
// centre's cancellation is never the lawyer's fault, so it is never a strike: the strike trigger counts
// only cancelled_late and no_show.
import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { AfterCommit, Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import type { BookingEvents } from './booking-events.js';
import {
  describeCentreCancelReason,
  readCentreCancelReason,
  storeCentreCancelReason,
  type CentreCancelReason,
} from './centre-cancel-reason.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import { detaineeNotOnRoster, meetingOver } from './centre-ops-errors.js';
import type { CentreOpsRepository } from './centre-ops-repository.js';
import { hasEnded, isLive } from './centre-ops-rules.js';
import type {
  CentreBookingResult,
  CentreCancellationView,
  CentreCancelRequest,
} from './centre-ops-schemas.js';
import { bookingNotFound, wrongState } from './errors.js';
import type { BookingRepository, BookingRow } from './repository.js';

/** Where a cancellation came from, for the audit log. */
type CancelledVia = 'staff' | 'roster_status';

/** How far back the lawyer's list reaches, as "my bookings" does. */
const LAWYER_LOOKBACK_MS = 7 * 86_400_000;

export class CentreCancellationService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly ops: CentreOpsRepository,
    private readonly centres: CentreConfigService,
    private readonly audit: AuditRecorder,
    private readonly events: BookingEvents,
    private readonly clock: Clock,
  ) {}

  /** Staff of the booking's centre cancel one live booking, before the meeting's end, with a reason. */
  async cancel(
    actor: Actor,
    unitId: string,
    bookingId: string,
    input: CentreCancelRequest,
    ctx: RequestContext,
  ): Promise<CentreBookingResult> {
    await this.centres.requireCentre(actor, unitId);
    const reason: CentreCancelReason = { code: input.reasonCode, text: input.reason || null };
    const cancelled = await this.tx.run(async (tx, afterCommit) => {
      const b = await this.repo.bookingById(tx, bookingId, true);
      // Another centre's booking is as unknown here as one that does not exist.
      if (!b || b.unitId !== unitId) throw bookingNotFound();
      const now = this.clock.now();
      if (!isLive(b, now)) throw wrongState();
      if (hasEnded(b, now)) throw meetingOver();
      return this.cancelLocked(tx, afterCommit, context(actor, ctx), actor.userId, b, reason, 'staff');
    });
    return { id: cancelled.id, status: 'cancelled_by_centre' };
  }

  /**
   * Cancels every live meeting of a detainee that has not started, inside the caller's transaction (the
   * roster's release or transfer, which has locked the detainee's row). Meetings under way or over are
   * left for staff to record.
   */
  async cancelComingMeetingsOf(
    tx: Tx,
    afterCommit: AfterCommit,
    auditContext: AuditContext,
    actorUserId: string,
    detaineeId: string,
    code: 'released' | 'transferred',
  ): Promise<BookingRow[]> {
    const coming = await this.ops.liveBookingsOfDetaineeAfter(tx, detaineeId, this.clock.now());
    const cancelled: BookingRow[] = [];
    for (const b of coming) {
      cancelled.push(
        await this.cancelLocked(
          tx,
          afterCommit,
          auditContext,
          actorUserId,
          b,
          { code, text: null },
          'roster_status',
        ),
      );
    }
    return cancelled;
  }

  /** How many meetings a release or transfer of this detainee would cancel now (staff are warned first). */
  async comingMeetingCount(actor: Actor, unitId: string, detaineeId: string): Promise<number> {
    await this.centres.requireCentre(actor, unitId);
    const d = await this.repo.detaineeById(this.db, detaineeId);
    if (!d || d.unitId !== unitId) throw detaineeNotOnRoster();
    return this.ops.countLiveBookingsOfDetaineeAfter(this.db, detaineeId, this.clock.now());
  }

  /** Why the centre cancelled the lawyer's meetings (those "my bookings" lists), for the lawyer to read. */
  async ofMyBookings(actor: Actor): Promise<CentreCancellationView[]> {
    requireRole(actor, 'lawyer');
    const since = new Date(this.clock.now().getTime() - LAWYER_LOOKBACK_MS);
    const rows = await this.ops.centreCancellationsOfLawyer(this.db, actor.userId, since);
    return rows.map((r) => {
      const reason = readCentreCancelReason(r.cancelReason);
      return {
        bookingId: r.bookingId,
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
        reasonCode: reason.code,
        reason: reason.text,
      };
    });
  }

  private async cancelLocked(
    tx: Tx,
    afterCommit: AfterCommit,
    auditContext: AuditContext,
    actorUserId: string,
    b: BookingRow,
    reason: CentreCancelReason,
    via: CancelledVia,
  ): Promise<BookingRow> {
    const updated = await this.repo.updateBooking(tx, b.id, {
      status: 'cancelled_by_centre',
      holdExpiresAt: null,
      cancelledAt: this.clock.now(),
      cancelledBy: actorUserId,
      cancelReason: storeCentreCancelReason(reason),
    });
    await this.audit.record(tx, auditContext, {
      action: 'booking.cancelled_by_centre',
      subject: { type: 'booking', id: b.id },
      unitId: b.unitId,
      payload: {
        from: b.status,
        reasonCode: reason.code,
        reason: reason.text,
        startsAt: b.startsAt.toISOString(),
        detaineeId: b.detaineeId,
        via,
      },
    });
    await this.events.emit(tx, afterCommit, {
      kind: 'cancelled_by_centre',
      booking: updated,
      actorUserId,
      // In Chinese, the platform's first language; listeners that write in English read the booking's
      // cancelReason through readCentreCancelReason and describeCentreCancelReason.
      reason: describeCentreCancelReason(reason, 'zh-CN'),
    });
    return updated;
  }
}
