// The SQL of the waiting list. The queue order is (created_at, id): first come, first offered.
import { and, asc, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { appUser } from '../identity/tables.js';
import type { SessionRow } from './repository.js';
import {
  booking,
  bookingLawyer,
  bookingSession,
  facilitySettings,
  LIVE_BOOKING_STATUSES,
  waitlistEntry,
} from './tables.js';

export type WaitlistEntryRow = typeof waitlistEntry.$inferSelect;

/** Statuses in which an entry still holds its place in the queue (the partial unique index's). */
export const LIVE_WAITLIST_STATUSES = ['waiting', 'offered'] as const;

/** An entry with its session and, if one was made, the hold of its offer. */
export interface LawyerEntryRecord {
  entry: WaitlistEntryRow;
  sessionStartsAt: Date;
  sessionEndsAt: Date;
  channel: string;
  offerStatus: string | null;
  offerExpiresAt: Date | null;
}

export interface QueueRecord {
  entry: WaitlistEntryRow;
  displayName: string;
  username: string;
  offerStatus: string | null;
  offerExpiresAt: Date | null;
}

export class WaitlistRepository {
  /** Adds an entry; undefined when the lawyer already has a live one for the session (a racing join). */
  async insertEntry(
    db: Executor,
    row: typeof waitlistEntry.$inferInsert,
  ): Promise<WaitlistEntryRow | undefined> {
    const [saved] = await db.insert(waitlistEntry).values(row).onConflictDoNothing().returning();
    return saved;
  }

  async liveEntry(db: Executor, sessionId: string, lawyerUserId: string) {
    const [row] = await db
      .select()
      .from(waitlistEntry)
      .where(
        and(
          eq(waitlistEntry.sessionId, sessionId),
          eq(waitlistEntry.lawyerUserId, lawyerUserId),
          inArray(waitlistEntry.status, [...LIVE_WAITLIST_STATUSES]),
        ),
      );
    return row;
  }

  async entryById(db: Executor, id: string, forUpdate = false): Promise<WaitlistEntryRow | undefined> {
    const query = db.select().from(waitlistEntry).where(eq(waitlistEntry.id, id));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  /**
   * The entry whose live offer is this hold, locked. Asked on every booking change, so it goes by the live
   * entries' unique index (session and lawyer: an offer's hold is booked by the entry's lawyer) rather than
   * scanning every entry ever made for the hold's id.
   */
  async offeredEntryOf(
    db: Executor,
    hold: { id: string; sessionId: string; bookedBy: string },
  ): Promise<WaitlistEntryRow | undefined> {
    const [row] = await db
      .select()
      .from(waitlistEntry)
      .where(
        and(
          eq(waitlistEntry.sessionId, hold.sessionId),
          eq(waitlistEntry.lawyerUserId, hold.bookedBy),
          eq(waitlistEntry.status, 'offered'),
          eq(waitlistEntry.offerBookingId, hold.id),
        ),
      )
      .for('update');
    return row;
  }

  async updateEntry(
    db: Executor,
    id: string,
    changes: Partial<typeof waitlistEntry.$inferInsert>,
  ): Promise<WaitlistEntryRow> {
    const [row] = await db.update(waitlistEntry).set(changes).where(eq(waitlistEntry.id, id)).returning();
    return row!;
  }

  /**
   * The earliest waiting entry of a session, locked. An entry withdrawn while this waited for its lock no
   * longer matches when PostgreSQL checks it again, and the next one is returned instead.
   */
  async nextWaiting(db: Executor, sessionId: string): Promise<WaitlistEntryRow | undefined> {
    const [row] = await db
      .select()
      .from(waitlistEntry)
      .where(and(eq(waitlistEntry.sessionId, sessionId), eq(waitlistEntry.status, 'waiting')))
      .orderBy(asc(waitlistEntry.createdAt), asc(waitlistEntry.id))
      .limit(1)
      .for('update');
    return row;
  }

  /**
   * The session, share-locked: a transaction that frees or takes one of its places updates this row, so
   * it waits until a join has committed and then sees the new entry, and a join sees its count settled.
   */
  async lockSession(db: Executor, sessionId: string): Promise<SessionRow | undefined> {
    const [row] = await db.select().from(bookingSession).where(eq(bookingSession.id, sessionId)).for('share');
    return row;
  }

  /** Whether the lawyer is already in a live booking of the session (as booker or co-counsel). */
  async hasLiveBookingIn(db: Executor, lawyerUserId: string, sessionId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: booking.id })
      .from(bookingLawyer)
      .innerJoin(booking, eq(booking.id, bookingLawyer.bookingId))
      .where(
        and(
          eq(bookingLawyer.lawyerUserId, lawyerUserId),
          eq(booking.sessionId, sessionId),
          inArray(booking.status, [...LIVE_BOOKING_STATUSES]),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /** A lawyer's entries for sessions ending after `since`, soonest session first. */
  async entriesOfLawyer(db: Executor, lawyerUserId: string, since: Date): Promise<LawyerEntryRecord[]> {
    return this.entryRecordsWhere(
      db,
      and(eq(waitlistEntry.lawyerUserId, lawyerUserId), gte(bookingSession.endsAt, since)),
    );
  }

  async entryRecords(db: Executor, ids: string[]): Promise<LawyerEntryRecord[]> {
    if (ids.length === 0) return [];
    return this.entryRecordsWhere(db, inArray(waitlistEntry.id, ids));
  }

  private async entryRecordsWhere(db: Executor, where: SQL | undefined): Promise<LawyerEntryRecord[]> {
    return db
      .select({
        entry: waitlistEntry,
        sessionStartsAt: bookingSession.startsAt,
        sessionEndsAt: bookingSession.endsAt,
        channel: bookingSession.channel,
        offerStatus: booking.status,
        offerExpiresAt: booking.holdExpiresAt,
      })
      .from(waitlistEntry)
      .innerJoin(bookingSession, eq(bookingSession.id, waitlistEntry.sessionId))
      .leftJoin(booking, eq(booking.id, waitlistEntry.offerBookingId))
      .where(where)
      .orderBy(asc(bookingSession.startsAt), asc(waitlistEntry.createdAt));
  }

  /** The ids of the entries still waiting in these sessions, in queue order. */
  async waitingInOrder(db: Executor, sessionIds: string[]): Promise<{ id: string; sessionId: string }[]> {
    if (sessionIds.length === 0) return [];
    return db
      .select({ id: waitlistEntry.id, sessionId: waitlistEntry.sessionId })
      .from(waitlistEntry)
      .where(and(inArray(waitlistEntry.sessionId, sessionIds), eq(waitlistEntry.status, 'waiting')))
      .orderBy(asc(waitlistEntry.createdAt), asc(waitlistEntry.id));
  }

  /** A session's live entries in queue order, with the lawyers' names and the offers' holds. */
  async queueOf(db: Executor, sessionId: string): Promise<QueueRecord[]> {
    return db
      .select({
        entry: waitlistEntry,
        displayName: appUser.displayName,
        username: appUser.username,
        offerStatus: booking.status,
        offerExpiresAt: booking.holdExpiresAt,
      })
      .from(waitlistEntry)
      .innerJoin(appUser, eq(appUser.id, waitlistEntry.lawyerUserId))
      .leftJoin(booking, eq(booking.id, waitlistEntry.offerBookingId))
      .where(
        and(
          eq(waitlistEntry.sessionId, sessionId),
          inArray(waitlistEntry.status, [...LIVE_WAITLIST_STATUSES]),
        ),
      )
      .orderBy(asc(waitlistEntry.createdAt), asc(waitlistEntry.id));
  }

  /** Live entries per session and status, for a centre's day. */
  async queueLengths(
    db: Executor,
    unitId: string,
    date: string,
  ): Promise<{ sessionId: string; status: string; n: number }[]> {
    return db
      .select({ sessionId: waitlistEntry.sessionId, status: waitlistEntry.status, n: count() })
      .from(waitlistEntry)
      .innerJoin(bookingSession, eq(bookingSession.id, waitlistEntry.sessionId))
      .where(
        and(
          eq(bookingSession.unitId, unitId),
          eq(bookingSession.date, date),
          inArray(waitlistEntry.status, [...LIVE_WAITLIST_STATUSES]),
        ),
      )
      .groupBy(waitlistEntry.sessionId, waitlistEntry.status);
  }

  /**
   * Closes the entries still waiting for sessions that start within their centre's minimum notice of
   * `now` (no offer can come any more) and returns them as they now are.
   */
  async closeWaitingTooLate(
    db: Executor,
    now: Date,
    defaultNoticeHours: number,
  ): Promise<WaitlistEntryRow[]> {
    const due = await db
      .select({ id: waitlistEntry.id })
      .from(waitlistEntry)
      .innerJoin(bookingSession, eq(bookingSession.id, waitlistEntry.sessionId))
      .leftJoin(facilitySettings, eq(facilitySettings.unitId, bookingSession.unitId))
      .where(
        and(
          eq(waitlistEntry.status, 'waiting'),
          sql`${bookingSession.startsAt} <= ${now.toISOString()}::timestamptz + make_interval(hours => coalesce(${facilitySettings.minNoticeHours}, ${defaultNoticeHours})::int)`,
        ),
      );
    if (due.length === 0) return [];
    return db
      .update(waitlistEntry)
      .set({ status: 'closed', updatedAt: now })
      .where(
        and(
          inArray(
            waitlistEntry.id,
            due.map((d) => d.id),
          ),
          eq(waitlistEntry.status, 'waiting'),
        ),
      )
      .returning();
  }
}
