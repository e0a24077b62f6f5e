// The only SQL of the identity module.
import { and, asc, desc, eq, gt, ilike, inArray, isNull, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { REGION_KINDS, type Role, type UnitKind } from './roles.js';
import { appUser, orgUnit, userRole, userSession } from './tables.js';

export type UnitRow = typeof orgUnit.$inferSelect;
export type UserRow = typeof appUser.$inferSelect;
export type SessionRow = typeof userSession.$inferSelect;
export type UserWithRoles = UserRow & { roles: Role[]; unit: UnitRow };

export class IdentityRepository {
  // ---- organisation units

  async insertUnit(
    db: Executor,
    unit: { parentId: string | null; kind: UnitKind; code: string; name: string; nameEn: string },
  ): Promise<UnitRow> {
    const parent = unit.parentId ? await this.unitById(db, unit.parentId) : null;
    if (unit.parentId && !parent) throw new Error(`parent unit ${unit.parentId} does not exist`);
    const id = crypto.randomUUID();
    const [row] = await db
      .insert(orgUnit)
      .values({ ...unit, id, path: `${parent?.path ?? '/'}${id}/` })
      .returning();
    return row!;
  }

  async unitById(db: Executor, id: string): Promise<UnitRow | undefined> {
    const [row] = await db.select().from(orgUnit).where(eq(orgUnit.id, id));
    return row;
  }

  async unitByCode(db: Executor, code: string): Promise<UnitRow | undefined> {
    const [row] = await db.select().from(orgUnit).where(eq(orgUnit.code, code));
    return row;
  }

  /** The unit with this path and every unit below it. */
  async unitsWithin(db: Executor, path: string): Promise<UnitRow[]> {
    return db
      .select()
      .from(orgUnit)
      .where(like(orgUnit.path, `${path}%`))
      .orderBy(asc(orgUnit.path));
  }

  /** The deepest province, city or district on a unit's path (the unit itself included), in one query. */
  async nearestRegion(db: Executor, unitPath: string): Promise<UnitRow | undefined> {
    const ids = unitPath.split('/').filter(Boolean);
    const [row] = await db
      .select()
      .from(orgUnit)
      .where(and(inArray(orgUnit.id, ids), inArray(orgUnit.kind, [...REGION_KINDS])))
      .orderBy(desc(sql`length(${orgUnit.path})`))
      .limit(1);
    return row;
  }

  async unitsOfKind(db: Executor, kind: UnitKind): Promise<UnitRow[]> {
    return db.select().from(orgUnit).where(eq(orgUnit.kind, kind)).orderBy(asc(orgUnit.code));
  }

  async countUnits(db: Executor): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnit);
    return row?.n ?? 0;
  }

  // ---- users

  async insertUser(
    db: Executor,
    user: {
      unitId: string;
      username: string;
      displayName: string;
      passwordHash: string;
      passwordChangeRequired: boolean;
    },
    roles: readonly Role[],
  ): Promise<UserRow> {
    const [row] = await db.insert(appUser).values(user).returning();
    await db.insert(userRole).values(roles.map((role) => ({ userId: row!.id, role })));
    return row!;
  }

  async userByUsername(db: Executor, username: string): Promise<UserWithRoles | undefined> {
    return (await this.usersWhere(db, eq(appUser.username, username)))[0];
  }

  async userById(db: Executor, id: string): Promise<UserWithRoles | undefined> {
    return (await this.usersWhere(db, eq(appUser.id, id)))[0];
  }

  /** Users whose unit lies within the given path, optionally matching a search term. */
  async usersWithin(db: Executor, path: string, search?: string): Promise<UserWithRoles[]> {
    const term = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
    return this.usersWhere(
      db,
      and(
        like(orgUnit.path, `${path}%`),
        term ? or(ilike(appUser.username, term), ilike(appUser.displayName, term)) : undefined,
      ),
    );
  }

  private async usersWhere(db: Executor, where: ReturnType<typeof and>): Promise<UserWithRoles[]> {
    const rows = await db
      .select({ user: appUser, unit: orgUnit })
      .from(appUser)
      .innerJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
      .where(where)
      .orderBy(asc(appUser.username))
      .limit(500);
    if (rows.length === 0) return [];
    const roleRows = await db
      .select()
      .from(userRole)
      .where(
        inArray(
          userRole.userId,
          rows.map((r) => r.user.id),
        ),
      );
    return rows.map(({ user, unit }) => ({
      ...user,
      unit,
      roles: roleRows.filter((r) => r.userId === user.id).map((r) => r.role as Role),
    }));
  }

  async updateUser(db: Executor, id: string, changes: Partial<typeof appUser.$inferInsert>): Promise<void> {
    await db.update(appUser).set(changes).where(eq(appUser.id, id));
  }

  /**
   * Counts a failed login in one statement, so concurrent failures cannot under-count, and locks the
   * account when the count reaches the threshold. Returns the new state.
   */
  async recordLoginFailure(
    db: Executor,
    id: string,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
    const [row] = await db
      .update(appUser)
      .set({
        failedLoginCount: sql`${appUser.failedLoginCount} + 1`,
        lockedUntil: sql`case when ${appUser.failedLoginCount} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${appUser.lockedUntil} end`,
      })
      .where(eq(appUser.id, id))
      .returning({ failedLoginCount: appUser.failedLoginCount, lockedUntil: appUser.lockedUntil });
    return row!;
  }

  /** Moves the last accepted TOTP step forward; false if this step (or a later one) was already used. */
  async advanceTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
    const rows = await db
      .update(appUser)
      .set({ totpLastStep: step })
      .where(and(eq(appUser.id, userId), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step))))
      .returning({ id: appUser.id });
    return rows.length === 1;
  }

  async countUsers(db: Executor): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
    return row?.n ?? 0;
  }

  // ---- sessions

  async insertSession(db: Executor, session: typeof userSession.$inferInsert): Promise<void> {
    await db.insert(userSession).values(session);
  }

  /**
   * A live session with its user, the user's unit, roles and nearest region, in one round trip: this runs
   * on every request, so it is one query rather than four.
   */
  async liveSessionWithUser(
    db: Executor,
    id: string,
    now: Date,
  ): Promise<{ session: SessionRow; user: UserWithRoles; regionPath: string | null } | undefined> {
    const regionKinds = sql.join(
      REGION_KINDS.map((k) => sql`${k}`),
      sql`, `,
    );
    const [row] = await db
      .select({
        session: userSession,
        user: appUser,
        unit: orgUnit,
        roles: sql<
          Role[]
        >`array(select ur.role from user_role ur where ur.user_id = ${appUser.id} order by ur.role)`,
        regionPath: sql<string | null>`(select r.path from org_unit r
          where r.id = any(string_to_array(trim(both '/' from ${orgUnit.path}), '/')::uuid[])
            and r.kind in (${regionKinds})
          order by length(r.path) desc limit 1)`,
      })
      .from(userSession)
      .innerJoin(appUser, eq(appUser.id, userSession.userId))
      .innerJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
      .where(
        and(
          eq(userSession.id, id),
          isNull(userSession.endedAt),
          gt(userSession.idleExpiresAt, now),
          gt(userSession.absoluteExpiresAt, now),
        ),
      );
    if (!row) return undefined;
    return {
      session: row.session,
      user: { ...row.user, unit: row.unit, roles: row.roles },
      regionPath: row.regionPath,
    };
  }

  async liveSession(db: Executor, id: string, now: Date): Promise<SessionRow | undefined> {
    const [row] = await db
      .select()
      .from(userSession)
      .where(
        and(
          eq(userSession.id, id),
          isNull(userSession.endedAt),
          gt(userSession.idleExpiresAt, now),
          gt(userSession.absoluteExpiresAt, now),
        ),
      );
    return row;
  }

  async updateSession(
    db: Executor,
    id: string,
    changes: Partial<typeof userSession.$inferInsert>,
  ): Promise<void> {
    await db.update(userSession).set(changes).where(eq(userSession.id, id));
  }

  /** Ends every live session of a user (password change or reset, disable), but the one kept if named. */
  async endSessionsOf(db: Executor, userId: string, now: Date, keep?: string): Promise<void> {
    await db
      .update(userSession)
      .set({ endedAt: now })
      .where(
        and(
          eq(userSession.userId, userId),
          isNull(userSession.endedAt),
          keep ? ne(userSession.id, keep) : undefined,
        ),
      );
  }

  /** Removes sessions that ended or expired more than a day ago. */
  async purgeSessions(db: Executor, before: Date): Promise<number> {
    const rows = await db
      .delete(userSession)
      .where(
        or(
          sql`${userSession.endedAt} < ${before.toISOString()}::timestamptz`,
          sql`${userSession.absoluteExpiresAt} < ${before.toISOString()}::timestamptz`,
          sql`${userSession.idleExpiresAt} < ${before.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: userSession.id });
    return rows.length;
  }
}
