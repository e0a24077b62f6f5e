// Restricted cases (CPL 39 ¶3; PSB 52): a booking for a detainee in a national-security or terrorism case
// under investigation waits in awaiting_permission, keeping its place, until the lawyer uploads the
// investigating organ's permission decision (许可决定书) and the centre's staff confirm it, or refuse it
// with a reason (which frees the place). Nothing moves such a booking by itself: one whose start passes
// unconfirmed stays as it is, and the staff page says it cannot go ahead.
import type { Clock } from '../../platform/clock.js';
import { addDays, localDateOf } from '../../platform/calendar/local-date.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import type { BookingEvents } from './booking-events.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import type { ClientDocumentRepository } from './client-document-repository.js';
import { auditedFile, decodeDocument, toDocumentView } from './client-document-view.js';
import { permissionDecisionMissing, permissionTooLate } from './document-errors.js';
import type {
  ClientDocumentView,
  PermissionDecisionUpload,
  PermissionOutcome,
  PermissionQueueItem,
} from './document-schemas.js';
import { bookingNotFound, notYourBooking, wrongState } from './errors.js';
import { maskedIdNo } from './masked-id-no.js';
import type { PermissionQueueRepository } from './permission-queue-repository.js';
import type { BookingRepository, BookingRow } from './repository.js';

/** How long a booking whose meeting passed unconfirmed stays on the queue, noted as unable to go ahead. */
const PASSED_DAYS_SHOWN = 7;

export class PermissionService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly documents: ClientDocumentRepository,
    private readonly queueRepo: PermissionQueueRepository,
    private readonly centres: CentreConfigService,
    private readonly audit: AuditRecorder,
    private readonly events: BookingEvents,
    private readonly clock: Clock,
  ) {}

  /** The booking's lawyer files the permission decision while the booking waits for it. */
  async uploadDecision(
    actor: Actor,
    bookingId: string,
    input: PermissionDecisionUpload,
    ctx: RequestContext,
  ): Promise<ClientDocumentView> {
    requireRole(actor, 'lawyer');
    const file = decodeDocument(input.fileName, input.content);
    const saved = await this.tx.run(async (tx) => {
      const b = await this.repo.bookingById(tx, bookingId, true);
      if (!b) throw bookingNotFound();
      if (b.bookedBy !== actor.userId) throw notYourBooking();
      if (b.status !== 'awaiting_permission' || !b.detaineeId) throw wrongState();
      const row = await this.documents.insert(tx, {
        unitId: b.unitId,
        detaineeId: b.detaineeId,
        lawyerUserId: b.bookedBy,
        kind: 'permission_decision',
        ...file,
        uploadedBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.documents.link(tx, b.id, [row.id]);
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.permission_decision_uploaded',
        subject: { type: 'booking', id: b.id },
        unitId: b.unitId,
        payload: auditedFile(row),
      });
      return row;
    });
    return toDocumentView(saved);
  }

  /** The centre's bookings waiting for a permission, soonest first; those whose start passed are noted. */
  async queue(actor: Actor, unitId: string): Promise<PermissionQueueItem[]> {
    await this.centres.requireCentre(actor, unitId);
    const now = this.clock.now();
    const from = addDays(localDateOf(now), -PASSED_DAYS_SHOWN);
    const rows = await this.queueRepo.awaitingPermission(this.db, unitId, from);
    const ids = rows.map((r) => r.bookingId);
    const lawyers = await this.repo.lawyerNamesOf(this.db, ids);
    const documents = await this.documents.ofBookings(this.db, ids);
    return rows.map((r) => {
      const own = documents.filter((d) => d.bookingId === r.bookingId);
      return {
        bookingId: r.bookingId,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        durationMinutes: r.durationMinutes,
        channel: r.channel as PermissionQueueItem['channel'],
        detaineeName: r.detaineeName,
        detaineeIdNoMasked: maskedIdNo(r.detaineeIdNoHead, r.detaineeIdNoTail),
        lawyers: lawyers
          .filter((l) => l.bookingId === r.bookingId)
          .map((l) => ({ displayName: l.displayName, username: l.username })),
        bookedAt: r.createdAt.toISOString(),
        documents: own.map(toDocumentView),
        hasPermissionDecision: own.some((d) => d.kind === 'permission_decision'),
        startPassed: r.startsAt <= now,
      };
    });
  }

  /** Staff confirm the uploaded permission decision: the booking goes ahead as booked. */
  async confirm(actor: Actor, bookingId: string, ctx: RequestContext): Promise<PermissionOutcome> {
    await this.requireStaffOf(actor, bookingId);
    const updated = await this.tx.run(async (tx, afterCommit) => {
      const b = await this.awaitingInTx(tx, bookingId);
      const now = this.clock.now();
      if (b.startsAt <= now) throw permissionTooLate();
      const decisions = (await this.documents.ofBookings(tx, [b.id])).filter(
        (d) => d.kind === 'permission_decision',
      );
      if (decisions.length === 0) throw permissionDecisionMissing();
      const done = await this.repo.updateBooking(tx, b.id, {
        status: 'confirmed',
        permissionConfirmedBy: actor.userId,
        permissionConfirmedAt: now,
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.permission_confirmed',
        subject: { type: 'booking', id: b.id },
        unitId: b.unitId,
        payload: { decisions: decisions.map(auditedFile), startsAt: b.startsAt.toISOString() },
      });
      await this.events.emit(tx, afterCommit, {
        kind: 'permission_confirmed',
        booking: done,
        actorUserId: actor.userId,
      });
      return done;
    });
    return outcomeOf(updated);
  }

  /** Staff refuse with a reason the lawyer is told: the centre cancels the booking and the place is free. */
  async refuse(
    actor: Actor,
    bookingId: string,
    reason: string,
    ctx: RequestContext,
  ): Promise<PermissionOutcome> {
    await this.requireStaffOf(actor, bookingId);
    const updated = await this.tx.run(async (tx, afterCommit) => {
      const b = await this.awaitingInTx(tx, bookingId);
      const done = await this.repo.updateBooking(tx, b.id, {
        status: 'cancelled_by_centre',
        cancelledAt: this.clock.now(),
        cancelledBy: actor.userId,
        cancelReason: reason,
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.permission_refused',
        subject: { type: 'booking', id: b.id },
        unitId: b.unitId,
        payload: { reason, startsAt: b.startsAt.toISOString() },
      });
      await this.events.emit(tx, afterCommit, {
        kind: 'cancelled_by_centre',
        booking: done,
        actorUserId: actor.userId,
        reason,
      });
      return done;
    });
    return outcomeOf(updated);
  }

  /** Staff of the booking's own centre, checked before any transaction opens. */
  private async requireStaffOf(actor: Actor, bookingId: string): Promise<void> {
    requireRole(actor, 'centre_staff');
    const b = await this.repo.bookingById(this.db, bookingId);
    if (!b) throw bookingNotFound();
    await this.centres.requireCentre(actor, b.unitId);
  }

  /** The booking locked, still waiting for its permission: one decision per booking. */
  private async awaitingInTx(tx: Tx, bookingId: string): Promise<BookingRow> {
    const b = await this.repo.bookingById(tx, bookingId, true);
    if (!b) throw bookingNotFound();
    if (b.status !== 'awaiting_permission') throw wrongState();
    return b;
  }
}

function outcomeOf(b: BookingRow): PermissionOutcome {
  return {
    bookingId: b.id,
    status: b.status as PermissionOutcome['status'],
    permissionConfirmedAt: b.permissionConfirmedAt?.toISOString() ?? null,
    cancelReason: b.cancelReason,
  };
}
