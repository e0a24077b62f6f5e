// Booking: what a detention centre offers (rooms, weekly session templates, rules), the detainee roster,
// the dated sessions lawyers book into, and the bookings. The invariants live in the database
// (migration "booking"): a trigger keeps each session's taken count equal to its live bookings and a CHECK
// keeps it within the online places; exclusion constraints stop a detainee or a lawyer being in two
// overlapping meetings.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser, orgUnit } from '../identity/tables.js';
import { bytea, tstz } from '../../platform/db/columns.js';

/** Per-centre booking rules (seed 003 and DOMAIN.md's per-site examples). */
export const facilitySettings = pgTable(
  'facility_settings',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => orgUnit.id),
    bookingWindowWorkingDays: smallint('booking_window_working_days').notNull().default(5),
    minNoticeHours: smallint('min_notice_hours').notNull().default(2),
    cancellationDeadlineHours: smallint('cancellation_deadline_hours').notNull().default(24),
    strikeThreshold: smallint('strike_threshold').notNull().default(3),
    strikeWindowDays: smallint('strike_window_days').notNull().default(90),
    suspensionDays: smallint('suspension_days').notNull().default(30),
    holdMinutes: smallint('hold_minutes').notNull().default(10),
    /** Fairness cap: live bookings one lawyer may hold for one detainee in one ISO week; null = no cap. */
    maxBookingsPerDetaineePerWeek: smallint('max_bookings_per_detainee_per_week'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('facility_settings_window_check', sql`${t.bookingWindowWorkingDays} between 1 and 30`),
    check('facility_settings_notice_check', sql`${t.minNoticeHours} between 0 and 168`),
    check('facility_settings_cancel_check', sql`${t.cancellationDeadlineHours} between 0 and 168`),
    check(
      'facility_settings_strikes_check',
      sql`${t.strikeThreshold} between 1 and 20 and ${t.strikeWindowDays} between 1 and 365`,
    ),
    check('facility_settings_suspension_check', sql`${t.suspensionDays} between 1 and 365`),
    check('facility_settings_hold_check', sql`${t.holdMinutes} between 1 and 60`),
    check(
      'facility_settings_cap_check',
      sql`${t.maxBookingsPerDetaineePerWeek} is null or ${t.maxBookingsPerDetaineePerWeek} between 1 and 50`,
    ),
  ],
);

/** An in-person meeting room, or a video terminal at the centre for remote meetings. */
export const meetingRoom = pgTable(
  'meeting_room',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('meeting_room_name_unique').on(t.unitId, t.name),
    check('meeting_room_channel_check', sql`${t.channel} in ('in_person','remote')`),
  ],
);

/** A weekly bookable window: Pudong's 5 sessions x 12 places are five rows per weekday. */
export const sessionTemplate = pgTable(
  'session_template',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** ISO weekday, 1 = Monday. */
    weekday: smallint('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    channel: text('channel').notNull(),
    onlinePlaces: smallint('online_places').notNull(),
    /** Kept back for lawyers who come without a booking; never sold online (2015 rules art. 7). */
    walkInPlaces: smallint('walk_in_places').notNull(),
    durations: smallint('durations').array().notNull(),
    /** Set for one-booking-per-room templates (Nanjing: one per room per half-day). */
    roomId: uuid('room_id').references(() => meetingRoom.id),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('session_template_weekday_check', sql`${t.weekday} between 1 and 7`),
    check(
      'session_template_times_check',
      sql`${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.endTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.startTime} < ${t.endTime}`,
    ),
    check('session_template_channel_check', sql`${t.channel} in ('in_person','remote')`),
    check(
      'session_template_places_check',
      sql`${t.onlinePlaces} between 0 and 500 and ${t.walkInPlaces} between 0 and 500`,
    ),
    check('session_template_durations_check', sql`cardinality(${t.durations}) between 1 and 6`),
    index('session_template_unit_idx').on(t.unitId, t.weekday),
  ],
);

/** A dated session, made from a template when first needed. taken = live bookings (trigger-maintained). */
export const bookingSession = pgTable(
  'booking_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    templateId: uuid('template_id').references(() => sessionTemplate.id),
    date: date('date', { mode: 'string' }).notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    channel: text('channel').notNull(),
    onlinePlaces: smallint('online_places').notNull(),
    walkInPlaces: smallint('walk_in_places').notNull(),
    durations: smallint('durations').array().notNull(),
    roomId: uuid('room_id').references(() => meetingRoom.id),
    taken: smallint('taken').notNull().default(0),
  },
  (t) => [
    unique('booking_session_template_date_unique').on(t.templateId, t.date),
    check('booking_session_capacity_check', sql`${t.taken} between 0 and ${t.onlinePlaces}`),
    check('booking_session_span_check', sql`${t.startsAt} < ${t.endsAt}`),
    index('booking_session_unit_date_idx').on(t.unitId, t.date),
  ],
);

/** The centre's roster. ID numbers are kept sealed, with a keyed hash to match a lawyer's entry exactly. */
export const detainee = pgTable(
  'detainee',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    name: text('name').notNull(),
    idNoHash: text('id_no_hash').notNull(),
    idNoSealed: text('id_no_sealed').notNull(),
    /** First six characters (the region code), for masked display as 110105********1234. */
    idNoHead: text('id_no_head').notNull().default(''),
    /** Last four characters, for staff lists that must not show the whole number. */
    idNoTail: text('id_no_tail').notNull(),
    status: text('status').notNull().default('in_custody'),
    /** National security or terrorism, investigation stage: bookings wait for a permission (CPL 39 ¶3). */
    restrictedCase: boolean('restricted_case').notNull().default(false),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('detainee_id_no_unique').on(t.unitId, t.idNoHash),
    check('detainee_status_check', sql`${t.status} in ('in_custody','released','transferred')`),
  ],
);

export const BOOKING_STATUSES = [
  'held',
  'confirmed',
  'awaiting_permission',
  'expired',
  'cancelled',
  'cancelled_late',
  'cancelled_by_centre',
  'attended',
  'no_show',
] as const;

/** Statuses that occupy a place and the people's time. */
export const LIVE_BOOKING_STATUSES = ['held', 'confirmed', 'awaiting_permission'] as const;

export const booking = pgTable(
  'booking',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bookingSession.id),
    /** Null while the lawyer is still choosing the client during a hold. */
    detaineeId: uuid('detainee_id').references(() => detainee.id),
    /** The lawyer the booking is for (the principal when an assistant entered it). */
    bookedBy: uuid('booked_by')
      .notNull()
      .references(() => appUser.id),
    /** The assistant who entered it on the lawyer's behalf; null when the lawyer did. */
    enteredBy: uuid('entered_by').references(() => appUser.id),
    status: text('status').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    holdExpiresAt: tstz('hold_expires_at'),
    idempotencyKey: text('idempotency_key'),
    createdAt: tstz('created_at').notNull(),
    confirmedAt: tstz('confirmed_at'),
    cancelledAt: tstz('cancelled_at'),
    cancelledBy: uuid('cancelled_by').references(() => appUser.id),
    cancelReason: text('cancel_reason'),
    /** Staff who confirmed the permission decision of a restricted case (awaiting_permission -> confirmed). */
    permissionConfirmedBy: uuid('permission_confirmed_by').references(() => appUser.id),
    permissionConfirmedAt: tstz('permission_confirmed_at'),
  },
  (t) => [
    unique('booking_idempotency_unique').on(t.bookedBy, t.idempotencyKey),
    check(
      'booking_status_check',
      sql`${t.status} in ('held','confirmed','awaiting_permission','expired','cancelled','cancelled_late','cancelled_by_centre','attended','no_show')`,
    ),
    check('booking_span_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('booking_hold_check', sql`(${t.status} = 'held') = (${t.holdExpiresAt} is not null)`),
    // A hold may lapse or be cancelled before a client was named; anything that went ahead has one.
    check(
      'booking_has_detainee_check',
      sql`${t.status} not in ('confirmed','awaiting_permission','attended','no_show','cancelled_late') or ${t.detaineeId} is not null`,
    ),
    index('booking_session_idx').on(t.sessionId, t.status),
    index('booking_booked_by_idx').on(t.bookedBy, t.startsAt),
    index('booking_detainee_idx').on(t.detaineeId, t.startsAt),
  ],
);

/** The lawyers of a meeting (the booker and at most one co-counsel), with the span mirrored for overlap checks. */
export const bookingLawyer = pgTable(
  'booking_lawyer',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => booking.id),
    lawyerUserId: uuid('lawyer_user_id')
      .notNull()
      .references(() => appUser.id),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    live: boolean('live').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.lawyerUserId] }),
    index('booking_lawyer_user_idx').on(t.lawyerUserId),
  ],
);

/** Dates a centre closes beyond the public holidays (works, an emergency). */
export const facilityClosedDate = pgTable(
  'facility_closed_date',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.date] })],
);

export const CLIENT_DOCUMENT_KINDS = [
  'power_of_attorney',
  'legal_aid_letter',
  'firm_letter',
  'permission_decision',
] as const;

/**
 * A document a lawyer hands a centre for one client (授权委托书 or 法律援助公函, 律师事务所证明, and in a
 * restricted case the investigating organ's permission decision). Kept for reuse on the same client's later
 * bookings; the bytes stay in the database until the blob store arrives.
 */
export const clientDocument = pgTable(
  'client_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    detaineeId: uuid('detainee_id')
      .notNull()
      .references(() => detainee.id),
    lawyerUserId: uuid('lawyer_user_id')
      .notNull()
      .references(() => appUser.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** Sniffed from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: bytea('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    check(
      'client_document_kind_check',
      sql`${t.kind} in ('power_of_attorney','legal_aid_letter','firm_letter','permission_decision')`,
    ),
    check(
      'client_document_type_check',
      sql`${t.contentType} in ('image/jpeg','image/png','application/pdf')`,
    ),
    check(
      'client_document_size_check',
      sql`${t.byteSize} between 1 and 10485760 and ${t.byteSize} = length(${t.content})`,
    ),
    check('client_document_hash_check', sql`length(${t.sha256}) = 32`),
    check('client_document_name_check', sql`length(${t.fileName}) between 1 and 200`),
    index('client_document_owner_idx').on(t.lawyerUserId, t.detaineeId, t.kind),
  ],
);

/** The documents a booking was made with (the same document may serve many bookings of one client). */
export const bookingDocument = pgTable(
  'booking_document',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => booking.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => clientDocument.id),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.documentId] })],
);

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'lapsed', 'withdrawn', 'closed'] as const;

/**
 * A lawyer waiting for a place in a full session. A freed place is offered to the earliest waiting entry as
 * a hold (offer_booking_id) that counts against capacity like any other; completing it books, letting it
 * lapse passes the place on.
 */
export const waitlistEntry = pgTable(
  'waitlist_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bookingSession.id),
    lawyerUserId: uuid('lawyer_user_id')
      .notNull()
      .references(() => appUser.id),
    durationMinutes: smallint('duration_minutes').notNull(),
    status: text('status').notNull().default('waiting'),
    offerBookingId: uuid('offer_booking_id').references(() => booking.id),
    offeredAt: tstz('offered_at'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check(
      'waitlist_entry_status_check',
      sql`${t.status} in ('waiting','offered','booked','lapsed','withdrawn','closed')`,
    ),
    check(
      'waitlist_entry_offer_check',
      sql`(${t.status} in ('offered','booked')) <= (${t.offerBookingId} is not null and ${t.offeredAt} is not null)`,
    ),
    // One live place in the queue per lawyer and session.
    uniqueIndex('waitlist_entry_live_idx')
      .on(t.sessionId, t.lawyerUserId)
      .where(sql`${t.status} in ('waiting','offered')`),
    index('waitlist_entry_queue_idx').on(t.sessionId, t.status, t.createdAt),
    index('waitlist_entry_lawyer_idx').on(t.lawyerUserId, t.status),
  ],
);

/** A lawyer's private calendar feed: the URL carries a random token, only its hash is kept. */
export const calendarFeed = pgTable(
  'calendar_feed',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => appUser.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [unique('calendar_feed_token_unique').on(t.tokenHash)],
);

/**
 * A year of the State Council's holiday arrangement added by an administrator, for years the built-in data
 * does not cover; checked by the calendar's yearDataSchema before it is stored.
 */
export const holidayYear = pgTable(
  'holiday_year',
  {
    year: smallint('year').primaryKey(),
    data: jsonb('data').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => appUser.id),
    addedAt: tstz('added_at').notNull(),
  },
  (t) => [check('holiday_year_range_check', sql`${t.year} between 2000 and 2100`)],
);
