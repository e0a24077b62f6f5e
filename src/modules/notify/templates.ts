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
import {
  MEETING_TEXT_LIMITS,
  meetingDay,
  meetingMinutesSchema,
  meetingParamsShape,
} from './booking-message-parts.js';
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
  // ---- booking: messages to the lawyers of a meeting (src/modules/booking/booking-notices.ts) and the
  // day-before reminder. The calendar file and the private feed are on the portal, not in the SMS: a link
  // does not fit one message with the meeting's details.
  /** The meeting is booked. */
  'booking.confirmed': defineTemplate({
    params: z.strictObject({ ...meetingParamsShape, minutes: meetingMinutesSchema }),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00', minutes: 60 },
    render: {
      'zh-CN': ({ centre, date, time, minutes }) => ({
        subject: `Custos 会见预约成功：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `会见预约成功：${centre}，${meetingDay(date, 'zh-CN')} ${time}，${minutes}分钟。可在“我的预约”加入日历。`,
      }),
      en: ({ centre, date, time, minutes }) => ({
        subject: `Custos: meeting booked for ${meetingDay(date, 'en')} ${time}`,
        text: `Meeting booked: ${centre}, ${meetingDay(date, 'en')} ${time}, ${minutes} min. Add it to your calendar from My bookings.`,
      }),
    },
  }),
  /** A restricted case: the booking holds only once the centre confirms the investigating organ's permission. */
  'booking.awaiting_permission': defineTemplate({
    params: z.strictObject(meetingParamsShape),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00' },
    render: {
      'zh-CN': ({ centre, date, time }) => ({
        subject: `Custos 会见须经许可：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `${centre}${meetingDay(date, 'zh-CN')} ${time}的会见须经侦查机关许可，请上传许可决定书，看守所确认后预约生效。`,
      }),
      en: ({ centre, date, time }) => ({
        subject: `Custos: your meeting on ${meetingDay(date, 'en')} needs permission`,
        text: `Your meeting at ${centre} on ${meetingDay(date, 'en')} ${time} needs the investigating authority's permission: upload the permission decision. The booking holds once the centre confirms it.`,
      }),
    },
  }),
  /** The centre confirmed the permission decision: the restricted-case booking now holds. */
  'booking.permission_confirmed': defineTemplate({
    params: z.strictObject({ ...meetingParamsShape, minutes: meetingMinutesSchema }),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00', minutes: 60 },
    render: {
      'zh-CN': ({ centre, date, time, minutes }) => ({
        subject: `Custos 会见预约已生效：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `${centre}已确认许可决定书，您${meetingDay(date, 'zh-CN')} ${time}的会见预约已生效（${minutes}分钟）。`,
      }),
      en: ({ centre, date, time, minutes }) => ({
        subject: `Custos: meeting on ${meetingDay(date, 'en')} confirmed`,
        text: `${centre} has confirmed the permission decision: your meeting on ${meetingDay(date, 'en')} ${time} (${minutes} min) is booked.`,
      }),
    },
  }),
  /** A lawyer of the meeting cancelled before the centre's deadline: the place is freed, no strike. */
  'booking.cancelled': defineTemplate({
    params: z.strictObject(meetingParamsShape),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00' },
    render: {
      'zh-CN': ({ centre, date, time }) => ({
        subject: `Custos 会见预约已取消：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `您在${centre}${meetingDay(date, 'zh-CN')} ${time}的会见预约已取消，不计爽约。`,
      }),
      en: ({ centre, date, time }) => ({
        subject: `Custos: meeting on ${meetingDay(date, 'en')} cancelled`,
        text: `Your meeting at ${centre} on ${meetingDay(date, 'en')} ${time} is cancelled. It does not count as a no-show.`,
      }),
    },
  }),
  /** A lawyer of the meeting cancelled after the centre's deadline: a no-show strike for each of them. */
  'booking.cancelled_late': defineTemplate({
    params: z.strictObject(meetingParamsShape),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00' },
    render: {
      'zh-CN': ({ centre, date, time }) => ({
        subject: `Custos 会见预约已取消（计爽约）：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `您在${centre}${meetingDay(date, 'zh-CN')} ${time}的会见预约已取消。因晚于取消期限，计爽约一次。`,
      }),
      en: ({ centre, date, time }) => ({
        subject: `Custos: meeting on ${meetingDay(date, 'en')} cancelled late`,
        text: `Your meeting at ${centre} on ${meetingDay(date, 'en')} ${time} was cancelled after the cancellation deadline: it counts as a no-show strike.`,
      }),
    },
  }),
  /** The centre cancelled (client transferred or released, an emergency), with its reason. */
  'booking.cancelled_by_centre': defineTemplate({
    params: z.strictObject({
      ...meetingParamsShape,
      // The sentence ends after the reason, so its own final full stop is dropped.
      reason: z
        .string()
        .trim()
        .max(MEETING_TEXT_LIMITS.reason)
        .transform((r) => r.replace(/[。.!！\s]+$/u, ''))
        .pipe(z.string().min(1)),
    }),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00', reason: '在押人员已移送' },
    render: {
      'zh-CN': ({ centre, date, time, reason }) => ({
        subject: `Custos 看守所取消了会见：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `${centre}取消了您${meetingDay(date, 'zh-CN')} ${time}的会见，原因：${reason}。不计爽约。`,
      }),
      en: ({ centre, date, time, reason }) => ({
        subject: `Custos: the centre cancelled your meeting on ${meetingDay(date, 'en')}`,
        text: `${centre} cancelled your meeting on ${meetingDay(date, 'en')} ${time}. Reason: ${reason}. This is not a strike against you.`,
      }),
    },
  }),
  /** The day before a confirmed meeting (the booking.send_reminders job). */
  'booking.reminder': defineTemplate({
    params: z.strictObject({ ...meetingParamsShape, minutes: meetingMinutesSchema }),
    example: { centre: '石家庄市长安区看守所', date: '2026-11-27', time: '09:00', minutes: 60 },
    render: {
      'zh-CN': ({ centre, date, time, minutes }) => ({
        subject: `Custos 会见提醒：${meetingDay(date, 'zh-CN')} ${time}`,
        text: `提醒：您${meetingDay(date, 'zh-CN')} ${time}在${centre}有会见（${minutes}分钟），请带齐执业证、律所证明、委托书等原件。`,
      }),
      en: ({ centre, date, time, minutes }) => ({
        subject: `Custos reminder: meeting on ${meetingDay(date, 'en')} ${time}`,
        text: `Reminder: your meeting at ${centre} is on ${meetingDay(date, 'en')} at ${time} (${minutes} min). Bring the originals of your licence, the firm's letter and the power of attorney or legal-aid letter.`,
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
  /**
   * A freed place of a full session is held for the first lawyer on its waiting list. Times are Beijing
   * time, already formatted: Aliyun fills its approved template with the same strings.
   */
  'booking.waitlist_offer': defineTemplate({
    params: z.strictObject({
      centre: z.string().min(1).max(100),
      startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      until: z.string().regex(/^\d{2}:\d{2}$/),
    }),
    example: { centre: '石家庄市长安区看守所', startsAt: '2026-11-27 09:00', until: '10:30' },
    render: {
      'zh-CN': ({ centre, startsAt, until }) => ({
        subject: 'Custos 候补会见名额',
        text: `候补有位：${centre} ${startsAt} 会见名额为您保留至 ${until}，请登录完成预约。`,
      }),
      en: ({ centre, startsAt, until }) => ({
        subject: 'Custos: a place from the waiting list',
        text: `A place opened at ${centre}, ${startsAt} (Beijing time). It is held for you until ${until}: sign in to book it.`,
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
