// Lawyers: self-registration with a verified mobile number and a licence photo, the centre staff's review,
// assistants linked to a lawyer, and the strikes and suspensions of online booking at a centre. What the
// database can keep true is kept here (uniques, checks); the strike and suspension rows are written by the
// trigger of migration "lawyer-strikes" in the transaction that changes a booking's status.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, tstz } from '../../platform/db/columns.js';
import { appUser, orgUnit } from '../identity/tables.js';
import { booking } from '../booking/tables.js';

/**
 * A licence photo (or scan), kept in the database until the blob store arrives; reached only through
 * LicenceDocumentStore, so moving the bytes elsewhere changes one class.
 */
export const lawyerDocument = pgTable(
  'lawyer_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Sniffed from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: bytea('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check(
      'lawyer_document_type_check',
      sql`${t.contentType} in ('image/jpeg','image/png','application/pdf')`,
    ),
    check(
      'lawyer_document_size_check',
      sql`${t.byteSize} between 1 and 5242880 and ${t.byteSize} = length(${t.content})`,
    ),
    check('lawyer_document_hash_check', sql`length(${t.sha256}) = 32`),
  ],
);

/**
 * What a registered lawyer declared and where their review stands. Lawyers an administrator created have no
 * row: the administrator vouched for them, and they count as approved.
 */
export const lawyerProfile = pgTable(
  'lawyer_profile',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => appUser.id),
    licenceNo: text('licence_no').notNull(),
    /** Keyed hash of the ID number, for the one-person-one-account check without the number in clear. */
    idNoHash: text('id_no_hash').notNull(),
    idNoSealed: text('id_no_sealed').notNull(),
    /** The 11 digits, for the review's messages. */
    mobile: text('mobile').notNull(),
    /** Language of the messages the lawyer receives. */
    locale: text('locale').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => lawyerDocument.id),
    status: text('status').notNull(),
    rejectionReason: text('rejection_reason'),
    submittedAt: tstz('submitted_at').notNull(),
    reviewedAt: tstz('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    unique('lawyer_profile_licence_no_unique').on(t.licenceNo),
    unique('lawyer_profile_id_no_unique').on(t.idNoHash),
    check('lawyer_profile_status_check', sql`${t.status} in ('pending','approved','rejected')`),
    check('lawyer_profile_locale_check', sql`${t.locale} in ('zh-CN','en')`),
    check(
      'lawyer_profile_review_check',
      sql`(${t.status} = 'rejected') = (${t.rejectionReason} is not null) and (${t.status} = 'pending') = (${t.reviewedAt} is null)`,
    ),
    index('lawyer_profile_status_idx').on(t.status, t.submittedAt),
  ],
);

/** A one-time code sent to a mobile number. Only a keyed hash of the code is kept. */
export const mobileVerification = pgTable(
  'mobile_verification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mobile: text('mobile').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    /** Wrong codes entered; at the limit the code is dead even for the right digits. */
    failedAttempts: smallint('failed_attempts').notNull().default(0),
    createdAt: tstz('created_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    consumedAt: tstz('consumed_at'),
  },
  (t) => [
    check('mobile_verification_purpose_check', sql`${t.purpose} in ('lawyer_registration')`),
    check('mobile_verification_attempts_check', sql`${t.failedAttempts} between 0 and 100`),
    index('mobile_verification_mobile_idx').on(t.mobile, t.purpose, t.createdAt),
  ],
);

/**
 * An assistant books for one lawyer (the principal). The link is offered by the lawyer and holds once the
 * assistant confirms; either may end it. An assistant serves one lawyer at a time.
 */
export const lawyerAssistant = pgTable(
  'lawyer_assistant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    principalUserId: uuid('principal_user_id')
      .notNull()
      .references(() => appUser.id),
    assistantUserId: uuid('assistant_user_id')
      .notNull()
      .references(() => appUser.id),
    invitedAt: tstz('invited_at').notNull(),
    confirmedAt: tstz('confirmed_at'),
    endedAt: tstz('ended_at'),
    endedBy: uuid('ended_by').references(() => appUser.id),
  },
  (t) => [
    check('lawyer_assistant_self_check', sql`${t.principalUserId} <> ${t.assistantUserId}`),
    uniqueIndex('lawyer_assistant_one_principal_idx')
      .on(t.assistantUserId)
      .where(sql`${t.endedAt} is null`),
    index('lawyer_assistant_principal_idx').on(t.principalUserId),
  ],
);

/** A late cancellation or a no-show, one row per lawyer of the meeting (written by the trigger). */
export const lawyerStrike = pgTable(
  'lawyer_strike',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lawyerUserId: uuid('lawyer_user_id')
      .notNull()
      .references(() => appUser.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => booking.id),
    kind: text('kind').notNull(),
    /** When the cancellation came, or when the missed meeting was to start. */
    occurredAt: tstz('occurred_at').notNull(),
  },
  (t) => [
    unique('lawyer_strike_booking_unique').on(t.bookingId, t.lawyerUserId),
    check('lawyer_strike_kind_check', sql`${t.kind} in ('cancelled_late','no_show')`),
    index('lawyer_strike_lawyer_idx').on(t.lawyerUserId, t.unitId, t.occurredAt),
  ],
);

/**
 * Online booking at one centre suspended for one lawyer, from the strike that reached the threshold. The
 * strikes up to `startsAt` are spent on it: the next suspension needs a full count of new ones.
 */
export const lawyerSuspension = pgTable(
  'lawyer_suspension',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lawyerUserId: uuid('lawyer_user_id')
      .notNull()
      .references(() => appUser.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    /** The centre's rule when it was applied: strikes counted, threshold and window. */
    strikeCount: smallint('strike_count').notNull(),
    strikeThreshold: smallint('strike_threshold').notNull(),
    strikeWindowDays: smallint('strike_window_days').notNull(),
    appeal: text('appeal'),
    appealedAt: tstz('appealed_at'),
    liftedAt: tstz('lifted_at'),
    liftedBy: uuid('lifted_by').references(() => appUser.id),
    liftReason: text('lift_reason'),
  },
  (t) => [
    check('lawyer_suspension_span_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('lawyer_suspension_appeal_check', sql`(${t.appeal} is null) = (${t.appealedAt} is null)`),
    check(
      'lawyer_suspension_lift_check',
      sql`(${t.liftedAt} is null) = (${t.liftedBy} is null) and (${t.liftedAt} is null) = (${t.liftReason} is null)`,
    ),
    index('lawyer_suspension_lawyer_idx').on(t.lawyerUserId, t.unitId, t.startsAt),
    index('lawyer_suspension_unit_idx').on(t.unitId, t.endsAt),
  ],
);
