// Lawyer self-registration end to end: field errors in both languages, the mobile code (wrong, expired,
// overused, throttled), duplicates, the licence photo's type, the firm's place in the tree, the audit log.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import {
  anonymousPost,
  idNo,
  lastCode,
  licenceNo,
  mobile,
  pdf,
  register,
  registrant,
  requestCode,
  sendCode,
  signInWith,
} from './lawyers-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;
const post = (body: Record<string, unknown>) => anonymousPost(t, '/api/lawyer-registrations', body);

type FieldError = { path: string; code: string; message: { 'zh-CN': string; en: string } };
const fieldErrors = (res: { json(): { errors?: FieldError[] } }) =>
  new Map((res.json().errors ?? []).map((e) => [e.path, e]));

describe('field errors', () => {
  it('names every invalid field with its own message in Chinese and English', async () => {
    const res = await post({
      name: '',
      licenceNo: '1130120101',
      idNo: '110105198001010010',
      mobile: '12345678901',
      code: '12a456',
      firmName: '所',
      username: 'Not Allowed!',
      password: 'short',
      licencePhoto: Buffer.from('just some text, not a licence').toString('base64'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('http.validation');
    const errors = fieldErrors(res);
    expect([...errors.keys()].sort()).toEqual(
      [
        'code',
        'firmName',
        'idNo',
        'licenceNo',
        'licencePhoto',
        'mobile',
        'name',
        'password',
        'username',
      ].sort(),
    );
    expect(errors.get('licenceNo')!.message).toEqual({
      'zh-CN': '执业证号应为 17 位数字（2009 年以前颁发的为 12 位）',
      en: 'a licence number has 17 digits (12 on a licence issued before 2009)',
    });
    expect(errors.get('idNo')!.message['zh-CN']).toContain('校验码');
    expect(errors.get('idNo')!.message.en).toContain('does not match');
    expect(errors.get('mobile')!.message).toEqual({
      'zh-CN': '应为中国大陆手机号码：以 13 至 19 开头的 11 位数字',
      en: 'a mainland China mobile number: 11 digits starting with 13 to 19',
    });
    expect(errors.get('code')!.message).toEqual({ 'zh-CN': '应为 6 位数字', en: 'six digits' });
    expect(errors.get('username')!.message['zh-CN']).toBe('只能包含小写字母、数字、点、下划线和连字符');
    expect(errors.get('licencePhoto')!.message).toEqual({
      'zh-CN': '执业证照片应为 JPEG、PNG 或 PDF 文件',
      en: 'the licence photo must be a JPEG, PNG or PDF file',
    });
    // Zod's own checks come localised: both languages, and they differ.
    for (const path of ['name', 'firmName', 'password']) {
      const { message } = errors.get(path)!;
      expect(message['zh-CN'], path).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en, path).toMatch(/[a-z]/);
    }
  });

  it('gives each kind of licence and ID number mistake its own message', async () => {
    const cases: [string, string, string][] = [
      ['licenceNo', '1130120101012345a', 'a licence number contains digits only'],
      [
        'licenceNo',
        '21301201010123456',
        'the 1st digit must be 1 and the 10th a practice category from 1 to 9',
      ],
      [
        'licenceNo',
        '19901201010123456',
        'the province code (digits 2–3, or 1–2 on a 12-digit licence) is not valid',
      ],
      [
        'licenceNo',
        '11301197010123456',
        'digits 6–9 are not a possible year of first licence (1979 to this year)',
      ],
      ['idNo', '11010519800101001', 'an ID number has 18 characters'],
      ['idNo', '99010519800101001X', 'the first two digits are not a valid province code'],
      ['idNo', '110105198013010012', 'digits 7 to 14 are not a valid date of birth'],
    ];
    for (const [field, value, en] of cases) {
      const res = await post({ ...registrant(1).body, code: '123456', [field]: value });
      expect(res.statusCode, `${field} ${value}`).toBe(400);
      const error = fieldErrors(res).get(field)!;
      expect(error.message.en, value).toBe(en);
      expect(error.message['zh-CN'], value).not.toBe(en);
    }
  });

  it('accepts a legacy 12-digit licence number', async () => {
    const res = await post({ ...registrant(2).body, code: '123456', licenceNo: '130000123456' });
    // Every field is valid; only the code (never sent) stops it.
    expect(res.json().code).toBe('lawyer.code_not_sent');
  });

  it('refuses a licence photo over 5 MB, and one that is not base64', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await post({
      ...registrant(3).body,
      code: '123456',
      licencePhoto: big.toString('base64'),
    });
    expect(tooBig.statusCode).toBe(400);
    expect(fieldErrors(tooBig).get('licencePhoto')!.message).toEqual({
      'zh-CN': '执业证照片不能超过 5 MB',
      en: 'the licence photo must be 5 MB or smaller',
    });
    const garbled = await post({ ...registrant(3).body, code: '123456', licencePhoto: '%%%%' });
    expect(fieldErrors(garbled).get('licencePhoto')!.message.en).toBe(
      'the licence photo must be sent as base64',
    );
  });
});

describe('the verification code', () => {
  it('is sent by SMS and stored only as a keyed hash', async () => {
    const number = mobile(10);
    const code = await requestCode(t, number);
    expect(code).toMatch(/^\d{6}$/);
    const rows = await queryRows<{ code_hash: string; expires_at: Date; created_at: Date }>(
      db(),
      sql`select code_hash, expires_at, created_at from mobile_verification where mobile = ${number}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).not.toContain(code);
    expect(new Date(rows[0]!.expires_at).getTime() - new Date(rows[0]!.created_at).getTime()).toBe(600_000);
  });

  it('refuses a wrong code, counting the tries, and dies after five wrong ones', async () => {
    const r = registrant(11);
    const code = await requestCode(t, r.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await post({ ...r.body, code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'lawyer.code_wrong', data: { remainingAttempts: left } });
      expect(res.json().errors[0]).toMatchObject({ path: 'code', code: 'lawyer.code_wrong' });
      expect(res.json().message['zh-CN']).toContain(`还可尝试 ${left} 次`);
    }
    const fifth = await post({ ...r.body, code: wrong });
    expect(fifth.json().code).toBe('lawyer.code_exhausted');
    // Overused: even the right code no longer works.
    const right = await post({ ...r.body, code });
    expect(right.statusCode).toBe(400);
    expect(right.json().code).toBe('lawyer.code_exhausted');
  });

  it('expires after ten minutes', async () => {
    const r = registrant(12);
    const code = await requestCode(t, r.mobile);
    t.clock.advance(10 * 60_000 + 1000);
    const res = await post({ ...r.body, code });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'lawyer.code_expired', errors: [{ path: 'code' }] });
  });

  it('asks for a code first when none was sent to the number', async () => {
    const res = await post({ ...registrant(13).body, code: '123456' });
    expect(res.json().code).toBe('lawyer.code_not_sent');
  });

  it('throttles codes: one a minute and five an hour per number', async () => {
    const number = mobile(14);
    await requestCode(t, number);
    const again = await sendCode(t, number);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'lawyer.code_throttled', data: { retryAfterSeconds: 60 } });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      await requestCode(t, number);
    }
    t.clock.advance(61_000);
    const sixth = await sendCode(t, number);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().data.retryAfterSeconds).toBeGreaterThan(60);
  });

  it('works once: a second registration with the same code is refused', async () => {
    const r = registrant(15);
    const res = await register(t, r);
    expect(res.statusCode, res.body).toBe(201);
    const code = await lastCode(t, r.mobile);
    const again = await post({ ...registrant(16, { mobile: r.mobile }).body, code });
    expect(again.json().code).toBe('lawyer.code_not_sent');
  });
});

describe('registration', () => {
  it('creates a pending lawyer in the firm the licence places, audited, who can sign in', async () => {
    const r = registrant(20);
    const res = await register(t, r);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: r.username, status: 'pending' });
    const user = (await t.custos.repositories.identity.userByUsername(db(), r.username))!;
    // Licence 1-13-01: Hebei, Shijiazhuang; the demo's firm of that name sits under the city.
    expect(user.unit.code).toBe('LF-13010001');
    expect(user.roles).toEqual(['lawyer']);

    const events = await t.custos.repositories.audit.listEvents(db(), { limit: 20 });
    const registered = events.find((e) => e.action === 'lawyer.registered')!;
    expect(registered).toMatchObject({ actorUserId: user.id, subjectId: user.id });
    expect(events.map((e) => e.action)).toContain('user.created');

    const session = await signInWith(t, r.username, r.password);
    const me = await t.request({ method: 'GET', url: '/api/lawyers/me', session });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      registered: true,
      status: 'pending',
      rejectionReason: null,
      profile: { name: '律师20号', licenceNo: r.body.licenceNo, mobileMasked: '139****0020' },
    });
    expect(me.json().profile.idNoMasked).toMatch(/^110105\*{8}\d{3}[\dX]$/);
  });

  it('creates a new firm under the licence’s city, or the top region when the platform lacks the province', async () => {
    const city = await register(t, registrant(21, { firmName: '河北新立律师事务所' }));
    expect(city.statusCode, city.body).toBe(201);
    const inCity = (await t.custos.repositories.identity.userByUsername(db(), 'lawyer.reg21'))!;
    const shijiazhuang = (await t.custos.repositories.identity.unitByCode(db(), '130100'))!;
    expect(inCity.unit).toMatchObject({
      kind: 'law_firm',
      name: '河北新立律师事务所',
      parentId: shijiazhuang.id,
    });

    // A Beijing licence: the demo has no Beijing, so the firm hangs under the top region (Hebei).
    const beijing = await register(
      t,
      registrant(22, { firmName: '北京远达律师事务所', licenceNo: licenceNo(22, '11', '01') }),
    );
    expect(beijing.statusCode, beijing.body).toBe(201);
    const top = (await t.custos.repositories.identity.unitByCode(db(), '130000'))!;
    const inTop = (await t.custos.repositories.identity.userByUsername(db(), 'lawyer.reg22'))!;
    expect(inTop.unit.parentId).toBe(top.id);

    // A second lawyer of the same new firm (spaces aside) joins it rather than making another.
    const colleague = await register(t, registrant(23, { firmName: '河北新立 律师事务所' }));
    expect(colleague.statusCode, colleague.body).toBe(201);
    const joined = (await t.custos.repositories.identity.userByUsername(db(), 'lawyer.reg23'))!;
    expect(joined.unitId).toBe(inCity.unitId);
  });

  it('refuses a licence number, ID number or username already registered, naming the field', async () => {
    const first = registrant(30);
    expect((await register(t, first)).statusCode).toBe(201);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ licenceNo: first.body.licenceNo }, 'lawyer.licence_no_taken', 'licenceNo'],
      [{ idNo: first.body.idNo }, 'lawyer.id_no_taken', 'idNo'],
      [{ username: first.username }, 'user.username_taken', 'username'],
    ];
    let n = 31;
    for (const [overrides, code, field] of cases) {
      const res = await register(t, registrant(n++, overrides));
      expect(res.statusCode, code).toBe(409);
      expect(res.json()).toMatchObject({ code, errors: [{ path: field, code }], data: { field } });
      expect(res.json().message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('lets only one of two simultaneous registrations of one licence number through', async () => {
    const a = registrant(60, { licenceNo: licenceNo(60) });
    const b = registrant(61, { licenceNo: licenceNo(60) });
    const [codeA, codeB] = [await requestCode(t, a.mobile), await requestCode(t, b.mobile)];
    const results = await Promise.all([post({ ...a.body, code: codeA }), post({ ...b.body, code: codeB })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('lawyer.licence_no_taken');
  });

  it('a lowercase x in the ID number is the same person', async () => {
    // Serial 2 of this birth date ends in X.
    const withX = idNo(2, '11010519491231');
    expect(withX.endsWith('X')).toBe(true);
    expect((await register(t, registrant(40, { idNo: withX }))).statusCode).toBe(201);
    const again = await register(t, registrant(41, { idNo: withX.toLowerCase() }));
    expect(again.json().code).toBe('lawyer.id_no_taken');
  });

  it('keeps the photo with its SHA-256 and the type read from its bytes', async () => {
    const file = pdf();
    const res = await register(t, registrant(50, { licencePhoto: file.toString('base64') }));
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await queryRows<{ content_type: string; byte_size: number; sha256: string }>(
      db(),
      sql`select d.content_type, d.byte_size, encode(d.sha256, 'hex') as sha256
            from lawyer_document d join lawyer_profile p on p.document_id = d.id
           where p.user_id = ${res.json().userId}`,
    );
    expect(row).toEqual({
      content_type: 'application/pdf',
      byte_size: file.length,
      sha256: (await import('node:crypto')).createHash('sha256').update(file).digest('hex'),
    });
  });
});
