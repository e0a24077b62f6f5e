CREATE TABLE "activity_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"person_id" uuid,
	"name" text NOT NULL,
	CONSTRAINT "activity_participant_role_check" CHECK ("activity_participant"."role" in ('officer','suspect','witness','victim','lawyer','interpreter','other')),
	CONSTRAINT "activity_participant_who_check" CHECK (("activity_participant"."role" = 'officer') = ("activity_participant"."user_id" is not null) and ("activity_participant"."role" in ('suspect','witness','victim')) = ("activity_participant"."person_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "case_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recording_required" boolean NOT NULL,
	"place" text NOT NULL,
	"planned_start_at" timestamp with time zone NOT NULL,
	"planned_end_at" timestamp with time zone NOT NULL,
	"actual_start_at" timestamp with time zone,
	"actual_end_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_activity_kind_check" CHECK ("case_activity"."kind" in ('alarm_response','stop_search','interrogation','petition_reception','scene_investigation','inspection','room_interrogation','plea_hearing','remote_interrogation','witness_questioning','other')),
	CONSTRAINT "case_activity_mandatory_check" CHECK ("case_activity"."recording_required" or "case_activity"."kind" not in ('alarm_response','stop_search','interrogation','petition_reception','scene_investigation','inspection','room_interrogation','plea_hearing','remote_interrogation')),
	CONSTRAINT "case_activity_planned_check" CHECK ("case_activity"."planned_end_at" > "case_activity"."planned_start_at"),
	CONSTRAINT "case_activity_actual_check" CHECK (("case_activity"."actual_end_at" is null or "case_activity"."actual_start_at" is not null) and ("case_activity"."actual_end_at" is null or "case_activity"."actual_end_at" > "case_activity"."actual_start_at"))
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"handling_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_file_case_no_unique" UNIQUE("issuing_unit_id","case_no"),
	CONSTRAINT "case_file_kind_check" CHECK ("case_file"."kind" in ('criminal','administrative')),
	CONSTRAINT "case_file_status_check" CHECK ("case_file"."status" in ('open','under_review','closed')),
	CONSTRAINT "case_file_case_no_check" CHECK ("case_file"."case_no" ~ '^[A-Z0-9][A-Z0-9-]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "case_officer" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_officer_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"id_no_hash" text,
	"id_no_sealed" text,
	"id_no_head" text,
	"id_no_tail" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_person_role_check" CHECK ("case_person"."role" in ('suspect','witness','victim')),
	CONSTRAINT "case_person_id_no_check" CHECK (num_nulls("case_person"."id_no_hash", "case_person"."id_no_sealed", "case_person"."id_no_head", "case_person"."id_no_tail") in (0, 4))
);
--> statement-breakpoint
ALTER TABLE "activity_participant" ADD CONSTRAINT "activity_participant_activity_id_case_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."case_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participant" ADD CONSTRAINT "activity_participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participant" ADD CONSTRAINT "activity_participant_person_id_case_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_activity" ADD CONSTRAINT "case_activity_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_activity" ADD CONSTRAINT "case_activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_issuing_unit_id_org_unit_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_handling_unit_id_org_unit_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officer" ADD CONSTRAINT "case_officer_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officer" ADD CONSTRAINT "case_officer_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officer" ADD CONSTRAINT "case_officer_assigned_by_app_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person" ADD CONSTRAINT "case_person_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_participant_activity_idx" ON "activity_participant" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "case_activity_case_idx" ON "case_activity" USING btree ("case_id","planned_start_at");--> statement-breakpoint
CREATE INDEX "case_file_handling_unit_idx" ON "case_file" USING btree ("handling_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "case_officer_user_idx" ON "case_officer" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_person_id_no_idx" ON "case_person" USING btree ("case_id","id_no_hash") WHERE "case_person"."id_no_hash" is not null;--> statement-breakpoint
CREATE INDEX "case_person_case_idx" ON "case_person" USING btree ("case_id");