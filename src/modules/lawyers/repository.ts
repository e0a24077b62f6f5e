// The only SQL of the lawyers module (besides the document store and the strike trigger of its migration).
import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { lawyerAssistant, lawyerProfile, lawyerSuspension, mobileVerification } from './tables.js';

export type ProfileRow = typeof lawyerProfile.$inferSelect;
export type VerificationRow = typeof mobileVerification.$inferSelect;
export type AssistantLinkRow = typeof lawyerAssistant.$inferSelect;
export type SuspensionRow = typeof lawyerSuspension.$inferSelect;

// Advisory lock classes (two-key form: they never collide with the single-key locks of migrate and audit).
// 'LAWY': one lawyer's standing at one centre; the strike trigger of migration "lawyer-strikes" uses it too.
const STANDING_LOCK = 1279350617;
// 'MOBI': codes sent to one mobile number.
const MOBILE_LOCK = 1297039945;
// 'FIRM': creating a law firm of one name.
const FIRM_LOCK = 1179210317;

export class LawyerRepository {
  // ---- locks (transaction-scoped)

  async lockStanding(tx: Executor, lawyerUserId: string, unitId: string): Promise<void> {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${STANDING_LOCK}, hashtext(${lawyerUserId}::text || ':' || ${unitId}::text))`,
    );
  }

  async lockMobile(tx: Executor, mobile: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${MOBILE_LOCK}, hashtext(${mobile}::text))`);
  }

  async lockFirmName(tx: Executor, name: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRM_LOCK}, hashtext(${name}::text))`);
  }

  // ---- profiles

  async insertProfile(db: Executor, row: typeof lawyerProfile.$inferInsert): Promise<ProfileRow> {
    const [saved] = await db.insert(lawyerProfile).values(row).returning();
    return saved!;
  }

  async profile(db: Executor, userId: string, forUpdate = false): Promise<ProfileRow | undefined> {
    const query = db.select().from(lawyerProfile).where(eq(lawyerProfile.userId, userId));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  async profileByLicenceNo(db: Executor, licenceNo: string): Promise<ProfileRow | undefined> {
    const [row] = await db.select().from(lawyerProfile).where(eq(lawyerProfile.licenceNo, licenceNo));
    return row;
  }

  async profileByIdNoHash(db: Executor, idNoHash: string): Promise<ProfileRow | undefined> {
    const [row] = await db.select().from(lawyerProfile).where(eq(lawyerProfile.idNoHash, idNoHash));
    return row;
  }

  async updateProfile(
    db: Executor,
    userId: string,
    changes: Partial<typeof lawyerProfile.$inferInsert>,
  ): Promise<ProfileRow> {
    const [row] = await db
      .update(lawyerProfile)
      .set(changes)
      .where(eq(lawyerProfile.userId, userId))
      .returning();
    return row!;
  }

  /** Oldest first: the queue is worked in the order lawyers submitted. */
  async profilesByStatus(db: Executor, status: string, limit: number): Promise<ProfileRow[]> {
    return db
      .select()
      .from(lawyerProfile)
      .where(eq(lawyerProfile.status, status))
      .orderBy(status === 'pending' ? asc(lawyerProfile.submittedAt) : desc(lawyerProfile.reviewedAt))
      .limit(limit);
  }

  // ---- mobile verification

  async insertVerification(
    db: Executor,
    row: typeof mobileVerification.$inferInsert,
  ): Promise<VerificationRow> {
    const [saved] = await db.insert(mobileVerification).values(row).returning();
    return saved!;
  }

  /** The code sent last to this number for this purpose: only the latest one counts. */
  async latestVerification(
    db: Executor,
    mobile: string,
    purpose: string,
    forUpdate = false,
  ): Promise<VerificationRow | undefined> {
    const query = db
      .select()
      .from(mobileVerification)
      .where(and(eq(mobileVerification.mobile, mobile), eq(mobileVerification.purpose, purpose)))
      .orderBy(desc(mobileVerification.createdAt))
      .limit(1);
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  async sentSince(db: Executor, mobile: string, purpose: string, since: Date): Promise<Date[]> {
    const rows = await db
      .select({ createdAt: mobileVerification.createdAt })
      .from(mobileVerification)
      .where(
        and(
          eq(mobileVerification.mobile, mobile),
          eq(mobileVerification.purpose, purpose),
          gt(mobileVerification.createdAt, since),
        ),
      )
      .orderBy(asc(mobileVerification.createdAt));
    return rows.map((r) => r.createdAt);
  }

  /** Counts a wrong code in one statement; returns the new count. */
  async recordFailedAttempt(db: Executor, id: string): Promise<number> {
    const [row] = await db
      .update(mobileVerification)
      .set({ failedAttempts: sql`${mobileVerification.failedAttempts} + 1` })
      .where(eq(mobileVerification.id, id))
      .returning({ failedAttempts: mobileVerification.failedAttempts });
    return row!.failedAttempts;
  }

  /** Uses the code up, if it is still good; false if it was used, expired or exhausted meanwhile. */
  async consumeVerification(db: Executor, id: string, now: Date, maxFailed: number): Promise<boolean> {
    const rows = await db
      .update(mobileVerification)
      .set({ consumedAt: now })
      .where(
        and(
          eq(mobileVerification.id, id),
          isNull(mobileVerification.consumedAt),
          gt(mobileVerification.expiresAt, now),
          lt(mobileVerification.failedAttempts, maxFailed),
        ),
      )
      .returning({ id: mobileVerification.id });
    return rows.length === 1;
  }

  async purgeVerifications(db: Executor, before: Date): Promise<number> {
    const rows = await db
      .delete(mobileVerification)
      .where(lt(mobileVerification.expiresAt, before))
      .returning({ id: mobileVerification.id });
    return rows.length;
  }

  // ---- assistants

  async insertLink(db: Executor, row: typeof lawyerAssistant.$inferInsert): Promise<AssistantLinkRow> {
    const [saved] = await db.insert(lawyerAssistant).values(row).returning();
    return saved!;
  }

  async linkById(db: Executor, id: string, forUpdate = false): Promise<AssistantLinkRow | undefined> {
    const query = db.select().from(lawyerAssistant).where(eq(lawyerAssistant.id, id));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  /** Links that have not ended where the user is the principal. */
  async openLinksOfPrincipal(db: Executor, principalUserId: string): Promise<AssistantLinkRow[]> {
    return db
      .select()
      .from(lawyerAssistant)
      .where(and(eq(lawyerAssistant.principalUserId, principalUserId), isNull(lawyerAssistant.endedAt)))
      .orderBy(asc(lawyerAssistant.invitedAt));
  }

  /** The link that has not ended where the user is the assistant (at most one: a unique index). */
  async openLinkOfAssistant(db: Executor, assistantUserId: string): Promise<AssistantLinkRow | undefined> {
    const [row] = await db
      .select()
      .from(lawyerAssistant)
      .where(and(eq(lawyerAssistant.assistantUserId, assistantUserId), isNull(lawyerAssistant.endedAt)));
    return row;
  }

  async updateLink(
    db: Executor,
    id: string,
    changes: Partial<typeof lawyerAssistant.$inferInsert>,
  ): Promise<AssistantLinkRow> {
    const [row] = await db.update(lawyerAssistant).set(changes).where(eq(lawyerAssistant.id, id)).returning();
    return row!;
  }

  // ---- suspensions (strikes and new suspensions are written by the trigger)

  async suspensionById(db: Executor, id: string, forUpdate = false): Promise<SuspensionRow | undefined> {
    const query = db.select().from(lawyerSuspension).where(eq(lawyerSuspension.id, id));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  /**
   * The suspension in force for this lawyer at this centre, if any (the one ending last). It holds from the
   * moment it is written, even if the strike behind it is dated later (a no-show recorded early).
   */
  async activeSuspension(
    db: Executor,
    lawyerUserId: string,
    unitId: string,
    now: Date,
  ): Promise<SuspensionRow | undefined> {
    const [row] = await db
      .select()
      .from(lawyerSuspension)
      .where(
        and(
          eq(lawyerSuspension.lawyerUserId, lawyerUserId),
          eq(lawyerSuspension.unitId, unitId),
          isNull(lawyerSuspension.liftedAt),
          gt(lawyerSuspension.endsAt, now),
        ),
      )
      .orderBy(desc(lawyerSuspension.endsAt))
      .limit(1);
    return row;
  }

  /** A lawyer's suspensions at any centre that ended after `since` or are still in force. */
  async suspensionsOfLawyer(db: Executor, lawyerUserId: string, since: Date): Promise<SuspensionRow[]> {
    return db
      .select()
      .from(lawyerSuspension)
      .where(and(eq(lawyerSuspension.lawyerUserId, lawyerUserId), gte(lawyerSuspension.endsAt, since)))
      .orderBy(desc(lawyerSuspension.startsAt));
  }

  /** A centre's suspensions in force, and those lifted or ended after `since`. */
  async suspensionsAt(db: Executor, unitId: string, since: Date): Promise<SuspensionRow[]> {
    return db
      .select()
      .from(lawyerSuspension)
      .where(
        and(
          eq(lawyerSuspension.unitId, unitId),
          or(gte(lawyerSuspension.endsAt, since), gte(lawyerSuspension.liftedAt, since)),
        ),
      )
      .orderBy(desc(lawyerSuspension.startsAt));
  }

  async updateSuspension(
    db: Executor,
    id: string,
    changes: Partial<typeof lawyerSuspension.$inferInsert>,
  ): Promise<SuspensionRow> {
    const [row] = await db
      .update(lawyerSuspension)
      .set(changes)
      .where(eq(lawyerSuspension.id, id))
      .returning();
    return row!;
  }
}
