// Opens the configured database: PGlite in a data directory (embedded default) or a PostgreSQL server.
import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Db } from './database.js';

export type DatabaseSettings =
  { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; poolSize: number };

// bigint columns come back as strings by default; int8 values here (ids, tree sizes) fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(
  settings: DatabaseSettings,
  onIdleError: (error: Error) => void = () => {},
): Promise<Database> {
  return settings.kind === 'pglite'
    ? openPglite(settings.dir)
    : openPostgres(settings.url, settings.poolSize, onIdleError);
}

async function openPglite(dir: string): Promise<Database> {
  if (dir !== 'memory://') await fs.mkdir(dir, { recursive: true });
  // btree_gist backs the booking exclusion constraints, as the extension of that name does on PostgreSQL.
  const client = await PGlite.create(dir, { extensions: { btree_gist } });
  const db = drizzlePglite(client) as unknown as Db;
  const executeSql: Database['executeSql'] = async (text, values) => {
    // Extended-protocol queries cannot hold several statements; pg-boss sends multi-statement scripts
    // without parameters, which the simple protocol (exec) runs.
    if (!values || values.length === 0) {
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    }
    const result = await client.query<Record<string, unknown>>(text, values);
    return { rows: result.rows };
  };
  return {
    kind: 'pglite',
    db,
    executeSql,
    withDedicatedConnection: (fn) => fn(db, executeSql),
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(
  url: string,
  poolSize: number,
  onIdleError: (error: Error) => void,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client the server drops (restart, failover, terminated backend) must not crash the process; the
  // pool replaces it on the next checkout.
  pool.on('error', (error) => onIdleError(error));
  // Fail at start, with the server's own message, if the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      return { rows: result.rows as Record<string, unknown>[] };
    },
    async withDedicatedConnection(fn) {
      const client = await pool.connect();
      try {
        const single = drizzlePg(client) as unknown as Db;
        return await fn(single, async (text, values) => {
          const result = await client.query(text, values);
          return { rows: result.rows as Record<string, unknown>[] };
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
