// The only SQL of the booking module.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { appUser } from '../identity/tables.js';
import {
  booking,
  bookingLawyer,
  bookingSession,
  detainee,
  facilityClosedDate,
  facilitySettings,
  meetingRoom,
  sessionTemplate,
} from './tables.js';

export type SettingsRow = typeof facilitySettings.$inferSelect;
export type TemplateRow = typeof sessionTemplate.$inferSelect;
export type SessionRow = typeof bookingSession.$inferSelect;
export type BookingRow = typeof booking.$inferSelect;
export type DetaineeRow = typeof detainee.$inferSelect;
export type RoomRow = typeof meetingRoom.$inferSelect;

export class BookingRepository {
  // ---- centre configuration

  async settings(db: Executor, unitId: string): Promise<SettingsRow | undefined> {
    const [row] = await db.select().from(facilitySettings).where(eq(facilitySettings.unitId, unitId));
    return row;
  }

  async upsertSettings(db: Executor, row: typeof facilitySettings.$inferInsert): Promise<SettingsRow> {
    const { unitId: _unitId, ...changes } = row;
    const [saved] = await db
      .insert(facilitySettings)
      .values(row)
      .onConflictDoUpdate({ target: facilitySettings.unitId, set: { ...changes, updatedAt: sql`now()` } })
      .returning();
    return saved!;
  }

  async insertRoom(db: Executor, row: typeof meetingRoom.$inferInsert): Promise<RoomRow> {
    const [saved] = await db.insert(meetingRoom).values(row).returning();
    return saved!;
  }

  async rooms(db: Executor, unitId: string): Promise<RoomRow[]> {
    return db.select().from(meetingRoom).where(eq(meetingRoom.unitId, unitId)).orderBy(asc(meetingRoom.name));
  }

  async insertTemplate(db: Executor, row: typeof sessionTemplate.$inferInsert): Promise<TemplateRow> {
    const [saved] = await db.insert(sessionTemplate).values(row).returning();
    return saved!;
  }

  async templates(db: Executor, unitId: string, activeOnly: boolean): Promise<TemplateRow[]> {
    return db
      .select()
      .from(sessionTemplate)
      .where(
        and(eq(sessionTemplate.unitId, unitId), activeOnly ? eq(sessionTemplate.active, true) : undefined),
      )
      .orderBy(asc(sessionTemplate.weekday), asc(sessionTemplate.startTime));
  }

  async closedDates(
    db: Executor,
    unitId: string,
    from: string,
    to: string,
  ): Promise<{ date: string; reason: string }[]> {
    return db
      .select({ date: facilityClosedDate.date, reason: facilityClosedDate.reason })
      .from(facilityClosedDate)
      .where(
        and(
          eq(facilityClosedDate.unitId, unitId),
          gte(facilityClosedDate.date, from),
          lte(facilityClosedDate.date, to),
        ),
      )
      .orderBy(asc(facilityClosedDate.date));
  }

  async insertClosedDate(db: Executor, row: typeof facilityClosedDate.$inferInsert): Promise<void> {
    await db
      .insert(facilityClosedDate)
      .values(row)
      .onConflictDoUpdate({
        target: [facilityClosedDate.unitId, facilityClosedDate.date],
        set: { reason: row.reason },
      });
  }

  // ---- sessions

  async sessionsBetween(db: Executor, unitId: string, from: string, to: string): Promise<SessionRow[]> {
    return db
      .select()
      .from(bookingSession)
      .where(
        and(eq(bookingSession.unitId, unitId), gte(bookingSession.date, from), lte(bookingSession.date, to)),
      )
      .orderBy(asc(bookingSession.startsAt));
  }

  /** Creates the dated sessions that do not exist yet; a concurrent creator's row wins harmlessly. */
  async insertSessions(db: Executor, rows: (typeof bookingSession.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await db.insert(bookingSession).values(rows).onConflictDoNothing();
  }

  async session(db: Executor, id: string): Promise<SessionRow | undefined> {
    const [row] = await db.select().from(bookingSession).where(eq(bookingSession.id, id));
    return row;
  }

  /** Whether a session has a hold past its time, whose place the next booking would reclaim. */
  async hasLapsedHold(db: Executor, sessionId: string, now: Date): Promise<boolean> {
    const [row] = await db
      .select({ id: booking.id })
      .from(booking)
      .where(
        and(eq(booking.sessionId, sessionId), eq(booking.status, 'held'), lte(booking.holdExpiresAt, now)),
      )
      .limit(1);
    return row !== undefined;
  }

  /** Holds past their time but not yet swept, per session: their places are free for availability. */
  async lapsedHoldCounts(db: Executor, sessionIds: string[], now: Date): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await db
      .select({ sessionId: booking.sessionId, n: sql<number>`count(*)::int` })
      .from(booking)
      .where(
        and(
          inArray(booking.sessionId, sessionIds),
          eq(booking.status, 'held'),
          lte(booking.holdExpiresAt, now),
        ),
      )
      .groupBy(booking.sessionId);
    return new Map(rows.map((r) => [r.sessionId, r.n]));
  }

  /** Lapses the holds whose time is up (of one session, or all) and returns them as they now are. */
  async expireHolds(db: Executor, now: Date, sessionId?: string): Promise<BookingRow[]> {
    return db
      .update(booking)
      .set({ status: 'expired', holdExpiresAt: null })
      .where(
        and(
          eq(booking.status, 'held'),
          lte(booking.holdExpiresAt, now),
          sessionId ? eq(booking.sessionId, sessionId) : undefined,
        ),
      )
      .returning();
  }

  // ---- bookings

  async insertBooking(
    db: Executor,
    row: typeof booking.$inferInsert,
    lawyerIds: string[],
  ): Promise<BookingRow> {
    const [saved] = await db.insert(booking).values(row).returning();
    await db.insert(bookingLawyer).values(
      lawyerIds.map((lawyerUserId) => ({
        bookingId: saved!.id,
        lawyerUserId,
        startsAt: saved!.startsAt,
        endsAt: saved!.endsAt,
        live: true,
      })),
    );
    return saved!;
  }

  async addLawyer(db: Executor, b: BookingRow, lawyerUserId: string): Promise<void> {
    await db
      .insert(bookingLawyer)
      .values({ bookingId: b.id, lawyerUserId, startsAt: b.startsAt, endsAt: b.endsAt, live: true })
      .onConflictDoNothing();
  }

  async bookingById(db: Executor, id: string, forUpdate = false): Promise<BookingRow | undefined> {
    const query = db.select().from(booking).where(eq(booking.id, id));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  async bookingByIdempotencyKey(
    db: Executor,
    bookedBy: string,
    key: string,
  ): Promise<BookingRow | undefined> {
    const [row] = await db
      .select()
      .from(booking)
      .where(and(eq(booking.bookedBy, bookedBy), eq(booking.idempotencyKey, key)));
    return row;
  }

  async updateBooking(
    db: Executor,
    id: string,
    changes: Partial<typeof booking.$inferInsert>,
  ): Promise<BookingRow> {
    const [row] = await db.update(booking).set(changes).where(eq(booking.id, id)).returning();
    return row!;
  }

  async lawyersOf(
    db: Executor,
    bookingIds: string[],
  ): Promise<{ bookingId: string; lawyerUserId: string }[]> {
    if (bookingIds.length === 0) return [];
    return db
      .select({ bookingId: bookingLawyer.bookingId, lawyerUserId: bookingLawyer.lawyerUserId })
      .from(bookingLawyer)
      .where(inArray(bookingLawyer.bookingId, bookingIds));
  }

  /** Live bookings a lawyer holds for a detainee between two instants (the fairness cap). */
  async countLiveFor(
    db: Executor,
    bookedBy: string,
    detaineeId: string,
    from: Date,
    to: Date,
  ): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(booking)
      .where(
        and(
          eq(booking.bookedBy, bookedBy),
          eq(booking.detaineeId, detaineeId),
          inArray(booking.status, ['held', 'confirmed', 'awaiting_permission']),
          gte(booking.startsAt, from),
          lte(booking.startsAt, to),
        ),
      );
    return row?.n ?? 0;
  }

  async bookingsOfLawyer(db: Executor, lawyerUserId: string, from: Date): Promise<BookingRow[]> {
    const rows = await db
      .select({ booking })
      .from(booking)
      .innerJoin(bookingLawyer, eq(bookingLawyer.bookingId, booking.id))
      .where(and(eq(bookingLawyer.lawyerUserId, lawyerUserId), gte(booking.endsAt, from)))
      .orderBy(asc(booking.startsAt));
    return rows.map((r) => r.booking);
  }

  // ---- roster

  async insertDetainee(db: Executor, row: typeof detainee.$inferInsert): Promise<DetaineeRow> {
    const [saved] = await db.insert(detainee).values(row).returning();
    return saved!;
  }

  async detaineeByHash(db: Executor, unitId: string, idNoHash: string): Promise<DetaineeRow | undefined> {
    const [row] = await db
      .select()
      .from(detainee)
      .where(and(eq(detainee.unitId, unitId), eq(detainee.idNoHash, idNoHash)));
    return row;
  }

  async detaineeById(db: Executor, id: string): Promise<DetaineeRow | undefined> {
    const [row] = await db.select().from(detainee).where(eq(detainee.id, id));
    return row;
  }

  // ---- staff reads and roster administration

  async detaineesOfUnit(db: Executor, unitId: string): Promise<DetaineeRow[]> {
    return db
      .select()
      .from(detainee)
      .where(eq(detainee.unitId, unitId))
      .orderBy(asc(detainee.status), asc(detainee.name), asc(detainee.createdAt));
  }

  /** Which of these keyed hashes are already on the centre's roster. */
  async detaineeHashesTaken(db: Executor, unitId: string, idNoHashes: string[]): Promise<Set<string>> {
    if (idNoHashes.length === 0) return new Set();
    const rows = await db
      .select({ idNoHash: detainee.idNoHash })
      .from(detainee)
      .where(and(eq(detainee.unitId, unitId), inArray(detainee.idNoHash, idNoHashes)));
    return new Set(rows.map((r) => r.idNoHash));
  }

  async insertDetainees(db: Executor, rows: (typeof detainee.$inferInsert)[]): Promise<DetaineeRow[]> {
    if (rows.length === 0) return [];
    return db.insert(detainee).values(rows).returning();
  }

  async updateDetainee(
    db: Executor,
    id: string,
    changes: Partial<typeof detainee.$inferInsert>,
  ): Promise<DetaineeRow> {
    const [row] = await db.update(detainee).set(changes).where(eq(detainee.id, id)).returning();
    return row!;
  }

  async detaineeForUpdate(db: Executor, id: string): Promise<DetaineeRow | undefined> {
    const [row] = await db.select().from(detainee).where(eq(detainee.id, id)).for('update');
    return row;
  }

  /** The lawyers of these bookings with their names, booker first. */
  async lawyerNamesOf(
    db: Executor,
    bookingIds: string[],
  ): Promise<{ bookingId: string; displayName: string; username: string }[]> {
    if (bookingIds.length === 0) return [];
    return db
      .select({
        bookingId: bookingLawyer.bookingId,
        displayName: appUser.displayName,
        username: appUser.username,
      })
      .from(bookingLawyer)
      .innerJoin(booking, eq(booking.id, bookingLawyer.bookingId))
      .innerJoin(appUser, eq(appUser.id, bookingLawyer.lawyerUserId))
      .where(inArray(bookingLawyer.bookingId, bookingIds))
      .orderBy(
        asc(bookingLawyer.bookingId),
        sql`${bookingLawyer.lawyerUserId} <> ${booking.bookedBy}`,
        asc(appUser.displayName),
      );
  }
}
