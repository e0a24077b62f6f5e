// Whether a lawyer may book online at a centre: their registration is approved (accounts an administrator
// created need none) and no suspension is in force there. Suspensions come from strikes (the trigger of
// migration "lawyer-strikes"); the lawyer may appeal, and the centre's staff may lift one with a reason.
// Walk-in meetings never ask this: booking never gates access (DOMAIN.md).
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import {
  alreadyAppealed,
  notApproved,
  suspended,
  suspensionNotActive,
  suspensionNotFound,
} from './errors.js';
import type { IdentityPort } from './identity-port.js';
import type { LawyerRepository, SuspensionRow } from './repository.js';
import { context } from './audit-context.js';
import type { SuspensionView } from './schemas.js';

/** The one thing this service needs from booking: that the actor is staff of this centre. */
export interface CentreAccess {
  requireCentre(actor: Actor, unitId: string): Promise<unknown>;
}

const DAY_MS = 86_400_000;
/** How far back the lawyer's page and the centre's list show suspensions that have ended. */
const HISTORY_DAYS = 365;

export class StandingService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: LawyerRepository,
    private readonly identity: IdentityPort,
    private readonly centres: CentreAccess,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** Throws lawyer.not_approved or lawyer.suspended unless the lawyer may book online at the centre. */
  async requireCanBookOnline(actor: Actor, unitId: string): Promise<void> {
    requireRole(actor, 'lawyer');
    await this.requireLawyerCanBookOnline(actor.userId, unitId);
  }

  /**
   * The same question about a lawyer other than the caller: the principal an assistant books for. Whether
   * the caller may act for that lawyer is the booking module's check (a confirmed assistant link).
   */
  async requireLawyerCanBookOnline(lawyerUserId: string, unitId: string): Promise<void> {
    const profile = await this.repo.profile(this.db, lawyerUserId);
    if (profile && profile.status !== 'approved') {
      throw notApproved(profile.status === 'rejected' ? 'rejected' : 'pending', profile.rejectionReason);
    }
    const active = await this.repo.activeSuspension(this.db, lawyerUserId, unitId, this.clock.now());
    if (active) {
      throw suspended({
        unitId,
        until: active.endsAt,
        strikeCount: active.strikeCount,
        strikeWindowDays: active.strikeWindowDays,
        suspensionId: active.id,
      });
    }
  }

  /** The centre's suspensions in force and those of the past year, for its staff. */
  async suspensionsAt(actor: Actor, unitId: string): Promise<SuspensionView[]> {
    await this.centres.requireCentre(actor, unitId);
    const since = new Date(this.clock.now().getTime() - HISTORY_DAYS * DAY_MS);
    return this.presentAll(await this.repo.suspensionsAt(this.db, unitId, since));
  }

  /** The lawyer's own suspensions, at every centre. */
  async suspensionsOf(actor: Actor): Promise<SuspensionView[]> {
    requireRole(actor, 'lawyer');
    const since = new Date(this.clock.now().getTime() - HISTORY_DAYS * DAY_MS);
    return this.presentAll(await this.repo.suspensionsOfLawyer(this.db, actor.userId, since));
  }

  /** The lawyer states why the suspension should go; the centre's staff read it beside the suspension. */
  async appeal(
    actor: Actor,
    suspensionId: string,
    appeal: string,
    ctx: RequestContext,
  ): Promise<SuspensionView> {
    requireRole(actor, 'lawyer');
    const found = await this.repo.suspensionById(this.db, suspensionId);
    // Someone else's suspension does not exist, as far as this lawyer can tell.
    if (!found || found.lawyerUserId !== actor.userId) throw suspensionNotFound();
    const updated = await this.tx.run(async (tx) => {
      const s = (await this.repo.suspensionById(tx, suspensionId, true))!;
      const now = this.clock.now();
      if (s.liftedAt || s.endsAt <= now) throw suspensionNotActive();
      if (s.appeal !== null) throw alreadyAppealed();
      const row = await this.repo.updateSuspension(tx, s.id, { appeal, appealedAt: now });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'lawyer.suspension_appealed',
        subject: { type: 'lawyer_suspension', id: s.id },
        unitId: s.unitId,
        payload: { appeal },
      });
      return row;
    });
    return this.present(updated);
  }

  /** Centre staff end a suspension early, with the reason recorded. */
  async lift(
    actor: Actor,
    suspensionId: string,
    reason: string,
    ctx: RequestContext,
  ): Promise<SuspensionView> {
    requireRole(actor, 'centre_staff');
    const found = await this.repo.suspensionById(this.db, suspensionId);
    if (!found) throw suspensionNotFound();
    await this.centres.requireCentre(actor, found.unitId);
    const updated = await this.tx.run(async (tx) => {
      // The strike trigger takes this lock too: a strike counted at the same moment sees the lift or waits.
      await this.repo.lockStanding(tx, found.lawyerUserId, found.unitId);
      const s = (await this.repo.suspensionById(tx, suspensionId, true))!;
      const now = this.clock.now();
      if (s.liftedAt || s.endsAt <= now) throw suspensionNotActive();
      const row = await this.repo.updateSuspension(tx, s.id, {
        liftedAt: now,
        liftedBy: actor.userId,
        liftReason: reason,
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'lawyer.suspension_lifted',
        subject: { type: 'lawyer_suspension', id: s.id },
        unitId: s.unitId,
        payload: { lawyerUserId: s.lawyerUserId, reason, until: s.endsAt.toISOString() },
      });
      return row;
    });
    return this.present(updated);
  }

  private async presentAll(rows: SuspensionRow[]): Promise<SuspensionView[]> {
    const views: SuspensionView[] = [];
    for (const row of rows) views.push(await this.present(row));
    return views;
  }

  private async present(s: SuspensionRow): Promise<SuspensionView> {
    const centre = await this.identity.unit(this.db, s.unitId);
    const lawyer = await this.identity.account(this.db, s.lawyerUserId);
    return {
      id: s.id,
      centre: { id: s.unitId, name: centre?.name ?? '', nameEn: centre?.nameEn ?? '' },
      lawyer: {
        userId: s.lawyerUserId,
        name: lawyer?.displayName ?? '',
        username: lawyer?.username ?? '',
      },
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      strikeCount: s.strikeCount,
      strikeThreshold: s.strikeThreshold,
      strikeWindowDays: s.strikeWindowDays,
      appeal: s.appeal,
      appealedAt: s.appealedAt?.toISOString() ?? null,
      liftedAt: s.liftedAt?.toISOString() ?? null,
      liftReason: s.liftReason,
    };
  }
}
