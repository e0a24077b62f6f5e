// Signing in, the second factor, lock-out, CSRF and session expiry, through the HTTP API on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { sessionCookie, startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function actions(username: string): Promise<string[]> {
  const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, { limit: 100 });
  return events.filter((e) => e.actorUsername === username).map((e) => e.action);
}

const login = (username: string, password: string) =>
  t.request({ method: 'POST', url: '/api/auth/login', body: { username, password } });

describe('password sign-in', () => {
  it('signs a lawyer in without a second factor, with an HttpOnly SameSite cookie', async () => {
    const res = await login('demo-lawyer', t.credentials.get('demo-lawyer')!.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.secondFactor).toBe('not_required');
    expect(body.user.roles).toEqual(['lawyer']);
    const cookie = res.cookies.find((c) => c.name === 'custos_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.request({
      method: 'GET',
      url: '/api/me/activity',
      session: { cookie: sessionCookie(res), csrfToken: body.csrfToken },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().items[0].action).toBe('auth.login.succeeded');
  });

  it('refuses a wrong password with a bilingual problem and records the failure', async () => {
    const res = await login('demo-station', 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('auth.invalid_credentials');
    expect(problem.message['zh-CN']).toBe('用户名或密码错误。');
    expect(problem.message.en).toBe('Wrong username or password.');
    expect(await actions('demo-station')).toContain('auth.login.failed');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await login('nobody-here', 'whatever-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
    expect(await actions('nobody-here')).toEqual(['auth.login.failed']);
  });

  it('locks the account after repeated failures, even for the right password, and audits the lock', async () => {
    const max = t.settings.login.maxFailures;
    for (let i = 0; i < max - 1; i++)
      expect((await login('demo-court', 'wrong-password')).statusCode).toBe(401);
    const last = await login('demo-court', 'wrong-password');
    expect(last.statusCode).toBe(423);
    expect(last.json().code).toBe('auth.locked');
    expect(Date.parse(last.json().data.lockedUntil)).toBeGreaterThan(t.clock.now().getTime());
    const right = await login('demo-court', t.credentials.get('demo-court')!.password);
    expect(right.statusCode).toBe(423);
    const acts = await actions('demo-court');
    expect(acts).toContain('auth.locked');
    expect(acts).toContain('auth.login.refused_locked');
    // The lock lifts by itself once its time has passed.
    t.clock.advance(t.settings.login.lockoutMs + 1000);
    expect((await login('demo-court', t.credentials.get('demo-court')!.password)).statusCode).toBe(200);
  });

  it('rejects malformed input with field errors in both languages', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', body: { username: '' } });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('http.validation');
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password']));
    for (const e of problem.errors) {
      expect(e.message['zh-CN']).toBeTruthy();
      expect(e.message.en).toBeTruthy();
    }
  });
});

describe('second factor for staff', () => {
  it('makes staff enrol TOTP from a QR code before anything else, then asks for a code at each sign-in', async () => {
    const password = t.credentials.get('demo-reviewer')!.password;
    const first = await login('demo-reviewer', password);
    expect(first.json().secondFactor).toBe('enrolment_required');
    const session = { cookie: sessionCookie(first), csrfToken: first.json().csrfToken };

    // Nothing but the sign-in steps works until the second factor is passed.
    const blocked = await t.request({ method: 'GET', url: '/api/me/activity', session });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.session_incomplete');

    const offer = await t.request({ method: 'POST', url: '/api/auth/totp/enrolment', session });
    expect(offer.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = offer.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Custos:demo-reviewer\?/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Reloading the page offers the same secret, so a half-finished scan still works.
    expect(
      (await t.request({ method: 'POST', url: '/api/auth/totp/enrolment', session })).json().secret,
    ).toBe(secret);

    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/totp/enrolment/confirm',
      session,
      body: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.totp_invalid');

    const ok = await t.request({
      method: 'POST',
      url: '/api/auth/totp/enrolment/confirm',
      session,
      body: { code: currentTotp(secret, t.clock.now()) },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().secondFactor).toBe('done');
    expect((await t.request({ method: 'GET', url: '/api/me/activity', session })).statusCode).toBe(200);

    // Next sign-in: a code is required, and the one just used is refused (replay).
    const second = await login('demo-reviewer', password);
    expect(second.json().secondFactor).toBe('required');
    const s2 = { cookie: sessionCookie(second), csrfToken: second.json().csrfToken };
    const replay = await t.request({
      method: 'POST',
      url: '/api/auth/totp/verify',
      session: s2,
      body: { code: currentTotp(secret, t.clock.now()) },
    });
    expect(replay.statusCode).toBe(400);
    t.clock.advance(30_000);
    const fresh = await t.request({
      method: 'POST',
      url: '/api/auth/totp/verify',
      session: s2,
      body: { code: currentTotp(secret, t.clock.now()) },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().secondFactor).toBe('done');
    const acts = await actions('demo-reviewer');
    expect(acts).toEqual(
      expect.arrayContaining(['auth.totp.enrolled', 'auth.totp.verified', 'auth.totp.failed']),
    );
  });

  it('ends the session and counts towards lock-out after five wrong codes', async () => {
    await t.signIn('demo-supervisor'); // enrols
    const second = await login('demo-supervisor', t.credentials.get('demo-supervisor')!.password);
    const session = { cookie: sessionCookie(second), csrfToken: second.json().csrfToken };
    const codes = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await t.request({ method: 'POST', url: '/api/auth/totp/verify', session, body: { code: '123456' } }))
          .statusCode,
      );
    }
    expect(codes.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(codes[4]).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session })).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('requires the CSRF token on state-changing requests', async () => {
    const session = await t.signIn('demo-lawyer');
    const without = await t.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf');
    const forged = await t.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', session })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session })).statusCode).toBe(401);
    expect(await actions('demo-lawyer')).toContain('auth.logout');
  });

  it('expires after the idle time, and after the absolute time however active', async () => {
    const session = await t.signIn('demo-lawyer');
    t.clock.advance(t.settings.session.idleMs + 1000);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session })).statusCode).toBe(401);

    const active = await t.signIn('demo-lawyer');
    const steps = Math.ceil(t.settings.session.absoluteMs / (t.settings.session.idleMs / 2)) + 1;
    let status = 200;
    for (let i = 0; i < steps && status === 200; i++) {
      t.clock.advance(t.settings.session.idleMs / 2);
      status = (await t.request({ method: 'GET', url: '/api/auth/session', session: active })).statusCode;
    }
    expect(status).toBe(401);
  });

  it('forces a password change for an account whose password an admin issued', async () => {
    const admin = await t.signIn('demo-admin');
    const units = (await t.request({ method: 'GET', url: '/api/org-units', session: admin })).json().items;
    const centre = units.find((u: { kind: string }) => u.kind === 'detention_centre');
    const created = await t.request({
      method: 'POST',
      url: '/api/users',
      session: admin,
      body: { username: 'new.staff', displayName: '新同事', unitId: centre.id, roles: ['centre_staff'] },
    });
    expect(created.statusCode).toBe(201);
    const temporary = created.json().temporaryPassword;
    const res = await login('new.staff', temporary);
    const session = { cookie: sessionCookie(res), csrfToken: res.json().csrfToken };
    const offer = await t.request({ method: 'POST', url: '/api/auth/totp/enrolment', session });
    const confirm = await t.request({
      method: 'POST',
      url: '/api/auth/totp/enrolment/confirm',
      session,
      body: { code: currentTotp(offer.json().secret, t.clock.now()) },
    });
    expect(confirm.json().passwordChangeRequired).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/me/activity', session })).statusCode).toBe(403);
    const tooShort = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      session,
      body: { currentPassword: temporary, newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('newPassword');
    const changed = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      session,
      body: { currentPassword: temporary, newPassword: 'a much longer passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().passwordChangeRequired).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/me/activity', session })).statusCode).toBe(200);
    expect((await login('new.staff', temporary)).statusCode).toBe(401);
  });
});
