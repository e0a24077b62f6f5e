// Requests and views of cases, persons and activities; the web UI imports these types and rules too.
import { z } from 'zod';
import { idNoSchema } from '../lawyers/id-number.js';
import {
  ACTIVITY_KINDS,
  CASE_KINDS,
  CASE_STATUSES,
  PARTICIPANT_ROLES,
  PERSON_ROLES,
  RECORDING_STANDINGS,
} from './kinds.js';

/** English field messages of these schemas; their Chinese is in validation-messages.ts. */
export const CASE_MESSAGES = {
  caseNo: 'a case number: up to 40 letters, digits and hyphens',
  officer: 'an officer is chosen from the case officers',
  person: 'choose the person from the case',
  name: 'give the participant’s name',
  endAfterStart: 'the end must be after the start',
  actualStart: 'give the actual start with the end',
} as const;

/** Letters and digits as the issuing unit prints them (e.g. A1301025100002024110001); stored upper-case. */
export const caseNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, CASE_MESSAGES.caseNo);

const instant = z.iso.datetime({ offset: true });

export const personInputSchema = z.object({
  role: z.enum(PERSON_ROLES),
  name: z.string().trim().min(1).max(50),
  /** Optional: a foreign national may have no mainland ID number. */
  idNo: idNoSchema.optional(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const createCaseRequestSchema = z.object({
  caseNo: caseNoSchema,
  kind: z.enum(CASE_KINDS),
  title: z.string().trim().min(1).max(200),
  /** Defaults to the officer's own unit. */
  handlingUnitId: z.uuid().optional(),
  /** Defaults to the handling unit. */
  issuingUnitId: z.uuid().optional(),
  persons: z.array(personInputSchema).max(50).default([]),
});
export type CreateCaseRequest = z.infer<typeof createCaseRequestSchema>;

export const caseListQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  search: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const caseStatusRequestSchema = z.object({ status: z.enum(CASE_STATUSES) });

export const addOfficerRequestSchema = z.object({ userId: z.uuid() });

export const participantInputSchema = z
  .object({
    role: z.enum(PARTICIPANT_ROLES),
    /** For an officer: one of the case's officers. */
    userId: z.uuid().optional(),
    /** For a suspect, witness or victim: a person of the case. */
    personId: z.uuid().optional(),
    /** For a lawyer, interpreter or anyone else. */
    name: z.string().trim().min(1).max(50).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.role === 'officer' && !p.userId) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: CASE_MESSAGES.officer });
    } else if ((PERSON_ROLES as readonly string[]).includes(p.role) && !p.personId) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: CASE_MESSAGES.person });
    } else if (!['officer', ...PERSON_ROLES].includes(p.role) && !p.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: CASE_MESSAGES.name });
    }
  });
export type ParticipantInput = z.infer<typeof participantInputSchema>;

type Times = {
  plannedStartAt?: string;
  plannedEndAt?: string;
  actualStartAt?: string | null;
  actualEndAt?: string | null;
};

/**
 * Times given together must make sense; a change of one time alone is checked against the stored ones by the
 * database's CHECKs instead.
 */
const endsAfterStarts = (a: Times, ctx: z.RefinementCtx, complete: boolean) => {
  if (a.plannedStartAt && a.plannedEndAt && Date.parse(a.plannedEndAt) <= Date.parse(a.plannedStartAt)) {
    ctx.addIssue({ code: 'custom', path: ['plannedEndAt'], message: CASE_MESSAGES.endAfterStart });
  }
  if (complete && a.actualEndAt && !a.actualStartAt) {
    ctx.addIssue({ code: 'custom', path: ['actualStartAt'], message: CASE_MESSAGES.actualStart });
  }
  if (a.actualStartAt && a.actualEndAt && Date.parse(a.actualEndAt) <= Date.parse(a.actualStartAt)) {
    ctx.addIssue({ code: 'custom', path: ['actualEndAt'], message: CASE_MESSAGES.endAfterStart });
  }
};

export const createActivityRequestSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    /** Ignored (always true) for the mandatory kinds; the officer's decision for the others. */
    recordingRequired: z.boolean().default(false),
    place: z.string().trim().min(1).max(200),
    plannedStartAt: instant,
    plannedEndAt: instant,
    actualStartAt: instant.nullable().optional(),
    actualEndAt: instant.nullable().optional(),
    participants: z.array(participantInputSchema).max(30).default([]),
  })
  .superRefine((a, ctx) => endsAfterStarts(a, ctx, true));
export type CreateActivityRequest = z.infer<typeof createActivityRequestSchema>;

/** Every field is optional; times given replace the stored ones, participants given replace the list. */
export const updateActivityRequestSchema = z
  .object({
    recordingRequired: z.boolean().optional(),
    place: z.string().trim().min(1).max(200).optional(),
    plannedStartAt: instant.optional(),
    plannedEndAt: instant.optional(),
    actualStartAt: instant.nullable().optional(),
    actualEndAt: instant.nullable().optional(),
    participants: z.array(participantInputSchema).max(30).optional(),
  })
  .superRefine((a, ctx) => endsAfterStarts(a, ctx, false));
export type UpdateActivityRequest = z.infer<typeof updateActivityRequestSchema>;

// ---- views

const unitRefSchema = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string() });

export const caseListItemSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  handlingUnit: unitRefSchema,
  activityCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const personViewSchema = z.object({
  id: z.uuid(),
  role: z.enum(PERSON_ROLES),
  name: z.string(),
  /** 110105********1234; null for a person without an ID number. */
  idNoMasked: z.string().nullable(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const participantViewSchema = z.object({
  role: z.enum(PARTICIPANT_ROLES),
  userId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  name: z.string(),
});

export const activityViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  /** The kind is one that must always be recorded. */
  mandatoryKind: z.boolean(),
  recordingRequired: z.boolean(),
  place: z.string(),
  plannedStartAt: z.iso.datetime(),
  plannedEndAt: z.iso.datetime(),
  actualStartAt: z.iso.datetime().nullable(),
  actualEndAt: z.iso.datetime().nullable(),
  participants: z.array(participantViewSchema),
  sealedRecordings: z.number().int(),
  /** For an activity that must be recorded: where it stands; null when recording is not required. */
  standing: z.enum(RECORDING_STANDINGS).nullable(),
  /** 24 hours after the activity ended (seed 001 art. 17); null until it has an actual end. */
  uploadDeadline: z.iso.datetime().nullable(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export const caseViewSchema = caseListItemSchema.extend({
  issuingUnit: unitRefSchema,
  officers: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  persons: z.array(personViewSchema),
  activities: z.array(activityViewSchema),
  /** Activities that must be recorded and have no sealed recording yet. */
  missingRecordings: z.array(z.uuid()),
});
export type CaseView = z.infer<typeof caseViewSchema>;
