// A fresh database for each test file: in-memory PGlite by default, or a new database on the PostgreSQL
// server named by DATABASE_URL (CI), dropped afterwards.
import crypto from 'node:crypto';
import pg from 'pg';
import type { DatabaseSettings } from '../../src/platform/db/connection.js';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  settings: DatabaseSettings;
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { settings: { kind: 'pglite', dir: 'memory://' }, drop: async () => {} };
  const name = `custos_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    settings: { kind: 'postgres', url: url.toString(), poolSize: 10 },
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
