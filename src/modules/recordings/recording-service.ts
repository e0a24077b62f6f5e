// Reading recordings (anyone who may read their case), annotating them, and the alerts fixity raises. A
// correction of capture times is an annotation by its author with a reason: the times given stay as given.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { CaseService } from '../cases/case-service.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { canReadEvidence, requireCustodianIndependence, requireRole } from '../identity/policy.js';
import { alertAcknowledged, alertNotFound, notSealed, recordingNotFound } from './errors.js';
import { presentAlert, presentRecordings } from './recording-view.js';
import type { RecordingRepository, RecordingRow } from './repository.js';
import type { AlertView, AnnotationRequest, RecordingView } from './schemas.js';

export class RecordingService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly cases: CaseService,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async ofCase(actor: Actor, caseId: string): Promise<RecordingView[]> {
    await this.cases.readable(actor, caseId);
    return presentRecordings(this.db, this.repo, await this.repo.ofCase(this.db, caseId));
  }

  async view(actor: Actor, id: string): Promise<RecordingView> {
    const row = await this.readable(actor, id);
    return (await presentRecordings(this.db, this.repo, [row]))[0]!;
  }

  async annotate(
    actor: Actor,
    id: string,
    input: AnnotationRequest,
    ctx: RequestContext,
  ): Promise<RecordingView> {
    const row = await this.readable(actor, id);
    if (row.state !== 'sealed') throw notSealed();
    const unitId = await this.cases.handlingUnitOf(row.caseId);
    await this.tx.run(async (tx) => {
      const saved = await this.repo.insertAnnotation(tx, {
        recordingId: id,
        kind: input.kind,
        authorId: actor.userId,
        reason: input.reason,
        correctedStartedAt:
          input.kind === 'capture_time_correction' && input.correctedStartedAt
            ? new Date(input.correctedStartedAt)
            : null,
        correctedEndedAt:
          input.kind === 'capture_time_correction' && input.correctedEndedAt
            ? new Date(input.correctedEndedAt)
            : null,
        note: input.kind === 'note' ? input.note : null,
        createdAt: this.clock.now(),
      });
      await this.audit.record(
        tx,
        { actor: { userId: actor.userId, username: actor.username }, ...ctx },
        {
          action: 'recording.annotated',
          subject: { type: 'recording', id },
          unitId,
          payload: {
            caseId: row.caseId,
            annotationId: saved.id,
            kind: saved.kind,
            reason: saved.reason,
            givenCaptureStartedAt: row.captureStartedAt.toISOString(),
            givenCaptureEndedAt: row.captureEndedAt.toISOString(),
            correctedStartedAt: saved.correctedStartedAt?.toISOString() ?? null,
            correctedEndedAt: saved.correctedEndedAt?.toISOString() ?? null,
            note: saved.note,
          },
        },
      );
    });
    return this.view(actor, id);
  }

  /** Open fixity alerts on recordings of cases the actor may read. */
  async openAlerts(actor: Actor): Promise<AlertView[]> {
    requireRole(actor, 'case_officer', 'custodian', 'reviewer', 'supervisor');
    if (!canReadEvidence(actor)) return [];
    const alerts = await this.repo.openAlerts(this.db, {});
    const readable = new Map<string, boolean>();
    const out: AlertView[] = [];
    for (const alert of alerts) {
      if (!readable.has(alert.caseId)) {
        readable.set(
          alert.caseId,
          await this.cases.readable(actor, alert.caseId).then(
            () => true,
            () => false,
          ),
        );
      }
      if (readable.get(alert.caseId)) out.push(presentAlert(alert, alert.caseId));
    }
    return out;
  }

  /**
   * A custodian takes note of an alert (seed 001 art. 20: damage, swap, edit or loss is recorded and
   * reported). Not a custodian who is an officer of the case or uploaded the recording (art. 16).
   */
  async acknowledgeAlert(
    actor: Actor,
    alertId: string,
    note: string,
    ctx: RequestContext,
  ): Promise<AlertView> {
    requireRole(actor, 'custodian');
    const alert = await this.repo.alertById(this.db, alertId);
    if (!alert) throw alertNotFound();
    const row = await this.readable(actor, alert.recordingId);
    requireCustodianIndependence(actor, {
      caseOfficerIds: await this.cases.officerIds(this.db, row.caseId),
      uploaderId: row.uploadedBy,
    });
    const unitId = await this.cases.handlingUnitOf(row.caseId);
    const acknowledged = await this.tx.run(async (tx) => {
      const saved = await this.repo.acknowledgeAlert(tx, alertId, actor.userId, note, this.clock.now());
      if (!saved) throw alertAcknowledged();
      await this.audit.record(
        tx,
        { actor: { userId: actor.userId, username: actor.username }, ...ctx },
        {
          action: 'recording.alert_acknowledged',
          subject: { type: 'recording', id: row.id },
          unitId,
          payload: { caseId: row.caseId, alertId, location: saved.location, outcome: saved.outcome, note },
        },
      );
      return saved;
    });
    return presentAlert(acknowledged, row.caseId);
  }

  private async readable(actor: Actor, id: string): Promise<RecordingRow> {
    const row = await this.repo.byId(this.db, id);
    if (!row) throw recordingNotFound();
    await this.cases.readable(actor, row.caseId);
    return row;
  }
}
