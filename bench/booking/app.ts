// The real Custos, in this process: the same composition as `npm start` (createCustos + buildApp), on the
// bench database, listening on 127.0.0.1 at a random port. The worker is off (no timers or job polling in
// the measurements) and logging is silent (a log line per request would be measured as well).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createCustos, type Custos } from '../../src/composition.js';
import { loadSettings } from '../../src/config.js';
import { seedDemo } from '../../src/modules/identity/demo-seed.js';

export interface RunningApp {
  custos: Custos;
  app: FastifyInstance;
  port: number;
  /** Connections in the app's pg pool (DATABASE_POOL_SIZE, default 10); the baseline uses as many. */
  poolSize: number;
  close(): Promise<void>;
}

export async function startApp(databaseUrl: string): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'));
  const settings = loadSettings({
    DATABASE_URL: databaseUrl,
    CUSTOS_DATA_DIR: dataDir,
    CUSTOS_WORKER: 'off',
    CUSTOS_LOG_LEVEL: 'silent',
    CUSTOS_SEED_DEMO: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    // The one setting passed through: the pool size is the knob an operator would turn.
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
  });
  if (settings.database.kind !== 'postgres') throw new Error('the bench needs PostgreSQL');
  const custos = await createCustos({ settings });
  // The demo organisation gives a detention centre, its staff member and a law firm to work with.
  await seedDemo({
    tx: custos.tx,
    repo: custos.repositories.identity,
    users: custos.services.users,
    audit: custos.services.audit,
  });
  const app = await custos.buildApp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    custos,
    app,
    port,
    poolSize: settings.database.poolSize,
    async close() {
      await app.close();
      await custos.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
