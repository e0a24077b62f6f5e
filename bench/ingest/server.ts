// The Custos server of the ingest benchmark, in its own process so its memory is measured alone: the real
// composition on the data directory given in CUSTOS_DATA_DIR, the demo seeded, no worker. Prints one JSON line
// with its port once it listens.
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { createCustos } from '../../src/composition.js';
import { loadSettings } from '../../src/config.js';
import { seedDemo } from '../../src/modules/identity/demo-seed.js';

const settings = loadSettings(process.env);
// Logs go to stderr: stdout carries the one line the benchmark reads.
const custos = await createCustos({
  settings,
  logger: pino({ level: settings.logLevel }, pino.destination(2)),
});
const credentials = await seedDemo({
  tx: custos.tx,
  repo: custos.repositories.identity,
  users: custos.services.users,
  audit: custos.services.audit,
});
fs.writeFileSync(path.join(settings.dataDir, 'credentials.json'), JSON.stringify(credentials ?? []), {
  mode: 0o600,
});
const app = await custos.buildApp();
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => custos.close())
    .finally(() => process.exit(0));
});
