// Shapes of the notify module: identifiers shared with the database and the web UI, and the API's views.
import { z } from 'zod';

export const CHANNELS = ['sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const PROVIDER_NAMES = ['dev', 'smtp', 'sms-aliyun'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const channelSchema = z.enum(CHANNELS);
export const localeSchema = z.enum(LOCALES);
export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);

/** A mainland China mobile number, with or without +86, stored as its 11 digits. */
export const mobileNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/));

export const emailAddressSchema = z.email().trim().toLowerCase().max(320);

export const listDevMessagesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const devMessageViewSchema = z.object({
  id: z.uuid(),
  notificationId: z.uuid(),
  channel: channelSchema,
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  deliveredAt: z.iso.datetime(),
  /** Where the notification stands now (a later attempt may have followed a delivery that was not recorded). */
  status: notificationStatusSchema,
});
export type DevMessageView = z.infer<typeof devMessageViewSchema>;

export const listNotificationsQuerySchema = z.object({
  status: notificationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The delivery record. The rendered text is left out: it may hold a verification code. */
export const notificationViewSchema = z.object({
  id: z.uuid(),
  channel: channelSchema,
  recipient: z.string(),
  template: z.string(),
  locale: localeSchema,
  status: notificationStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  provider: z.enum(PROVIDER_NAMES).nullable(),
  providerMessageId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;
