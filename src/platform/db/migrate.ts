// Applies the SQL migrations in src/platform/db/migrations, the same files on PGlite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrationsDir } from '../project-root.js';
import type { Database } from './database.js';

// Any constant works; it only has to be the same for every app node of a deployment.
const MIGRATION_LOCK_KEY = 0x637573746f73; // "custos"

/** Migrates under a session advisory lock, so app nodes starting together do not race each other. */
export async function migrate(database: Database): Promise<void> {
  await database.withDedicatedConnection(async (db, executeSql) => {
    await executeSql('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      if (database.kind === 'pglite') {
        await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: migrationsDir });
      } else {
        await migratePg(db as unknown as NodePgDatabase, { migrationsFolder: migrationsDir });
      }
    } finally {
      await executeSql('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

interface Journal {
  entries: { tag: string }[];
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.length;
}

/** True when every migration shipped with this build has been applied (readiness). */
export async function migrationsApplied(database: Database): Promise<boolean> {
  try {
    const { rows } = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
    return Number(rows[0]?.n ?? 0) >= expectedMigrationCount();
  } catch {
    return false;
  }
}
