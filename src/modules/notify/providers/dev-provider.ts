// The development provider: "delivers" into the dev_message table, which admins read in the console
// (/console/dev-messages). Nothing leaves the machine, so the demo and the tests can send freely.
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { NotifyRepository } from '../repository.js';
import type { DeliveryReceipt, NotificationProvider, OutgoingMessage } from './provider.js';

export class DevProvider implements NotificationProvider {
  readonly name = 'dev';

  constructor(
    private readonly db: Db,
    private readonly repo: NotifyRepository,
    private readonly clock: Clock,
    /** The SMS signature, shown as a real phone would show it: 【Custos】. */
    private readonly smsSignName: string,
  ) {}

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const row = await this.repo.insertDevMessage(this.db, {
      notificationId: message.id,
      channel: message.channel,
      recipient: message.to,
      subject: message.subject,
      body: message.channel === 'sms' ? `【${this.smsSignName}】${message.text}` : message.text,
      deliveredAt: this.clock.now(),
    });
    return { providerMessageId: row.id };
  }
}
