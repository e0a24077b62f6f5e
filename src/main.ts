// Starts Custos: settings -> database -> migrations -> services -> (demo seed) -> HTTP and worker.
import fs from 'node:fs';
import path from 'node:path';
import { createCustos, type Custos } from './composition.js';
import { loadSettings, SettingsError } from './config.js';
import { DataDirLockedError, lockDataDir } from './platform/data-dir-lock.js';
import { seedDemoData } from './demo-seed.js';

async function main(): Promise<void> {
  const settings = loadSettings();
  const unlock = settings.database.kind === 'pglite' ? lockDataDir(settings.dataDir, 'server') : () => {};
  let custos: Custos | undefined;
  try {
    custos = await createCustos({ settings });
    const { logger } = custos;

    const credentialsFile = path.join(settings.dataDir, 'demo-credentials.txt');
    if (settings.seedDemo) {
      const credentials = await seedDemoData(custos);
      if (credentials) {
        fs.mkdirSync(settings.dataDir, { recursive: true });
        fs.writeFileSync(credentialsFile, credentials, { mode: 0o600 });
        logger.info({ credentialsFile }, 'seeded the demo organisation and users');
      }
    }

    const app = settings.worker === 'only' ? undefined : await custos.buildApp();
    if (app) await app.listen({ host: settings.http.host, port: settings.http.port });
    if (settings.worker !== 'off') await custos.startWorker();

    const lines = [
      '',
      `  Custos is running: ${settings.http.publicUrl}`,
      `  Database: ${settings.database.kind === 'pglite' ? `embedded PostgreSQL in ${settings.database.dir}` : 'PostgreSQL (DATABASE_URL)'}`,
      fs.existsSync(credentialsFile) ? `  Demo accounts: ${credentialsFile}` : '',
      '  Stop with Ctrl-C.',
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping');
      try {
        await app?.close();
        await custos?.close();
      } finally {
        unlock();
        process.exit(0);
      }
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    await custos?.close().catch(() => {});
    unlock();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof SettingsError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Custos could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
