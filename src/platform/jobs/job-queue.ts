// Background jobs on the same database (pg-boss), on PGlite and PostgreSQL alike. Jobs are declared once
// with the schema of their data; the queue refuses to start unless every declared job has a handler, so a
// queued job is never silently dropped.
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../db/database.js';

export interface JobDeclaration<S extends z.ZodType> {
  schema: S;
  /** Cron (Asia/Shanghai) for jobs that run on a schedule. */
  cron?: string;
  retryLimit?: number;
  /** How long one run may take before pg-boss gives it up (its default is fifteen minutes). */
  expireInSeconds?: number;
}

export type JobCatalogue = Record<string, JobDeclaration<z.ZodType>>;
export type JobHandlers<C extends JobCatalogue> = {
  [K in keyof C]: (data: z.infer<C[K]['schema']>) => Promise<void>;
};

export interface JobQueueLogger {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export class JobQueue<C extends JobCatalogue> {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    database: Database,
    private readonly catalogue: C,
    private readonly logger: JobQueueLogger,
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
      schedule: Object.values(catalogue).some((j) => j.cron),
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  /** Creates the queues; call once before send (API nodes) or work (workers). */
  async prepare(): Promise<void> {
    await this.boss.start();
    for (const [name, declaration] of Object.entries(this.catalogue)) {
      await this.boss.createQueue(name, {
        name,
        retryLimit: declaration.retryLimit ?? 3,
        retryBackoff: true,
        ...(declaration.expireInSeconds ? { expireInSeconds: declaration.expireInSeconds } : {}),
      });
    }
    this.started = true;
  }

  /** Starts working every job. Throws before working any if a declared job lacks a handler. */
  async work(handlers: JobHandlers<C>): Promise<void> {
    const missing = Object.keys(this.catalogue).filter((name) => typeof handlers[name] !== 'function');
    if (missing.length > 0) throw new Error(`no handler for declared job(s): ${missing.join(', ')}`);
    if (!this.started) await this.prepare();
    for (const [name, declaration] of Object.entries(this.catalogue)) {
      const handle = handlers[name as keyof C] as (data: unknown) => Promise<void>;
      await this.boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) {
          const data = declaration.schema.parse(job.data);
          await handle(data);
        }
      });
      if (declaration.cron) await this.boss.schedule(name, declaration.cron, {}, { tz: 'Asia/Shanghai' });
    }
  }

  async send<K extends keyof C & string>(name: K, data: z.infer<C[K]['schema']>): Promise<string | null> {
    const parsed = this.catalogue[name]!.schema.parse(data) as object;
    return this.boss.send(name, parsed);
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }
}
