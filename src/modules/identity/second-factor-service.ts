// TOTP enrolment and verification: the second factor every staff session needs (GB/T 22239 level 3).
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { RequestContext } from './actor.js';
import type { AuthService, ResolvedSession } from './auth-service.js';
import { presentSession } from './auth-service.js';
import { accountLocked, noSession, totpInvalid, wrongStep } from './errors.js';
import type { IdentityRepository } from './repository.js';
import type { SessionView, TotpEnrolment } from './schemas.js';
import { matchTotp, newTotpSecret, otpauthUri, qrDataUrl } from './totp.js';

/** Wrong codes tolerated in one session before it is ended and the failure counts against the account. */
const MAX_CODE_FAILURES_PER_SESSION = 5;

export class SecondFactorService {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: IdentityRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
    private readonly issuer: string,
  ) {}

  /** Offers a new secret (the same one again if the page is reloaded) with its QR code. */
  async startEnrolment(resolved: ResolvedSession): Promise<TotpEnrolment> {
    if (resolved.session.secondFactor !== 'enrolment_required') throw wrongStep();
    let secret = resolved.session.pendingTotpSealed
      ? this.secrets.open(resolved.session.pendingTotpSealed)
      : null;
    if (!secret) {
      secret = newTotpSecret();
      const sealed = this.secrets.seal(secret);
      await this.tx.run((tx) =>
        this.repo.updateSession(tx, resolved.session.id, { pendingTotpSealed: sealed }),
      );
    }
    const uri = otpauthUri(secret, resolved.user.username, this.issuer);
    return { secret, otpauthUri: uri, qrDataUrl: await qrDataUrl(uri) };
  }

  /** A code from the app proves it holds the offered secret; only then is the secret bound to the user. */
  async confirmEnrolment(resolved: ResolvedSession, code: string, ctx: RequestContext): Promise<SessionView> {
    const { session, user } = resolved;
    if (session.secondFactor !== 'enrolment_required' || !session.pendingTotpSealed) throw wrongStep();
    const secret = this.secrets.open(session.pendingTotpSealed);
    const step = matchTotp(secret, code, this.clock.now());
    if (step === null) return this.fail(resolved, ctx);
    await this.tx.run(async (tx) => {
      await this.repo.updateUser(tx, user.id, {
        totpSecretSealed: this.secrets.seal(secret),
        totpEnrolledAt: this.clock.now(),
        totpLastStep: step,
      });
      await this.repo.updateSession(tx, session.id, {
        secondFactor: 'done',
        pendingTotpSealed: null,
        totpFailures: 0,
      });
      await this.audit.record(tx, this.context(resolved, ctx), {
        action: 'auth.totp.enrolled',
        subject: { type: 'user', id: user.id },
        unitId: user.unitId,
      });
    });
    return this.present(session.id);
  }

  async verify(resolved: ResolvedSession, code: string, ctx: RequestContext): Promise<SessionView> {
    const { session, user } = resolved;
    if (session.secondFactor !== 'required' || !user.totpSecretSealed) throw wrongStep();
    const step = matchTotp(this.secrets.open(user.totpSecretSealed), code, this.clock.now());
    if (step === null) return this.fail(resolved, ctx);
    const accepted = await this.tx.run(async (tx) => {
      // A code is spent once it is accepted: the step only moves forward, checked and set in one statement.
      const spent = await this.repo.advanceTotpStep(tx, user.id, step);
      if (!spent) return false;
      await this.repo.updateSession(tx, session.id, { secondFactor: 'done', totpFailures: 0 });
      await this.audit.record(tx, this.context(resolved, ctx), {
        action: 'auth.totp.verified',
        subject: { type: 'user', id: user.id },
        unitId: user.unitId,
      });
      return true;
    });
    if (!accepted) return this.fail(resolved, ctx);
    return this.present(session.id);
  }

  private async fail(resolved: ResolvedSession, ctx: RequestContext): Promise<never> {
    const failures = resolved.session.totpFailures + 1;
    const context = this.context(resolved, ctx);
    await this.tx.run(async (tx) => {
      await this.repo.updateSession(tx, resolved.session.id, {
        totpFailures: failures,
        ...(failures >= MAX_CODE_FAILURES_PER_SESSION ? { endedAt: this.clock.now() } : {}),
      });
      await this.audit.record(tx, context, {
        action: 'auth.totp.failed',
        subject: { type: 'user', id: resolved.user.id },
        unitId: resolved.user.unitId,
        payload: { failuresInSession: failures },
      });
    });
    if (failures >= MAX_CODE_FAILURES_PER_SESSION) {
      // Guessing codes is guessing a credential: it counts towards the account's lock-out too.
      const lockedUntil = await this.auth.recordFailure(resolved.user, context, 'totp_failures');
      if (lockedUntil) throw accountLocked(lockedUntil);
      throw noSession();
    }
    throw totpInvalid();
  }

  private context(resolved: ResolvedSession, ctx: RequestContext): AuditContext {
    return { actor: { userId: resolved.user.id, username: resolved.user.username }, ...ctx };
  }

  private async present(sessionId: string): Promise<SessionView> {
    const refreshed = await this.auth.resolveById(sessionId);
    if (!refreshed) throw noSession();
    return presentSession(refreshed);
  }
}
