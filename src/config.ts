// One validated settings object, read once from the environment. A wrong value stops Custos at start with
// a message naming the variable, instead of failing later in some request.
import path from 'node:path';
import { z } from 'zod';
import { isTemplateKey, TEMPLATE_KEYS } from './modules/notify/templates.js';

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
  /**
   * The address people reach Custos at: printed at start, in the demo credentials file and in lawyers'
   * calendar feed URLs (unset, a feed URL follows the address the lawyer's browser used).
   */
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
  // Evidence: the three store locations (master, working copy, backup), each a directory written once per
  // file. Put the backup on another volume or site (seed 001 art. 17).
  CUSTOS_EVIDENCE_MASTER_DIR: z.string().min(1).optional(),
  CUSTOS_EVIDENCE_WORKING_DIR: z.string().min(1).optional(),
  CUSTOS_EVIDENCE_BACKUP_DIR: z.string().min(1).optional(),
  /** Also hash evidence with SM3 (GB/T 32905) beside SHA-256. */
  CUSTOS_EVIDENCE_SM3: bool.default(false),
  /** Where uploads are received; on the master's volume a sealed upload becomes the master without a copy. */
  CUSTOS_UPLOAD_DIR: z.string().min(1).optional(),
  /** Largest recording accepted (tus Tus-Max-Size), in bytes; default 64 GiB. */
  CUSTOS_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .default(64 * 1024 ** 3),
  /** An upload that receives nothing for this long expires and its bytes are deleted. */
  CUSTOS_UPLOAD_EXPIRY_HOURS: z.coerce.number().min(0.01).max(720).default(48),
  /** Uploads that may stream into one node at once; each holds a database connection while it does. */
  CUSTOS_UPLOAD_MAX_PARALLEL: z.coerce.number().int().min(1).max(64).default(4),
  /** A long PATCH without a chunk checksum commits its progress every this many MB (fsync, then offset). */
  CUSTOS_UPLOAD_CHECKPOINT_MB: z.coerce.number().int().min(1).max(4096).default(64),
  /** Every copy is re-hashed at least this often by the fixity job. */
  CUSTOS_FIXITY_INTERVAL_DAYS: z.coerce.number().min(0.001).max(365).default(7),
  /** Read rate of the fixity job, in MB/s, so re-hashing never starves the server. */
  CUSTOS_FIXITY_MB_PER_SECOND: z.coerce.number().min(0.1).max(10_000).default(50),
  /** The ffprobe program that reads media facts. */
  CUSTOS_FFPROBE: z.string().min(1).default('ffprobe'),
  /** The ffmpeg program that makes playable derivatives of formats browsers cannot play. */
  CUSTOS_FFMPEG: z.string().min(1).default('ffmpeg'),
  /** How far a transcript's times and a recording's may differ, and how long a gap may be, before a flag. */
  CUSTOS_TRANSCRIPT_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // Notifications. dev keeps every message in the development mailbox (/console/dev-messages).
  CUSTOS_SMS_PROVIDER: z.enum(['dev', 'aliyun']).default('dev'),
  CUSTOS_EMAIL_PROVIDER: z.enum(['dev', 'smtp']).default('dev'),
  /** Delivery attempts before a notification is marked failed (backoff 1 min, 5 min, 30 min, then 2 h). */
  CUSTOS_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  SMTP_HOST: z.string().min(1).optional(),
  /** Defaults to 465 with SMTP_SECURE (TLS from the start), else 587 (STARTTLS when the server offers it). */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  /** The sender, e.g. "Custos <noreply@example.gov.cn>". */
  SMTP_FROM: z.string().min(3).optional(),
  ALIYUN_SMS_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://dysmsapi.aliyuncs.com/'),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  /** The approved SMS signature (签名), without 【】; the dev mailbox shows it too (default Custos). */
  ALIYUN_SMS_SIGN_NAME: z.string().min(1).max(32).optional(),
  /** JSON object: our template key -> the approved TemplateCode, e.g. {"account.verification_code":"SMS_1234"}. */
  ALIYUN_SMS_TEMPLATE_CODES: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .record(z.string(), z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'a TemplateCode such as SMS_123456'))
        .superRefine((codes, ctx) => {
          for (const key of Object.keys(codes).filter((k) => !isTemplateKey(k))) {
            ctx.addIssue({
              code: 'custom',
              message: `unknown template key ${key} (known: ${TEMPLATE_KEYS.join(', ')})`,
            });
          }
        }),
    )
    .optional(),
});

/** Settings a provider cannot work without, checked at start rather than at the first message. */
function requireProviderSettings(env: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  const need = (names: (keyof typeof env)[], because: string) => {
    for (const name of names) {
      if (env[name] === undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: `required ${because}` });
    }
  };
  if (env.CUSTOS_SMS_PROVIDER === 'aliyun') {
    need(
      [
        'ALIYUN_SMS_ACCESS_KEY_ID',
        'ALIYUN_SMS_ACCESS_KEY_SECRET',
        'ALIYUN_SMS_SIGN_NAME',
        'ALIYUN_SMS_TEMPLATE_CODES',
      ],
      'when CUSTOS_SMS_PROVIDER=aliyun',
    );
  }
  if (env.CUSTOS_EMAIL_PROVIDER === 'smtp')
    need(['SMTP_HOST', 'SMTP_FROM'], 'when CUSTOS_EMAIL_PROVIDER=smtp');
  if ((env.SMTP_USER === undefined) !== (env.SMTP_PASS === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_PASS'], message: 'SMTP_USER and SMTP_PASS go together' });
  }
}

/** A secret that prints as [redacted] in logs, JSON and util.inspect; read it with reveal(). */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[redacted]';
  }
}

const secret = (value: string | undefined) => (value === undefined ? undefined : new Secret(value));

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
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl,
      /** Whether publicUrl was set rather than made from HOST and PORT, which a phone may not reach. */
      publicUrlConfigured: env.CUSTOS_PUBLIC_URL !== undefined,
    },
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
    evidence: {
      stores: {
        master: path.resolve(env.CUSTOS_EVIDENCE_MASTER_DIR ?? path.join(dataDir, 'evidence/master')),
        working: path.resolve(env.CUSTOS_EVIDENCE_WORKING_DIR ?? path.join(dataDir, 'evidence/working')),
        backup: path.resolve(env.CUSTOS_EVIDENCE_BACKUP_DIR ?? path.join(dataDir, 'evidence/backup')),
      },
      sm3: env.CUSTOS_EVIDENCE_SM3,
      uploadDir: path.resolve(env.CUSTOS_UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
      maxUploadBytes: env.CUSTOS_UPLOAD_MAX_BYTES,
      uploadExpiryMs: Math.round(env.CUSTOS_UPLOAD_EXPIRY_HOURS * 3_600_000),
      maxParallelUploads: env.CUSTOS_UPLOAD_MAX_PARALLEL,
      checkpointBytes: env.CUSTOS_UPLOAD_CHECKPOINT_MB * 1024 * 1024,
      fixityIntervalMs: Math.round(env.CUSTOS_FIXITY_INTERVAL_DAYS * 86_400_000),
      fixityBytesPerSecond: Math.round(env.CUSTOS_FIXITY_MB_PER_SECOND * 1_000_000),
      ffprobe: env.CUSTOS_FFPROBE,
      ffmpeg: env.CUSTOS_FFMPEG,
      transcriptToleranceMs: env.CUSTOS_TRANSCRIPT_TOLERANCE_SECONDS * 1000,
    },
    notify: {
      smsProvider: env.CUSTOS_SMS_PROVIDER,
      emailProvider: env.CUSTOS_EMAIL_PROVIDER,
      maxAttempts: env.CUSTOS_NOTIFY_MAX_ATTEMPTS,
      smsSignName: env.ALIYUN_SMS_SIGN_NAME ?? 'Custos',
      smtp: {
        host: env.SMTP_HOST ?? 'localhost',
        port: env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587),
        secure: env.SMTP_SECURE,
        user: env.SMTP_USER,
        pass: secret(env.SMTP_PASS),
        from: env.SMTP_FROM ?? 'Custos <noreply@localhost>',
      },
      aliyun: {
        endpoint: env.ALIYUN_SMS_ENDPOINT,
        accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID ?? '',
        accessKeySecret: secret(env.ALIYUN_SMS_ACCESS_KEY_SECRET) ?? new Secret(''),
        signName: env.ALIYUN_SMS_SIGN_NAME ?? 'Custos',
        templateCodes: (env.ALIYUN_SMS_TEMPLATE_CODES ?? {}) as Readonly<Record<string, string>>,
      },
    },
  };
}

export class SettingsError extends Error {}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = envSchema.superRefine(requireProviderSettings).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid settings in the environment:\n${lines.join('\n')}`);
  }
  return buildSettings(parsed.data);
}
