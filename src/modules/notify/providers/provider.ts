// What every delivery channel implements. The dispatcher hands a provider one rendered message at a time
// and records the outcome; the provider only delivers and says how it went.
import type { Channel, Locale, ProviderName } from '../schemas.js';

export interface OutgoingMessage {
  /** The notification id: providers pass it on where the far end keeps a reference (Aliyun OutId). */
  id: string;
  channel: Channel;
  /** 11-digit mobile number or email address. */
  to: string;
  /** Email only. */
  subject: string | null;
  text: string;
  /** For providers that send their own approved template rather than our text (Aliyun SMS). */
  template: string;
  locale: Locale;
  params: Record<string, unknown>;
}

export interface DeliveryReceipt {
  /** The provider's id for the message, if it gives one (SMTP Message-ID, Aliyun BizId). */
  providerMessageId: string | null;
}

export interface NotificationProvider {
  readonly name: ProviderName;
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
}

/** One provider per channel; the composition root picks them from the settings. */
export type ChannelProviders = Record<Channel, NotificationProvider>;

/**
 * A failed delivery. `permanent` says that trying again cannot help (a number the carrier refuses, a template
 * that is not configured), so the message fails now instead of after every retry. Messages must never carry
 * credentials: they end up in notification.last_error.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
