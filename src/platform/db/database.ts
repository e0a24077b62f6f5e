// The database handle every repository receives. PGlite and node-postgres both give a drizzle PgDatabase;
// repositories are written once against this common type, so no code path exists only for PGlite.
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

export type Db = PgDatabase<PgQueryResultHKT>;
type NoSchema = Record<string, never>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Anything a query can run on: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** Raw SQL with positional parameters, for libraries that bring their own SQL (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs fn on one connection held for its whole duration, so that session-level state (an advisory lock
   * taken around migrations) applies to everything fn does. PGlite has only one connection anyway.
   */
  withDedicatedConnection<T>(fn: (db: Db, executeSql: Database['executeSql']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs raw SQL and returns its rows; both drivers answer with { rows }. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
