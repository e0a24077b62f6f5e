// The only SQL of the cases module.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { appUser, orgUnit } from '../identity/tables.js';
import { activityParticipant, caseActivity, caseFile, caseOfficer, casePerson } from './tables.js';

export type CaseRow = typeof caseFile.$inferSelect;
export type PersonRow = typeof casePerson.$inferSelect;
export type ActivityRow = typeof caseActivity.$inferSelect;
export type ParticipantRow = typeof activityParticipant.$inferSelect;

/** A case with the path and names of its handling unit, as lists and access checks need them. */
export interface CaseWithUnit extends CaseRow {
  handlingUnitPath: string;
  handlingUnitName: string;
  handlingUnitNameEn: string;
}

const caseWithUnitColumns = {
  id: caseFile.id,
  caseNo: caseFile.caseNo,
  issuingUnitId: caseFile.issuingUnitId,
  handlingUnitId: caseFile.handlingUnitId,
  kind: caseFile.kind,
  title: caseFile.title,
  status: caseFile.status,
  createdBy: caseFile.createdBy,
  createdAt: caseFile.createdAt,
  updatedAt: caseFile.updatedAt,
  handlingUnitPath: orgUnit.path,
  handlingUnitName: orgUnit.name,
  handlingUnitNameEn: orgUnit.nameEn,
};

export class CaseRepository {
  // ---- cases

  async insertCase(db: Executor, row: typeof caseFile.$inferInsert): Promise<CaseRow> {
    const [saved] = await db.insert(caseFile).values(row).returning();
    return saved!;
  }

  async caseByNo(db: Executor, issuingUnitId: string, caseNo: string): Promise<CaseRow | undefined> {
    const [row] = await db
      .select()
      .from(caseFile)
      .where(and(eq(caseFile.issuingUnitId, issuingUnitId), eq(caseFile.caseNo, caseNo)));
    return row;
  }

  async caseById(db: Executor, id: string): Promise<CaseWithUnit | undefined> {
    const [row] = await db
      .select(caseWithUnitColumns)
      .from(caseFile)
      .innerJoin(orgUnit, eq(orgUnit.id, caseFile.handlingUnitId))
      .where(eq(caseFile.id, id));
    return row;
  }

  /** Locks the case row for a change of its status, so two changes cannot both pass their checks. */
  async lockCase(db: Executor, id: string): Promise<CaseRow | undefined> {
    const [row] = await db.select().from(caseFile).where(eq(caseFile.id, id)).for('update');
    return row;
  }

  /** Cases whose handling unit lies under one of the given paths, newest first. */
  async casesWithin(
    db: Executor,
    scopes: readonly string[],
    filter: { status?: string; search?: string; limit: number },
  ): Promise<CaseWithUnit[]> {
    if (scopes.length === 0) return [];
    const term = filter.search ? `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
    const within = or(...scopes.map((p) => sql`${orgUnit.path} like ${`${p}%`}`));
    return db
      .select(caseWithUnitColumns)
      .from(caseFile)
      .innerJoin(orgUnit, eq(orgUnit.id, caseFile.handlingUnitId))
      .where(
        and(
          within,
          filter.status ? eq(caseFile.status, filter.status) : undefined,
          term ? or(sql`${caseFile.caseNo} ilike ${term}`, sql`${caseFile.title} ilike ${term}`) : undefined,
        ),
      )
      .orderBy(desc(caseFile.createdAt))
      .limit(filter.limit);
  }

  /** Every case whose number is this (several issuing units may use one number). */
  async casesByNo(db: Executor, caseNo: string): Promise<CaseRow[]> {
    return db.select().from(caseFile).where(eq(caseFile.caseNo, caseNo));
  }

  async setStatus(db: Executor, id: string, status: string, at: Date): Promise<void> {
    await db.update(caseFile).set({ status, updatedAt: at }).where(eq(caseFile.id, id));
  }

  // ---- officers

  async addOfficer(db: Executor, row: typeof caseOfficer.$inferInsert): Promise<boolean> {
    const saved = await db.insert(caseOfficer).values(row).onConflictDoNothing().returning();
    return saved.length > 0;
  }

  async officers(db: Executor, caseId: string): Promise<{ userId: string; displayName: string }[]> {
    return db
      .select({ userId: caseOfficer.userId, displayName: appUser.displayName })
      .from(caseOfficer)
      .innerJoin(appUser, eq(appUser.id, caseOfficer.userId))
      .where(eq(caseOfficer.caseId, caseId))
      .orderBy(asc(caseOfficer.assignedAt));
  }

  // ---- persons

  async insertPerson(db: Executor, row: typeof casePerson.$inferInsert): Promise<PersonRow> {
    const [saved] = await db.insert(casePerson).values(row).returning();
    return saved!;
  }

  async personByIdNoHash(db: Executor, caseId: string, idNoHash: string): Promise<PersonRow | undefined> {
    const [row] = await db
      .select()
      .from(casePerson)
      .where(and(eq(casePerson.caseId, caseId), eq(casePerson.idNoHash, idNoHash)));
    return row;
  }

  async persons(db: Executor, caseId: string): Promise<PersonRow[]> {
    return db
      .select()
      .from(casePerson)
      .where(eq(casePerson.caseId, caseId))
      .orderBy(asc(casePerson.createdAt), asc(casePerson.name));
  }

  async personsByIds(db: Executor, caseId: string, ids: readonly string[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(casePerson)
      .where(and(eq(casePerson.caseId, caseId), inArray(casePerson.id, [...ids])));
  }

  // ---- activities

  async insertActivity(db: Executor, row: typeof caseActivity.$inferInsert): Promise<ActivityRow> {
    const [saved] = await db.insert(caseActivity).values(row).returning();
    return saved!;
  }

  async activityById(db: Executor, id: string): Promise<ActivityRow | undefined> {
    const [row] = await db.select().from(caseActivity).where(eq(caseActivity.id, id));
    return row;
  }

  async updateActivity(
    db: Executor,
    id: string,
    changes: Partial<typeof caseActivity.$inferInsert>,
  ): Promise<ActivityRow> {
    const [saved] = await db.update(caseActivity).set(changes).where(eq(caseActivity.id, id)).returning();
    return saved!;
  }

  async activities(db: Executor, caseId: string, where?: SQL): Promise<ActivityRow[]> {
    return db
      .select()
      .from(caseActivity)
      .where(and(eq(caseActivity.caseId, caseId), where))
      .orderBy(asc(caseActivity.plannedStartAt), asc(caseActivity.createdAt));
  }

  async activityCounts(
    db: Executor,
    caseIds: readonly string[],
  ): Promise<Map<string, { activities: number; required: number }>> {
    if (caseIds.length === 0) return new Map();
    const rows = await db
      .select({
        caseId: caseActivity.caseId,
        activities: sql<number>`count(*)::int`,
        required: sql<number>`count(*) filter (where ${caseActivity.recordingRequired})::int`,
      })
      .from(caseActivity)
      .where(inArray(caseActivity.caseId, [...caseIds]))
      .groupBy(caseActivity.caseId);
    return new Map(rows.map((r) => [r.caseId, { activities: r.activities, required: r.required }]));
  }

  async replaceParticipants(
    db: Executor,
    activityId: string,
    rows: Omit<typeof activityParticipant.$inferInsert, 'activityId'>[],
  ): Promise<void> {
    await db.delete(activityParticipant).where(eq(activityParticipant.activityId, activityId));
    if (rows.length > 0) {
      await db.insert(activityParticipant).values(rows.map((r) => ({ ...r, activityId })));
    }
  }

  async participants(db: Executor, activityIds: readonly string[]): Promise<ParticipantRow[]> {
    if (activityIds.length === 0) return [];
    return db
      .select()
      .from(activityParticipant)
      .where(inArray(activityParticipant.activityId, [...activityIds]))
      .orderBy(asc(activityParticipant.role), asc(activityParticipant.name));
  }
}
