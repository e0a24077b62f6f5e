CREATE TABLE "evidence_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"location" text NOT NULL,
	"fixity_check_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledgement_note" text,
	CONSTRAINT "evidence_alert_outcome_check" CHECK ("evidence_alert"."outcome" in ('mismatch','missing','unreadable')),
	CONSTRAINT "evidence_alert_ack_check" CHECK (num_nulls("evidence_alert"."acknowledged_at", "evidence_alert"."acknowledged_by", "evidence_alert"."acknowledgement_note") in (0, 3))
);
--> statement-breakpoint
CREATE TABLE "fixity_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"location" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"actual_size" bigint,
	"actual_sha256" text,
	"actual_sm3" text,
	"duration_ms" integer NOT NULL,
	"checked_by" text NOT NULL,
	CONSTRAINT "fixity_check_location_check" CHECK ("fixity_check"."location" in ('master','working','backup')),
	CONSTRAINT "fixity_check_outcome_check" CHECK ("fixity_check"."outcome" in ('ok','mismatch','missing','unreadable')),
	CONSTRAINT "fixity_check_by_check" CHECK ("fixity_check"."checked_by" in ('job','cli'))
);
--> statement-breakpoint
CREATE TABLE "recording" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"state" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"device" text NOT NULL,
	"capture_started_at" timestamp with time zone NOT NULL,
	"capture_ended_at" timestamp with time zone NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"declared_sha256" text NOT NULL,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone,
	"sha256" text,
	"sm3" text,
	"sealed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recording_state_check" CHECK ("recording"."state" in ('receiving','sealing','sealed','rejected','expired','terminated')),
	CONSTRAINT "recording_size_check" CHECK ("recording"."byte_size" > 0 and "recording"."received_bytes" between 0 and "recording"."byte_size"),
	CONSTRAINT "recording_declared_check" CHECK ("recording"."declared_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "recording_sha256_check" CHECK ("recording"."sha256" is null or "recording"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "recording_capture_check" CHECK ("recording"."capture_ended_at" >= "recording"."capture_started_at"),
	CONSTRAINT "recording_sealing_check" CHECK ("recording"."state" not in ('sealing','sealed') or ("recording"."sha256" = "recording"."declared_sha256" and "recording"."received_bytes" = "recording"."byte_size")),
	CONSTRAINT "recording_sealed_check" CHECK (("recording"."state" = 'sealed') = ("recording"."sealed_at" is not null)),
	CONSTRAINT "recording_ended_check" CHECK (("recording"."state" in ('rejected','expired','terminated')) = ("recording"."ended_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "recording_annotation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"corrected_started_at" timestamp with time zone,
	"corrected_ended_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recording_annotation_kind_check" CHECK ("recording_annotation"."kind" in ('capture_time_correction','note')),
	CONSTRAINT "recording_annotation_content_check" CHECK (("recording_annotation"."kind" = 'capture_time_correction') = ("recording_annotation"."corrected_started_at" is not null or "recording_annotation"."corrected_ended_at" is not null) and ("recording_annotation"."kind" = 'note') = ("recording_annotation"."note" is not null))
);
--> statement-breakpoint
CREATE TABLE "recording_copy" (
	"recording_id" uuid NOT NULL,
	"location" text NOT NULL,
	"store_key" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"sm3" text,
	"written_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recording_copy_recording_id_location_pk" PRIMARY KEY("recording_id","location"),
	CONSTRAINT "recording_copy_location_check" CHECK ("recording_copy"."location" in ('master','working','backup')),
	CONSTRAINT "recording_copy_sha256_check" CHECK ("recording_copy"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "recording_media_fact" (
	"recording_id" uuid PRIMARY KEY NOT NULL,
	"probed_at" timestamp with time zone NOT NULL,
	"readable" boolean NOT NULL,
	"duration_ms" bigint,
	"format_name" text,
	"container_created_at" timestamp with time zone,
	"streams" jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "evidence_alert" ADD CONSTRAINT "evidence_alert_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_alert" ADD CONSTRAINT "evidence_alert_fixity_check_id_fixity_check_id_fk" FOREIGN KEY ("fixity_check_id") REFERENCES "public"."fixity_check"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_alert" ADD CONSTRAINT "evidence_alert_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixity_check" ADD CONSTRAINT "fixity_check_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording" ADD CONSTRAINT "recording_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording" ADD CONSTRAINT "recording_activity_id_case_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."case_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording" ADD CONSTRAINT "recording_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_annotation" ADD CONSTRAINT "recording_annotation_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_annotation" ADD CONSTRAINT "recording_annotation_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_copy" ADD CONSTRAINT "recording_copy_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_media_fact" ADD CONSTRAINT "recording_media_fact_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_alert_open_idx" ON "evidence_alert" USING btree ("recording_id","location") WHERE "evidence_alert"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "evidence_alert_raised_idx" ON "evidence_alert" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "fixity_check_copy_idx" ON "fixity_check" USING btree ("recording_id","location","checked_at");--> statement-breakpoint
CREATE INDEX "recording_case_idx" ON "recording" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "recording_activity_idx" ON "recording" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "recording_state_idx" ON "recording" USING btree ("state","expires_at");--> statement-breakpoint
CREATE INDEX "recording_annotation_recording_idx" ON "recording_annotation" USING btree ("recording_id","created_at");