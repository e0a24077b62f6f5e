// Starts the real Custos (same composition as `npm start`) on a fresh test database and offers the calls
// a test needs: HTTP requests through Fastify's inject, sign-in as any seeded user, the services.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { createCustos, type Custos } from '../../src/composition.js';
import { loadSettings, type Settings } from '../../src/config.js';
import { ManualClock } from '../../src/platform/clock.js';
import { seedDemo, type DemoCredential } from '../../src/modules/identity/demo-seed.js';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  custos: Custos;
  app: FastifyInstance;
  clock: ManualClock;
  settings: Settings;
  dataDir: string;
  database: TestDatabase;
  credentials: Map<string, DemoCredential>;
  request(options: RequestOptions): Promise<LightMyRequestResponse>;
  /** Signs in a demo user through the API, passing TOTP enrolment or verification for staff. */
  signIn(username: string): Promise<Session>;
  close(): Promise<void>;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  session?: Session;
  headers?: Record<string, string>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  totpSecret?: string;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  seed?: boolean;
  /** Use this existing PostgreSQL database (not dropped afterwards) instead of a fresh one. */
  databaseUrl?: string;
  /** Where the test clock starts; browser tests need real time, since cookies expire by the browser's clock. */
  now?: Date;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-test-'));
  const database: TestDatabase = options.databaseUrl
    ? {
        settings: { kind: 'postgres', url: options.databaseUrl, poolSize: 4 },
        url: options.databaseUrl,
        drop: async () => {},
      }
    : await createTestDatabase();
  const settings = {
    ...loadSettings({ CUSTOS_DATA_DIR: dataDir, CUSTOS_LOG_LEVEL: 'silent', ...options.env }),
    database: database.settings,
  };
  const clock = new ManualClock(options.now ?? new Date('2026-11-26T02:00:00Z'));
  // CUSTOS_TEST_LOG=error shows what the app logs (a 500's cause) while a test runs.
  const custos = await createCustos({
    settings,
    clock,
    logger: pino({ level: process.env.CUSTOS_TEST_LOG ?? 'silent' }),
  });
  const app = await custos.buildApp();
  await app.ready();
  const credentials = new Map<string, DemoCredential>();
  if (options.seed !== false) {
    const seeded = await seedDemo({
      tx: custos.tx,
      repo: custos.repositories.identity,
      users: custos.services.users,
      audit: custos.services.audit,
    });
    for (const c of seeded ?? []) credentials.set(c.username, c);
  }
  const totpSecrets = new Map<string, string>();

  const request: TestApp['request'] = (o) =>
    app.inject({
      method: o.method,
      url: o.url,
      ...(o.body !== undefined ? { payload: o.body as object } : {}),
      headers: {
        ...(o.session ? { cookie: o.session.cookie, 'x-csrf-token': o.session.csrfToken } : {}),
        ...o.headers,
      },
    });

  async function signIn(username: string): Promise<Session> {
    const password = credentials.get(username)?.password;
    if (!password) throw new Error(`no demo credential for ${username}`);
    const login = await request({ method: 'POST', url: '/api/auth/login', body: { username, password } });
    if (login.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${login.body}`);
    const cookie = sessionCookie(login);
    let view = login.json<{ secondFactor: string; csrfToken: string }>();
    const session: Session = { cookie, csrfToken: view.csrfToken };
    if (view.secondFactor === 'enrolment_required') {
      const offer = await request({ method: 'POST', url: '/api/auth/totp/enrolment', session });
      const secret = offer.json<{ secret: string }>().secret;
      totpSecrets.set(username, secret);
      const confirm = await request({
        method: 'POST',
        url: '/api/auth/totp/enrolment/confirm',
        session,
        body: { code: currentTotp(secret, clock.now()) },
      });
      if (confirm.statusCode !== 200) throw new Error(`enrolment of ${username} failed: ${confirm.body}`);
      view = confirm.json();
    } else if (view.secondFactor === 'required') {
      const secret = totpSecrets.get(username)!;
      // A code is accepted once; step past the last one used.
      clock.advance(30_000);
      const verify = await request({
        method: 'POST',
        url: '/api/auth/totp/verify',
        session,
        body: { code: currentTotp(secret, clock.now()) },
      });
      if (verify.statusCode !== 200) throw new Error(`TOTP of ${username} failed: ${verify.body}`);
      view = verify.json();
    }
    return { ...session, csrfToken: view.csrfToken, totpSecret: totpSecrets.get(username) };
  }

  return {
    custos,
    app,
    clock,
    settings,
    dataDir,
    database,
    credentials,
    request,
    signIn,
    async close() {
      await app.close();
      await custos.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'custos_session');
  if (!cookie) throw new Error('no session cookie in response');
  return `custos_session=${cookie.value}`;
}
