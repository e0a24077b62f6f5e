// The custos command, run in-process against a database on disk (PGlite) or on the PostgreSQL server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { openDatabase } from '../../src/platform/db/connection.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let dataDir: string;
let database: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-'));
  database = await createTestDatabase();
  env = {
    CUSTOS_DATA_DIR: dataDir,
    CUSTOS_LOG_LEVEL: 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  };
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function custos(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function openSame() {
  return openDatabase(
    database.url
      ? { kind: 'postgres', url: database.url, poolSize: 2 }
      : { kind: 'pglite', dir: path.join(dataDir, 'pgdata') },
  );
}

describe('custos CLI', () => {
  it('prints usage and exits 2 for an unknown command', async () => {
    const res = await custos('frobnicate');
    expect(res.code).toBe(2);
    expect(res.err).toContain('Usage: custos');
  });

  it('migrates, seeds the demo once, and writes the credentials file with mode 0600', async () => {
    expect((await custos('migrate')).code).toBe(0);
    const seeded = await custos('seed');
    expect(seeded.code).toBe(0);
    const file = path.join(dataDir, 'demo-credentials.txt');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/demo-admin\s+\S{16}/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await custos('seed')).code).toBe(1);
  });

  it('adds a user with a temporary password and resets it', async () => {
    const added = await custos(
      'user',
      'add',
      '--username',
      'ops.admin',
      '--name',
      '运维管理员',
      '--unit',
      '130102',
      '--role',
      'admin',
    );
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/temporary password .*: \S{4}-\S{4}-\S{4}-\S{4}/);
    const clash = await custos(
      'user',
      'add',
      '--username',
      'bad.mix',
      '--name',
      'x',
      '--unit',
      '130102',
      '--role',
      'admin',
      '--role',
      'custodian',
    );
    expect(clash.code).toBe(1);
    expect(clash.err).toMatch(/Separation of duties/);
    const badUnit = await custos(
      'user',
      'add',
      '--username',
      'nobody',
      '--name',
      'x',
      '--unit',
      'NOPE',
      '--role',
      'admin',
    );
    expect(badUnit.code).toBe(1);
    const reset = await custos('user', 'reset-password', 'ops.admin');
    expect(reset.code).toBe(0);
    expect((await custos('user', 'reset-password', 'no.such.user')).code).toBe(1);
  });

  it('verifies an intact log, then names the first bad event once one is changed', async () => {
    expect((await custos('audit', 'integrate')).code).toBe(0);
    const intact = await custos('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('VERIFIED');
    // The same log checked by a process configured with another port and address still verifies.
    const elsewhere = await run(['audit', 'verify'], {
      out: () => {},
      err: () => {},
      env: { ...env, PORT: '4567', CUSTOS_PUBLIC_URL: 'https://custos.example.cn' },
    });
    expect(elsewhere).toBe(0);

    const handle = await openSame();
    let victim: number;
    try {
      const rows = (await handle.executeSql('select event_id from audit_leaf where position = 4')).rows;
      victim = Number(rows[0]!.event_id);
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_event disable trigger user`);
        await tx.execute(sql`update audit_event set actor_username = 'someone-else' where id = ${victim}`);
        await tx.execute(sql`alter table audit_event enable trigger user`);
      });
    } finally {
      await handle.close();
    }
    const tampered = await custos('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('FAILED');
    expect(tampered.out).toContain(`first bad event: ${victim}`);
  });

  it('refuses a verifier key file it cannot find', async () => {
    const res = await custos('audit', 'verify', '--key', path.join(dataDir, 'missing.vkey'));
    expect(res.code).toBe(2);
  });
});
