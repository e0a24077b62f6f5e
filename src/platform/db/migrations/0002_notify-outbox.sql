CREATE TABLE "dev_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dev_message_channel_check" CHECK ("dev_message"."channel" in ('sms','email'))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_user_id" uuid,
	"recipient_unit_id" uuid,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"params" jsonb NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"provider" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_channel_check" CHECK ("notification"."channel" in ('sms','email')),
	CONSTRAINT "notification_locale_check" CHECK ("notification"."locale" in ('zh-CN','en')),
	CONSTRAINT "notification_status_check" CHECK ("notification"."status" in ('pending','sending','sent','failed')),
	CONSTRAINT "notification_provider_check" CHECK ("notification"."provider" in ('dev','smtp','sms-aliyun')),
	CONSTRAINT "notification_attempts_check" CHECK ("notification"."attempts" >= 0),
	CONSTRAINT "notification_recipient_check" CHECK (length("notification"."recipient") between 3 and 320),
	CONSTRAINT "notification_subject_check" CHECK (("notification"."subject" is not null) = ("notification"."channel" = 'email')),
	CONSTRAINT "notification_sent_check" CHECK (("notification"."status" = 'sent') = ("notification"."sent_at" is not null) and ("notification"."status" <> 'sent' or "notification"."provider" is not null))
);
--> statement-breakpoint
ALTER TABLE "dev_message" ADD CONSTRAINT "dev_message_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_user_id_app_user_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_unit_id_org_unit_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_message_delivered_idx" ON "dev_message" USING btree ("delivered_at");--> statement-breakpoint
CREATE INDEX "dev_message_notification_idx" ON "dev_message" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "notification_due_idx" ON "notification" USING btree ("status","next_attempt_at") WHERE "notification"."status" in ('pending','sending');--> statement-breakpoint
CREATE INDEX "notification_created_idx" ON "notification" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_key_idx" ON "notification" USING btree ("dedupe_key");