// The case as its page shows it: persons masked, activities with their participants, and for each activity
// that must be recorded whether a sealed recording exists and when its upload is due.
import type { Executor } from '../../platform/db/database.js';
import type { CasesIdentityPort } from './identity-port.js';
import { isRecordingMandatory, type ActivityKind, type CaseKind, type CaseStatus } from './kinds.js';
import { maskedIdNo } from './person-id-no.js';
import type { SealedRecordingCounts } from './recording-counts.js';
import type { ActivityRow, CaseRepository, CaseWithUnit, ParticipantRow, PersonRow } from './repository.js';
import type { ActivityView, CaseListItem, CaseView, PersonView } from './schemas.js';
import { recordingStanding, uploadDeadline } from './standing.js';

export interface CaseReadModel {
  row: CaseWithUnit;
  issuingUnit: { id: string; name: string; nameEn: string };
  officers: { userId: string; displayName: string }[];
  persons: PersonRow[];
  activities: ActivityRow[];
  participants: ParticipantRow[];
  sealed: Map<string, number>;
}

export async function caseRead(
  db: Executor,
  repo: CaseRepository,
  identity: CasesIdentityPort,
  recordings: SealedRecordingCounts,
  row: CaseWithUnit,
): Promise<CaseReadModel> {
  const issuing = await identity.unit(db, row.issuingUnitId);
  const activities = await repo.activities(db, row.id);
  return {
    row,
    issuingUnit: issuing
      ? { id: issuing.id, name: issuing.name, nameEn: issuing.nameEn }
      : { id: row.issuingUnitId, name: '', nameEn: '' },
    officers: await repo.officers(db, row.id),
    persons: await repo.persons(db, row.id),
    activities,
    participants: await repo.participants(
      db,
      activities.map((a) => a.id),
    ),
    sealed: await recordings.sealedByActivity(db, row.id),
  };
}

export function presentListItem(row: CaseWithUnit, activityCount: number): CaseListItem {
  return {
    id: row.id,
    caseNo: row.caseNo,
    kind: row.kind as CaseKind,
    title: row.title,
    status: row.status as CaseStatus,
    handlingUnit: { id: row.handlingUnitId, name: row.handlingUnitName, nameEn: row.handlingUnitNameEn },
    activityCount,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentPerson(p: PersonRow): PersonView {
  return {
    id: p.id,
    role: p.role as PersonView['role'],
    name: p.name,
    idNoMasked: maskedIdNo(p.idNoHead, p.idNoTail),
  };
}

export function presentActivity(
  a: ActivityRow,
  participants: ParticipantRow[],
  sealedRecordings: number,
  now: Date,
): ActivityView {
  const deadline = a.recordingRequired ? uploadDeadline(a.actualEndAt) : null;
  return {
    id: a.id,
    kind: a.kind as ActivityKind,
    mandatoryKind: isRecordingMandatory(a.kind as ActivityKind),
    recordingRequired: a.recordingRequired,
    place: a.place,
    plannedStartAt: a.plannedStartAt.toISOString(),
    plannedEndAt: a.plannedEndAt.toISOString(),
    actualStartAt: a.actualStartAt?.toISOString() ?? null,
    actualEndAt: a.actualEndAt?.toISOString() ?? null,
    participants: participants
      .filter((p) => p.activityId === a.id)
      .map((p) => ({
        role: p.role as ActivityView['participants'][number]['role'],
        userId: p.userId,
        personId: p.personId,
        name: p.name,
      })),
    sealedRecordings,
    standing: recordingStanding(a, sealedRecordings, now),
    uploadDeadline: deadline?.toISOString() ?? null,
  };
}

export function presentCase(model: CaseReadModel, now: Date): CaseView {
  const activities = model.activities.map((a) =>
    presentActivity(a, model.participants, model.sealed.get(a.id) ?? 0, now),
  );
  return {
    ...presentListItem(model.row, activities.length),
    issuingUnit: model.issuingUnit,
    officers: model.officers,
    persons: model.persons.map(presentPerson),
    activities,
    missingRecordings: activities
      .filter((a) => a.recordingRequired && a.sealedRecordings === 0)
      .map((a) => a.id),
  };
}
