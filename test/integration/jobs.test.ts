// The job queue on the same database: declared jobs run, and a job without a handler stops the start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

const silent = { error: () => {}, info: () => {} };

describe('job queue', () => {
  it('refuses to work unless every declared job has a handler', async () => {
    const queue = new JobQueue(
      t.custos.database,
      { 'test.a': { schema: z.object({}) }, 'test.b': { schema: z.object({}) } },
      silent,
    );
    await expect(queue.work({ 'test.a': async () => {} } as never)).rejects.toThrow(
      /no handler for declared job\(s\): test\.b/,
    );
    await queue.stop();
  });

  it('delivers a sent job to its handler with validated data', async () => {
    const catalogue = { 'test.echo': { schema: z.object({ n: z.number().int() }) } };
    const queue = new JobQueue(t.custos.database, catalogue, silent);
    const seen: number[] = [];
    await queue.work({ 'test.echo': async ({ n }) => void seen.push(n) });
    await queue.send('test.echo', { n: 7 });
    await expect.poll(() => seen, { timeout: 15_000, interval: 200 }).toEqual([7]);
    await expect(queue.send('test.echo', { n: 'seven' } as never)).rejects.toThrow();
    await queue.stop();
  });

  it('runs the audit integration job: pending events get leaves and a checkpoint', async () => {
    await t.custos.tx.run((tx) =>
      t.custos.services.audit.record(tx, { actor: null }, { action: 'test.job' }),
    );
    expect(await t.custos.repositories.audit.countPending(t.custos.database.db)).toBeGreaterThan(0);
    await t.custos.startWorker();
    await expect
      .poll(() => t.custos.repositories.audit.countPending(t.custos.database.db), {
        timeout: 15_000,
        interval: 200,
      })
      .toBe(0);
    expect(await t.custos.repositories.audit.latestCheckpoint(t.custos.database.db)).toBeDefined();
  });
});
