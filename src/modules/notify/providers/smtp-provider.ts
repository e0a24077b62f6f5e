// Email over SMTP with nodemailer. One connection per message: notifications are few, and an idle pooled
// connection would only time out between them.
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Settings } from '../../../config.js';
import {
  DeliveryError,
  type DeliveryReceipt,
  type NotificationProvider,
  type OutgoingMessage,
} from './provider.js';

export type SmtpSettings = Settings['notify']['smtp'];

export class SmtpProvider implements NotificationProvider {
  readonly name = 'smtp';
  private readonly transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.pass?.reveal() } : undefined,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    if (message.channel !== 'email' || message.subject === null) {
      throw new DeliveryError('the SMTP provider sends email only', true);
    }
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { 'X-Custos-Notification': message.id },
      });
      return { providerMessageId: info.messageId ?? null };
    } catch (error) {
      const smtp = error as { code?: string; command?: string; responseCode?: number; message?: string };
      // The server refused the recipient outright (5xx to RCPT TO): the same address will be refused again.
      const refusedRecipient =
        smtp.code === 'EENVELOPE' && smtp.command === 'RCPT TO' && (smtp.responseCode ?? 0) >= 500;
      throw new DeliveryError(`SMTP: ${smtp.message ?? String(error)}`, refusedRecipient);
    }
  }
}
