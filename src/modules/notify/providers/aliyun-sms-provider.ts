// SMS through Alibaba Cloud's Short Message Service (Dysmsapi SendSms, API version 2017-05-25, RPC style,
// signature 1.0). Aliyun does not send our rendered text: carriers only accept messages from a template
// approved in the Aliyun console. So the provider sends the TemplateCode configured for our template key
// (ALIYUN_SMS_TEMPLATE_CODES) with our params as TemplateParam, and the approved template decides the words.
// Keep each approved template's wording and ${variable} names in step with templates.ts; the outbox records
// our rendering, which is what the recipient reads only if the two agree.
import type { Clock } from '../../../platform/clock.js';
import type { Settings } from '../../../config.js';
import { signedQuery } from './aliyun-signature.js';
import {
  DeliveryError,
  type DeliveryReceipt,
  type NotificationProvider,
  type OutgoingMessage,
} from './provider.js';

export type AliyunSmsSettings = Settings['notify']['aliyun'];

/** Refusals that the same request will meet again however often it is retried. */
const PERMANENT_CODES = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.INVALID_JSON_PARAM',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.BLACK_KEY_CONTROL_LIMIT',
]);

const REQUEST_TIMEOUT_MS = 30_000;

interface SendSmsResponse {
  Code?: string;
  Message?: string;
  BizId?: string;
  RequestId?: string;
}

export class AliyunSmsProvider implements NotificationProvider {
  readonly name = 'sms-aliyun';

  constructor(
    private readonly settings: AliyunSmsSettings,
    private readonly clock: Clock,
    private readonly nonce: () => string = () => crypto.randomUUID(),
  ) {}

  /** Our template keys that have no Aliyun template: messages with them fail at once, not after retries. */
  unmappedTemplates(keys: readonly string[]): string[] {
    return keys.filter((key) => !Object.hasOwn(this.settings.templateCodes, key));
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    if (message.channel !== 'sms') throw new DeliveryError('the Aliyun provider sends SMS only', true);
    const templateCode = this.settings.templateCodes[message.template];
    if (!templateCode) {
      throw new DeliveryError(
        `no Aliyun TemplateCode for template ${message.template}: add it to ALIYUN_SMS_TEMPLATE_CODES`,
        true,
      );
    }
    const params: Record<string, string> = {
      // Common parameters of every RPC call.
      AccessKeyId: this.settings.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.nonce(),
      SignatureVersion: '1.0',
      // ISO 8601 in UTC to the second; Aliyun refuses a request whose time is far from its own.
      Timestamp: this.clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
      // SendSms itself.
      PhoneNumbers: message.to,
      SignName: this.settings.signName,
      TemplateCode: templateCode,
      OutId: message.id,
    };
    if (Object.keys(message.params).length > 0) {
      // Template variables are strings on Aliyun's side.
      params.TemplateParam = JSON.stringify(
        Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, String(v)])),
      );
    }
    const url = new URL(this.settings.endpoint);
    url.search = signedQuery(this.settings.accessKeySecret.reveal(), params);

    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`Aliyun SMS: no response (${(error as Error).message})`, false);
    }
    const body = (await response.json().catch(() => null)) as SendSmsResponse | null;
    if (!body) throw new DeliveryError(`Aliyun SMS: HTTP ${response.status} without a JSON answer`, false);
    if (response.ok && body.Code === 'OK') return { providerMessageId: body.BizId ?? null };
    const code = body.Code ?? `HTTP ${response.status}`;
    const detail = [
      body.Message ? `: ${body.Message}` : '',
      body.RequestId ? ` (RequestId ${body.RequestId})` : '',
    ];
    throw new DeliveryError(`Aliyun SMS: ${code}${detail.join('')}`, PERMANENT_CODES.has(code));
  }
}
