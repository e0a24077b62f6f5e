// Transcripts and interruptions of a case's activities, and how they compare with its sealed recordings.
// Case officers of the handling unit file them; whoever may read the case sees them (the case policy), and
// every opening of a transcript's file is an audited view, like every upload and every interruption.
import crypto from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import { context } from '../cases/audit-context.js';
import type { CaseService } from '../cases/case-service.js';
import { activityNotFound } from '../cases/errors.js';
import type { CasesIdentityPort } from '../cases/identity-port.js';
import type { CaseRepository } from '../cases/repository.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import type { RecordingRepository } from '../recordings/repository.js';
import { sniffClientDocumentType, storedFileName } from '../booking/client-document-file.js';
import { approverInvalid, interruptionNotFound, transcriptNotFound } from './errors.js';
import type { TranscriptRepository } from './repository.js';
import type {
  CaseActivityRecordsView,
  InterruptionAnnotationRequest,
  InterruptionView,
  RecordInterruptionRequest,
  TranscriptView,
  UploadTranscriptRequest,
} from './schemas.js';
import { presentActivityRecords } from './transcript-view.js';

/** Who may approve going on without recording: an officer or supervisor whose reach covers the unit. */
const APPROVER_ROLES = ['case_officer', 'supervisor'] as const;

export interface TranscriptFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export class TranscriptService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: TranscriptRepository,
    private readonly caseRepo: CaseRepository,
    private readonly recordings: RecordingRepository,
    private readonly cases: CaseService,
    private readonly identity: CasesIdentityPort,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly toleranceMs: number,
  ) {}

  /** Every activity of the case with its segments, transcripts, interruptions and flagged gaps. */
  async ofCase(actor: Actor, caseId: string): Promise<CaseActivityRecordsView> {
    await this.cases.readable(actor, caseId);
    return presentActivityRecords(this.db, caseId, {
      transcripts: this.repo,
      cases: this.caseRepo,
      recordings: this.recordings,
      toleranceMs: this.toleranceMs,
    });
  }

  async upload(
    actor: Actor,
    caseId: string,
    activityId: string,
    input: UploadTranscriptRequest,
    ctx: RequestContext,
  ): Promise<TranscriptView> {
    const row = await this.cases.changeable(actor, caseId);
    await this.activityOf(caseId, activityId);
    const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
    // The schema checked the type already; sniffed again here so the stored type is the bytes' own word.
    const contentType = sniffClientDocumentType(bytes.subarray(0, 16))!;
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const saved = await this.tx.run(async (tx) => {
      const saved = await this.repo.insertTranscript(tx, {
        caseId,
        activityId,
        declaredStartedAt: new Date(input.startedAt),
        declaredEndedAt: new Date(input.endedAt),
        fileName: storedFileName(input.fileName),
        contentType,
        byteSize: bytes.length,
        sha256,
        content: bytes,
        uploadedBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'transcript.uploaded',
        subject: { type: 'transcript', id: saved.id },
        unitId: row.handlingUnitId,
        payload: {
          caseId,
          caseNo: row.caseNo,
          activityId,
          fileName: saved.fileName,
          contentType,
          byteSize: saved.byteSize,
          sha256,
          startedAt: saved.declaredStartedAt.toISOString(),
          endedAt: saved.declaredEndedAt.toISOString(),
        },
      });
      return saved;
    });
    const records = await this.ofCase(actor, caseId);
    const view = records.activities.flatMap((a) => a.transcripts).find((t) => t.id === saved.id);
    return view!;
  }

  /** The file, for anyone who may read the case; each opening is an audit event. */
  async open(
    actor: Actor,
    caseId: string,
    transcriptId: string,
    ctx: RequestContext,
  ): Promise<TranscriptFile> {
    const row = await this.cases.readable(actor, caseId);
    const file = await this.repo.transcriptWithContent(this.db, transcriptId);
    if (!file || file.caseId !== caseId) throw transcriptNotFound();
    await this.tx.run(async (tx) => {
      await this.audit.record(tx, context(actor, ctx), {
        action: 'transcript.viewed',
        subject: { type: 'transcript', id: file.id },
        unitId: row.handlingUnitId,
        payload: { caseId, caseNo: row.caseNo, activityId: file.activityId, sha256: file.sha256 },
      });
    });
    return { fileName: file.fileName, contentType: file.contentType, bytes: file.content };
  }

  async recordInterruption(
    actor: Actor,
    caseId: string,
    activityId: string,
    input: RecordInterruptionRequest,
    ctx: RequestContext,
  ): Promise<InterruptionView> {
    const row = await this.cases.changeable(actor, caseId);
    await this.activityOf(caseId, activityId);
    const continued = input.continuedWithoutRecording;
    if (continued) {
      const approver = await this.identity.user(this.db, input.approvedBy!);
      const mayApprove =
        approver?.active &&
        approver.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r)) &&
        row.handlingUnitPath.startsWith(approver.unitPath);
      if (!mayApprove) throw approverInvalid();
    }
    const saved = await this.tx.run(async (tx) => {
      // The database's CHECK refuses going on unrecorded without an approver and a note, whatever the caller.
      const saved = await this.repo.insertInterruption(tx, {
        caseId,
        activityId,
        startedAt: new Date(input.startedAt),
        endedAt: new Date(input.endedAt),
        reason: input.reason,
        continuedWithoutRecording: continued,
        approvedBy: continued ? input.approvedBy! : null,
        transcriptNote: continued ? input.transcriptNote! : null,
        resumeExplanation: input.resumeExplanation,
        recordedBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'recording.interruption_recorded',
        subject: { type: 'recording_interruption', id: saved.id },
        unitId: row.handlingUnitId,
        payload: {
          caseId,
          caseNo: row.caseNo,
          activityId,
          startedAt: saved.startedAt.toISOString(),
          endedAt: saved.endedAt.toISOString(),
          reason: saved.reason,
          continuedWithoutRecording: saved.continuedWithoutRecording,
          approvedBy: saved.approvedBy,
          transcriptNote: saved.transcriptNote,
          resumeExplanation: saved.resumeExplanation,
        },
      });
      return saved;
    });
    return this.interruptionView(actor, caseId, saved.id);
  }

  /** A correction of an interruption's times with its reason; what was recorded stays as it was. */
  async annotateInterruption(
    actor: Actor,
    caseId: string,
    interruptionId: string,
    input: InterruptionAnnotationRequest,
    ctx: RequestContext,
  ): Promise<InterruptionView> {
    const row = await this.cases.changeable(actor, caseId);
    const interruption = await this.repo.interruptionById(this.db, interruptionId);
    if (!interruption || interruption.caseId !== caseId) throw interruptionNotFound();
    await this.tx.run(async (tx) => {
      const saved = await this.repo.insertAnnotation(tx, {
        interruptionId,
        authorId: actor.userId,
        reason: input.reason,
        correctedStartedAt: input.correctedStartedAt ? new Date(input.correctedStartedAt) : null,
        correctedEndedAt: input.correctedEndedAt ? new Date(input.correctedEndedAt) : null,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'recording.interruption_annotated',
        subject: { type: 'recording_interruption', id: interruptionId },
        unitId: row.handlingUnitId,
        payload: {
          caseId,
          annotationId: saved.id,
          reason: saved.reason,
          givenStartedAt: interruption.startedAt.toISOString(),
          givenEndedAt: interruption.endedAt.toISOString(),
          correctedStartedAt: saved.correctedStartedAt?.toISOString() ?? null,
          correctedEndedAt: saved.correctedEndedAt?.toISOString() ?? null,
        },
      });
    });
    return this.interruptionView(actor, caseId, interruptionId);
  }

  private async interruptionView(actor: Actor, caseId: string, id: string): Promise<InterruptionView> {
    const records = await this.ofCase(actor, caseId);
    return records.activities.flatMap((a) => a.interruptions).find((i) => i.id === id)!;
  }

  private async activityOf(caseId: string, activityId: string): Promise<void> {
    const activity = await this.caseRepo.activityById(this.db, activityId);
    if (!activity || activity.caseId !== caseId) throw activityNotFound();
  }
}
