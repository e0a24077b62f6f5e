// The notification settings fail fast at start, naming the variable, rather than at the first message.
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../config.js';

const base = { CUSTOS_DATA_DIR: '/tmp/custos-settings-test' };

describe('notification settings', () => {
  it('defaults to the development mailbox for both channels', () => {
    const { notify } = loadSettings(base);
    expect(notify).toMatchObject({
      smsProvider: 'dev',
      emailProvider: 'dev',
      maxAttempts: 5,
      smsSignName: 'Custos',
    });
  });

  it('names what Aliyun and SMTP need when they are chosen without it', () => {
    expect(() => loadSettings({ ...base, CUSTOS_SMS_PROVIDER: 'aliyun' })).toThrow(SettingsError);
    const message = (() => {
      try {
        loadSettings({
          ...base,
          CUSTOS_SMS_PROVIDER: 'aliyun',
          CUSTOS_EMAIL_PROVIDER: 'smtp',
          SMTP_USER: 'u',
        });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATE_CODES',
      'SMTP_HOST',
      'SMTP_FROM',
      'SMTP_PASS',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('reads the template code map as JSON of known template keys', () => {
    const aliyun = {
      ...base,
      CUSTOS_SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '看守所会见',
    };
    const settings = loadSettings({
      ...aliyun,
      ALIYUN_SMS_TEMPLATE_CODES: '{"account.verification_code":"SMS_123456"}',
    });
    expect(settings.notify.aliyun.templateCodes).toEqual({ 'account.verification_code': 'SMS_123456' });
    expect(settings.notify.aliyun.endpoint).toBe('https://dysmsapi.aliyuncs.com/');
    expect(settings.notify.smsSignName).toBe('看守所会见');
    expect(() => loadSettings({ ...aliyun, ALIYUN_SMS_TEMPLATE_CODES: '{not json' })).toThrow(
      /ALIYUN_SMS_TEMPLATE_CODES: must be a JSON object/,
    );
    expect(() =>
      loadSettings({ ...aliyun, ALIYUN_SMS_TEMPLATE_CODES: '{"booking.nonexistent":"SMS_1"}' }),
    ).toThrow(/unknown template key booking\.nonexistent/);
  });

  it('keeps secrets out of JSON and inspection', () => {
    const settings = loadSettings({ ...base, SMTP_USER: 'u', SMTP_PASS: 'hunter2-smtp' });
    expect(JSON.stringify(settings)).not.toContain('hunter2-smtp');
    expect(settings.notify.smtp.pass?.reveal()).toBe('hunter2-smtp');
  });

  it('bounds the number of attempts', () => {
    expect(() => loadSettings({ ...base, CUSTOS_NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(
      /CUSTOS_NOTIFY_MAX_ATTEMPTS/,
    );
    expect(loadSettings({ ...base, CUSTOS_NOTIFY_MAX_ATTEMPTS: '8' }).notify.maxAttempts).toBe(8);
  });
});
