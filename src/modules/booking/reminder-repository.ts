// The SQL of the day-before reminders: the confirmed meetings of one Shanghai date.
import { and, asc, eq } from 'drizzle-orm';
import type { LocalDate } from '../../platform/calendar/local-date.js';
import type { Executor } from '../../platform/db/database.js';
import type { BookingRow } from './repository.js';
import { booking, bookingSession } from './tables.js';

export class ReminderRepository {
  /**
   * Confirmed bookings whose session falls on the date, in every centre. Found through the date's sessions
   * (a few per centre), then each session's bookings by its (session, status) index.
   */
  async confirmedOn(db: Executor, date: LocalDate): Promise<BookingRow[]> {
    const rows = await db
      .select({ booking })
      .from(bookingSession)
      .innerJoin(booking, and(eq(booking.sessionId, bookingSession.id), eq(booking.status, 'confirmed')))
      .where(eq(bookingSession.date, date))
      .orderBy(asc(booking.startsAt), asc(booking.id));
    return rows.map((r) => r.booking);
  }
}
