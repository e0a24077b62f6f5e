// The catalogue of messages Custos sends: each key has a zod schema for its params and a renderer per
// language. A caller naming an unknown key, or params of the wrong shape, fails to compile; anything that
// slips past the compiler (JSON, a cast) fails the schema at enqueue.
//
// Adding a message: add an entry below, keyed '<area>.<what_happened>' (e.g. 'booking.confirmed'), with
// an `example` that the tests render. Keep `text` short: it is the SMS body (one SMS is 70 Chinese
// characters, the 【signature】 included, which the provider adds). `subject` is used for email only.
// Aliyun SMS does not send this text but a template approved in their console, filled with the params: map
// the key to its TemplateCode in ALIYUN_SMS_TEMPLATE_CODES and keep the variable names the same.
import { z } from 'zod';
import type { Locale } from './schemas.js';

export interface RenderedMessage {
  subject: string;
  text: string;
}

interface TemplateDefinition<S extends z.ZodType<Record<string, unknown>>> {
  params: S;
  /** Params for tests and previews. */
  example: z.input<S>;
  render: Record<Locale, (params: z.output<S>) => RenderedMessage>;
}

const defineTemplate = <S extends z.ZodType<Record<string, unknown>>>(definition: TemplateDefinition<S>) =>
  definition;

export const TEMPLATES = {
  /** A one-time code proving the recipient holds this phone or mailbox. */
  'account.verification_code': defineTemplate({
    params: z.strictObject({
      code: z.string().regex(/^\d{4,8}$/),
      minutes: z.number().int().min(1).max(60),
    }),
    example: { code: '428613', minutes: 10 },
    render: {
      'zh-CN': ({ code, minutes }) => ({
        subject: `Custos 验证码：${code}`,
        text: `您的验证码为 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信，切勿告诉他人。`,
      }),
      en: ({ code, minutes }) => ({
        subject: `Custos verification code: ${code}`,
        text: `Your verification code is ${code}. It expires in ${minutes} minutes. If you did not ask for it, ignore this message and do not share it.`,
      }),
    },
  }),
  /** A lawyer's registration was approved by centre staff. */
  'lawyer.approved': defineTemplate({
    params: z.strictObject({}),
    example: {},
    render: {
      'zh-CN': () => ({
        subject: 'Custos 律师注册已通过审核',
        text: '您的律师注册已通过审核，现在可以网上预约会见。',
      }),
      en: () => ({
        subject: 'Custos: your lawyer registration is approved',
        text: 'Your lawyer registration has been approved; you can now book meetings online.',
      }),
    },
  }),
  /** A lawyer's registration was rejected; the reason is on their account page, not in the SMS. */
  'lawyer.rejected': defineTemplate({
    params: z.strictObject({}),
    example: {},
    render: {
      'zh-CN': () => ({
        subject: 'Custos 律师注册未通过审核',
        text: '您的律师注册未通过审核，请登录查看原因，更正后重新提交。',
      }),
      en: () => ({
        subject: 'Custos: your lawyer registration was not approved',
        text: 'Your lawyer registration was not approved. Sign in to read why, correct it and submit it again.',
      }),
    },
  }),
  /** Checks a channel end to end (operators, the demo, tests). */
  'test.ping': defineTemplate({
    params: z.strictObject({}),
    example: {},
    render: {
      'zh-CN': () => ({
        subject: 'Custos 测试消息',
        text: '这是一条 Custos 测试消息，收到即表示通知渠道工作正常。',
      }),
      en: () => ({
        subject: 'Custos test message',
        text: 'This is a Custos test message: if you can read it, the notification channel works.',
      }),
    },
  }),
};

export type Templates = typeof TEMPLATES;
export type TemplateKey = keyof Templates;
/** What a caller passes for a template (before the schema's defaults and transforms). */
export type TemplateParams<K extends TemplateKey> = z.input<Templates[K]['params']>;

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(TEMPLATES, key);
}

export class UnknownTemplateError extends Error {}

/** Validates the params and renders the message in the locale. Throws on an unknown key or bad params. */
export function renderTemplate(
  key: string,
  locale: Locale,
  params: unknown,
): RenderedMessage & { params: Record<string, unknown> } {
  if (!isTemplateKey(key)) throw new UnknownTemplateError(`unknown notification template: ${key}`);
  // Each entry pairs a schema with renderers of its output; the union of entries loses that pairing.
  const template = TEMPLATES[key] as unknown as TemplateDefinition<z.ZodType<Record<string, unknown>>>;
  const parsed = template.params.parse(params);
  return { ...template.render[locale](parsed), params: parsed };
}
