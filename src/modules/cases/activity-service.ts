// Activities of a case (执法活动): what was done, where, when, with whom, and whether it must be recorded.
// The mandatory kinds are always recorded (the database refuses otherwise); the officer decides for the rest.
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { context } from './audit-context.js';
import type { CaseService } from './case-service.js';
import { presentActivity } from './case-view.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import {
  activityNotFound,
  activityTimesInvalid,
  optionalKindOnly,
  participantNotInCase,
  participantRoleMismatch,
} from './errors.js';
import { isRecordingMandatory, type ActivityKind } from './kinds.js';
import type { SealedRecordingCounts } from './recording-counts.js';
import type { ActivityRow, CaseRepository, ParticipantRow } from './repository.js';
import type {
  ActivityView,
  CreateActivityRequest,
  ParticipantInput,
  UpdateActivityRequest,
} from './schemas.js';

type ParticipantInsert = Omit<ParticipantRow, 'id' | 'activityId'>;

export class ActivityService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: CaseRepository,
    private readonly cases: CaseService,
    private readonly recordings: SealedRecordingCounts,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async add(
    actor: Actor,
    caseId: string,
    input: CreateActivityRequest,
    ctx: RequestContext,
  ): Promise<ActivityView> {
    const row = await this.cases.changeable(actor, caseId);
    const participants = await this.resolveParticipants(this.db, caseId, input.participants);
    const now = this.clock.now();
    const activity = await this.tx.run(async (tx) => {
      const saved = await this.repo.insertActivity(tx, {
        caseId,
        kind: input.kind,
        recordingRequired: isRecordingMandatory(input.kind) || input.recordingRequired,
        place: input.place,
        plannedStartAt: new Date(input.plannedStartAt),
        plannedEndAt: new Date(input.plannedEndAt),
        actualStartAt: input.actualStartAt ? new Date(input.actualStartAt) : null,
        actualEndAt: input.actualEndAt ? new Date(input.actualEndAt) : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await this.repo.replaceParticipants(tx, saved.id, participants);
      await this.audit.record(tx, context(actor, ctx), {
        action: 'case.activity_added',
        subject: { type: 'case_activity', id: saved.id },
        unitId: row.handlingUnitId,
        payload: {
          caseId,
          caseNo: row.caseNo,
          ...facts(saved),
          participants: participantFacts(participants),
        },
      });
      return saved;
    });
    return this.present(activity);
  }

  async update(
    actor: Actor,
    caseId: string,
    activityId: string,
    input: UpdateActivityRequest,
    ctx: RequestContext,
  ): Promise<ActivityView> {
    const row = await this.cases.changeable(actor, caseId);
    const before = await this.repo.activityById(this.db, activityId);
    if (!before || before.caseId !== caseId) throw activityNotFound();
    if (input.recordingRequired === false && isRecordingMandatory(before.kind as ActivityKind)) {
      throw optionalKindOnly();
    }
    const participants =
      input.participants && (await this.resolveParticipants(this.db, caseId, input.participants));
    const changes = {
      ...(input.recordingRequired !== undefined ? { recordingRequired: input.recordingRequired } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.plannedStartAt !== undefined ? { plannedStartAt: new Date(input.plannedStartAt) } : {}),
      ...(input.plannedEndAt !== undefined ? { plannedEndAt: new Date(input.plannedEndAt) } : {}),
      ...(input.actualStartAt !== undefined
        ? { actualStartAt: input.actualStartAt ? new Date(input.actualStartAt) : null }
        : {}),
      ...(input.actualEndAt !== undefined
        ? { actualEndAt: input.actualEndAt ? new Date(input.actualEndAt) : null }
        : {}),
    };
    const activity = await this.tx
      .run(async (tx) => {
        // The database's CHECKs decide whether the merged times still make sense (end after start).
        const saved = await this.repo.updateActivity(tx, activityId, {
          ...changes,
          updatedAt: this.clock.now(),
        });
        if (participants) await this.repo.replaceParticipants(tx, activityId, participants);
        await this.audit.record(tx, context(actor, ctx), {
          action: 'case.activity_updated',
          subject: { type: 'case_activity', id: activityId },
          unitId: row.handlingUnitId,
          payload: {
            caseId,
            caseNo: row.caseNo,
            before: facts(before),
            after: facts(saved),
            ...(participants ? { participants: participantFacts(participants) } : {}),
          },
        });
        return saved;
      })
      .catch((error: unknown) => {
        const constraint = pgErrorOf(error)?.constraint;
        if (constraint === 'case_activity_planned_check' || constraint === 'case_activity_actual_check') {
          throw activityTimesInvalid();
        }
        throw error;
      });
    return this.present(activity);
  }

  private async present(activity: ActivityRow): Promise<ActivityView> {
    const participants = await this.repo.participants(this.db, [activity.id]);
    const sealed = await this.recordings.sealedByActivity(this.db, activity.caseId);
    return presentActivity(activity, participants, sealed.get(activity.id) ?? 0, this.clock.now());
  }

  /** Officers must be on the case and persons in it with the role given; names come from there. */
  private async resolveParticipants(
    db: Executor,
    caseId: string,
    inputs: readonly ParticipantInput[],
  ): Promise<ParticipantInsert[]> {
    const officers = new Map((await this.repo.officers(db, caseId)).map((o) => [o.userId, o.displayName]));
    const personIds = inputs.map((p) => p.personId).filter((id): id is string => !!id);
    const persons = new Map((await this.repo.personsByIds(db, caseId, personIds)).map((p) => [p.id, p]));
    return inputs.map((p, index) => {
      if (p.role === 'officer') {
        const name = officers.get(p.userId!);
        if (name === undefined) throw participantNotInCase(index);
        return { role: p.role, userId: p.userId!, personId: null, name };
      }
      if (p.role === 'suspect' || p.role === 'witness' || p.role === 'victim') {
        const person = persons.get(p.personId!);
        if (!person) throw participantNotInCase(index);
        if (person.role !== p.role) throw participantRoleMismatch(index);
        return { role: p.role, userId: null, personId: person.id, name: person.name };
      }
      return { role: p.role, userId: null, personId: null, name: p.name! };
    });
  }
}

/** What the audit log keeps of an activity: everything but participants' names. */
function facts(a: ActivityRow) {
  return {
    kind: a.kind,
    recordingRequired: a.recordingRequired,
    place: a.place,
    plannedStartAt: a.plannedStartAt.toISOString(),
    plannedEndAt: a.plannedEndAt.toISOString(),
    actualStartAt: a.actualStartAt?.toISOString() ?? null,
    actualEndAt: a.actualEndAt?.toISOString() ?? null,
  };
}

function participantFacts(participants: ParticipantInsert[]) {
  return participants.map((p) => ({ role: p.role, userId: p.userId, personId: p.personId }));
}
