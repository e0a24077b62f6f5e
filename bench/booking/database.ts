// A fresh PostgreSQL database per run, named custos_bench_<random>, dropped at the end, so a run never
// measures (or damages) anything it did not create.
import crypto from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `custos_bench_${crypto.randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => dropDatabase(serverUrl, name),
  };
}

/**
 * WITH (FORCE) ends the bench's own leftover connections, but a role that is not superuser may not end an
 * autovacuum worker (busy on the freshly loaded tables), and then FORCE fails as a whole. A plain DROP makes
 * autovacuum workers exit by itself, so that is tried next, a few times while other connections close.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const force = attempt % 2 === 0 ? ' WITH (FORCE)' : '';
      await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name}${force}`));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  throw lastError;
}

async function withClient(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
