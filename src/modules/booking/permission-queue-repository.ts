// The SQL of the centre staff's queue of restricted-case bookings waiting for a permission decision.
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { booking, bookingSession, detainee } from './tables.js';

export interface AwaitingPermissionRecord {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  channel: string;
  detaineeName: string;
  detaineeIdNoHead: string;
  detaineeIdNoTail: string;
  createdAt: Date;
}

export class PermissionQueueRepository {
  /**
   * A centre's bookings in awaiting_permission whose session date is on or after `fromDate`, soonest first.
   * Reached through the centre's dated sessions (indexed by unit and date) and each session's bookings by
   * status, so the queue never scans the centre's whole booking history.
   */
  async awaitingPermission(
    db: Executor,
    unitId: string,
    fromDate: string,
  ): Promise<AwaitingPermissionRecord[]> {
    return db
      .select({
        bookingId: booking.id,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        durationMinutes: booking.durationMinutes,
        channel: bookingSession.channel,
        detaineeName: detainee.name,
        detaineeIdNoHead: detainee.idNoHead,
        detaineeIdNoTail: detainee.idNoTail,
        createdAt: booking.createdAt,
      })
      .from(bookingSession)
      .innerJoin(booking, eq(booking.sessionId, bookingSession.id))
      .innerJoin(detainee, eq(detainee.id, booking.detaineeId))
      .where(
        and(
          eq(bookingSession.unitId, unitId),
          gte(bookingSession.date, fromDate),
          eq(booking.unitId, unitId),
          eq(booking.status, 'awaiting_permission'),
        ),
      )
      .orderBy(asc(booking.startsAt), asc(booking.createdAt), asc(booking.id));
  }
}
