// Cases, the people in them, their officers and their activities. What the database can keep true is kept
// here: a case number once per issuing unit, the kinds and roles, mandatory kinds always needing a recording,
// an activity ending after it starts, and a participant being who their role says.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tstz } from '../../platform/db/columns.js';
import { appUser, orgUnit } from '../identity/tables.js';
import {
  ACTIVITY_KINDS,
  CASE_KINDS,
  CASE_STATUSES,
  MANDATORY_ACTIVITY_KINDS,
  PARTICIPANT_ROLES,
  PERSON_ROLES,
} from './kinds.js';

/** `'a','b'` for a CHECK's IN list, from the constants the code uses. */
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/** "case" is an SQL keyword, hence case_file. */
export const caseFile = pgTable(
  'case_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 案件编号 as the issuing unit wrote it; recordings are filed under it (seed 001 art. 23). */
    caseNo: text('case_no').notNull(),
    /** The unit that issued the number; the same number from two units is two cases. */
    issuingUnitId: uuid('issuing_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** The unit handling the case: its case officers work on it, and regions above it see it. */
    handlingUnitId: uuid('handling_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    unique('case_file_case_no_unique').on(t.issuingUnitId, t.caseNo),
    check('case_file_kind_check', sql`${t.kind} in (${inList(CASE_KINDS)})`),
    check('case_file_status_check', sql`${t.status} in (${inList(CASE_STATUSES)})`),
    check('case_file_case_no_check', sql`${t.caseNo} ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'`),
    index('case_file_handling_unit_idx').on(t.handlingUnitId, t.createdAt),
  ],
);

/** The case officers (办案民警) of a case: the one who opened it and any added since. */
export const caseOfficer = pgTable(
  'case_officer',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    assignedBy: uuid('assigned_by').references(() => appUser.id),
    assignedAt: tstz('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_officer_user_idx').on(t.userId)],
);

/**
 * A suspect, witness or victim. ID numbers are sealed (AES-GCM under the instance key) with a keyed hash
 * for finding the same person twice in a case, and head and tail kept for masked lists. A person without a
 * mainland ID number (a foreigner) has none of the four.
 */
export const casePerson = pgTable(
  'case_person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    idNoHash: text('id_no_hash'),
    idNoSealed: text('id_no_sealed'),
    idNoHead: text('id_no_head'),
    idNoTail: text('id_no_tail'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check('case_person_role_check', sql`${t.role} in (${inList(PERSON_ROLES)})`),
    check(
      'case_person_id_no_check',
      sql`num_nulls(${t.idNoHash}, ${t.idNoSealed}, ${t.idNoHead}, ${t.idNoTail}) in (0, 4)`,
    ),
    uniqueIndex('case_person_id_no_idx')
      .on(t.caseId, t.idNoHash)
      .where(sql`${t.idNoHash} is not null`),
    index('case_person_case_idx').on(t.caseId),
  ],
);

export const caseActivity = pgTable(
  'case_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    kind: text('kind').notNull(),
    /** Always true for the mandatory kinds (the CHECK below); the officer's decision for the others. */
    recordingRequired: boolean('recording_required').notNull(),
    place: text('place').notNull(),
    plannedStartAt: tstz('planned_start_at').notNull(),
    plannedEndAt: tstz('planned_end_at').notNull(),
    actualStartAt: tstz('actual_start_at'),
    actualEndAt: tstz('actual_end_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('case_activity_kind_check', sql`${t.kind} in (${inList(ACTIVITY_KINDS)})`),
    check(
      'case_activity_mandatory_check',
      sql`${t.recordingRequired} or ${t.kind} not in (${inList(MANDATORY_ACTIVITY_KINDS)})`,
    ),
    check('case_activity_planned_check', sql`${t.plannedEndAt} > ${t.plannedStartAt}`),
    check(
      'case_activity_actual_check',
      sql`(${t.actualEndAt} is null or ${t.actualStartAt} is not null) and (${t.actualEndAt} is null or ${t.actualEndAt} > ${t.actualStartAt})`,
    ),
    index('case_activity_case_idx').on(t.caseId, t.plannedStartAt),
  ],
);

/** Who took part: an officer (a user), a person of the case, or someone named (lawyer, interpreter...). */
export const activityParticipant = pgTable(
  'activity_participant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => caseActivity.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    userId: uuid('user_id').references(() => appUser.id),
    personId: uuid('person_id').references(() => casePerson.id),
    /** As shown: the officer's or person's name when added, or the name given. */
    name: text('name').notNull(),
  },
  (t) => [
    check('activity_participant_role_check', sql`${t.role} in (${inList(PARTICIPANT_ROLES)})`),
    check(
      'activity_participant_who_check',
      sql`(${t.role} = 'officer') = (${t.userId} is not null) and (${t.role} in (${inList(PERSON_ROLES)})) = (${t.personId} is not null)`,
    ),
    index('activity_participant_activity_idx').on(t.activityId),
  ],
);
