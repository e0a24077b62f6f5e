// A server killed with SIGKILL at any moment leaves either a resumable upload or a sealed recording. The
// upload test runs a real server in a child process, kills it in the middle of a PATCH, starts it again on
// the same database and directories, and finishes the upload from the offset the database vouches for. The
// sealing tests stop the sealing steps where a crash would, and let the recovery finish them.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredential } from '../../src/modules/identity/demo-seed.js';
import { currentTotp } from '../../src/modules/identity/totp.js';
import type { RecordingView } from '../../src/modules/recordings/schemas.js';
import { DigestAccumulator } from '../../src/platform/blobs/digests.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { metadataHeader, patch, sha256Hex, startUpload, uploadTarget } from './recordings-fixtures.js';

const MiB = 1024 * 1024;

describe('kill -9 in the middle of an upload', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: ChildProcess | undefined;
  let base = '';

  async function startServer(): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CUSTOS_DATA_DIR: dataDir,
      CUSTOS_LOG_LEVEL: 'warn',
      CUSTOS_UPLOAD_CHECKPOINT_MB: '4',
    };
    if (database.url) env.DATABASE_URL = database.url;
    else delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/integration/recordings-crash-server.ts'],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    server = child;
    const lines = createInterface({ input: child.stdout });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
      lines.on('line', (line) => {
        if (line.startsWith('{')) resolve((JSON.parse(line) as { port: number }).port);
      });
    });
    base = `http://127.0.0.1:${port}`;
  }

  function kill(): Promise<void> {
    const child = server!;
    server = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-crash-'));
    database = process.env.DATABASE_URL
      ? await createTestDatabase()
      : { settings: { kind: 'pglite', dir: path.join(dataDir, 'pgdata') }, drop: async () => {} };
    await startServer();
  });
  afterAll(async () => {
    if (server) await kill();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(
    method: string,
    url: string,
    session: { cookie: string; csrfToken: string } | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res;
  }

  async function signIn(username: string) {
    const credentials = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8'),
    ) as DemoCredential[];
    const password = credentials.find((c) => c.username === username)!.password;
    const login = await call('POST', '/api/auth/login', null, { username, password });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let view = (await login.json()) as { csrfToken: string };
    const offer = await call('POST', '/api/auth/totp/enrolment', { cookie, csrfToken: view.csrfToken });
    const { secret } = (await offer.json()) as { secret: string };
    const confirm = await call(
      'POST',
      '/api/auth/totp/enrolment/confirm',
      { cookie, csrfToken: view.csrfToken },
      { code: currentTotp(secret, new Date()) },
    );
    view = (await confirm.json()) as { csrfToken: string };
    return { cookie, csrfToken: view.csrfToken };
  }

  it('resumes from the committed offset after a restart and seals the whole file', async () => {
    const session = await signIn('demo-officer');
    const now = Date.now();
    const opened = await call('POST', '/api/cases', session, {
      caseNo: 'A1301020000202611990001',
      kind: 'criminal',
      title: '断电续传测试',
    });
    expect(opened.status).toBe(201);
    const caseId = ((await opened.json()) as { id: string }).id;
    const activity = await call('POST', `/api/cases/${caseId}/activities`, session, {
      kind: 'room_interrogation',
      place: '讯问室',
      plannedStartAt: new Date(now - 3_600_000).toISOString(),
      plannedEndAt: new Date(now).toISOString(),
    });
    const activityId = ((await activity.json()) as { id: string }).id;

    const bytes = crypto.randomBytes(40 * MiB);
    const created = await call('POST', '/api/recordings/uploads', session, undefined, {
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': metadataHeader({
        activityId,
        sha256: sha256Hex(bytes),
        device: 'HK-DS-9 审讯主机',
        captureStartedAt: new Date(now - 3_600_000).toISOString(),
        captureEndedAt: new Date(now).toISOString(),
      }),
    });
    expect(created.status).toBe(201);
    const uploadUrl = created.headers.get('location')!;
    const id = uploadUrl.split('/').pop()!;

    // Stream 24 MiB of the 40 in one PATCH, wait until the server has committed two checkpoints, then kill it.
    const request = http.request(`${base}${uploadUrl}`, {
      method: 'PATCH',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(bytes.length),
      },
    });
    request.on('error', () => undefined);
    for (let sent = 0; sent < 24 * MiB; sent += MiB) {
      if (!request.write(bytes.subarray(sent, sent + MiB))) {
        await new Promise((resolve) => request.once('drain', resolve));
      }
    }
    const headOffset = async () => {
      const res = await call('HEAD', uploadUrl, session, undefined, { 'tus-resumable': '1.0.0' });
      return Number(res.headers.get('upload-offset'));
    };
    for (let tries = 0; (await headOffset()) < 8 * MiB; tries++) {
      if (tries > 200) throw new Error('the server never committed a checkpoint');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await kill();
    request.destroy();

    await startServer();
    const offset = await headOffset();
    expect(offset).toBeGreaterThanOrEqual(8 * MiB);
    expect(offset).toBeLessThanOrEqual(24 * MiB);
    // The file may hold bytes past the offset (written, never committed); they are cut off, not trusted.
    expect(fs.statSync(path.join(dataDir, 'uploads', `${id}.upload`)).size).toBeGreaterThanOrEqual(offset);

    const res = await fetch(`${base}${uploadUrl}`, {
      method: 'PATCH',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body: bytes.subarray(offset),
    });
    expect(res.status, await res.clone().text()).toBe(204);
    const view = (await (await call('GET', `/api/recordings/${id}`, session)).json()) as RecordingView;
    expect(view.state).toBe('sealed');
    expect(view.sha256).toBe(sha256Hex(bytes));
    expect(view.copies.every((c) => c.sha256 === view.sha256 && c.byteSize === bytes.length)).toBe(true);
    const master = path.join(dataDir, 'evidence/master/recordings', id.slice(0, 2), id);
    expect(sha256Hex(fs.readFileSync(master))).toBe(sha256Hex(bytes));
  });
});

describe('a crash while sealing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An upload with every byte received and its hash matched: the state a crash leaves in `sealing`. */
  async function receivedInFull() {
    const officer = await t.signIn('demo-officer');
    const target = await uploadTarget(t, officer);
    const bytes = crypto.randomBytes(300_000);
    const url = await startUpload(t, officer, target, bytes);
    const id = url.split('/').pop()!;
    expect((await patch(t, officer, url, 0, bytes.subarray(0, 100_000))).statusCode).toBe(204);
    const digests = new DigestAccumulator(false);
    digests.update(bytes);
    // What the last PATCH does before the copies: the rest on disk, then the move to `sealing`.
    fs.appendFileSync(path.join(t.settings.evidence.uploadDir, `${id}.upload`), bytes.subarray(100_000));
    const { sha256, sm3 } = digests.digests();
    await t.custos.tx.run(async (tx) => {
      await t.custos.repositories.recordings.move(tx, id, 'receiving', {
        state: 'sealing',
        receivedBytes: bytes.length,
        sha256,
        sm3,
        expiresAt: null,
        updatedAt: t.clock.now(),
      });
    });
    return { id, bytes, sha256, session: officer };
  }

  async function sealedView(id: string, session: Awaited<ReturnType<TestApp['signIn']>>) {
    return (await t.request({ method: 'GET', url: `/api/recordings/${id}`, session })).json<RecordingView>();
  }

  it('finishes a recording that was about to become the master', async () => {
    const { id, bytes, sha256, session } = await receivedInFull();
    expect((await sealedView(id, session)).state).toBe('sealing');
    expect(await t.custos.services.uploadSweeper.finishSealing()).toBe(1);
    const view = await sealedView(id, session);
    expect(view.state).toBe('sealed');
    expect(view.copies.map((c) => [c.location, c.sha256])).toEqual([
      ['backup', sha256],
      ['master', sha256],
      ['working', sha256],
    ]);
    expect(view.byteSize).toBe(bytes.length);
  });

  it('finishes one whose master and working copy were written before the crash, checking them first', async () => {
    const { id, sha256, session } = await receivedInFull();
    const key = `recordings/${id.slice(0, 2)}/${id}`;
    const stores = t.custos.evidenceStores;
    await stores.master.adopt(key, path.join(t.settings.evidence.uploadDir, `${id}.upload`), {
      size: 300_000,
      digests: { sha256, sm3: null },
    });
    await stores.working.put(key, await stores.master.read(key));
    expect(await t.custos.services.uploadSweeper.finishSealing()).toBe(1);
    expect((await sealedView(id, session)).state).toBe('sealed');
  });

  it('does not seal when a copy found on disk does not match: it stays sealing, for a person to look at', async () => {
    const { id, session } = await receivedInFull();
    const key = `recordings/${id.slice(0, 2)}/${id}`;
    const { Readable } = await import('node:stream');
    await t.custos.evidenceStores.backup.put(key, Readable.from([Buffer.from('not the recording')]));
    expect(await t.custos.services.uploadSweeper.finishSealing()).toBe(0);
    expect((await sealedView(id, session)).state).toBe('sealing');
  });
});
