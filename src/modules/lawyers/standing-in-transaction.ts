// A lawyer's standing and SMS contact, read through the caller's transaction. The waiting list offers a
// freed place inside the transaction that freed it; StandingService reads through its own handle, which on
// the embedded database would wait for that transaction for ever. Same rules as requireCanBookOnline.
import type { Executor } from '../../platform/db/database.js';
import type { IdentityPort } from './identity-port.js';
import type { LawyerRepository } from './repository.js';

/** Why a lawyer may not take a place online now. */
export type StandingRefusal = 'inactive' | 'not_approved' | 'suspended';

export class StandingInTransaction {
  constructor(
    private readonly repo: LawyerRepository,
    private readonly identity: IdentityPort,
  ) {}

  /** Null when the lawyer may book online at the centre now; otherwise why not. */
  async refusal(
    ex: Executor,
    lawyerUserId: string,
    unitId: string,
    now: Date,
  ): Promise<StandingRefusal | null> {
    const account = await this.identity.account(ex, lawyerUserId);
    if (!account?.active) return 'inactive';
    // Accounts an administrator created have no registration and count as approved.
    const profile = await this.repo.profile(ex, lawyerUserId);
    if (profile && profile.status !== 'approved') return 'not_approved';
    if (await this.repo.activeSuspension(ex, lawyerUserId, unitId, now)) return 'suspended';
    return null;
  }

  /** The registered mobile and message language; undefined for a lawyer without a registration. */
  async smsContact(
    ex: Executor,
    lawyerUserId: string,
  ): Promise<{ mobile: string; locale: 'zh-CN' | 'en' } | undefined> {
    const profile = await this.repo.profile(ex, lawyerUserId);
    return profile && { mobile: profile.mobile, locale: profile.locale === 'en' ? 'en' : 'zh-CN' };
  }
}
