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
      try {
        await dropForcing(client, name);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Drops a test database, ending its connections. An autovacuum worker may be busy in it after a test wrote a
 * lot; it runs as the server's superuser, whom our role may not terminate (42501), so wait for it to finish.
 */
async function dropForcing(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
