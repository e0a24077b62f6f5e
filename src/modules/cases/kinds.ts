// The words of a case as DOMAIN.md and seed 001 use them: kinds of case, people, activities and what must be
// recorded. Shared by the tables' checks, the API schemas and the web UI, so they live in one small file.

export const CASE_KINDS = ['criminal', 'administrative'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** open: being handled; under_review: sent to legal review (法制审核); closed: no more activities. */
export const CASE_STATUSES = ['open', 'under_review', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PERSON_ROLES = ['suspect', 'witness', 'victim'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * Activities (执法活动). The first six are seed 001 art. 7's "执法六必录" scenarios; room_interrogation is
 * art. 8 (执法办案区、看守所提讯室); plea_hearing is the procuratorate's plea-leniency hearing and signing
 * (seed 000); remote_interrogation is PSB 352. Questioning a witness or victim is recorded when needed
 * (art. 2 ¶2), and `other` covers the rest: for those two the officer decides (CPL 123 / PSB 208 cases).
 */
export const ACTIVITY_KINDS = [
  'alarm_response',
  'stop_search',
  'interrogation',
  'petition_reception',
  'scene_investigation',
  'inspection',
  'room_interrogation',
  'plea_hearing',
  'remote_interrogation',
  'witness_questioning',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Kinds that are always recorded, whatever the officer says. */
export const MANDATORY_ACTIVITY_KINDS: readonly ActivityKind[] = ACTIVITY_KINDS.filter(
  (k) => k !== 'witness_questioning' && k !== 'other',
);

export function isRecordingMandatory(kind: ActivityKind): boolean {
  return MANDATORY_ACTIVITY_KINDS.includes(kind);
}

export const PARTICIPANT_ROLES = [
  'officer',
  'suspect',
  'witness',
  'victim',
  'lawyer',
  'interpreter',
  'other',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Seed 001 art. 17: the recording reaches the custodian within 24 hours of the activity's end. */
export const UPLOAD_DEADLINE_HOURS = 24;

/** Where a mandatory activity stands with its recording. */
export const RECORDING_STANDINGS = ['recorded', 'not_finished', 'awaiting_upload', 'overdue'] as const;
export type RecordingStanding = (typeof RECORDING_STANDINGS)[number];
