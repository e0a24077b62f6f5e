import { describe, expect, it } from 'vitest';
import { LOCALES } from './schemas.js';
import { renderTemplate, TEMPLATE_KEYS, TEMPLATES, UnknownTemplateError } from './templates.js';

describe('notification templates', () => {
  it.each(TEMPLATE_KEYS.flatMap((key) => LOCALES.map((locale) => [key, locale] as const)))(
    '%s renders its example in %s',
    (key, locale) => {
      const rendered = renderTemplate(key, locale, TEMPLATES[key].example);
      expect(rendered.subject.length).toBeGreaterThan(0);
      expect(rendered.text.length).toBeGreaterThan(0);
    },
  );

  it.each(TEMPLATE_KEYS)('%s fits one Chinese SMS with a 【signature】 of up to 8 characters', (key) => {
    // One SMS segment holds 70 UCS-2 characters, the signature included.
    const { text } = renderTemplate(key, 'zh-CN', TEMPLATES[key].example);
    expect(text.length + 10).toBeLessThanOrEqual(70);
  });

  it('renders the verification code in both languages', () => {
    const params = { code: '428613', minutes: 10 };
    expect(renderTemplate('account.verification_code', 'zh-CN', params)).toEqual({
      subject: 'Custos 验证码：428613',
      text: '您的验证码为 428613，10 分钟内有效。如非本人操作，请忽略本短信，切勿告诉他人。',
      params,
    });
    expect(renderTemplate('account.verification_code', 'en', params).text).toBe(
      'Your verification code is 428613. It expires in 10 minutes. If you did not ask for it, ignore this message and do not share it.',
    );
  });

  it('refuses unknown keys and params of the wrong shape at run time', () => {
    expect(() => renderTemplate('no.such_template', 'zh-CN', {})).toThrow(UnknownTemplateError);
    expect(() => renderTemplate('account.verification_code', 'zh-CN', { code: '12', minutes: 10 })).toThrow();
    expect(() => renderTemplate('account.verification_code', 'zh-CN', { code: '1234' })).toThrow();
    expect(() => renderTemplate('test.ping', 'zh-CN', { extra: true })).toThrow();
    // Inherited properties are not templates.
    expect(() => renderTemplate('toString', 'zh-CN', {})).toThrow(UnknownTemplateError);
  });
});
