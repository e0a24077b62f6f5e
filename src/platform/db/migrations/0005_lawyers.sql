CREATE TABLE "lawyer_assistant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"principal_user_id" uuid NOT NULL,
	"assistant_user_id" uuid NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	CONSTRAINT "lawyer_assistant_self_check" CHECK ("lawyer_assistant"."principal_user_id" <> "lawyer_assistant"."assistant_user_id")
);
--> statement-breakpoint
CREATE TABLE "lawyer_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" "bytea" NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lawyer_document_type_check" CHECK ("lawyer_document"."content_type" in ('image/jpeg','image/png','application/pdf')),
	CONSTRAINT "lawyer_document_size_check" CHECK ("lawyer_document"."byte_size" between 1 and 5242880 and "lawyer_document"."byte_size" = length("lawyer_document"."content")),
	CONSTRAINT "lawyer_document_hash_check" CHECK (length("lawyer_document"."sha256") = 32)
);
--> statement-breakpoint
CREATE TABLE "lawyer_profile" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"licence_no" text NOT NULL,
	"id_no_hash" text NOT NULL,
	"id_no_sealed" text NOT NULL,
	"mobile" text NOT NULL,
	"locale" text NOT NULL,
	"document_id" uuid NOT NULL,
	"status" text NOT NULL,
	"rejection_reason" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lawyer_profile_licence_no_unique" UNIQUE("licence_no"),
	CONSTRAINT "lawyer_profile_id_no_unique" UNIQUE("id_no_hash"),
	CONSTRAINT "lawyer_profile_status_check" CHECK ("lawyer_profile"."status" in ('pending','approved','rejected')),
	CONSTRAINT "lawyer_profile_locale_check" CHECK ("lawyer_profile"."locale" in ('zh-CN','en')),
	CONSTRAINT "lawyer_profile_review_check" CHECK (("lawyer_profile"."status" = 'rejected') = ("lawyer_profile"."rejection_reason" is not null) and ("lawyer_profile"."status" = 'pending') = ("lawyer_profile"."reviewed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "lawyer_strike" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lawyer_user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lawyer_strike_booking_unique" UNIQUE("booking_id","lawyer_user_id"),
	CONSTRAINT "lawyer_strike_kind_check" CHECK ("lawyer_strike"."kind" in ('cancelled_late','no_show'))
);
--> statement-breakpoint
CREATE TABLE "lawyer_suspension" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lawyer_user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"strike_count" smallint NOT NULL,
	"strike_threshold" smallint NOT NULL,
	"strike_window_days" smallint NOT NULL,
	"appeal" text,
	"appealed_at" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text,
	CONSTRAINT "lawyer_suspension_span_check" CHECK ("lawyer_suspension"."starts_at" < "lawyer_suspension"."ends_at"),
	CONSTRAINT "lawyer_suspension_appeal_check" CHECK (("lawyer_suspension"."appeal" is null) = ("lawyer_suspension"."appealed_at" is null)),
	CONSTRAINT "lawyer_suspension_lift_check" CHECK (("lawyer_suspension"."lifted_at" is null) = ("lawyer_suspension"."lifted_by" is null) and ("lawyer_suspension"."lifted_at" is null) = ("lawyer_suspension"."lift_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "mobile_verification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobile" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"failed_attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "mobile_verification_purpose_check" CHECK ("mobile_verification"."purpose" in ('lawyer_registration')),
	CONSTRAINT "mobile_verification_attempts_check" CHECK ("mobile_verification"."failed_attempts" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "lawyer_assistant" ADD CONSTRAINT "lawyer_assistant_principal_user_id_app_user_id_fk" FOREIGN KEY ("principal_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_assistant" ADD CONSTRAINT "lawyer_assistant_assistant_user_id_app_user_id_fk" FOREIGN KEY ("assistant_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_assistant" ADD CONSTRAINT "lawyer_assistant_ended_by_app_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_profile" ADD CONSTRAINT "lawyer_profile_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_profile" ADD CONSTRAINT "lawyer_profile_document_id_lawyer_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."lawyer_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_profile" ADD CONSTRAINT "lawyer_profile_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_strike" ADD CONSTRAINT "lawyer_strike_lawyer_user_id_app_user_id_fk" FOREIGN KEY ("lawyer_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_strike" ADD CONSTRAINT "lawyer_strike_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_strike" ADD CONSTRAINT "lawyer_strike_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_suspension" ADD CONSTRAINT "lawyer_suspension_lawyer_user_id_app_user_id_fk" FOREIGN KEY ("lawyer_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_suspension" ADD CONSTRAINT "lawyer_suspension_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_suspension" ADD CONSTRAINT "lawyer_suspension_lifted_by_app_user_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lawyer_assistant_one_principal_idx" ON "lawyer_assistant" USING btree ("assistant_user_id") WHERE "lawyer_assistant"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "lawyer_assistant_principal_idx" ON "lawyer_assistant" USING btree ("principal_user_id");--> statement-breakpoint
CREATE INDEX "lawyer_profile_status_idx" ON "lawyer_profile" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "lawyer_strike_lawyer_idx" ON "lawyer_strike" USING btree ("lawyer_user_id","unit_id","occurred_at");--> statement-breakpoint
CREATE INDEX "lawyer_suspension_lawyer_idx" ON "lawyer_suspension" USING btree ("lawyer_user_id","unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "lawyer_suspension_unit_idx" ON "lawyer_suspension" USING btree ("unit_id","ends_at");--> statement-breakpoint
CREATE INDEX "mobile_verification_mobile_idx" ON "mobile_verification" USING btree ("mobile","purpose","created_at");