// On PostgreSQL the app should run as a role that owns nothing: it may append to the audit log but never
// change it, and it cannot switch the append-only triggers off. (PGlite has a single user; there the
// triggers alone hold, as the audit-log tests show.)
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { onPostgres } from '../harness/test-database.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

describe.runIf(onPostgres)('least-privilege app role on PostgreSQL', () => {
  let t: TestApp;
  const role = `custos_app_${crypto.randomBytes(4).toString('hex')}`;
  let app: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    await t.custos.services.integrator.integrateAll();
    await t.custos.database.executeSql(`CREATE ROLE ${role} LOGIN PASSWORD 'app-role-test'`);
    const out: string[] = [];
    const code = await run(['db', 'grant-app-role', role], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: { CUSTOS_DATA_DIR: t.dataDir, CUSTOS_LOG_LEVEL: 'silent', DATABASE_URL: t.database.url! },
    });
    expect(code, out.join('\n')).toBe(0);
    const url = new URL(t.database.url!);
    url.username = role;
    url.password = 'app-role-test';
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await t?.close();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('may read and append audit events', async () => {
    const inserted = await app.query(
      `insert into audit_event (occurred_at, action, payload) values (now(), 'test.app_role', '{}') returning id`,
    );
    await app.query('insert into audit_pending (event_id) values ($1)', [inserted.rows[0].id]);
    const read = await app.query('select count(*)::int as n from audit_event');
    expect(read.rows[0].n).toBeGreaterThan(0);
  });

  it.each([
    ['update', `update audit_event set action = 'x'`],
    ['delete', 'delete from audit_event'],
    ['truncate', 'truncate audit_event cascade'],
    ['rewrite a leaf', 'update audit_leaf set leaf_hash = leaf_hash'],
    ['drop checkpoints', 'delete from audit_checkpoint'],
  ])('may not %s', async (_what, statement) => {
    await expect(app.query(statement)).rejects.toThrow(/permission denied/);
  });

  it.each([
    'recording_copy',
    'recording_media_fact',
    'recording_annotation',
    'fixity_check',
    'recording_derivative',
    'transcript',
    'recording_interruption',
    'interruption_annotation',
  ])('holds no update, delete or truncate right on the write-once evidence table %s', async (table) => {
    const rights = await app.query(
      `select has_table_privilege(current_user, $1, 'UPDATE') as u,
              has_table_privilege(current_user, $1, 'DELETE') as d,
              has_table_privilege(current_user, $1, 'TRUNCATE') as t,
              has_table_privilege(current_user, $1, 'INSERT') as i`,
      [table],
    );
    expect(rights.rows[0]).toEqual({ u: false, d: false, t: false, i: true });
  });

  it('cannot switch the append-only triggers off', async () => {
    await expect(app.query('alter table audit_event disable trigger user')).rejects.toThrow(/must be owner/);
  });

  it('runs the app through the restricted role once the owner has migrated', async () => {
    const url = new URL(t.database.url!);
    url.username = role;
    url.password = 'app-role-test';
    const restricted = await startTestApp({
      env: { CUSTOS_MIGRATE_ON_START: 'false' },
      seed: false,
      databaseUrl: url.toString(),
    });
    try {
      expect((await restricted.request({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await restricted.close();
    }
  });
});
