// What an administrator does with accounts: create, reset, unlock, disable. Every act is scoped to the
// admin's region and written to the audit log with the change.
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { badRequest, conflict, msg, notFound } from '../../platform/http/errors.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from './actor.js';
import { generateTemporaryPassword, hashPassword } from './passwords.js';
import { incompatibleRolePair, requireRole, requireUnitAccess, scopeOf } from './policy.js';
import type { IdentityRepository, UnitRow, UserRow, UserWithRoles } from './repository.js';
import type { Role } from './roles.js';
import type { CreateUserRequest, UserView } from './schemas.js';

const userNotFound = () => notFound('user.not_found', msg('找不到该用户。', 'No such user.'));
const notOnSelf = () =>
  badRequest(
    'user.self_action',
    msg(
      '不能对自己的账号执行此操作，请使用“修改密码”。',
      'You cannot do this to your own account; use "change password".',
    ),
  );

export class UserAdminService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: IdentityRepository,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async listUsers(actor: Actor, query: { unitId?: string; q?: string }): Promise<UserView[]> {
    requireRole(actor, 'admin');
    let path = scopeOf(actor, 'admin')!;
    if (query.unitId) {
      const unit = await this.repo.unitById(this.db, query.unitId);
      if (!unit) throw notFound('unit.not_found', msg('找不到该单位。', 'No such unit.'));
      requireUnitAccess(actor, 'admin', unit.path);
      path = unit.path;
    }
    const users = await this.repo.usersWithin(this.db, path, query.q);
    return users.map((u) => presentUser(u, this.clock.now()));
  }

  async createUser(
    actor: Actor,
    input: CreateUserRequest,
    ctx: RequestContext,
  ): Promise<{ user: UserView; temporaryPassword: string }> {
    requireRole(actor, 'admin');
    const unit = await this.repo.unitById(this.db, input.unitId);
    if (!unit) throw notFound('unit.not_found', msg('找不到该单位。', 'No such unit.'));
    requireUnitAccess(actor, 'admin', unit.path);
    const temporaryPassword = generateTemporaryPassword();
    const created = await this.tx.run((tx) =>
      this.provision(
        tx,
        { ...input, unit, password: temporaryPassword, passwordChangeRequired: true },
        {
          actor: { userId: actor.userId, username: actor.username },
          ...ctx,
        },
      ),
    );
    const user = await this.repo.userById(this.db, created.id);
    return { user: presentUser(user!, this.clock.now()), temporaryPassword };
  }

  /**
   * Creates an account inside the caller's transaction: shared by the admin UI, the CLI and the demo seed,
   * so every path checks the same rules and writes the same audit event.
   */
  async provision(
    tx: Executor,
    input: {
      username: string;
      displayName: string;
      unit: UnitRow;
      roles: Role[];
      password: string;
      passwordChangeRequired: boolean;
    },
    context: AuditContext,
  ): Promise<UserRow> {
    const roles = [...new Set(input.roles)];
    const clash = incompatibleRolePair(roles);
    if (clash) {
      throw badRequest(
        'user.roles_incompatible',
        msg(
          `职责分离：${clash[0]} 与 ${clash[1]} 不能由同一人兼任。`,
          `Separation of duties: ${clash[0]} and ${clash[1]} cannot be held by one person.`,
        ),
      );
    }
    const isLawFirm = input.unit.kind === 'law_firm';
    if (isLawFirm !== roles.includes('lawyer') || (isLawFirm && roles.length > 1)) {
      throw badRequest(
        'user.unit_role_mismatch',
        msg(
          '律师账号只能属于律师事务所，律师事务所只能有律师账号。',
          'Lawyer accounts belong to law firms, and law firms hold only lawyer accounts.',
        ),
      );
    }
    const username = input.username.toLowerCase();
    if (await this.repo.userByUsername(tx, username)) {
      throw conflict('user.username_taken', msg('该用户名已被使用。', 'That username is taken.'));
    }
    const user = await this.repo.insertUser(
      tx,
      {
        unitId: input.unit.id,
        username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        passwordChangeRequired: input.passwordChangeRequired,
      },
      roles,
    );
    await this.audit.record(tx, context, {
      action: 'user.created',
      subject: { type: 'user', id: user.id },
      unitId: input.unit.id,
      payload: { username, roles },
    });
    return user;
  }

  async resetPassword(
    actor: Actor,
    userId: string,
    ctx: RequestContext,
  ): Promise<{ temporaryPassword: string }> {
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.change(actor, userId, ctx, 'user.password_reset', (tx, target, now) =>
      this.applyPasswordReset(tx, target.id, passwordHash, now),
    );
    return { temporaryPassword };
  }

  /**
   * The operator's reset at the server (`custos user reset-password`), for when no admin can sign in. The
   * same change and the same audit event as an admin's reset, attributed to the operator.
   */
  async resetPasswordByOperator(
    username: string,
    context: AuditContext,
  ): Promise<{ temporaryPassword: string }> {
    const target = await this.repo.userByUsername(this.db, username.toLowerCase());
    if (!target) throw userNotFound();
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.tx.run(async (tx) => {
      await this.applyPasswordReset(tx, target.id, passwordHash, this.clock.now());
      await this.audit.record(tx, context, {
        action: 'user.password_reset',
        subject: { type: 'user', id: target.id },
        unitId: target.unitId,
        payload: { username: target.username },
      });
    });
    return { temporaryPassword };
  }

  /** A reset password also lifts a lock-out: the person locked out is usually the one it is for. */
  private async applyPasswordReset(
    tx: Executor,
    userId: string,
    passwordHash: string,
    now: Date,
  ): Promise<void> {
    await this.repo.updateUser(tx, userId, {
      passwordHash,
      passwordChangeRequired: true,
      passwordChangedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    await this.repo.endSessionsOf(tx, userId, now);
  }

  async resetSecondFactor(actor: Actor, userId: string, ctx: RequestContext): Promise<void> {
    await this.change(actor, userId, ctx, 'user.second_factor_reset', async (tx, target, now) => {
      await this.repo.updateUser(tx, target.id, {
        totpSecretSealed: null,
        totpEnrolledAt: null,
        totpLastStep: null,
      });
      await this.repo.endSessionsOf(tx, target.id, now);
    });
  }

  async unlock(actor: Actor, userId: string, ctx: RequestContext): Promise<void> {
    await this.change(actor, userId, ctx, 'user.unlocked', (tx, target) =>
      this.repo.updateUser(tx, target.id, { failedLoginCount: 0, lockedUntil: null }),
    );
  }

  async setEnabled(actor: Actor, userId: string, enabled: boolean, ctx: RequestContext): Promise<void> {
    await this.change(
      actor,
      userId,
      ctx,
      enabled ? 'user.enabled' : 'user.disabled',
      async (tx, target, now) => {
        await this.repo.updateUser(tx, target.id, { status: enabled ? 'active' : 'disabled' });
        if (!enabled) await this.repo.endSessionsOf(tx, target.id, now);
      },
    );
  }

  /** The shape every admin change shares: access check, no self-service, one transaction, one audit event. */
  private async change(
    actor: Actor,
    userId: string,
    ctx: RequestContext,
    action: string,
    apply: (tx: Executor, target: UserWithRoles, now: Date) => Promise<void>,
  ): Promise<void> {
    requireRole(actor, 'admin');
    const target = await this.repo.userById(this.db, userId);
    if (!target) throw userNotFound();
    requireUnitAccess(actor, 'admin', target.unit.path);
    if (target.id === actor.userId) throw notOnSelf();
    await this.tx.run(async (tx) => {
      await apply(tx, target, this.clock.now());
      await this.audit.record(
        tx,
        { actor: { userId: actor.userId, username: actor.username }, ...ctx },
        {
          action,
          subject: { type: 'user', id: target.id },
          unitId: target.unitId,
          payload: { username: target.username },
        },
      );
    });
  }
}

export function presentUser(u: UserWithRoles, now: Date): UserView {
  const status =
    u.status === 'disabled' ? 'disabled' : u.lockedUntil && u.lockedUntil > now ? 'locked' : 'active';
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unit: {
      id: u.unit.id,
      name: u.unit.name,
      nameEn: u.unit.nameEn,
      kind: u.unit.kind as UserView['unit']['kind'],
    },
    roles: u.roles,
    status,
    totpEnrolled: u.totpEnrolledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}
