CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"detainee_id" uuid,
	"booked_by" uuid NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	CONSTRAINT "booking_idempotency_unique" UNIQUE("booked_by","idempotency_key"),
	CONSTRAINT "booking_status_check" CHECK ("booking"."status" in ('held','confirmed','awaiting_permission','expired','cancelled','cancelled_late','cancelled_by_centre','attended','no_show')),
	CONSTRAINT "booking_span_check" CHECK ("booking"."starts_at" < "booking"."ends_at"),
	CONSTRAINT "booking_hold_check" CHECK (("booking"."status" = 'held') = ("booking"."hold_expires_at" is not null)),
	CONSTRAINT "booking_has_detainee_check" CHECK ("booking"."status" not in ('confirmed','awaiting_permission','attended','no_show','cancelled_late') or "booking"."detainee_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "booking_lawyer" (
	"booking_id" uuid NOT NULL,
	"lawyer_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"live" boolean NOT NULL,
	CONSTRAINT "booking_lawyer_booking_id_lawyer_user_id_pk" PRIMARY KEY("booking_id","lawyer_user_id")
);
--> statement-breakpoint
CREATE TABLE "booking_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"template_id" uuid,
	"date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"online_places" smallint NOT NULL,
	"walk_in_places" smallint NOT NULL,
	"durations" smallint[] NOT NULL,
	"room_id" uuid,
	"taken" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "booking_session_template_date_unique" UNIQUE("template_id","date"),
	CONSTRAINT "booking_session_capacity_check" CHECK ("booking_session"."taken" between 0 and "booking_session"."online_places"),
	CONSTRAINT "booking_session_span_check" CHECK ("booking_session"."starts_at" < "booking_session"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "detainee" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_no_hash" text NOT NULL,
	"id_no_sealed" text NOT NULL,
	"id_no_tail" text NOT NULL,
	"status" text DEFAULT 'in_custody' NOT NULL,
	"restricted_case" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "detainee_id_no_unique" UNIQUE("unit_id","id_no_hash"),
	CONSTRAINT "detainee_status_check" CHECK ("detainee"."status" in ('in_custody','released','transferred'))
);
--> statement-breakpoint
CREATE TABLE "facility_closed_date" (
	"unit_id" uuid NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_closed_date_unit_id_date_pk" PRIMARY KEY("unit_id","date")
);
--> statement-breakpoint
CREATE TABLE "facility_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"booking_window_working_days" smallint DEFAULT 5 NOT NULL,
	"min_notice_hours" smallint DEFAULT 2 NOT NULL,
	"cancellation_deadline_hours" smallint DEFAULT 24 NOT NULL,
	"strike_threshold" smallint DEFAULT 3 NOT NULL,
	"strike_window_days" smallint DEFAULT 90 NOT NULL,
	"suspension_days" smallint DEFAULT 30 NOT NULL,
	"hold_minutes" smallint DEFAULT 10 NOT NULL,
	"max_bookings_per_detainee_per_week" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_settings_window_check" CHECK ("facility_settings"."booking_window_working_days" between 1 and 30),
	CONSTRAINT "facility_settings_notice_check" CHECK ("facility_settings"."min_notice_hours" between 0 and 168),
	CONSTRAINT "facility_settings_cancel_check" CHECK ("facility_settings"."cancellation_deadline_hours" between 0 and 168),
	CONSTRAINT "facility_settings_strikes_check" CHECK ("facility_settings"."strike_threshold" between 1 and 20 and "facility_settings"."strike_window_days" between 1 and 365),
	CONSTRAINT "facility_settings_suspension_check" CHECK ("facility_settings"."suspension_days" between 1 and 365),
	CONSTRAINT "facility_settings_hold_check" CHECK ("facility_settings"."hold_minutes" between 1 and 60),
	CONSTRAINT "facility_settings_cap_check" CHECK ("facility_settings"."max_bookings_per_detainee_per_week" is null or "facility_settings"."max_bookings_per_detainee_per_week" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "meeting_room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_room_name_unique" UNIQUE("unit_id","name"),
	CONSTRAINT "meeting_room_channel_check" CHECK ("meeting_room"."channel" in ('in_person','remote'))
);
--> statement-breakpoint
CREATE TABLE "session_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"channel" text NOT NULL,
	"online_places" smallint NOT NULL,
	"walk_in_places" smallint NOT NULL,
	"durations" smallint[] NOT NULL,
	"room_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_template_weekday_check" CHECK ("session_template"."weekday" between 1 and 7),
	CONSTRAINT "session_template_times_check" CHECK ("session_template"."start_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "session_template"."end_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "session_template"."start_time" < "session_template"."end_time"),
	CONSTRAINT "session_template_channel_check" CHECK ("session_template"."channel" in ('in_person','remote')),
	CONSTRAINT "session_template_places_check" CHECK ("session_template"."online_places" between 0 and 500 and "session_template"."walk_in_places" between 0 and 500),
	CONSTRAINT "session_template_durations_check" CHECK (cardinality("session_template"."durations") between 1 and 6)
);
--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_session_id_booking_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."booking_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_detainee_id_detainee_id_fk" FOREIGN KEY ("detainee_id") REFERENCES "public"."detainee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_booked_by_app_user_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_cancelled_by_app_user_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_lawyer" ADD CONSTRAINT "booking_lawyer_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_lawyer" ADD CONSTRAINT "booking_lawyer_lawyer_user_id_app_user_id_fk" FOREIGN KEY ("lawyer_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_session" ADD CONSTRAINT "booking_session_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_session" ADD CONSTRAINT "booking_session_template_id_session_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."session_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_session" ADD CONSTRAINT "booking_session_room_id_meeting_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detainee" ADD CONSTRAINT "detainee_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_closed_date" ADD CONSTRAINT "facility_closed_date_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_closed_date" ADD CONSTRAINT "facility_closed_date_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_settings" ADD CONSTRAINT "facility_settings_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_room" ADD CONSTRAINT "meeting_room_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_template" ADD CONSTRAINT "session_template_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_template" ADD CONSTRAINT "session_template_room_id_meeting_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_session_idx" ON "booking" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "booking_booked_by_idx" ON "booking" USING btree ("booked_by","starts_at");--> statement-breakpoint
CREATE INDEX "booking_detainee_idx" ON "booking" USING btree ("detainee_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_lawyer_user_idx" ON "booking_lawyer" USING btree ("lawyer_user_id");--> statement-breakpoint
CREATE INDEX "booking_session_unit_date_idx" ON "booking_session" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "session_template_unit_idx" ON "session_template" USING btree ("unit_id","weekday");