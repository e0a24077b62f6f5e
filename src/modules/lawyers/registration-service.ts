// A lawyer registers themselves: a verified mobile number, the licence and ID numbers, the firm, an account
// and the licence photo, in one transaction; the profile then waits for centre staff. After a rejection the
// lawyer corrects and resubmits it.
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/errors.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import {
  idNoTaken,
  lawyerNotFound,
  licenceNoTaken,
  noRegion,
  usernameTaken,
  wrongReviewState,
} from './errors.js';
import type { IdentityPort } from './identity-port.js';
import type { LicenceDocumentStore } from './licence-document-store.js';
import { validateLicenceNo } from './licence-number.js';
import type { LawyerRepository } from './repository.js';
import type { RegistrationRequest, ResubmissionRequest } from './schemas.js';
import type { VerificationService } from './verification-service.js';

const ID_NO_HASH_PURPOSE = 'lawyer-id-no';

export class RegistrationService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: LawyerRepository,
    private readonly identity: IdentityPort,
    private readonly documents: LicenceDocumentStore,
    private readonly verification: VerificationService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * Public: the person has no account yet, so the proof is the code sent to their phone. The code is
   * checked first, so only someone holding the phone learns whether a licence or ID number is registered.
   */
  async register(
    input: RegistrationRequest,
    ctx: RequestContext,
  ): Promise<{ userId: string; username: string; status: 'pending' }> {
    const verificationId = await this.verification.check(input.mobile, input.code);
    const username = input.username.toLowerCase();
    const idNoHash = this.idNoHash(input.idNo);
    // Clear answers before anything is written; the unique constraints decide under concurrency.
    await this.requireUnclaimed(this.db, input.licenceNo, idNoHash, null);
    if (await this.identity.accountByUsername(this.db, username)) throw usernameTaken();
    const photo = Buffer.from(input.licencePhoto, 'base64');
    const anonymous: AuditContext = { actor: { userId: null, username: 'self-registration' }, ...ctx };

    const user = await this.conflictsNamed(() =>
      this.tx.run(async (tx) => {
        const now = this.clock.now();
        await this.verification.consume(tx, verificationId);
        const firm = await this.firmFor(tx, input, anonymous);
        const created = await this.identity.createLawyer(
          tx,
          { username, displayName: input.name, firm: firm.firm, password: input.password },
          anonymous,
        );
        const document = await this.documents.put(tx, photo, now);
        await this.repo.insertProfile(tx, {
          userId: created.id,
          licenceNo: input.licenceNo,
          idNoHash,
          idNoSealed: this.secrets.seal(input.idNo),
          mobile: input.mobile,
          locale: input.locale,
          documentId: document.id,
          status: 'pending',
          submittedAt: now,
          createdAt: now,
        });
        await this.audit.record(
          tx,
          { actor: { userId: created.id, username }, ...ctx },
          {
            action: 'lawyer.registered',
            subject: { type: 'user', id: created.id },
            unitId: firm.firm.id,
            payload: {
              licenceNo: input.licenceNo,
              firmId: firm.firm.id,
              firmCreated: firm.created,
              licencePhoto: { sha256: document.sha256, contentType: document.contentType },
            },
          },
        );
        return created;
      }),
    );
    return { userId: user.id, username: user.username, status: 'pending' };
  }

  /** A rejected lawyer corrects the registration; it goes back to the queue. */
  async resubmit(actor: Actor, input: ResubmissionRequest, ctx: RequestContext): Promise<void> {
    requireRole(actor, 'lawyer');
    const current = await this.repo.profile(this.db, actor.userId);
    if (!current) throw lawyerNotFound();
    if (current.status !== 'rejected') throw wrongReviewState();
    const idNoHash = this.idNoHash(input.idNo);
    await this.requireUnclaimed(this.db, input.licenceNo, idNoHash, actor.userId);
    const photo = input.licencePhoto ? Buffer.from(input.licencePhoto, 'base64') : null;
    const context: AuditContext = { actor: { userId: actor.userId, username: actor.username }, ...ctx };

    await this.conflictsNamed(() =>
      this.tx.run(async (tx) => {
        const now = this.clock.now();
        const profile = await this.repo.profile(tx, actor.userId, true);
        if (profile?.status !== 'rejected') throw wrongReviewState();
        const firm = await this.firmFor(tx, input, context);
        await this.identity.updateLawyer(tx, actor.userId, { displayName: input.name, unitId: firm.firm.id });
        const document = photo ? await this.documents.put(tx, photo, now) : null;
        await this.repo.updateProfile(tx, actor.userId, {
          licenceNo: input.licenceNo,
          idNoHash,
          idNoSealed: this.secrets.seal(input.idNo),
          documentId: document?.id ?? profile.documentId,
          status: 'pending',
          rejectionReason: null,
          reviewedAt: null,
          reviewedBy: null,
          submittedAt: now,
        });
        await this.audit.record(tx, context, {
          action: 'lawyer.resubmitted',
          subject: { type: 'user', id: actor.userId },
          unitId: firm.firm.id,
          payload: {
            licenceNo: input.licenceNo,
            firmId: firm.firm.id,
            firmCreated: firm.created,
            licencePhoto: document ? { sha256: document.sha256, contentType: document.contentType } : null,
          },
        });
      }),
    );
  }

  private async firmFor(tx: Executor, input: { licenceNo: string; firmName: string }, context: AuditContext) {
    const licence = validateLicenceNo(input.licenceNo);
    // The schema admitted only valid numbers.
    if (!licence.ok) throw new Error('licence number not validated');
    const cityCode = licence.kind === 'current' ? input.licenceNo.slice(3, 5) : null;
    const region = await this.identity.regionForLicence(tx, { provinceCode: licence.provinceCode, cityCode });
    if (!region) throw noRegion();
    return this.identity.findOrCreateFirm(tx, input.firmName, region, context);
  }

  private async requireUnclaimed(
    db: Executor,
    licenceNo: string,
    idNoHash: string,
    self: string | null,
  ): Promise<void> {
    const byLicence = await this.repo.profileByLicenceNo(db, licenceNo);
    if (byLicence && byLicence.userId !== self) throw licenceNoTaken();
    const byId = await this.repo.profileByIdNoHash(db, idNoHash);
    if (byId && byId.userId !== self) throw idNoTaken();
  }

  /** Two registrations racing for one licence, ID number or username: the loser is told which. */
  private async conflictsNamed<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === '23505' && pg.constraint === 'lawyer_profile_licence_no_unique')
        throw licenceNoTaken();
      if (pg?.code === '23505' && pg.constraint === 'lawyer_profile_id_no_unique') throw idNoTaken();
      if (pg?.code === '23505' && pg.constraint === 'app_user_username_unique') throw usernameTaken();
      if (error instanceof AppError && error.code === 'user.username_taken') throw usernameTaken();
      throw error;
    }
  }

  private idNoHash(idNo: string): string {
    return this.secrets.keyedHash(ID_NO_HASH_PURPOSE, idNo.toUpperCase());
  }
}
