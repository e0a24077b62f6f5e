// Cases: opening one with its persons, the officers on it, its status, and the case as its page shows it.
// Every change is checked against the handling unit first and audited in its own transaction.
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { isUniqueViolation } from '../booking/constraint-errors.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import { REGION_KINDS, type UnitKind } from '../identity/roles.js';
import { context } from './audit-context.js';
import { caseRead, presentCase, presentListItem, type CaseReadModel } from './case-view.js';
import {
  activityNotFound,
  caseClosed,
  caseNoTaken,
  caseNotFound,
  handlingUnitNotWorking,
  notAnOfficer,
  personIdNoTaken,
  recordingsMissing,
  unitNotFound,
  wrongCaseStatus,
} from './errors.js';
import type { CasesIdentityPort } from './identity-port.js';
import type { CaseStatus } from './kinds.js';
import {
  caseScopes,
  requireCaseOfficerReach,
  requireCaseReader,
  requireReviewerReach,
} from './case-policy.js';
import { idNoHashOf, storeIdNo } from './person-id-no.js';
import type { SealedRecordingCounts } from './recording-counts.js';
import type { ActivityRow, CaseRepository, CaseWithUnit } from './repository.js';
import type { CaseListItem, CaseView, CreateCaseRequest, PersonInput, PersonView } from './schemas.js';
import { maskedIdNo } from './person-id-no.js';

/** Who may move a case from one status to another (seed 001 art. 27: the case goes to legal review). */
const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseStatus, 'case_officer' | 'reviewer'>>> = {
  open: { under_review: 'case_officer', closed: 'case_officer' },
  under_review: { open: 'reviewer', closed: 'reviewer' },
  closed: {},
};

export class CaseService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: CaseRepository,
    private readonly identity: CasesIdentityPort,
    private readonly recordings: SealedRecordingCounts,
    private readonly secrets: SecretBox,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateCaseRequest, ctx: RequestContext): Promise<CaseView> {
    requireRole(actor, 'case_officer');
    const handling = input.handlingUnitId
      ? await this.identity.unit(this.db, input.handlingUnitId)
      : await this.identity.unit(this.db, actor.unit.id);
    if (!handling) throw unitNotFound();
    requireCaseOfficerReach(actor, handling.path);
    if (REGION_KINDS.includes(handling.kind as UnitKind)) throw handlingUnitNotWorking();
    const issuing = input.issuingUnitId ? await this.identity.unit(this.db, input.issuingUnitId) : handling;
    if (!issuing) throw unitNotFound();
    const hashes = input.persons.filter((p) => p.idNo).map((p) => idNoHashOf(this.secrets, p.idNo!));
    if (new Set(hashes).size !== hashes.length) throw personIdNoTaken();

    const now = this.clock.now();
    try {
      const id = await this.tx.run(async (tx) => {
        if (await this.repo.caseByNo(tx, issuing.id, input.caseNo)) throw caseNoTaken();
        const row = await this.repo.insertCase(tx, {
          caseNo: input.caseNo,
          issuingUnitId: issuing.id,
          handlingUnitId: handling.id,
          kind: input.kind,
          title: input.title,
          status: 'open',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await this.repo.addOfficer(tx, { caseId: row.id, userId: actor.userId, assignedAt: now });
        const personIds: string[] = [];
        for (const person of input.persons) personIds.push((await this.insertPerson(tx, row.id, person)).id);
        await this.audit.record(tx, context(actor, ctx), {
          action: 'case.created',
          subject: { type: 'case', id: row.id },
          unitId: handling.id,
          payload: {
            caseNo: row.caseNo,
            kind: row.kind,
            title: row.title,
            issuingUnitId: issuing.id,
            handlingUnitId: handling.id,
            // Who is in the case, by role; names and ID numbers stay out of the permanent log.
            persons: input.persons.map((p, i) => ({ id: personIds[i], role: p.role })),
          },
        });
        return row.id;
      });
      return this.view(actor, id);
    } catch (error) {
      if (isUniqueViolation(error, 'case_file_case_no_unique')) throw caseNoTaken();
      throw error;
    }
  }

  async list(
    actor: Actor,
    filter: { status?: CaseStatus; search?: string; limit: number },
  ): Promise<CaseListItem[]> {
    requireRole(actor, 'case_officer', 'custodian', 'reviewer', 'supervisor');
    const rows = await this.repo.casesWithin(this.db, caseScopes(actor), filter);
    const counts = await this.repo.activityCounts(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentListItem(r, counts.get(r.id)?.activities ?? 0));
  }

  async view(actor: Actor, caseId: string): Promise<CaseView> {
    const row = await this.readable(actor, caseId);
    const model: CaseReadModel = await caseRead(this.db, this.repo, this.identity, this.recordings, row);
    return presentCase(model, this.clock.now());
  }

  /** The case if the actor may read it: 404 if there is none, 403 if it is out of their reach. */
  async readable(actor: Actor, caseId: string): Promise<CaseWithUnit> {
    const row = await this.repo.caseById(this.db, caseId);
    if (!row) throw caseNotFound();
    requireCaseReader(actor, row.handlingUnitPath);
    return row;
  }

  /** The case if the actor is a case officer who may change it, and it is not closed. */
  async changeable(actor: Actor, caseId: string): Promise<CaseWithUnit> {
    const row = await this.repo.caseById(this.db, caseId);
    if (!row) throw caseNotFound();
    requireCaseOfficerReach(actor, row.handlingUnitPath);
    if (row.status === 'closed') throw caseClosed();
    return row;
  }

  /** The activity a recording is filed under, and its case, if the actor may add to the case. */
  async activityForUpload(
    actor: Actor,
    activityId: string,
  ): Promise<{ caseRow: CaseWithUnit; activity: ActivityRow }> {
    const activity = await this.repo.activityById(this.db, activityId);
    if (!activity) throw activityNotFound();
    return { caseRow: await this.changeable(actor, activity.caseId), activity };
  }

  async changeStatus(actor: Actor, caseId: string, to: CaseStatus, ctx: RequestContext): Promise<CaseView> {
    const row = await this.repo.caseById(this.db, caseId);
    if (!row) throw caseNotFound();
    const from = row.status as CaseStatus;
    requireCaseReader(actor, row.handlingUnitPath);
    const who = TRANSITIONS[from][to];
    if (!who) throw wrongCaseStatus(from, to);
    if (who === 'reviewer') requireReviewerReach(actor, row.handlingUnitPath);
    else requireCaseOfficerReach(actor, row.handlingUnitPath);
    if (to === 'under_review') {
      // Seed 001 art. 7: recordings are uploaded before the case is sent for legal review.
      const view = await this.view(actor, caseId);
      if (view.missingRecordings.length > 0) throw recordingsMissing(view.missingRecordings);
    }
    await this.tx.run(async (tx) => {
      const locked = await this.repo.lockCase(tx, caseId);
      if (locked?.status !== from) throw wrongCaseStatus(locked?.status ?? from, to);
      await this.repo.setStatus(tx, caseId, to, this.clock.now());
      await this.audit.record(tx, context(actor, ctx), {
        action: 'case.status_changed',
        subject: { type: 'case', id: caseId },
        unitId: row.handlingUnitId,
        payload: { caseNo: row.caseNo, from, to },
      });
    });
    return this.view(actor, caseId);
  }

  async addOfficer(actor: Actor, caseId: string, userId: string, ctx: RequestContext): Promise<CaseView> {
    const row = await this.changeable(actor, caseId);
    const user = await this.identity.user(this.db, userId);
    // Only a case officer who works in the handling unit (or below it) may be put on its case.
    if (
      !user?.active ||
      !user.roles.includes('case_officer') ||
      !user.unitPath.startsWith(row.handlingUnitPath)
    ) {
      throw notAnOfficer();
    }
    await this.tx.run(async (tx) => {
      const added = await this.repo.addOfficer(tx, {
        caseId,
        userId,
        assignedBy: actor.userId,
        assignedAt: this.clock.now(),
      });
      if (!added) return;
      await this.audit.record(tx, context(actor, ctx), {
        action: 'case.officer_added',
        subject: { type: 'case', id: caseId },
        unitId: row.handlingUnitId,
        payload: { caseNo: row.caseNo, userId },
      });
    });
    return this.view(actor, caseId);
  }

  async addPerson(
    actor: Actor,
    caseId: string,
    input: PersonInput,
    ctx: RequestContext,
  ): Promise<PersonView> {
    const row = await this.changeable(actor, caseId);
    try {
      return await this.tx.run(async (tx) => {
        const person = await this.insertPerson(tx, caseId, input);
        await this.audit.record(tx, context(actor, ctx), {
          action: 'case.person_added',
          subject: { type: 'case', id: caseId },
          unitId: row.handlingUnitId,
          payload: { caseNo: row.caseNo, personId: person.id, role: person.role },
        });
        return {
          id: person.id,
          role: input.role,
          name: person.name,
          idNoMasked: maskedIdNo(person.idNoHead, person.idNoTail),
        };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'case_person_id_no_idx')) throw personIdNoTaken();
      throw error;
    }
  }

  /** Ids of the cases with this number (any issuing unit) or this id: for operators' tools (the CLI). */
  async idsByNoOrId(caseNoOrId: string): Promise<string[]> {
    if (/^[0-9a-f-]{36}$/i.test(caseNoOrId)) {
      const row = await this.repo.caseById(this.db, caseNoOrId.toLowerCase());
      if (row) return [row.id];
    }
    return (await this.repo.casesByNo(this.db, caseNoOrId.trim().toUpperCase())).map((c) => c.id);
  }

  /** The handling unit of a case, for the unit of audit events about its evidence (no access check). */
  async handlingUnitOf(caseId: string): Promise<string | undefined> {
    return (await this.repo.caseById(this.db, caseId))?.handlingUnitId;
  }

  /** Ids of the case's officers: the custodian of its recordings must not be one (seed 001 art. 16). */
  async officerIds(db: Executor, caseId: string): Promise<string[]> {
    return (await this.repo.officers(db, caseId)).map((o) => o.userId);
  }

  private async insertPerson(tx: Executor, caseId: string, input: PersonInput) {
    const stored = input.idNo ? storeIdNo(this.secrets, input.idNo) : undefined;
    if (stored && (await this.repo.personByIdNoHash(tx, caseId, stored.idNoHash))) throw personIdNoTaken();
    return this.repo.insertPerson(tx, {
      caseId,
      role: input.role,
      name: input.name,
      ...(stored ?? {}),
      createdAt: this.clock.now(),
    });
  }
}
