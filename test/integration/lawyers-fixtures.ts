// Shared by the lawyers tests: valid numbers, files, a code read from the outbox, and a registered lawyer.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Actor } from '../../src/modules/identity/actor.js';
import { queryRows } from '../../src/platform/db/database.js';
import { sessionCookie, type Session, type TestApp } from '../harness/test-app.js';
import { idNo, licenceNo } from '../harness/test-numbers.js';

export { idNo, licenceNo };

export const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(200)]);
export const pdf = () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

export function mobile(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}

/**
 * A request without a session from an address of its own: the public routes are rate-limited per address,
 * and a test file sends more than one person would.
 */
export function anonymousPost(t: TestApp, url: string, body: unknown) {
  const address = `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
  return t.app.inject({ method: 'POST', url, payload: body as object, remoteAddress: address });
}

export const sendCode = (t: TestApp, number: string) =>
  anonymousPost(t, '/api/lawyer-registrations/verification-codes', { mobile: number });

/** Asks for a code for the number and reads it from the outbox, as the phone would show it. */
export async function requestCode(t: TestApp, number: string): Promise<string> {
  const res = await sendCode(t, number);
  expect(res.statusCode, res.body).toBe(202);
  return lastCode(t, number);
}

export async function lastCode(t: TestApp, number: string): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    t.custos.database.db,
    sql`select params->>'code' as code from notification
         where recipient = ${number} and template = 'account.verification_code'
         order by created_at desc, id desc limit 1`,
  );
  return row!.code;
}

export interface Registrant {
  n: number;
  username: string;
  password: string;
  mobile: string;
  body: Record<string, unknown>;
}

/** A complete registration form for person n (the code still to be filled in). */
export function registrant(n: number, overrides: Record<string, unknown> = {}): Registrant {
  const username = `lawyer.reg${n}`;
  const password = 'correct horse battery staple';
  const number = mobile(n);
  return {
    n,
    username,
    password,
    mobile: number,
    body: {
      name: `律师${n}号`,
      licenceNo: licenceNo(n),
      idNo: idNo(n),
      mobile: number,
      firmName: '河北正衡律师事务所',
      username,
      password,
      licencePhoto: png().toString('base64'),
      ...overrides,
    },
  };
}

/** Registers person n through the API; returns the response. */
export async function register(t: TestApp, r: Registrant) {
  const code = await requestCode(t, r.mobile);
  // Codes are throttled to one a minute per number.
  t.clock.advance(61_000);
  return anonymousPost(t, '/api/lawyer-registrations', { ...r.body, code });
}

/** Lawyers have no second factor: a password sign-in is a complete session. */
export async function signInWith(t: TestApp, username: string, password: string): Promise<Session> {
  const login = await t.request({ method: 'POST', url: '/api/auth/login', body: { username, password } });
  expect(login.statusCode, login.body).toBe(200);
  return { cookie: sessionCookie(login), csrfToken: login.json().csrfToken };
}

/** A lawyer account an administrator would create (no registration), as an Actor for service calls; its
 * password is known to `t.signIn`. */
export async function provisionedLawyer(
  t: TestApp,
  username: string,
  displayName = username,
): Promise<Actor> {
  const db = t.custos.database.db;
  const firm = (await t.custos.repositories.identity.unitByCode(db, 'LF-13010001'))!;
  const user = await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username,
        displayName,
        unit: firm,
        roles: ['lawyer'],
        password: 'a long password here',
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  t.credentials.set(username, { username, password: 'a long password here', role: 'lawyer', displayName });
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: ['lawyer'],
    unit: { id: firm.id, kind: 'law_firm', path: firm.path },
    regionPath: firm.path,
    sessionId: 'test',
  };
}

export const ctx = { ip: null, userAgent: null, correlationId: null };
