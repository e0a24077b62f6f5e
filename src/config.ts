// One validated settings object, read once from the environment. A wrong value stops Custos at start with
// a message naming the variable, instead of failing later in some request.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  CUSTOS_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Apply migrations at start. Off where the app runs as a role that may not change the schema. */
  CUSTOS_MIGRATE_ON_START: bool.default(true),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address people reach Custos at: printed at start and in the demo credentials file. */
  CUSTOS_PUBLIC_URL: z.url().optional(),
  CUSTOS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo organisation and users when the database is empty (default: on the embedded database only). */
  CUSTOS_SEED_DEMO: bool.optional(),
  /** inline: this process also runs background jobs; off: API only; only: jobs only (a worker node). */
  CUSTOS_WORKER: z.enum(['inline', 'off', 'only']).default('inline'),
  CUSTOS_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  CUSTOS_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  CUSTOS_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  CUSTOS_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Secure cookies need HTTPS; left unset it follows CUSTOS_PUBLIC_URL's scheme. */
  CUSTOS_COOKIE_SECURE: bool.optional(),
  CUSTOS_AUDIT_ORIGIN: z.string().min(1).optional(),
  CUSTOS_AUDIT_SIGNATURE: z.enum(['ed25519', 'sm2']).default('ed25519'),
  /** Path of the audit signing key; defaults to a file in the data directory, generated on first start. */
  CUSTOS_AUDIT_KEY_FILE: z.string().min(1).optional(),
  CUSTOS_AUDIT_INTEGRATE_SECONDS: z.coerce.number().min(0.2).max(3600).default(5),
  /** 32-byte key (hex or base64) sealing second-factor secrets at rest; defaults to a file in the data directory. */
  CUSTOS_SECRET_KEY: z.string().min(1).optional(),
});

export type Settings = ReturnType<typeof buildSettings>;

function buildSettings(env: z.infer<typeof envSchema>) {
  const dataDir = path.resolve(env.CUSTOS_DATA_DIR);
  const publicUrl = env.CUSTOS_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  return {
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'pglite', dir: path.join(dataDir, 'pgdata') } as const),
    migrateOnStart: env.CUSTOS_MIGRATE_ON_START,
    http: { host: env.HOST, port: env.PORT, publicUrl },
    logLevel: env.CUSTOS_LOG_LEVEL,
    seedDemo: env.CUSTOS_SEED_DEMO ?? !env.DATABASE_URL,
    worker: env.CUSTOS_WORKER,
    session: {
      idleMs: env.CUSTOS_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.CUSTOS_SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: env.CUSTOS_COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    },
    login: {
      maxFailures: env.CUSTOS_LOGIN_MAX_FAILURES,
      lockoutMs: env.CUSTOS_LOCKOUT_MINUTES * 60_000,
    },
    audit: {
      /** Fixed for the life of a log; when unset, one is made with the key and kept beside it. */
      origin: env.CUSTOS_AUDIT_ORIGIN,
      signature: env.CUSTOS_AUDIT_SIGNATURE,
      keyFile: env.CUSTOS_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit-signing-key.pem'),
      integrateEveryMs: Math.round(env.CUSTOS_AUDIT_INTEGRATE_SECONDS * 1000),
    },
    secretKey: env.CUSTOS_SECRET_KEY,
    secretKeyFile: path.join(dataDir, 'secret.key'),
  };
}

export class SettingsError extends Error {}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid settings in the environment:\n${lines.join('\n')}`);
  }
  return buildSettings(parsed.data);
}
