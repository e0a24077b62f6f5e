// On the day, centre staff record whether each confirmed meeting took place: attended, or a no-show (the
// lawyer did not come). A no-show is a strike: the trigger of migration 0006 writes it, and a suspension at
// the centre's threshold, in the transaction that records it. The rules of when (after the start, once,
// and the one correction allowed) are in centre-ops-rules.ts, with why a no-show is never corrected.
import type { Clock } from '../../platform/clock.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import type { BookingEvents } from './booking-events.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import { correctionTooLate, meetingNotStarted, noShowIsFinal, outcomeRecorded } from './centre-ops-errors.js';
import { hasStarted, isMeetingDay } from './centre-ops-rules.js';
import type { AttendanceOutcome, CentreBookingResult } from './centre-ops-schemas.js';
import { bookingNotFound, wrongState } from './errors.js';
import type { BookingRepository } from './repository.js';

export class AttendanceService {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly centres: CentreConfigService,
    private readonly audit: AuditRecorder,
    private readonly events: BookingEvents,
    private readonly clock: Clock,
  ) {}

  /** Records a confirmed meeting's outcome, once its start has passed. */
  async record(
    actor: Actor,
    unitId: string,
    bookingId: string,
    outcome: AttendanceOutcome,
    ctx: RequestContext,
  ): Promise<CentreBookingResult> {
    await this.centres.requireCentre(actor, unitId);
    const updated = await this.tx.run(async (tx, afterCommit) => {
      const b = await this.repo.bookingById(tx, bookingId, true);
      if (!b || b.unitId !== unitId) throw bookingNotFound();
      if (b.status === 'attended' || b.status === 'no_show') throw outcomeRecorded();
      if (b.status !== 'confirmed') throw wrongState();
      if (!hasStarted(b, this.clock.now())) throw meetingNotStarted();
      const saved = await this.repo.updateBooking(tx, b.id, { status: outcome });
      await this.audit.record(tx, context(actor, ctx), {
        action: outcome === 'attended' ? 'booking.attended' : 'booking.no_show',
        subject: { type: 'booking', id: b.id },
        unitId,
        payload: { startsAt: b.startsAt.toISOString(), detaineeId: b.detaineeId },
      });
      await this.events.emit(tx, afterCommit, { kind: outcome, booking: saved, actorUserId: actor.userId });
      return saved;
    });
    return { id: updated.id, status: outcome };
  }

  /**
   * Corrects a meeting wrongly recorded as attended to a no-show, on the meeting's day, with the reason. The
   * strike trigger sees a booking become a no-show and counts it as it would have at first.
   */
  async correctToNoShow(
    actor: Actor,
    unitId: string,
    bookingId: string,
    reason: string,
    ctx: RequestContext,
  ): Promise<CentreBookingResult> {
    await this.centres.requireCentre(actor, unitId);
    const updated = await this.tx.run(async (tx, afterCommit) => {
      const b = await this.repo.bookingById(tx, bookingId, true);
      if (!b || b.unitId !== unitId) throw bookingNotFound();
      if (b.status === 'no_show') throw noShowIsFinal();
      if (b.status !== 'attended') throw wrongState();
      if (!isMeetingDay(b, this.clock.now())) throw correctionTooLate();
      const saved = await this.repo.updateBooking(tx, b.id, { status: 'no_show' });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.outcome_corrected',
        subject: { type: 'booking', id: b.id },
        unitId,
        payload: { from: 'attended', to: 'no_show', reason, startsAt: b.startsAt.toISOString() },
      });
      await this.events.emit(tx, afterCommit, {
        kind: 'no_show',
        booking: saved,
        actorUserId: actor.userId,
        reason,
      });
      return saved;
    });
    return { id: updated.id, status: 'no_show' };
  }
}
