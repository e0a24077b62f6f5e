CREATE TABLE "interruption_annotation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interruption_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"corrected_started_at" timestamp with time zone,
	"corrected_ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interruption_annotation_times_check" CHECK ("interruption_annotation"."corrected_started_at" is null or "interruption_annotation"."corrected_ended_at" is null or "interruption_annotation"."corrected_ended_at" > "interruption_annotation"."corrected_started_at")
);
--> statement-breakpoint
CREATE TABLE "recording_interruption" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"continued_without_recording" boolean NOT NULL,
	"approved_by" uuid,
	"transcript_note" text,
	"resume_explanation" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recording_interruption_times_check" CHECK ("recording_interruption"."ended_at" > "recording_interruption"."started_at"),
	CONSTRAINT "recording_interruption_approval_check" CHECK ("recording_interruption"."continued_without_recording" = ("recording_interruption"."approved_by" is not null) and "recording_interruption"."continued_without_recording" = ("recording_interruption"."transcript_note" is not null)),
	CONSTRAINT "recording_interruption_text_check" CHECK (length(btrim("recording_interruption"."reason")) > 0 and length(btrim("recording_interruption"."resume_explanation")) > 0)
);
--> statement-breakpoint
CREATE TABLE "transcript" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"declared_started_at" timestamp with time zone NOT NULL,
	"declared_ended_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transcript_times_check" CHECK ("transcript"."declared_ended_at" > "transcript"."declared_started_at"),
	CONSTRAINT "transcript_type_check" CHECK ("transcript"."content_type" in ('image/jpeg','image/png','application/pdf')),
	CONSTRAINT "transcript_size_check" CHECK ("transcript"."byte_size" > 0 and "transcript"."byte_size" = octet_length("transcript"."content")),
	CONSTRAINT "transcript_sha256_check" CHECK ("transcript"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "interruption_annotation" ADD CONSTRAINT "interruption_annotation_interruption_id_recording_interruption_id_fk" FOREIGN KEY ("interruption_id") REFERENCES "public"."recording_interruption"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interruption_annotation" ADD CONSTRAINT "interruption_annotation_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_interruption" ADD CONSTRAINT "recording_interruption_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_interruption" ADD CONSTRAINT "recording_interruption_activity_id_case_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."case_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_interruption" ADD CONSTRAINT "recording_interruption_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_interruption" ADD CONSTRAINT "recording_interruption_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_activity_id_case_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."case_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interruption_annotation_idx" ON "interruption_annotation" USING btree ("interruption_id","created_at");--> statement-breakpoint
CREATE INDEX "recording_interruption_activity_idx" ON "recording_interruption" USING btree ("activity_id","started_at");--> statement-breakpoint
CREATE INDEX "transcript_activity_idx" ON "transcript" USING btree ("activity_id","created_at");--> statement-breakpoint
CREATE INDEX "transcript_case_idx" ON "transcript" USING btree ("case_id");