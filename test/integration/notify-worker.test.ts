// The dispatch job end to end: a commit that queues a message nudges the worker, which delivers it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
  await t.custos.startWorker();
});
afterAll(async () => {
  await t?.close();
});

describe('notify.dispatch job', () => {
  it('delivers a message soon after the transaction that queued it commits', async () => {
    const { id } = await t.custos.tx.run((tx, afterCommit) =>
      t.custos.services.notify.enqueue(tx, afterCommit, {
        channel: 'email',
        to: 'duty.lawyer@example.com',
        template: 'test.ping',
        params: {},
        locale: 'en',
      }),
    );
    const repo = t.custos.repositories.notify;
    const db = t.custos.database.db;
    await expect
      .poll(async () => (await repo.notificationById(db, id))?.status, { timeout: 20_000, interval: 200 })
      .toBe('sent');
    const [delivered] = await repo.devMessagesOf(db, id);
    expect(delivered).toMatchObject({
      channel: 'email',
      recipient: 'duty.lawyer@example.com',
      subject: 'Custos test message',
    });
  });
});
