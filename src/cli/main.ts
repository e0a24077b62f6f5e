// The `custos` command. `run` takes its arguments and output streams, so tests drive it in-process.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createCustos, type Custos } from '../composition.js';
import { loadSettings, SettingsError, type Settings } from '../config.js';
import { DataDirLockedError, lockDataDir } from '../platform/data-dir-lock.js';
import { AppError } from '../platform/http/errors.js';
import { auditVerify } from './audit-verify.js';
import { evidenceVerify } from './evidence-verify.js';
import { grantAppRole } from './grant-app-role.js';
import { userAdd, userResetPassword } from './user-commands.js';
import { seedDemoData } from '../demo-seed.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: custos <command> [options]

  migrate                         apply database migrations
  seed                            seed the demo organisation and users (empty database only)
  user add --username U --name N --unit CODE --role R [--role R]
                                  create a user; prints a one-time temporary password
  user reset-password USERNAME    issue a new temporary password and end the user's sessions
  audit integrate                 integrate pending audit events and sign a checkpoint now
  audit verify [--key FILE]       re-derive the audit log and check every checkpoint
                                  (exit 0 intact, 1 discrepancy); FILE holds the trusted verifier key
  evidence verify [--case N]      re-hash every copy of every sealed recording (or of case N, a case
                                  number or id) now; exit 1 naming each recording and copy that failed
  db grant-app-role ROLE          PostgreSQL: give ROLE the least privileges the app needs

Settings come from the environment as for the server (CUSTOS_DATA_DIR, DATABASE_URL, ...).`;

/** Returns the process exit code: 0 success, 1 failure or discrepancy, 2 usage. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  let settings: Settings;
  try {
    settings = loadSettings(io.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const key = `${command} ${sub ?? ''}`.trim();
  const withCustos = async (fn: (custos: Custos) => Promise<number>): Promise<number> => {
    let unlock = () => {};
    let custos: Custos | undefined;
    try {
      if (settings.database.kind === 'pglite') unlock = lockDataDir(settings.dataDir, `custos ${key}`);
      custos = await createCustos({ settings, logger: quietLogger() });
      return await fn(custos);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
        io.err(`${(error as Error).message}\n\n${USAGE}`);
        return 2;
      }
      if (error instanceof DataDirLockedError || error instanceof AppError) {
        io.err(
          error instanceof AppError ? `${error.messages['zh-CN']} / ${error.messages.en}` : error.message,
        );
        return 1;
      }
      throw error;
    } finally {
      await custos?.close();
      unlock();
    }
  };

  switch (key) {
    case 'migrate':
      return withCustos(async () => {
        io.out('migrations applied');
        return 0;
      });
    case 'seed':
      return withCustos(async (custos) => {
        const credentials = await seedDemoData(custos);
        if (!credentials) {
          io.err('the database already has organisation units; the demo is seeded only into an empty one');
          return 1;
        }
        const file = path.join(settings.dataDir, 'demo-credentials.txt');
        fs.mkdirSync(settings.dataDir, { recursive: true });
        fs.writeFileSync(file, credentials, { mode: 0o600 });
        io.out(`demo seeded; accounts written to ${file}`);
        return 0;
      });
    case 'user add':
      return withCustos((custos) => userAdd(custos, rest, io));
    case 'user reset-password':
      return withCustos((custos) => userResetPassword(custos, rest, io));
    case 'audit integrate':
      return withCustos(async (custos) => {
        const result = await custos.services.integrator.integrateAll();
        io.out(`integrated ${result.integrated} event(s); tree size ${result.treeSize}`);
        return 0;
      });
    case 'audit verify': {
      const { values } = parseArgs({ args: rest, options: { key: { type: 'string' } } });
      return withCustos((custos) => auditVerify(custos, values.key, io));
    }
    case 'evidence verify':
      return withCustos((custos) => evidenceVerify(custos, rest, io));
    case 'db grant-app-role':
      return withCustos((custos) => grantAppRole(custos, rest[0], io));
    default:
      io.err(`unknown command: ${key}\n\n${USAGE}`);
      return 2;
  }
}

/** The CLI prints its own results; only warnings and errors of the library go to stderr. */
function quietLogger() {
  return pino({ level: 'warn' }, pino.destination(2));
}
