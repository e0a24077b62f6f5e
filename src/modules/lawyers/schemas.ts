// Request and response shapes of the lawyers API, shared with the web UI (browser-safe).
import { z } from 'zod';
import { newPasswordSchema, usernameSchema } from '../identity/schemas.js';
import { idNoSchema } from './id-number.js';
import { licenceNoSchema } from './licence-number.js';
import { licencePhotoSchema } from './licence-photo.js';
import { mobileSchema } from './mobile-number.js';

export const LAWYER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type LawyerStatus = (typeof LAWYER_STATUSES)[number];

export const messageLocaleSchema = z.enum(['zh-CN', 'en']);

export const verificationCodeRequestSchema = z.object({
  mobile: mobileSchema,
  /** The language of the text message. */
  locale: messageLocaleSchema.default('zh-CN'),
});
export type VerificationCodeRequest = z.infer<typeof verificationCodeRequestSchema>;

export const verificationCodeSentSchema = z.object({
  expiresAt: z.iso.datetime(),
  /** When another code may be asked for, and how many seconds that is from now (for a countdown). */
  resendAfter: z.iso.datetime(),
  resendAfterSeconds: z.number().int(),
});
export type VerificationCodeSent = z.infer<typeof verificationCodeSentSchema>;

const nameSchema = z.string().trim().min(2).max(50);
const firmNameSchema = z.string().trim().min(4).max(100);

/** What a lawyer declares about themselves; shared by registration and resubmission. */
const declarationShape = {
  name: nameSchema,
  licenceNo: licenceNoSchema,
  idNo: idNoSchema,
  firmName: firmNameSchema,
};

export const registrationRequestSchema = z.object({
  ...declarationShape,
  mobile: mobileSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
  username: usernameSchema,
  password: newPasswordSchema,
  /** Base64 of the licence's photo or scan. */
  licencePhoto: licencePhotoSchema,
  locale: messageLocaleSchema.default('zh-CN'),
});
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

/** A rejected lawyer's corrections; a new photo only if the old one was the problem. */
export const resubmissionRequestSchema = z.object({
  ...declarationShape,
  licencePhoto: licencePhotoSchema.optional(),
});
export type ResubmissionRequest = z.infer<typeof resubmissionRequestSchema>;

export const registrationResultSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  status: z.enum(LAWYER_STATUSES),
});

const unitRefSchema = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string() });

export const suspensionViewSchema = z.object({
  id: z.uuid(),
  centre: unitRefSchema,
  lawyer: z.object({ userId: z.uuid(), name: z.string(), username: z.string() }),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  strikeCount: z.number().int(),
  strikeThreshold: z.number().int(),
  strikeWindowDays: z.number().int(),
  appeal: z.string().nullable(),
  appealedAt: z.iso.datetime().nullable(),
  liftedAt: z.iso.datetime().nullable(),
  liftReason: z.string().nullable(),
});
export type SuspensionView = z.infer<typeof suspensionViewSchema>;

export const assistantLinkViewSchema = z.object({
  id: z.uuid(),
  principal: z.object({ userId: z.uuid(), name: z.string(), username: z.string() }),
  assistant: z.object({ userId: z.uuid(), name: z.string(), username: z.string() }),
  invitedAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
});
export type AssistantLinkView = z.infer<typeof assistantLinkViewSchema>;

/** The lawyer's own view in the portal. */
export const lawyerAccountViewSchema = z.object({
  /** False for accounts an administrator created: no registration to review, approved by their word. */
  registered: z.boolean(),
  status: z.enum(LAWYER_STATUSES),
  rejectionReason: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  profile: z
    .object({
      name: z.string(),
      licenceNo: z.string(),
      idNoMasked: z.string(),
      mobileMasked: z.string(),
      firmName: z.string(),
    })
    .nullable(),
  /** Suspensions in force, and lifted or expired ones of the last year. */
  suspensions: z.array(suspensionViewSchema),
  /** Links where the lawyer is the principal, offered or confirmed. */
  assistants: z.array(assistantLinkViewSchema),
  /** The link where the lawyer is someone's assistant, offered or confirmed. */
  assisting: assistantLinkViewSchema.nullable(),
});
export type LawyerAccountView = z.infer<typeof lawyerAccountViewSchema>;

export const reviewItemSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  username: z.string(),
  licenceNo: z.string(),
  idNoMasked: z.string(),
  mobileMasked: z.string(),
  firm: unitRefSchema,
  status: z.enum(LAWYER_STATUSES),
  rejectionReason: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  photo: z.object({ contentType: z.string(), byteSize: z.number().int(), sha256: z.string() }),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewQueueQuerySchema = z.object({
  status: z.enum(LAWYER_STATUSES).default('pending'),
});

export const rejectRequestSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export const appealRequestSchema = z.object({ appeal: z.string().trim().min(2).max(1000) });
export const liftRequestSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export const inviteAssistantRequestSchema = z.object({ username: z.string().trim().min(1).max(64) });
