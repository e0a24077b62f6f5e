CREATE TABLE "booking_document" (
	"booking_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "booking_document_booking_id_document_id_pk" PRIMARY KEY("booking_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feed_token_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "client_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"detainee_id" uuid NOT NULL,
	"lawyer_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" "bytea" NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "client_document_kind_check" CHECK ("client_document"."kind" in ('power_of_attorney','legal_aid_letter','firm_letter','permission_decision')),
	CONSTRAINT "client_document_type_check" CHECK ("client_document"."content_type" in ('image/jpeg','image/png','application/pdf')),
	CONSTRAINT "client_document_size_check" CHECK ("client_document"."byte_size" between 1 and 10485760 and "client_document"."byte_size" = length("client_document"."content")),
	CONSTRAINT "client_document_hash_check" CHECK (length("client_document"."sha256") = 32),
	CONSTRAINT "client_document_name_check" CHECK (length("client_document"."file_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "holiday_year" (
	"year" smallint PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "holiday_year_range_check" CHECK ("holiday_year"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "waitlist_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"lawyer_user_id" uuid NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offer_booking_id" uuid,
	"offered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waitlist_entry_status_check" CHECK ("waitlist_entry"."status" in ('waiting','offered','booked','lapsed','withdrawn','closed')),
	CONSTRAINT "waitlist_entry_offer_check" CHECK (("waitlist_entry"."status" in ('offered','booked')) <= ("waitlist_entry"."offer_booking_id" is not null and "waitlist_entry"."offered_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "entered_by" uuid;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "permission_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "permission_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "detainee" ADD COLUMN "id_no_head" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_document" ADD CONSTRAINT "booking_document_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_document" ADD CONSTRAINT "booking_document_document_id_client_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."client_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_document" ADD CONSTRAINT "client_document_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_document" ADD CONSTRAINT "client_document_detainee_id_detainee_id_fk" FOREIGN KEY ("detainee_id") REFERENCES "public"."detainee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_document" ADD CONSTRAINT "client_document_lawyer_user_id_app_user_id_fk" FOREIGN KEY ("lawyer_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_document" ADD CONSTRAINT "client_document_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday_year" ADD CONSTRAINT "holiday_year_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_session_id_booking_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."booking_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_lawyer_user_id_app_user_id_fk" FOREIGN KEY ("lawyer_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_offer_booking_id_booking_id_fk" FOREIGN KEY ("offer_booking_id") REFERENCES "public"."booking"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_document_owner_idx" ON "client_document" USING btree ("lawyer_user_id","detainee_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entry_live_idx" ON "waitlist_entry" USING btree ("session_id","lawyer_user_id") WHERE "waitlist_entry"."status" in ('waiting','offered');--> statement-breakpoint
CREATE INDEX "waitlist_entry_queue_idx" ON "waitlist_entry" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_entry_lawyer_idx" ON "waitlist_entry" USING btree ("lawyer_user_id","status");--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_permission_confirmed_by_app_user_id_fk" FOREIGN KEY ("permission_confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;