// Any tus client works: the reference client (tus-js-client, the one the web UI uses, here on Node) uploads a
// file in 1 MiB PATCHes to the real server over HTTP, the file is sealed, and a second run is resumed by the
// client from the offset the server reports after the client was stopped half-way.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tus from 'tus-js-client';
import type { RecordingView } from '../../src/modules/recordings/schemas.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { sha256Hex, uploadTarget, type UploadTarget } from './recordings-fixtures.js';

let t: TestApp;
let officer: Session;
let target: UploadTarget;
let base: string;
beforeAll(async () => {
  t = await startTestApp({ now: new Date() });
  officer = await t.signIn('demo-officer');
  target = await uploadTarget(t, officer);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await t?.close();
});

function upload(bytes: Buffer, options: Partial<tus.UploadOptions> = {}): tus.Upload {
  return new tus.Upload(bytes, {
    endpoint: `${base}/api/recordings/uploads`,
    chunkSize: 1024 * 1024,
    retryDelays: [],
    headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken },
    metadata: {
      activityId: target.activityId,
      sha256: sha256Hex(bytes),
      device: 'tus-js-client',
      captureStartedAt: '2026-11-26T09:00:00+08:00',
      captureEndedAt: '2026-11-26T09:30:00+08:00',
      filename: 'clip.bin',
    },
    ...options,
  });
}

const view = async (url: string) =>
  (
    await t.request({ method: 'GET', url: `/api/recordings/${url.split('/').pop()}`, session: officer })
  ).json<RecordingView>();

describe('the reference tus client', () => {
  it('uploads a file in parts and the server seals it', async () => {
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 123);
    const client = upload(bytes);
    await new Promise<void>((resolve, reject) => {
      client.options.onSuccess = () => resolve();
      client.options.onError = reject;
      client.start();
    });
    const sealed = await view(client.url!);
    expect(sealed.state).toBe('sealed');
    expect(sealed.sha256).toBe(sha256Hex(bytes));
  });

  it('resumes an upload it stopped, from the offset the server gives', async () => {
    const bytes = crypto.randomBytes(4 * 1024 * 1024);
    const first = upload(bytes);
    await new Promise<void>((resolve, reject) => {
      first.options.onChunkComplete = (_chunk, accepted) => {
        if (accepted >= 2 * 1024 * 1024) void first.abort().then(resolve);
      };
      first.options.onError = reject;
      first.start();
    });
    const halfway = await view(first.url!);
    expect(halfway.state).toBe('receiving');
    expect(halfway.receivedBytes).toBe(2 * 1024 * 1024);

    const offsets: number[] = [];
    const second = upload(bytes, { uploadUrl: first.url! });
    await new Promise<void>((resolve, reject) => {
      second.options.onChunkComplete = (_chunk, accepted) => offsets.push(accepted);
      second.options.onSuccess = () => resolve();
      second.options.onError = reject;
      second.start();
    });
    // It went on from 2 MiB: two more PATCHes, not four.
    expect(offsets).toEqual([3 * 1024 * 1024, 4 * 1024 * 1024]);
    expect((await view(first.url!)).state).toBe('sealed');
  });
});
