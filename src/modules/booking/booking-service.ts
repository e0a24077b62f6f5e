// Booking a meeting, as a lawyer does it: hold a place while filling in the journey, then complete it with
// the client (and co-counsel); or book in one step through the API. The database guarantees capacity and
// the no-overlap rules under any concurrency; this service checks the rules that need the calendar and the
// centre's settings, and names the database's refusals.
import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { AfterCommit, Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import { requireRole } from '../identity/policy.js';
import type { AvailabilityService } from './availability-service.js';
import type { BookingDocuments, CheckedDocuments } from './booking-documents.js';
import type { BookingEvents } from './booking-events.js';
import { mayActOn, onBehalfFields, type BookingParties, type BookingParty } from './booking-party.js';
import { isLateCancellation, isoWeekOfMeeting } from './booking-rules.js';
import type { HoldSweeper } from './hold-sweeper.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import { bookingRefusal, isUniqueViolation } from './constraint-errors.js';
import {
  bookingNotFound,
  clientNotFound,
  coCounselUnknown,
  durationNotAllowed,
  fairnessCapReached,
  holdExpired,
  notBookable,
  notYourBooking,
  sessionFull,
  sessionNotFound,
  wrongState,
} from './errors.js';
import type { BookingRepository, BookingRow, SessionRow } from './repository.js';
import type { RosterService } from './roster-service.js';
import type { BookingView, BookRequest, CompleteRequest, FacilitySettings, HoldRequest } from './schemas.js';

const LIVE = ['held', 'confirmed', 'awaiting_permission'];

/**
 * Whether a lawyer may book online at a centre (the lawyers module: approved, not suspended there). Asked
 * before a hold or a one-step booking only: walk-ins and existing bookings are never affected. Asked of the
 * lawyer the booking is for, who is not the caller when an assistant books.
 */
export interface LawyerStanding {
  requireCanBookOnline(actor: Actor, unitId: string): Promise<void>;
  requireLawyerCanBookOnline(lawyerUserId: string, unitId: string): Promise<void>;
}

interface CompletionExtras {
  /** The centre's weekly cap per detainee and lawyer, or null. */
  cap: number | null;
  coCounselId: string | null;
  /** The documents named, checked but for the client (known only inside the transaction). */
  documents: CheckedDocuments;
}

export class BookingService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly centres: CentreConfigService,
    private readonly availability: AvailabilityService,
    private readonly roster: RosterService,
    private readonly documents: BookingDocuments,
    private readonly org: OrgDirectory,
    private readonly standing: LawyerStanding,
    private readonly parties: BookingParties,
    private readonly audit: AuditRecorder,
    private readonly events: BookingEvents,
    private readonly sweeper: HoldSweeper,
    private readonly clock: Clock,
  ) {}

  /** Holds a place for the lawyer while they finish the journey; the hold lapses by itself. */
  async hold(actor: Actor, input: HoldRequest, ctx: RequestContext): Promise<BookingView> {
    requireRole(actor, 'lawyer');
    const party = await this.parties.resolve(actor, input.onBehalfOf);
    const replay = await this.replay(party, input.idempotencyKey);
    if (replay) return replay;
    const { session, settings } = await this.bookableSession(party, input.sessionId, input.durationMinutes);
    const held = await this.guarded(party, input.idempotencyKey, () =>
      this.tx.run(async (tx, afterCommit) => {
        const b = await this.placeHold(tx, afterCommit, party, session, settings, input);
        await this.audit.record(tx, context(actor, ctx), {
          action: 'booking.held',
          subject: { type: 'booking', id: b.id },
          unitId: b.unitId,
          payload: {
            sessionId: session.id,
            startsAt: b.startsAt.toISOString(),
            durationMinutes: b.durationMinutes,
            ...onBehalfFields(party),
          },
        });
        return b;
      }),
    );
    return this.present(held);
  }

  /** Completes a held booking with the client and co-counsel: confirmed, or waiting for a permission. */
  async complete(
    actor: Actor,
    bookingId: string,
    input: CompleteRequest,
    ctx: RequestContext,
  ): Promise<BookingView> {
    requireRole(actor, 'lawyer');
    const party = await this.parties.resolve(actor, input.onBehalfOf);
    const found = await this.repo.bookingById(this.db, bookingId);
    if (!found) throw bookingNotFound();
    const extras = await this.completionExtras(
      party,
      found.unitId,
      await this.centres.settingsOf(found.unitId),
      input,
    );
    const done = await this.refusalsNamed(() =>
      this.tx.run(async (tx, afterCommit) => {
        const held = await this.repo.bookingById(tx, bookingId, true);
        if (!held) throw bookingNotFound();
        if (!mayActOn(party, held)) throw notYourBooking();
        if (held.status !== 'held') throw wrongState();
        if (held.holdExpiresAt! <= this.clock.now()) {
          await this.sweeper.sweepIn(tx, afterCommit, held.sessionId);
          return { expired: true as const };
        }
        const b = await this.completeHeld(tx, afterCommit, party, held, input, extras);
        await this.audit.record(tx, context(actor, ctx), {
          action: b.status === 'confirmed' ? 'booking.confirmed' : 'booking.awaiting_permission',
          subject: { type: 'booking', id: b.id },
          unitId: b.unitId,
          payload: {
            detaineeId: b.detaineeId,
            coCounsel: input.coCounselUsername ?? null,
            documentIds: extras.documents.ids,
            ...onBehalfFields(party),
          },
        });
        return { expired: false as const, booking: b };
      }),
    );
    // The expiry is committed before the lawyer is told, so the place is free for others at once.
    if (done.expired) throw holdExpired();
    return this.present(done.booking);
  }

  /** Hold and complete in one transaction, for API clients; idempotent on the key. */
  async book(actor: Actor, input: BookRequest, ctx: RequestContext): Promise<BookingView> {
    requireRole(actor, 'lawyer');
    const party = await this.parties.resolve(actor, input.onBehalfOf);
    const replay = await this.replay(party, input.idempotencyKey);
    if (replay) return replay;
    const { session, settings } = await this.bookableSession(party, input.sessionId, input.durationMinutes);
    const extras = await this.completionExtras(party, session.unitId, settings, input);
    const booked = await this.guarded(party, input.idempotencyKey, () =>
      this.tx.run(async (tx, afterCommit) => {
        const held = await this.placeHold(tx, afterCommit, party, session, settings, input);
        const b = await this.completeHeld(tx, afterCommit, party, held, input, extras);
        await this.audit.record(tx, context(actor, ctx), {
          action: b.status === 'confirmed' ? 'booking.confirmed' : 'booking.awaiting_permission',
          subject: { type: 'booking', id: b.id },
          unitId: b.unitId,
          payload: {
            sessionId: session.id,
            startsAt: b.startsAt.toISOString(),
            detaineeId: b.detaineeId,
            documentIds: extras.documents.ids,
            oneStep: true,
            ...onBehalfFields(party),
          },
        });
        return b;
      }),
    );
    return this.present(booked);
  }

  /**
   * The lawyer (or the assistant who entered the booking for them) cancels. Before the centre's deadline
   * the place is simply freed; after it the cancellation counts as a no-show strike against the lawyer
   * (seed 003: cancel 24 h ahead or it is a no-show).
   */
  async cancel(
    actor: Actor,
    bookingId: string,
    reason: string | undefined,
    ctx: RequestContext,
    onBehalfOf?: string,
  ): Promise<BookingView> {
    requireRole(actor, 'lawyer');
    const party = await this.parties.resolve(actor, onBehalfOf);
    const found = await this.repo.bookingById(this.db, bookingId);
    if (!found) throw bookingNotFound();
    const settings = await this.centres.settingsOf(found.unitId);
    const cancelled = await this.tx.run(async (tx, afterCommit) => {
      const b = await this.repo.bookingById(tx, bookingId, true);
      if (!b) throw bookingNotFound();
      const lawyers = await this.repo.lawyersOf(tx, [b.id]);
      const meetingLawyerIds = lawyers.map((l) => l.lawyerUserId);
      if (!mayActOn(party, b, meetingLawyerIds)) throw notYourBooking();
      if (!LIVE.includes(b.status)) throw wrongState();
      const now = this.clock.now();
      const late = isLateCancellation(b, now, settings.cancellationDeadlineHours);
      const updated = await this.repo.updateBooking(tx, b.id, {
        status: late ? 'cancelled_late' : 'cancelled',
        holdExpiresAt: null,
        cancelledAt: now,
        cancelledBy: actor.userId,
        cancelReason: reason ?? null,
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: late ? 'booking.cancelled_late' : 'booking.cancelled',
        subject: { type: 'booking', id: b.id },
        unitId: b.unitId,
        payload: { reason: reason ?? null, startsAt: b.startsAt.toISOString(), ...onBehalfFields(party) },
      });
      await this.events.emit(tx, afterCommit, {
        kind: late ? 'cancelled_late' : 'cancelled',
        booking: updated,
        actorUserId: actor.userId,
        reason: reason ?? null,
      });
      return updated;
    });
    return this.present(cancelled);
  }

  /** The lawyer's bookings from a week ago on; an assistant names their principal to see the principal's. */
  async mine(actor: Actor, onBehalfOf?: string): Promise<BookingView[]> {
    requireRole(actor, 'lawyer');
    const party = await this.parties.resolve(actor, onBehalfOf);
    const since = new Date(this.clock.now().getTime() - 7 * 86_400_000);
    const rows = await this.repo.bookingsOfLawyer(this.db, party.lawyerUserId, since);
    return this.presentMany(rows);
  }

  // ---- steps shared by the journey and the one-step booking

  /**
   * The session and the centre's rules, read once, after the checks that need no transaction. A session
   * already visibly full is refused first, right after the duration: in a flash crowd most attempts end
   * here, and "full" is true whatever else might be said, so they cost two reads instead of six. Then the
   * lawyer's standing at that centre and the booking window. The database still decides every booking that
   * gets past here.
   */
  private async bookableSession(party: BookingParty, sessionId: string, durationMinutes: number) {
    const session = await this.repo.session(this.db, sessionId);
    if (!session) throw sessionNotFound();
    if (!session.durations.includes(durationMinutes)) throw durationNotAllowed();
    if (session.startsAt.getTime() + durationMinutes * 60_000 > session.endsAt.getTime())
      throw durationNotAllowed();
    const now = this.clock.now();
    if (session.taken >= session.onlinePlaces && !(await this.repo.hasLapsedHold(this.db, session.id, now))) {
      throw sessionFull();
    }
    await this.standing.requireLawyerCanBookOnline(party.lawyerUserId, session.unitId);
    const settings = await this.centres.settingsOf(session.unitId);
    if (!(await this.availability.isOpenForBooking(session, settings, now))) {
      throw notBookable(
        '该时段不在可预约范围内（预约期限或提前量）。',
        'This session is not open for booking (booking window or notice).',
      );
    }
    return { session, settings };
  }

  private async placeHold(
    tx: Tx,
    afterCommit: AfterCommit,
    party: BookingParty,
    session: SessionRow,
    settings: FacilitySettings,
    input: { durationMinutes: number; idempotencyKey?: string },
  ): Promise<BookingRow> {
    const now = this.clock.now();
    // Lapsed holds give their places back before this one is counted.
    await this.sweeper.sweepIn(tx, afterCommit, session.id);
    return this.repo.insertBooking(
      tx,
      {
        unitId: session.unitId,
        sessionId: session.id,
        bookedBy: party.lawyerUserId,
        enteredBy: party.enteredBy,
        status: 'held',
        startsAt: session.startsAt,
        endsAt: new Date(session.startsAt.getTime() + input.durationMinutes * 60_000),
        durationMinutes: input.durationMinutes,
        holdExpiresAt: new Date(now.getTime() + settings.holdMinutes * 60_000),
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: now,
      },
      // The lawyer of the meeting, whom the overlap rule binds; an assistant never is one.
      [party.lawyerUserId],
    );
  }

  /**
   * What completing needs from outside the booking tables, read before the transaction opens: on the
   * embedded database a read through another handle inside it would wait for it for ever.
   */
  private async completionExtras(
    party: BookingParty,
    unitId: string,
    settings: FacilitySettings,
    input: CompleteRequest,
  ): Promise<CompletionExtras> {
    const documents = await this.documents.require(party.lawyerUserId, unitId, input.documentIds);
    let coCounselId: string | null = null;
    if (input.coCounselUsername) {
      const id = await this.org.lawyerIdByUsername(input.coCounselUsername);
      if (!id || id === party.lawyerUserId) throw coCounselUnknown();
      coCounselId = id;
    }
    return { cap: settings.maxBookingsPerDetaineePerWeek, coCounselId, documents };
  }

  private async completeHeld(
    tx: Tx,
    afterCommit: AfterCommit,
    party: BookingParty,
    held: BookingRow,
    input: CompleteRequest,
    extras: CompletionExtras,
  ): Promise<BookingRow> {
    const client = await this.roster.match(tx, held.unitId, input.client);
    if (!client) throw clientNotFound();
    await this.documents.linkTo(tx, held, client.id, extras.documents);
    if (extras.cap !== null) {
      const { from, to } = isoWeekOfMeeting(held.startsAt);
      const live = await this.repo.countLiveFor(tx, party.lawyerUserId, client.id, from, to);
      if (live >= extras.cap) throw fairnessCapReached(extras.cap);
    }
    if (extras.coCounselId) await this.repo.addLawyer(tx, held, extras.coCounselId);
    const done = await this.repo.updateBooking(tx, held.id, {
      detaineeId: client.id,
      status: client.restrictedCase ? 'awaiting_permission' : 'confirmed',
      holdExpiresAt: null,
      confirmedAt: this.clock.now(),
    });
    await this.events.emit(tx, afterCommit, {
      kind: client.restrictedCase ? 'awaiting_permission' : 'confirmed',
      booking: done,
      actorUserId: party.actor.userId,
    });
    return done;
  }

  /** The booking an earlier request with this key made, if any: a repeated submission gets the same answer. */
  private async replay(party: BookingParty, key: string | undefined): Promise<BookingView | undefined> {
    if (!key) return undefined;
    // Keys are the lawyer's: an assistant repeating the lawyer's own request gets the lawyer's booking.
    const existing = await this.repo.bookingByIdempotencyKey(this.db, party.lawyerUserId, key);
    return existing && this.present(existing);
  }

  /** Runs a booking transaction; two racing requests with one key end with the first one's booking. */
  private async guarded(
    party: BookingParty,
    key: string | undefined,
    work: () => Promise<BookingRow>,
  ): Promise<BookingRow> {
    try {
      return await this.refusalsNamed(work);
    } catch (error) {
      if (key && isUniqueViolation(error, 'booking_idempotency_unique')) {
        const existing = await this.repo.bookingByIdempotencyKey(this.db, party.lawyerUserId, key);
        if (existing) return existing;
      }
      throw error;
    }
  }

  private async refusalsNamed<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw bookingRefusal(error) ?? error;
    }
  }

  private async present(b: BookingRow): Promise<BookingView> {
    return (await this.presentMany([b]))[0]!;
  }

  private async presentMany(rows: BookingRow[]): Promise<BookingView[]> {
    const lawyers = await this.repo.lawyersOf(
      this.db,
      rows.map((b) => b.id),
    );
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((b) => b.detaineeId).filter((d): d is string => d !== null))) {
      const d = await this.repo.detaineeById(this.db, id);
      if (d) names.set(id, d.name);
    }
    return rows.map((b) => ({
      id: b.id,
      unitId: b.unitId,
      sessionId: b.sessionId,
      status: b.status,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      durationMinutes: b.durationMinutes,
      holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
      lawyerUserIds: lawyers.filter((l) => l.bookingId === b.id).map((l) => l.lawyerUserId),
      enteredByUserId: b.enteredBy,
      detaineeName: b.detaineeId ? (names.get(b.detaineeId) ?? null) : null,
    }));
  }
}
