// The SQL of a centre's day-to-day operations on bookings: the day sheet with who cancelled and why, the
// meetings a release or transfer cancels, the lawyer's view of the centre's cancellations, and the roster's
// masked ID heads. (BookingRepository keeps the booking core's SQL.)
import { and, asc, eq, gt, gte, inArray, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { appUser } from '../identity/tables.js';
import type { BookingRow, DetaineeRow } from './repository.js';
import { booking, bookingLawyer, bookingSession, detainee, meetingRoom } from './tables.js';

const LIVE = ['held', 'confirmed', 'awaiting_permission'];
const canceller = alias(appUser, 'canceller');

/** One row of a centre's day sheet, as the repository reads it. */
export interface DaySheetEntryRecord {
  bookingId: string;
  sessionId: string;
  sessionStartsAt: Date;
  sessionEndsAt: Date;
  channel: string;
  roomName: string | null;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  status: string;
  detaineeName: string;
  detaineeIdNoHead: string;
  detaineeIdNoTail: string;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelledByName: string | null;
}

export class CentreOpsRepository {
  /**
   * A centre's bookings on one date with their session, room, client and canceller; holds in progress and
   * lapsed holds are left out. Ordered as detainees are brought out: by session, then start.
   */
  async daySheetEntries(db: Executor, unitId: string, date: string): Promise<DaySheetEntryRecord[]> {
    return db
      .select({
        bookingId: booking.id,
        sessionId: bookingSession.id,
        sessionStartsAt: bookingSession.startsAt,
        sessionEndsAt: bookingSession.endsAt,
        channel: bookingSession.channel,
        roomName: meetingRoom.name,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        durationMinutes: booking.durationMinutes,
        status: booking.status,
        detaineeName: detainee.name,
        detaineeIdNoHead: detainee.idNoHead,
        detaineeIdNoTail: detainee.idNoTail,
        cancelledAt: booking.cancelledAt,
        cancelReason: booking.cancelReason,
        cancelledByName: canceller.displayName,
      })
      .from(booking)
      .innerJoin(bookingSession, eq(bookingSession.id, booking.sessionId))
      .innerJoin(detainee, eq(detainee.id, booking.detaineeId))
      .leftJoin(meetingRoom, eq(meetingRoom.id, bookingSession.roomId))
      .leftJoin(canceller, eq(canceller.id, booking.cancelledBy))
      .where(
        and(
          eq(booking.unitId, unitId),
          eq(bookingSession.unitId, unitId),
          eq(bookingSession.date, date),
          notInArray(booking.status, ['held', 'expired']),
        ),
      )
      .orderBy(
        asc(bookingSession.startsAt),
        asc(booking.startsAt),
        asc(booking.confirmedAt),
        asc(booking.id),
      );
  }

  /**
   * A detainee's live bookings that start after an instant, locked for the caller's transaction (a release
   * or transfer cancels them). The detainee's row is locked first by the caller, so a booking completed
   * meanwhile is either seen here or refused by the roster match.
   */
  async liveBookingsOfDetaineeAfter(db: Executor, detaineeId: string, after: Date): Promise<BookingRow[]> {
    return db
      .select()
      .from(booking)
      .where(
        and(eq(booking.detaineeId, detaineeId), inArray(booking.status, LIVE), gt(booking.startsAt, after)),
      )
      .orderBy(asc(booking.startsAt), asc(booking.id))
      .for('update');
  }

  async countLiveBookingsOfDetaineeAfter(db: Executor, detaineeId: string, after: Date): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(booking)
      .where(
        and(eq(booking.detaineeId, detaineeId), inArray(booking.status, LIVE), gt(booking.startsAt, after)),
      );
    return row?.n ?? 0;
  }

  /** The lawyer's meetings the centre cancelled, ending at or after an instant. */
  async centreCancellationsOfLawyer(
    db: Executor,
    lawyerUserId: string,
    endingFrom: Date,
  ): Promise<{ bookingId: string; cancelledAt: Date | null; cancelReason: string | null }[]> {
    return db
      .select({
        bookingId: booking.id,
        cancelledAt: booking.cancelledAt,
        cancelReason: booking.cancelReason,
      })
      .from(booking)
      .innerJoin(bookingLawyer, eq(bookingLawyer.bookingId, booking.id))
      .where(
        and(
          eq(bookingLawyer.lawyerUserId, lawyerUserId),
          eq(booking.status, 'cancelled_by_centre'),
          gte(booking.endsAt, endingFrom),
        ),
      )
      .orderBy(asc(booking.startsAt));
  }

  // ---- the roster

  /**
   * The roster entry matching a keyed hash, share-locked in the caller's transaction: a release or transfer
   * (which locks it for update) then either waits for the booking being made or is waited for and seen.
   */
  async detaineeByHashLocked(
    db: Executor,
    unitId: string,
    idNoHash: string,
  ): Promise<DetaineeRow | undefined> {
    const [row] = await db
      .select()
      .from(detainee)
      .where(and(eq(detainee.unitId, unitId), eq(detainee.idNoHash, idNoHash)))
      .for('share');
    return row;
  }

  /** Up to `limit` roster entries without a stored ID head, after a given id (keyset order). */
  async detaineesWithoutHead(
    db: Executor,
    afterId: string | null,
    limit: number,
  ): Promise<{ id: string; idNoSealed: string }[]> {
    return db
      .select({ id: detainee.id, idNoSealed: detainee.idNoSealed })
      .from(detainee)
      .where(and(eq(detainee.idNoHead, ''), afterId ? gt(detainee.id, afterId) : undefined))
      .orderBy(asc(detainee.id))
      .limit(limit);
  }

  /** Fills in an ID head once; a concurrent filler (another node starting) writes the same value. */
  async setIdNoHead(db: Executor, id: string, idNoHead: string): Promise<void> {
    await db
      .update(detainee)
      .set({ idNoHead })
      .where(and(eq(detainee.id, id), eq(detainee.idNoHead, '')));
  }
}
