// Request and response shapes of the identity API, shared by the routes and the web UI.
import { z } from 'zod';
import { ROLES, UNIT_KINDS } from './roles.js';

export const roleSchema = z.enum(ROLES);
export const unitKindSchema = z.enum(UNIT_KINDS);

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, underscore and hyphen only');

/** At least 12 characters: long passphrases beat composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z.string().min(12).max(256);

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

/**
 * Where a session stands on the second factor:
 * - not_required: a lawyer's session, complete after the password;
 * - enrolment_required: staff who have never enrolled TOTP must do so before anything else;
 * - required: staff who have enrolled must enter a code;
 * - done: the second factor was passed in this session.
 */
export const secondFactorStateSchema = z.enum(['not_required', 'enrolment_required', 'required', 'done']);
export type SecondFactorState = z.infer<typeof secondFactorStateSchema>;

export const unitSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string(),
  kind: unitKindSchema,
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  unit: unitSummarySchema,
});

export const sessionSchema = z.object({
  user: sessionUserSchema,
  secondFactor: secondFactorStateSchema,
  /** Set for accounts whose password an admin issued: the user must choose their own before anything else. */
  passwordChangeRequired: z.boolean(),
  /** Echo in the x-csrf-token header of every state-changing request. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});

export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const userStatusSchema = z.enum(['active', 'disabled', 'locked']);

export const userViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  unit: unitSummarySchema,
  roles: z.array(roleSchema),
  status: userStatusSchema,
  totpEnrolled: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  unitId: z.uuid(),
  roles: z.array(roleSchema).min(1).max(5),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const listUsersQuerySchema = z.object({
  unitId: z.uuid().optional(),
  q: z.string().trim().max(64).optional(),
});

export const orgUnitViewSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  nameEn: z.string(),
  kind: unitKindSchema,
  code: z.string(),
});
export type OrgUnitView = z.infer<typeof orgUnitViewSchema>;
