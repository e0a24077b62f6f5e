// Centre staff review registered lawyers: the queue, the licence photo (each view audited), approval, or
// rejection with a reason the lawyer reads. A lawyer's licence is national, so an approval holds at every
// centre and any centre's staff may give it; the audit log records which centre did.
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import { context } from './audit-context.js';
import type { NotifyService } from '../notify/notify-service.js';
import { lawyerNotFound, wrongReviewState } from './errors.js';
import { maskIdNo } from './id-number.js';
import type { IdentityPort } from './identity-port.js';
import type { LicenceDocumentStore } from './licence-document-store.js';
import { maskMobile } from './masking.js';
import type { LawyerRepository, ProfileRow } from './repository.js';
import type { LawyerStatus, ReviewItem } from './schemas.js';

const QUEUE_LIMIT = 200;

export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: LawyerRepository,
    private readonly identity: IdentityPort,
    private readonly documents: LicenceDocumentStore,
    private readonly notify: NotifyService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** Registrations in one state: the pending queue oldest first, reviewed ones latest first. */
  async queue(actor: Actor, status: LawyerStatus): Promise<ReviewItem[]> {
    requireRole(actor, 'centre_staff');
    const profiles = await this.repo.profilesByStatus(this.db, status, QUEUE_LIMIT);
    const items: ReviewItem[] = [];
    for (const p of profiles) items.push(await this.present(p));
    return items;
  }

  /** The licence photo, for centre staff only; every view is recorded. */
  async licencePhoto(
    actor: Actor,
    lawyerUserId: string,
    ctx: RequestContext,
  ): Promise<{ contentType: string; bytes: Uint8Array }> {
    requireRole(actor, 'centre_staff');
    const profile = await this.repo.profile(this.db, lawyerUserId);
    if (!profile) throw lawyerNotFound();
    const document = await this.documents.open(this.db, profile.documentId);
    if (!document) throw lawyerNotFound();
    await this.tx.run(async (tx) => {
      await this.audit.record(tx, context(actor, ctx), {
        action: 'lawyer.licence_photo_viewed',
        subject: { type: 'user', id: lawyerUserId },
        unitId: actor.unit.id,
        payload: { documentId: document.id, sha256: document.sha256 },
      });
    });
    return { contentType: document.contentType, bytes: document.bytes };
  }

  async approve(actor: Actor, lawyerUserId: string, ctx: RequestContext): Promise<ReviewItem> {
    return this.decide(actor, lawyerUserId, null, ctx);
  }

  async reject(actor: Actor, lawyerUserId: string, reason: string, ctx: RequestContext): Promise<ReviewItem> {
    return this.decide(actor, lawyerUserId, reason, ctx);
  }

  /** One decision per submission: the profile must still be pending when the transaction locks it. */
  private async decide(
    actor: Actor,
    lawyerUserId: string,
    rejection: string | null,
    ctx: RequestContext,
  ): Promise<ReviewItem> {
    requireRole(actor, 'centre_staff');
    const decided = await this.tx.run(async (tx, afterCommit) => {
      const profile = await this.repo.profile(tx, lawyerUserId, true);
      if (!profile) throw lawyerNotFound();
      if (profile.status !== 'pending') throw wrongReviewState();
      const now = this.clock.now();
      const updated = await this.repo.updateProfile(tx, lawyerUserId, {
        status: rejection === null ? 'approved' : 'rejected',
        rejectionReason: rejection,
        reviewedAt: now,
        reviewedBy: actor.userId,
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: rejection === null ? 'lawyer.approved' : 'lawyer.rejected',
        subject: { type: 'user', id: lawyerUserId },
        unitId: actor.unit.id,
        payload: { licenceNo: profile.licenceNo, reason: rejection },
      });
      await this.notify.enqueue(tx, afterCommit, {
        channel: 'sms',
        to: profile.mobile,
        userId: lawyerUserId,
        template: rejection === null ? 'lawyer.approved' : 'lawyer.rejected',
        params: {},
        locale: profile.locale === 'en' ? 'en' : 'zh-CN',
      });
      return updated;
    });
    return this.present(decided);
  }

  private async present(p: ProfileRow): Promise<ReviewItem> {
    const account = await this.identity.account(this.db, p.userId);
    const photo = await this.documents.describe(this.db, p.documentId);
    // Both are referenced by the profile's foreign keys.
    if (!account || !photo) throw lawyerNotFound();
    return {
      userId: p.userId,
      name: account.displayName,
      username: account.username,
      licenceNo: p.licenceNo,
      idNoMasked: maskIdNo(this.secrets.open(p.idNoSealed)),
      mobileMasked: maskMobile(p.mobile),
      firm: { id: account.unit.id, name: account.unit.name, nameEn: account.unit.nameEn },
      status: p.status as LawyerStatus,
      rejectionReason: p.rejectionReason,
      submittedAt: p.submittedAt.toISOString(),
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      photo: { contentType: photo.contentType, byteSize: photo.byteSize, sha256: photo.sha256 },
    };
  }
}
