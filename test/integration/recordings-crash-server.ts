// A real Custos server in its own process, for the crash tests to kill with SIGKILL and start again on the
// same database and data directory. Prints one JSON line with its port once it listens.
import fs from 'node:fs';
import path from 'node:path';
import { createCustos } from '../../src/composition.js';
import { loadSettings } from '../../src/config.js';
import { seedDemo } from '../../src/modules/identity/demo-seed.js';
import { lockDataDir } from '../../src/platform/data-dir-lock.js';

const settings = loadSettings(process.env);
if (settings.database.kind === 'pglite') lockDataDir(settings.dataDir, 'crash-test server');
const custos = await createCustos({ settings });
const credentials = await seedDemo({
  tx: custos.tx,
  repo: custos.repositories.identity,
  users: custos.services.users,
  audit: custos.services.audit,
});
if (credentials) {
  fs.writeFileSync(path.join(settings.dataDir, 'credentials.json'), JSON.stringify(credentials), {
    mode: 0o600,
  });
}
const app = await custos.buildApp();
await app.listen({ host: '127.0.0.1', port: 0 });
await custos.startWorker();
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
);
