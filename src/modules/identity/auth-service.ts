// Signing in and out, resolving a session cookie to an actor, changing one's password.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from './actor.js';
import { accountLocked, invalidCredentials } from './errors.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { IdentityRepository, SessionRow, UserWithRoles } from './repository.js';
import { needsSecondFactor } from './roles.js';
import type { LoginRequest, SecondFactorState, SessionView } from './schemas.js';
import { newCsrfToken, newSessionToken, sessionIdOf } from './session-token.js';

export interface AuthSettings {
  session: { idleMs: number; absoluteMs: number };
  login: { maxFailures: number; lockoutMs: number };
}

/** A resolved session: who, and how far through signing in they are. */
export interface ResolvedSession {
  session: SessionRow;
  user: UserWithRoles;
  actor: Actor;
  /** Password and second factor passed, no password change pending: the actor may use the API. */
  complete: boolean;
}

// Sliding the idle expiry on every request would write on every read; a minute's granularity is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: IdentityRepository,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly settings: AuthSettings,
  ) {}

  /** Checks the password; on success opens a session and returns its cookie token. */
  async login(
    input: LoginRequest,
    ctx: RequestContext,
  ): Promise<{ token: string; view: SessionView; cookieExpires: Date }> {
    const now = this.clock.now();
    const user = await this.repo.userByUsername(this.db, input.username.toLowerCase());
    const context = (u: UserWithRoles | undefined): AuditContext => ({
      actor: u ? { userId: u.id, username: u.username } : { userId: null, username: input.username },
      ...ctx,
    });

    if (!user) {
      await verifyPassword(await decoyHash(), input.password);
      await this.tx.run((tx) =>
        this.audit.record(tx, context(undefined), {
          action: 'auth.login.failed',
          payload: { reason: 'unknown_user' },
        }),
      );
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.tx.run((tx) =>
        this.audit.record(tx, context(user), {
          action: 'auth.login.refused_locked',
          subject: { type: 'user', id: user.id },
          unitId: user.unitId,
          payload: { lockedUntil: user.lockedUntil!.toISOString() },
        }),
      );
      throw accountLocked(user.lockedUntil);
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (!passwordOk || user.status !== 'active') {
      const lockedUntil = await this.recordFailure(
        user,
        context(user),
        passwordOk ? 'disabled' : 'wrong_password',
      );
      if (lockedUntil) throw accountLocked(lockedUntil);
      throw invalidCredentials();
    }

    const token = newSessionToken();
    const secondFactor: SecondFactorState = needsSecondFactor(user.roles)
      ? user.totpEnrolledAt
        ? 'required'
        : 'enrolment_required'
      : 'not_required';
    const session = {
      id: sessionIdOf(token),
      userId: user.id,
      secondFactor,
      csrfToken: newCsrfToken(),
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + this.settings.session.idleMs),
      absoluteExpiresAt: new Date(now.getTime() + this.settings.session.absoluteMs),
    };
    await this.tx.run(async (tx) => {
      await this.repo.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
      await this.repo.insertSession(tx, session);
      await this.audit.record(tx, context(user), {
        action: 'auth.login.succeeded',
        subject: { type: 'user', id: user.id },
        unitId: user.unitId,
        payload: { secondFactor },
      });
    });
    const resolved = await this.resolve(token);
    // The cookie lives as long as the session may (the server slides the idle limit on use).
    return { token, view: presentSession(resolved!), cookieExpires: session.absoluteExpiresAt };
  }

  /**
   * Counts a failure and locks the account at the threshold. The count is kept in the database with a
   * single conditional update, so parallel guesses cannot slip past it. Returns the lock's end if locked.
   */
  async recordFailure(user: UserWithRoles, context: AuditContext, reason: string): Promise<Date | null> {
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const state = await this.repo.recordLoginFailure(
        tx,
        user.id,
        this.settings.login.maxFailures,
        new Date(now.getTime() + this.settings.login.lockoutMs),
      );
      await this.audit.record(tx, context, {
        action: 'auth.login.failed',
        subject: { type: 'user', id: user.id },
        unitId: user.unitId,
        payload: { reason, failedLoginCount: state.failedLoginCount },
      });
      const lockedNow = state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
      if (lockedNow && state.failedLoginCount === this.settings.login.maxFailures) {
        await this.audit.record(tx, context, {
          action: 'auth.locked',
          subject: { type: 'user', id: user.id },
          unitId: user.unitId,
          payload: { lockedUntil: lockedNow.toISOString(), failedLoginCount: state.failedLoginCount },
        });
      }
      return lockedNow;
    });
  }

  /** The session behind a cookie token, or null if there is none, it expired or ended, or the user is disabled. */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token) return null;
    const now = this.clock.now();
    const found = await this.repo.liveSessionWithUser(this.db, sessionIdOf(token), now);
    if (!found) return null;
    const { session } = found;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const idleExpiresAt = new Date(
        Math.min(now.getTime() + this.settings.session.idleMs, session.absoluteExpiresAt.getTime()),
      );
      await this.repo.updateSession(this.db, session.id, { lastSeenAt: now, idleExpiresAt });
      session.lastSeenAt = now;
      session.idleExpiresAt = idleExpiresAt;
    }
    return this.present(session, found.user, found.regionPath ?? found.user.unit.path);
  }

  /** Re-reads a session by its stored id (after a change), without sliding its expiry. */
  async resolveById(sessionId: string): Promise<ResolvedSession | null> {
    const session = await this.repo.liveSession(this.db, sessionId, this.clock.now());
    return session ? this.withUser(session) : null;
  }

  private async withUser(session: SessionRow): Promise<ResolvedSession | null> {
    const user = await this.repo.userById(this.db, session.userId);
    if (!user) return null;
    return this.present(session, user, await this.regionPathOf(user));
  }

  private present(session: SessionRow, user: UserWithRoles, regionPath: string): ResolvedSession | null {
    if (user.status !== 'active') return null;
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      unit: { id: user.unit.id, kind: user.unit.kind as Actor['unit']['kind'], path: user.unit.path },
      regionPath,
      sessionId: session.id,
    };
    const secondFactorPassed = session.secondFactor === 'not_required' || session.secondFactor === 'done';
    return { session, user, actor, complete: secondFactorPassed && !user.passwordChangeRequired };
  }

  /** The nearest ancestor (or self) that is a province, city or district. */
  private async regionPathOf(user: UserWithRoles): Promise<string> {
    return (await this.repo.nearestRegion(this.db, user.unit.path))?.path ?? user.unit.path;
  }

  async logout(resolved: ResolvedSession, ctx: RequestContext): Promise<void> {
    await this.tx.run(async (tx) => {
      await this.repo.updateSession(tx, resolved.session.id, { endedAt: this.clock.now() });
      await this.audit.record(
        tx,
        { actor: { userId: resolved.user.id, username: resolved.user.username }, ...ctx },
        {
          action: 'auth.logout',
          subject: { type: 'user', id: resolved.user.id },
          unitId: resolved.user.unitId,
        },
      );
    });
  }

  /** Changes one's own password: the current one must be given; other sessions of the user end. */
  async changePassword(
    resolved: ResolvedSession,
    input: { currentPassword: string; newPassword: string },
    ctx: RequestContext,
  ): Promise<SessionView> {
    const { user } = resolved;
    const context: AuditContext = { actor: { userId: user.id, username: user.username }, ...ctx };
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      const lockedUntil = await this.recordFailure(user, context, 'wrong_current_password');
      if (lockedUntil) throw accountLocked(lockedUntil);
      throw invalidCredentials();
    }
    const passwordHash = await hashPassword(input.newPassword);
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      await this.repo.updateUser(tx, user.id, {
        passwordHash,
        passwordChangeRequired: false,
        passwordChangedAt: now,
      });
      // Other sessions end; this one stays, since its holder just proved the password.
      await this.repo.endSessionsOf(tx, user.id, now, resolved.session.id);
      await this.audit.record(tx, context, {
        action: 'auth.password.changed',
        subject: { type: 'user', id: user.id },
        unitId: user.unitId,
      });
    });
    const refreshed = await this.resolveById(resolved.session.id);
    return presentSession(refreshed!);
  }
}

export function presentSession(r: ResolvedSession): SessionView {
  return {
    user: {
      id: r.user.id,
      username: r.user.username,
      displayName: r.user.displayName,
      roles: r.user.roles,
      unit: {
        id: r.user.unit.id,
        name: r.user.unit.name,
        nameEn: r.user.unit.nameEn,
        kind: r.user.unit.kind as SessionView['user']['unit']['kind'],
      },
    },
    secondFactor: r.session.secondFactor as SessionView['secondFactor'],
    passwordChangeRequired: r.user.passwordChangeRequired,
    csrfToken: r.session.csrfToken,
    expiresAt: new Date(
      Math.min(r.session.idleExpiresAt.getTime(), r.session.absoluteExpiresAt.getTime()),
    ).toISOString(),
  };
}
