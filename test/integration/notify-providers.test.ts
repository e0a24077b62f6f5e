// The real providers against real peers on 127.0.0.1: email through an SMTP exchange with an smtp-server
// instance, and SMS through the Aliyun SendSms adapter against a local HTTP server that checks the request
// and its signature with a computation of its own. Both are configured through the environment, as an
// operator would.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import util from 'node:util';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../src/modules/notify/notify-service.js';
import { renderTemplate, type TemplateKey } from '../../src/modules/notify/templates.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

const SMTP_PASSWORD = 'smtp-password-never-logged';
const ALIYUN_SECRET = 'aliyun-secret-never-logged';

interface ReceivedMail {
  user: unknown;
  from: string;
  to: string[];
  raw: string;
}
const mails: ReceivedMail[] = [];
let smtp: SMTPServer;

interface AliyunAnswer {
  status: number;
  body: Record<string, string>;
}
const aliyunRequests: { method: string; url: string }[] = [];
let aliyunAnswer: AliyunAnswer;
let aliyun: http.Server;

let t: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'custos' && auth.password === SMTP_PASSWORD) callback(null, { user: 'custos' });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      } else if (address.address.startsWith('busy@')) {
        callback(Object.assign(new Error('4.2.1 Mailbox busy, try again later'), { responseCode: 451 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          user: session.user,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));

  aliyun = http.createServer((req, res) => {
    aliyunRequests.push({ method: req.method!, url: req.url! });
    res.writeHead(aliyunAnswer.status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(aliyunAnswer.body));
  });
  await new Promise<void>((resolve) => aliyun.listen(0, '127.0.0.1', resolve));

  t = await startTestApp({
    env: {
      CUSTOS_EMAIL_PROVIDER: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
      SMTP_USER: 'custos',
      SMTP_PASS: SMTP_PASSWORD,
      SMTP_FROM: 'Custos 通知 <noreply@custos.test>',
      CUSTOS_SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ENDPOINT: `http://127.0.0.1:${(aliyun.address() as AddressInfo).port}/`,
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test-key-id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: ALIYUN_SECRET,
      ALIYUN_SMS_SIGN_NAME: '看守所会见',
      ALIYUN_SMS_TEMPLATE_CODES: JSON.stringify({ 'account.verification_code': 'SMS_71390007' }),
      CUSTOS_NOTIFY_MAX_ATTEMPTS: '3',
    },
  });
});

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await new Promise<void>((resolve) => aliyun?.close(() => resolve()));
});

const db = () => t.custos.database.db;
const notification = async (id: string) => (await t.custos.repositories.notify.notificationById(db(), id))!;
function enqueue<K extends TemplateKey>(request: NotificationRequest<K>) {
  return t.custos.tx.run((tx, afterCommit) => t.custos.services.notify.enqueue(tx, afterCommit, request));
}
const code = { code: '428613', minutes: 10 };

// ---- reading what arrived over SMTP, without a mail parser

function headersOf(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    head.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=), adjacent ones joined. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const encoding = headersOf(raw).get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

describe('email over SMTP', () => {
  it('delivers the rendered message through a real SMTP exchange, authenticated', async () => {
    const lawyer = await t.custos.repositories.identity.userByUsername(db(), 'demo-lawyer');
    const { id } = await enqueue({
      channel: 'email',
      to: 'Lawyer.Wang@Example.COM',
      userId: lawyer!.id,
      template: 'account.verification_code',
      params: code,
      locale: 'zh-CN',
    });
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({ claimed: 1, sent: 1 });

    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({
      user: 'custos',
      from: 'noreply@custos.test',
      to: ['lawyer.wang@example.com'],
    });
    const headers = headersOf(mail.raw);
    const expected = renderTemplate('account.verification_code', 'zh-CN', code);
    expect(decodeWords(headers.get('subject')!)).toBe('Custos 验证码：428613');
    expect(decodeWords(headers.get('from')!)).toContain('Custos 通知');
    expect(headers.get('x-custos-notification')).toBe(id);
    expect(bodyOf(mail.raw).trim()).toBe(expected.text);

    expect(await notification(id)).toMatchObject({
      status: 'sent',
      provider: 'smtp',
      attempts: 1,
      subject: expected.subject,
      providerMessageId: headers.get('message-id'),
    });
  });

  it('fails at once on a refused recipient and retries a temporary refusal', async () => {
    const refused = await enqueue({
      channel: 'email',
      to: 'nobody@example.com',
      template: 'test.ping',
      params: {},
      locale: 'en',
    });
    const busy = await enqueue({
      channel: 'email',
      to: 'busy@example.com',
      template: 'test.ping',
      params: {},
      locale: 'en',
    });
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({
      claimed: 2,
      failed: 1,
      retrying: 1,
    });
    const failed = await notification(refused.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, provider: 'smtp' });
    expect(failed.lastError).toMatch(/550/);
    expect(await notification(busy.id)).toMatchObject({ status: 'pending', attempts: 1 });
    // Retried after the backoff until the attempts (3 here) run out.
    t.clock.advance(60_000);
    await t.custos.services.notify.dispatchDue();
    t.clock.advance(5 * 60_000);
    await t.custos.services.notify.dispatchDue();
    expect(await notification(busy.id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(mails).toHaveLength(1);
  });
});

// ---- an independent implementation of Aliyun's signature, as the Java sample of their documentation
// builds it: form-encode (java.net.URLEncoder), then + -> %20, * -> %2A, %7E -> ~.

function specialUrlEncode(value: string): string {
  return new URLSearchParams([['', value]])
    .toString()
    .slice(1)
    .replaceAll('+', '%20')
    .replaceAll('*', '%2A')
    .replaceAll('%7E', '~');
}

function sortedQuery(params: Record<string, string>): string {
  return Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${specialUrlEncode(k)}=${specialUrlEncode(v)}`)
    .join('&');
}

function referenceSignature(secret: string, params: Record<string, string>): string {
  const toSign = `GET&${specialUrlEncode('/')}&${specialUrlEncode(sortedQuery(params))}`;
  return createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
}

describe('SMS through the Aliyun SendSms adapter', () => {
  it('has a reference signature that reproduces Aliyun’s published examples', () => {
    // Short Message Service documentation, SendSms with AccessKey testId / testSecret.
    expect(
      referenceSignature('testSecret', {
        AccessKeyId: 'testId',
        Action: 'SendSms',
        Format: 'XML',
        OutId: '123',
        PhoneNumbers: '15300000001',
        RegionId: 'cn-hangzhou',
        SignName: '阿里云短信测试专用',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
        SignatureVersion: '1.0',
        TemplateCode: 'SMS_71390007',
        TemplateParam: '{"customer":"test"}',
        Timestamp: '2017-07-12T02:42:19Z',
        Version: '2017-05-25',
      }),
    ).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    // The general RPC signature documentation, DescribeRegions with testid / testsecret.
    expect(
      referenceSignature('testsecret', {
        AccessKeyId: 'testid',
        Action: 'DescribeRegions',
        Format: 'XML',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
        SignatureVersion: '1.0',
        TimeStamp: '2016-02-23T12:46:24Z',
        Version: '2014-05-26',
      }),
    ).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('sends every SendSms parameter, signed as documented, and records the BizId', async () => {
    aliyunAnswer = {
      status: 200,
      body: {
        Message: 'OK',
        RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990',
        BizId: '900619746936498440^0',
        Code: 'OK',
      },
    };
    const { id } = await enqueue({
      channel: 'sms',
      to: '13800138000',
      template: 'account.verification_code',
      params: code,
      locale: 'zh-CN',
    });
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({ claimed: 1, sent: 1 });

    expect(aliyunRequests).toHaveLength(1);
    const request = aliyunRequests[0]!;
    expect(request.method).toBe('GET');
    const url = new URL(request.url, 'http://127.0.0.1');
    expect(url.pathname).toBe('/');
    const params = Object.fromEntries(url.searchParams);
    const { Signature: signature, ...signed } = params;
    expect(signed).toEqual({
      AccessKeyId: 'LTAI-test-key-id',
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: expect.stringMatching(/^[0-9a-f-]{36}$/),
      SignatureVersion: '1.0',
      Timestamp: t.clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
      PhoneNumbers: '13800138000',
      SignName: '看守所会见',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"code":"428613","minutes":"10"}',
      OutId: id,
    });
    expect(signature).toBe(referenceSignature(ALIYUN_SECRET, signed));
    // Byte for byte: the signature first, then the sorted, RFC 3986-encoded parameters.
    expect(url.search).toBe(`?Signature=${specialUrlEncode(signature!)}&${sortedQuery(signed)}`);
    expect(request.url).not.toContain(ALIYUN_SECRET);

    expect(await notification(id)).toMatchObject({
      status: 'sent',
      provider: 'sms-aliyun',
      providerMessageId: '900619746936498440^0',
    });
  });

  it('fails at once for a template with no Aliyun TemplateCode, without calling Aliyun', async () => {
    const { id } = await enqueue({
      channel: 'sms',
      to: '13800138001',
      template: 'test.ping',
      params: {},
      locale: 'zh-CN',
    });
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect((await notification(id)).lastError).toMatch(/no Aliyun TemplateCode for template test\.ping/);
    expect(aliyunRequests).toHaveLength(1);
  });

  it('fails a refused number at once, and retries a throttled request', async () => {
    aliyunAnswer = {
      status: 200,
      body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'r-1' },
    };
    const refused = await enqueue({
      channel: 'sms',
      to: '13800138002',
      template: 'account.verification_code',
      params: code,
      locale: 'zh-CN',
    });
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({ failed: 1 });
    expect(await notification(refused.id)).toMatchObject({
      status: 'failed',
      lastError: 'Aliyun SMS: isv.MOBILE_NUMBER_ILLEGAL: 非法手机号 (RequestId r-1)',
    });

    aliyunAnswer = {
      status: 200,
      body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控', RequestId: 'r-2' },
    };
    const throttled = await enqueue({
      channel: 'sms',
      to: '13800138003',
      template: 'account.verification_code',
      params: code,
      locale: 'en',
    });
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({ retrying: 1 });
    expect(await notification(throttled.id)).toMatchObject({ status: 'pending', attempts: 1 });

    aliyunAnswer = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: 'biz-2', RequestId: 'r-3' } };
    t.clock.advance(60_000);
    expect(await t.custos.services.notify.dispatchDue()).toMatchObject({ sent: 1 });
    expect(await notification(throttled.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      providerMessageId: 'biz-2',
    });

    // A server error without a JSON answer is temporary too.
    aliyunAnswer = { status: 503, body: {} };
    const unavailable = await enqueue({
      channel: 'sms',
      to: '13800138004',
      template: 'account.verification_code',
      params: code,
      locale: 'en',
    });
    await t.custos.services.notify.dispatchDue();
    expect(await notification(unavailable.id)).toMatchObject({
      status: 'pending',
      lastError: 'Aliyun SMS: HTTP 503',
    });
  });
});

describe('settings', () => {
  it('never prints the SMTP password or the Aliyun secret', () => {
    for (const text of [JSON.stringify(t.settings), util.inspect(t.settings, { depth: 10 })]) {
      expect(text).not.toContain(SMTP_PASSWORD);
      expect(text).not.toContain(ALIYUN_SECRET);
      expect(text).toContain('[redacted]');
    }
  });
});
