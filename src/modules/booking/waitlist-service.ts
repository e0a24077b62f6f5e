// The waiting list of a full session, as lawyers and centre staff use it: a lawyer joins (only when no
// place is left), sees their place in the queue and any offer, and withdraws; staff see each session's
// queue. Offers themselves are made by WaitlistOffers, in the transaction that frees a place.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import type { AvailabilityService } from './availability-service.js';
import type { BookingEvents } from './booking-events.js';
import type { LawyerStanding } from './booking-service.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import { durationNotAllowed, sessionNotFound } from './errors.js';
import type { HoldSweeper } from './hold-sweeper.js';
import type { BookingRepository } from './repository.js';
import type { SessionView } from './schemas.js';
import {
  alreadyBooked,
  entryEnded,
  entryNotFound,
  placesLeft,
  sessionClosedForWaiting,
} from './waitlist-errors.js';
import type { LawyerEntryRecord, WaitlistEntryRow, WaitlistRepository } from './waitlist-repository.js';
import type {
  JoinWaitlistRequest,
  QueueEntryView,
  QueueLengthsView,
  SessionQueueView,
  WaitlistEntryView,
  WaitlistOffer,
  WaitlistStatus,
} from './waitlist-schemas.js';

/** How far back a lawyer's list shows entries of sessions that have ended (as "my bookings" does). */
const HISTORY_MS = 7 * 86_400_000;
/** Why a lawyer gives an offered place up, in the hold's cancellation. */
const DECLINED = 'waiting-list offer declined';

export class WaitlistService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: WaitlistRepository,
    private readonly bookings: BookingRepository,
    private readonly centres: CentreConfigService,
    private readonly availability: AvailabilityService,
    private readonly standing: LawyerStanding,
    private readonly sweeper: HoldSweeper,
    private readonly events: BookingEvents,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * Puts the lawyer at the end of a full session's queue, for a meeting of the given length; a second
   * join returns the entry they already have. Refused while a place is left: booking it is the way in.
   */
  async join(
    actor: Actor,
    sessionId: string,
    input: JoinWaitlistRequest,
    ctx: RequestContext,
  ): Promise<{ entry: WaitlistEntryView; created: boolean }> {
    requireRole(actor, 'lawyer');
    const session = await this.bookings.session(this.db, sessionId);
    if (!session) throw sessionNotFound();
    await this.standing.requireCanBookOnline(actor, session.unitId);
    const settings = await this.centres.settingsOf(session.unitId);
    if (!(await this.availability.isOpenForBooking(session, settings, this.clock.now()))) {
      throw sessionClosedForWaiting();
    }
    const { durationMinutes } = input;
    if (
      !session.durations.includes(durationMinutes) ||
      session.startsAt.getTime() + durationMinutes * 60_000 > session.endsAt.getTime()
    ) {
      throw durationNotAllowed();
    }
    const existing = await this.repo.liveEntry(this.db, session.id, actor.userId);
    if (existing) return { entry: await this.present(existing), created: false };
    if (await this.repo.hasLiveBookingIn(this.db, actor.userId, session.id)) throw alreadyBooked();

    const joined = await this.tx.run(async (tx, afterCommit) => {
      // Lapsed holds give their places back first (to those already waiting, if any), then the session's
      // row is share-locked so that no place is freed unseen between the count and the new entry.
      await this.sweeper.sweepIn(tx, afterCommit, session.id);
      const locked = (await this.repo.lockSession(tx, session.id))!;
      if (locked.taken < locked.onlinePlaces) return { placesLeft: true as const };
      const now = this.clock.now();
      const row = await this.repo.insertEntry(tx, {
        unitId: session.unitId,
        sessionId: session.id,
        lawyerUserId: actor.userId,
        durationMinutes,
        status: 'waiting',
        createdAt: now,
        updatedAt: now,
      });
      if (!row) {
        // The same lawyer's other request got there first.
        return {
          placesLeft: false as const,
          row: (await this.repo.liveEntry(tx, session.id, actor.userId))!,
          created: false,
        };
      }
      await this.audit.record(tx, context(actor, ctx), {
        action: 'waitlist.joined',
        subject: { type: 'waitlist_entry', id: row.id },
        unitId: row.unitId,
        payload: { sessionId: session.id, durationMinutes, startsAt: session.startsAt.toISOString() },
      });
      return { placesLeft: false as const, row, created: true };
    });
    // The sweep above is committed either way, so the places it freed are there for the lawyer to book.
    if (joined.placesLeft) throw placesLeft();
    return { entry: await this.present(joined.row), created: joined.created };
  }

  /**
   * The lawyer leaves the queue. An entry holding an offer gives its place up at once, which passes it to
   * the next lawyer waiting in the same transaction.
   */
  async withdraw(actor: Actor, entryId: string, ctx: RequestContext): Promise<WaitlistEntryView> {
    requireRole(actor, 'lawyer');
    const found = await this.repo.entryById(this.db, entryId);
    if (!found || found.lawyerUserId !== actor.userId) throw entryNotFound();
    const withdrawn = await this.tx.run(async (tx, afterCommit) => {
      // The offered hold is locked before the entry, the order a lapsing or completed hold takes them
      // in, so the two never wait on each other.
      if (found.offerBookingId) await this.bookings.bookingById(tx, found.offerBookingId, true);
      const entry = (await this.repo.entryById(tx, entryId, true))!;
      if (entry.status !== 'waiting' && entry.status !== 'offered') throw entryEnded();
      const now = this.clock.now();
      const updated = await this.repo.updateEntry(tx, entry.id, { status: 'withdrawn', updatedAt: now });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'waitlist.withdrawn',
        subject: { type: 'waitlist_entry', id: entry.id },
        unitId: entry.unitId,
        payload: { sessionId: entry.sessionId, offerBookingId: entry.offerBookingId },
      });
      const hold =
        entry.status === 'offered' && entry.offerBookingId
          ? await this.bookings.bookingById(tx, entry.offerBookingId, true)
          : undefined;
      if (hold?.status === 'held') {
        const cancelled = await this.bookings.updateBooking(tx, hold.id, {
          status: 'cancelled',
          holdExpiresAt: null,
          cancelledAt: now,
          cancelledBy: actor.userId,
          cancelReason: DECLINED,
        });
        await this.audit.record(tx, context(actor, ctx), {
          action: 'booking.cancelled',
          subject: { type: 'booking', id: hold.id },
          unitId: hold.unitId,
          payload: { reason: DECLINED, startsAt: hold.startsAt.toISOString() },
        });
        await this.events.emit(tx, afterCommit, {
          kind: 'cancelled',
          booking: cancelled,
          actorUserId: actor.userId,
          reason: DECLINED,
        });
      }
      return updated;
    });
    return this.present(withdrawn);
  }

  /** The lawyer's entries for sessions from a week ago on, with their place in the queue and any offer. */
  async mine(actor: Actor): Promise<WaitlistEntryView[]> {
    requireRole(actor, 'lawyer');
    const since = new Date(this.clock.now().getTime() - HISTORY_MS);
    return this.presentAll(await this.repo.entriesOfLawyer(this.db, actor.userId, since));
  }

  /** A session's queue, for the centre's staff: who waits, in what order, and who holds an offer. */
  async queue(actor: Actor, unitId: string, sessionId: string): Promise<SessionQueueView> {
    await this.centres.requireCentre(actor, unitId);
    const session = await this.bookings.session(this.db, sessionId);
    if (!session || session.unitId !== unitId) throw sessionNotFound();
    const records = await this.repo.queueOf(this.db, sessionId);
    let waiting = 0;
    const items = records.map((r): QueueEntryView => ({
      id: r.entry.id,
      status: r.entry.status === 'offered' ? 'offered' : 'waiting',
      position: r.entry.status === 'waiting' ? ++waiting : null,
      durationMinutes: r.entry.durationMinutes,
      lawyer: { displayName: r.displayName, username: r.username },
      joinedAt: r.entry.createdAt.toISOString(),
      offerExpiresAt: r.offerStatus === 'held' ? (r.offerExpiresAt?.toISOString() ?? null) : null,
    }));
    return { unitId, sessionId, items };
  }

  /** How many wait, and how many hold an offer, in each session of a centre's day (the day sheet). */
  async queueLengths(actor: Actor, unitId: string, date: string): Promise<QueueLengthsView> {
    await this.centres.requireCentre(actor, unitId);
    const counts = await this.repo.queueLengths(this.db, unitId, date);
    const bySession = new Map<string, { sessionId: string; waiting: number; offered: number }>();
    for (const c of counts) {
      const row = bySession.get(c.sessionId) ?? { sessionId: c.sessionId, waiting: 0, offered: 0 };
      if (c.status === 'offered') row.offered += c.n;
      else row.waiting += c.n;
      bySession.set(c.sessionId, row);
    }
    return { unitId, date, sessions: [...bySession.values()] };
  }

  private async present(entry: WaitlistEntryRow): Promise<WaitlistEntryView> {
    const [view] = await this.presentAll(await this.repo.entryRecords(this.db, [entry.id]));
    return view!;
  }

  private async presentAll(records: LawyerEntryRecord[]): Promise<WaitlistEntryView[]> {
    const now = this.clock.now();
    const positions = await this.positions(
      records.filter((r) => r.entry.status === 'waiting').map((r) => r.entry.sessionId),
    );
    return records.map((r) => ({
      id: r.entry.id,
      unitId: r.entry.unitId,
      sessionId: r.entry.sessionId,
      ...this.offerState(r.entry, r.offerStatus, r.offerExpiresAt, now),
      durationMinutes: r.entry.durationMinutes,
      session: {
        startsAt: r.sessionStartsAt.toISOString(),
        endsAt: r.sessionEndsAt.toISOString(),
        channel: r.channel as SessionView['channel'],
      },
      position: r.entry.status === 'waiting' ? (positions.get(r.entry.id) ?? null) : null,
      joinedAt: r.entry.createdAt.toISOString(),
      updatedAt: r.entry.updatedAt.toISOString(),
    }));
  }

  /** 1-based places of the entries still waiting in these sessions. */
  private async positions(sessionIds: string[]): Promise<Map<string, number>> {
    const ordered = await this.repo.waitingInOrder(this.db, [...new Set(sessionIds)]);
    const seen = new Map<string, number>();
    const positions = new Map<string, number>();
    for (const e of ordered) {
      const n = (seen.get(e.sessionId) ?? 0) + 1;
      seen.set(e.sessionId, n);
      positions.set(e.id, n);
    }
    return positions;
  }

  /**
   * The status and offer to show. An offer whose hold is past its time reads as lapsed before the sweep
   * has written it, as availability counts such a hold's place free: looking never writes.
   */
  private offerState(
    entry: WaitlistEntryRow,
    holdStatus: string | null,
    holdExpiresAt: Date | null,
    now: Date,
  ): { status: WaitlistStatus; offer: WaitlistOffer | null } {
    const status = entry.status as WaitlistStatus;
    if (status !== 'offered') return { status, offer: null };
    if (holdStatus !== 'held' || !holdExpiresAt || holdExpiresAt <= now || !entry.offerBookingId) {
      return { status: 'lapsed', offer: null };
    }
    return {
      status,
      offer: {
        bookingId: entry.offerBookingId,
        holdExpiresAt: holdExpiresAt.toISOString(),
        secondsLeft: Math.floor((holdExpiresAt.getTime() - now.getTime()) / 1000),
      },
    };
  }
}
