// The lawyer's own page: where their registration stands (and why it was rejected), their suspensions, and
// their assistant links.
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import type { AssistantService } from './assistant-service.js';
import { maskIdNo } from './id-number.js';
import type { IdentityPort } from './identity-port.js';
import { maskMobile } from './masking.js';
import type { LawyerRepository } from './repository.js';
import type { LawyerAccountView, LawyerStatus } from './schemas.js';
import type { StandingService } from './standing-service.js';

export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly repo: LawyerRepository,
    private readonly identity: IdentityPort,
    private readonly standing: StandingService,
    private readonly assistants: AssistantService,
    private readonly secrets: SecretBox,
  ) {}

  async account(actor: Actor): Promise<LawyerAccountView> {
    requireRole(actor, 'lawyer');
    const profile = await this.repo.profile(this.db, actor.userId);
    const me = await this.identity.account(this.db, actor.userId);
    const links = await this.assistants.linksOf(actor);
    return {
      registered: profile !== undefined,
      status: (profile?.status ?? 'approved') as LawyerStatus,
      rejectionReason: profile?.rejectionReason ?? null,
      reviewedAt: profile?.reviewedAt?.toISOString() ?? null,
      submittedAt: profile?.submittedAt.toISOString() ?? null,
      profile:
        profile && me
          ? {
              name: me.displayName,
              licenceNo: profile.licenceNo,
              idNoMasked: maskIdNo(this.secrets.open(profile.idNoSealed)),
              mobileMasked: maskMobile(profile.mobile),
              firmName: me.unit.name,
            }
          : null,
      suspensions: await this.standing.suspensionsOf(actor),
      assistants: links.assistants,
      assisting: links.assisting,
    };
  }
}
