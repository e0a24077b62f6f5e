// Identity tables: the organisation tree, users with their roles, and server-side sessions.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { tstz } from '../../platform/db/columns.js';

export const orgUnit = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnit.id),
    kind: text('kind').notNull(),
    /** A code unique across the platform: the administrative division code for regions, a unit code below. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** Materialised path of ids ('/root/.../self/'), so "this unit and those below it" is one prefix match. */
    path: text('path').notNull().unique(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'org_unit_kind_check',
      sql`${t.kind} in ('province','city','district','detention_centre','police_station','case_handling_centre','legal_department','procuratorate','court','law_firm')`,
    ),
    index('org_unit_parent_idx').on(t.parentId),
  ],
);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangeRequired: boolean('password_change_required').notNull().default(false),
    passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
    status: text('status').notNull().default('active'),
    /** TOTP secret sealed with the instance secret key (AES-256-GCM); null until enrolled. */
    totpSecretSealed: text('totp_secret_sealed'),
    totpEnrolledAt: tstz('totp_enrolled_at'),
    /** Last accepted TOTP time step: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    lastLoginAt: tstz('last_login_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('app_user_status_check', sql`${t.status} in ('active','disabled')`),
    check('app_user_failed_login_count_check', sql`${t.failedLoginCount} >= 0`),
    index('app_user_unit_idx').on(t.unitId),
  ],
);

export const userRole = pgTable(
  'user_role',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check(
      'user_role_role_check',
      sql`${t.role} in ('lawyer','centre_staff','station_staff','case_officer','custodian','reviewer','supervisor','external_requester','auditor','admin')`,
    ),
  ],
);

export const userSession = pgTable(
  'user_session',
  {
    /** SHA-256 of the cookie token: a stolen database row cannot be replayed as a cookie. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    secondFactor: text('second_factor').notNull(),
    /** Secret offered during enrolment, sealed; moves to app_user only once a code proves the app has it. */
    pendingTotpSealed: text('pending_totp_sealed'),
    totpFailures: integer('totp_failures').notNull().default(0),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: tstz('created_at').notNull(),
    lastSeenAt: tstz('last_seen_at').notNull(),
    idleExpiresAt: tstz('idle_expires_at').notNull(),
    absoluteExpiresAt: tstz('absolute_expires_at').notNull(),
    endedAt: tstz('ended_at'),
  },
  (t) => [
    check(
      'user_session_second_factor_check',
      sql`${t.secondFactor} in ('not_required','enrolment_required','required','done')`,
    ),
    index('user_session_user_idx').on(t.userId),
    index('user_session_expiry_idx').on(t.absoluteExpiresAt),
  ],
);
