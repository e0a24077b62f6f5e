// `npm run bench:ingest`: a generated 2 GiB recording through the tus endpoint over loopback, from creation to
// sealed (hashed as it arrives, fsynced, master moved in, working copy and backup written and hashed, the seal
// committed with its audit event), against `sha256sum` + `cp` of the same file in the same run, and against a
// bare tus-style upload (the same HTTP stream written to a file and fsynced, nothing else) so the cost of the
// integrity work shows. The server runs in its own process so its peak memory is its own. Progress goes to
// stderr; the last line on stdout is one JSON object. What the figures mean and recorded runs: bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { currentTotp } from '../src/modules/identity/totp.js';
import { createBenchDatabase } from './booking/database.js';

const BYTES = Number(process.env.BENCH_INGEST_BYTES ?? 2 * 1024 ** 3);
if (!Number.isSafeInteger(BYTES) || BYTES < 1024 * 1024)
  throw new Error('BENCH_INGEST_BYTES must be >= 1 MiB');
const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
const seconds = (ms: number) => Math.round(ms) / 1000;

const work = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'custos-bench-ingest-'));
const source = path.join(work, 'recording.bin');
const dataDir = path.join(work, 'data');

/** A file of distinct 16 MiB blocks (random, each stamped with its number), and its SHA-256. */
function generate(): string {
  const block = crypto.randomBytes(16 * 1024 * 1024);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(source, 'w');
  for (let written = 0, n = 0; written < BYTES; n++) {
    block.writeUInt32BE(n, 0);
    const part = block.subarray(0, Math.min(block.length, BYTES - written));
    fs.writeSync(fd, part);
    hash.update(part);
    written += part.length;
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return hash.digest('hex');
}

/** sha256sum, then cp, of the same file: what an operator would do by hand. */
function baseline(): { seconds: number; withFsyncSeconds: number } {
  const copy = path.join(work, 'baseline-copy.bin');
  const t0 = performance.now();
  const sum = spawnSync('sha256sum', [source], { encoding: 'utf8' });
  if (sum.status !== 0) throw new Error(`sha256sum failed: ${sum.stderr}`);
  const cp = spawnSync('cp', [source, copy]);
  if (cp.status !== 0) throw new Error('cp failed');
  const t1 = performance.now();
  // The same again with the copy forced to disk, as every Custos copy is.
  fs.rmSync(copy);
  const t2 = performance.now();
  spawnSync('sha256sum', [source]);
  spawnSync('cp', [source, copy]);
  spawnSync('sync', [copy]);
  const t3 = performance.now();
  fs.rmSync(copy);
  return { seconds: seconds(t1 - t0), withFsyncSeconds: seconds(t3 - t2) };
}

/** Streams the source as one PATCH body (backpressure all the way) and resolves with the response. */
function patch(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'PATCH',
      headers: {
        ...headers,
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(BYTES),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    fs.createReadStream(source, { highWaterMark: 1024 * 1024 }).pipe(req);
  });
}

/** The bare upload: an HTTP server that appends the PATCH body to a file and fsyncs it. No hash, no seal. */
async function bareUpload(): Promise<number> {
  const target = path.join(work, 'bare.bin');
  const server = http.createServer((req, res) => {
    const out = fs.createWriteStream(target, { highWaterMark: 1024 * 1024 });
    req.pipe(out);
    out.on('finish', () => {
      const fd = fs.openSync(target, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      res.writeHead(204, { 'tus-resumable': '1.0.0', 'upload-offset': String(BYTES) }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const t0 = performance.now();
  const res = await patch(`http://127.0.0.1:${port}/upload`, {});
  const elapsed = performance.now() - t0;
  server.close();
  if (res.status !== 204) throw new Error(`bare upload answered ${res.status}`);
  fs.rmSync(target);
  return seconds(elapsed);
}

async function startServer(databaseUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CUSTOS_DATA_DIR: dataDir,
    CUSTOS_LOG_LEVEL: process.env.BENCH_SERVER_LOG ?? 'warn',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ingest/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Resident memory of a process now (VmRSS) and at its peak (VmHWM), in MB. */
function rssMb(pid: number): { now: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) =>
    Math.round(Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? NaN) / 1024);
  return { now: mb('VmRSS'), peak: mb('VmHWM') };
}

async function signInOfficer(base: string) {
  const credentials = JSON.parse(fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8')) as {
    username: string;
    password: string;
  }[];
  const officer = credentials.find((c) => c.username === 'demo-officer');
  if (!officer)
    throw new Error(`the server seeded no demo officer: ${JSON.stringify(credentials).slice(0, 200)}`);
  const password = officer.password;
  const json = (res: Response) => res.json() as Promise<Record<string, string>>;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-officer', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  let csrf = (await json(login)).csrfToken!;
  const post = (url: string, body?: unknown) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const { secret } = await json(await post('/api/auth/totp/enrolment'));
  csrf = (
    await json(await post('/api/auth/totp/enrolment/confirm', { code: currentTotp(secret!, new Date()) }))
  ).csrfToken!;
  return { cookie, csrf, post };
}

async function main(): Promise<void> {
  log(`generating ${BYTES} bytes in ${work}`);
  const expected = generate();

  log('baseline: sha256sum + cp');
  const base = baseline();
  log(`baseline ${base.seconds}s (with the copy fsynced: ${base.withFsyncSeconds}s)`);

  log('bare upload: the HTTP stream to a file, fsynced');
  const bare = await bareUpload();
  log(`bare upload ${bare}s`);

  // On PostgreSQL, a database of its own (custos_bench_<random>, dropped at the end), as bench:booking does.
  const database = process.env.DATABASE_URL ? await createBenchDatabase(process.env.DATABASE_URL) : undefined;
  log(`starting Custos on ${database ? `PostgreSQL (${database.name})` : 'the embedded database'}`);
  const server = await startServer(database?.url);
  try {
    const officer = await signInOfficer(server.base);
    const opened = (await (
      await officer.post('/api/cases', {
        caseNo: 'BENCH-INGEST-1',
        kind: 'criminal',
        title: 'ingest benchmark',
      })
    ).json()) as { id: string };
    const now = Date.now();
    const activity = (await (
      await officer.post(`/api/cases/${opened.id}/activities`, {
        kind: 'room_interrogation',
        place: 'bench',
        plannedStartAt: new Date(now - 3_600_000).toISOString(),
        plannedEndAt: new Date(now).toISOString(),
      })
    ).json()) as { id: string };
    const metadata = Object.entries({
      activityId: activity.id,
      sha256: expected,
      device: 'bench',
      captureStartedAt: new Date(now - 3_600_000).toISOString(),
      captureEndedAt: new Date(now).toISOString(),
      filename: 'recording.bin',
    })
      .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
      .join(',');

    const before = rssMb(server.child.pid!);
    log(
      `server resident memory before the upload: ${before.now} MB (peak so far, at start-up: ${before.peak} MB)`,
    );
    // Reset the peak (Linux clear_refs "5"), so max_rss_mb is the peak while the upload runs, not start-up's
    // (the embedded database's migrations and the demo seed's password hashing).
    fs.writeFileSync(`/proc/${server.child.pid!}/clear_refs`, '5');
    log('ingest: creation, one PATCH, sealed');
    const t0 = performance.now();
    const created = await fetch(`${server.base}/api/recordings/uploads`, {
      method: 'POST',
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrf,
        'tus-resumable': '1.0.0',
        'upload-length': String(BYTES),
        'upload-metadata': metadata,
      },
    });
    if (created.status !== 201)
      throw new Error(`creation answered ${created.status}: ${await created.text()}`);
    const location = created.headers.get('location')!;
    const sent = await patch(`${server.base}${location}`, {
      cookie: officer.cookie,
      'x-csrf-token': officer.csrf,
    });
    const ingestSeconds = seconds(performance.now() - t0);
    if (sent.status !== 204) throw new Error(`the PATCH answered ${sent.status}: ${sent.body}`);
    log(`ingest ${ingestSeconds}s`);
    const rss = rssMb(server.child.pid!);

    const view = (await (
      await fetch(`${server.base}/api/recordings/${location.split('/').pop()}`, {
        headers: { cookie: officer.cookie },
      })
    ).json()) as { state: string; sha256: string; copies: { sha256: string }[] };
    const hashOk =
      view.state === 'sealed' &&
      view.sha256 === expected &&
      view.copies.length === 3 &&
      view.copies.every((c) => c.sha256 === expected);

    const result = {
      bytes: BYTES,
      ingest_s: ingestSeconds,
      baseline_s: base.seconds,
      ratio: Math.round((ingestSeconds / base.seconds) * 100) / 100,
      max_rss_mb: rss.peak,
      rss_before_upload_mb: before.now,
      startup_peak_rss_mb: before.peak,
      rss_after_upload_mb: rss.now,
      hash_ok: hashOk,
      bare_tus_s: bare,
      ratio_to_bare: Math.round((ingestSeconds / bare) * 100) / 100,
      baseline_fsync_s: base.withFsyncSeconds,
      ratio_to_fsync_baseline: Math.round((ingestSeconds / base.withFsyncSeconds) * 100) / 100,
      ingest_mb_per_s: Math.round(BYTES / 1e6 / ingestSeconds),
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      sm3: process.env.CUSTOS_EVIDENCE_SM3 === 'true',
      cpus: os.cpus().length,
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await database?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
