// The SQL of the lawyers' private calendar feeds: the feed rows (a token's hash per lawyer) and the
// bookings a feed shows.
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { BookingRow } from './repository.js';
import { booking, bookingLawyer, calendarFeed } from './tables.js';

export type CalendarFeedRow = typeof calendarFeed.$inferSelect;

export class CalendarFeedRepository {
  async feedOf(db: Executor, userId: string, forUpdate = false): Promise<CalendarFeedRow | undefined> {
    const query = db.select().from(calendarFeed).where(eq(calendarFeed.userId, userId));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  async feedByTokenHash(db: Executor, tokenHash: string): Promise<CalendarFeedRow | undefined> {
    const [row] = await db.select().from(calendarFeed).where(eq(calendarFeed.tokenHash, tokenHash));
    return row;
  }

  /** The lawyer's one feed, new or replacing the old token (whose URL then stops working). */
  async saveFeed(db: Executor, row: CalendarFeedRow): Promise<void> {
    await db
      .insert(calendarFeed)
      .values(row)
      .onConflictDoUpdate({
        target: calendarFeed.userId,
        set: { tokenHash: row.tokenHash, createdAt: row.createdAt },
      });
  }

  /** Removes the lawyer's feed; true if there was one. */
  async deleteFeed(db: Executor, userId: string): Promise<boolean> {
    const removed = await db
      .delete(calendarFeed)
      .where(eq(calendarFeed.userId, userId))
      .returning({ userId: calendarFeed.userId });
    return removed.length > 0;
  }

  /**
   * The lawyer's meetings (as booker or co-counsel) in these statuses that end after `since`; of the
   * cancelled ones only those cancelled after `since`. Earliest first, at most `limit`.
   */
  async bookingsForFeed(
    db: Executor,
    lawyerUserId: string,
    statuses: readonly string[],
    since: Date,
    limit: number,
  ): Promise<BookingRow[]> {
    const rows = await db
      .select({ booking })
      .from(bookingLawyer)
      .innerJoin(booking, eq(booking.id, bookingLawyer.bookingId))
      .where(
        and(
          eq(bookingLawyer.lawyerUserId, lawyerUserId),
          inArray(booking.status, [...statuses]),
          gte(booking.endsAt, since),
          or(isNull(booking.cancelledAt), gte(booking.cancelledAt, since)),
        ),
      )
      .orderBy(asc(booking.startsAt), asc(booking.id))
      .limit(limit);
    return rows.map((r) => r.booking);
  }
}
