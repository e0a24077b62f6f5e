-- Playable derivatives of recordings: made once from the working copy, recorded, never changed or deleted.
CREATE TABLE "recording_derivative" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"derived_from_sha256" text NOT NULL,
	"store_key" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"sm3" text,
	"ffmpeg_version" text NOT NULL,
	"ffmpeg_args" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recording_derivative_kind_check" CHECK ("recording_derivative"."kind" in ('playback')),
	CONSTRAINT "recording_derivative_from_check" CHECK ("recording_derivative"."derived_from_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "recording_derivative_sha256_check" CHECK ("recording_derivative"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "recording_derivative_size_check" CHECK ("recording_derivative"."byte_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "recording_derivative" ADD CONSTRAINT "recording_derivative_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recording_derivative_kind_idx" ON "recording_derivative" USING btree ("recording_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_derivative_key_idx" ON "recording_derivative" USING btree ("store_key");--> statement-breakpoint
CREATE TRIGGER recording_derivative_append_only BEFORE UPDATE OR DELETE ON recording_derivative
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_derivative_no_truncate BEFORE TRUNCATE ON recording_derivative
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
