// Resumable ingest over the tus protocol, on the real app: creation with the declared hash, PATCHes hashed as
// they arrive, chunk checksums, offsets, termination, expiry, and sealing with three write-once copies and an
// audit event; a wrong declared hash ends in an explained rejection, never a sealed recording.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../src/modules/cases/schemas.js';
import type { RecordingView } from '../../src/modules/recordings/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { addStaff } from './cases-fixtures.js';
import {
  createUpload,
  head,
  patch,
  sha256Hex,
  startUpload,
  TUS,
  uploadTarget,
  uploadWhole,
  type UploadTarget,
} from './recordings-fixtures.js';

let t: TestApp;
let officer: Session;
let target: UploadTarget;
beforeAll(async () => {
  t = await startTestApp({ env: { CUSTOS_EVIDENCE_SM3: 'true', CUSTOS_UPLOAD_EXPIRY_HOURS: '2' } });
  officer = await t.signIn('demo-officer');
  target = await uploadTarget(t, officer);
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;
const idOf = (url: string) => url.split('/').pop()!;
const random = (n: number) => crypto.randomBytes(n);
const stagingFile = (id: string) => path.join(t.settings.evidence.uploadDir, `${id}.upload`);
/** The copies received beside the master, in the working and backup stores' own staging areas. */
const copyStagingFiles = (id: string) =>
  (['working', 'backup'] as const).map((l) =>
    path.join(t.settings.evidence.stores[l], '.incoming', 'staging', `${id}.upload`),
  );

async function events(recordingId: string) {
  return queryRows<{ action: string; actor_username: string | null; payload: Record<string, unknown> }>(
    db(),
    sql`select action, actor_username, payload from audit_event where subject_id = ${recordingId} order by id`,
  );
}

describe('tus discovery and creation', () => {
  it('announces version, extensions, checksum algorithm and the size limit', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/recordings/uploads' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['tus-version']).toBe('1.0.0');
    expect(res.headers['tus-extension']).toBe('creation,expiration,termination,checksum');
    expect(res.headers['tus-checksum-algorithm']).toBe('sha256');
    expect(Number(res.headers['tus-max-size'])).toBe(t.settings.evidence.maxUploadBytes);
  });

  it('refuses another protocol version with 412 and the versions it speaks', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/recordings/uploads',
      session: officer,
      headers: { 'tus-resumable': '0.2.2', 'upload-length': '10' },
    });
    expect(res.statusCode).toBe(412);
    expect(res.headers['tus-version']).toBe('1.0.0');
    expect(res.json().code).toBe('recording.tus_version');
  });

  it('names what is wrong in the metadata, in both languages', async () => {
    const res = await createUpload(
      t,
      officer,
      target,
      { length: 10, sha256: 'abc' },
      {
        captureEndedAt: '2026-11-26T00:00:00+08:00',
        device: '',
      },
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { path: string; message: { 'zh-CN': string } }[] }>().errors;
    expect(errors.map((e) => e.path).sort()).toEqual([
      'metadata.captureEndedAt',
      'metadata.device',
      'metadata.sha256',
    ]);
    expect(errors.find((e) => e.path === 'metadata.sha256')!.message['zh-CN']).toContain('SHA-256');
  });

  it('refuses a file over the size limit, a deferred length and a wrong case', async () => {
    const big = await createUpload(t, officer, target, {
      length: t.settings.evidence.maxUploadBytes + 1,
      sha256: 'a'.repeat(64),
    });
    expect(big.statusCode).toBe(413);
    const deferred = await t.request({
      method: 'POST',
      url: '/api/recordings/uploads',
      session: officer,
      headers: { ...TUS, 'upload-defer-length': '1' },
    });
    expect(deferred.statusCode).toBe(400);
    const other = await uploadTarget(t, officer);
    const wrongCase = await createUpload(
      t,
      officer,
      target,
      { length: 5, sha256: 'a'.repeat(64) },
      {
        caseId: other.caseId,
      },
    );
    expect(wrongCase.statusCode).toBe(400);
    expect(wrongCase.json().code).toBe('recording.case_mismatch');
  });

  it('lets only a case officer of the handling unit upload', async () => {
    await addStaff(t, 'ingest-station-officer', '130102-PCS-01', ['case_officer']);
    for (const username of ['demo-custodian', 'demo-reviewer', 'ingest-station-officer']) {
      const session = await t.signIn(username);
      const res = await createUpload(t, session, target, { length: 5, sha256: 'a'.repeat(64) });
      expect(res.statusCode, username).toBe(403);
    }
  });
});

describe('a resumable upload', () => {
  it('takes the file in pieces, reports the offset, and seals it with three write-once copies', async () => {
    const bytes = random(3 * 1024 * 1024 + 5);
    const url = await startUpload(t, officer, target, bytes);
    const id = idOf(url);
    expect(url).toBe(`/api/recordings/uploads/${id}`);

    const first = await patch(t, officer, url, 0, bytes.subarray(0, 1_000_000));
    expect(first.statusCode, first.body).toBe(204);
    // Each byte is written as it arrives to the master-to-be and to the two copies, on their own volumes.
    for (const file of [stagingFile(id), ...copyStagingFiles(id)])
      expect(fs.statSync(file).size).toBe(1_000_000);
    expect(first.headers['upload-offset']).toBe('1000000');
    expect(first.headers['upload-expires']).toMatch(/GMT$/);
    const probe = await head(t, officer, url);
    expect(probe.statusCode).toBe(200);
    expect(probe.headers['upload-offset']).toBe('1000000');
    expect(probe.headers['upload-length']).toBe(String(bytes.length));
    expect(probe.headers['cache-control']).toBe('no-store');

    // A wrong offset is refused with the one the server has.
    const stale = await patch(t, officer, url, 0, bytes.subarray(0, 10));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().data.offset).toBe(1_000_000);

    const rest = await patch(t, officer, url, 1_000_000, bytes.subarray(1_000_000));
    expect(rest.statusCode, rest.body).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(bytes.length));

    const view = (
      await t.request({ method: 'GET', url: `/api/recordings/${id}`, session: officer })
    ).json<RecordingView>();
    expect(view.state).toBe('sealed');
    expect(view.sha256).toBe(sha256Hex(bytes));
    expect(view.sm3).toBe(crypto.createHash('sm3').update(bytes).digest('hex'));
    expect(view.copies.map((c) => c.location).sort()).toEqual(['backup', 'master', 'working']);
    for (const copy of view.copies) {
      expect(copy.sha256).toBe(view.sha256);
      expect(copy.byteSize).toBe(bytes.length);
      const file = path.join(t.settings.evidence.stores[copy.location], 'recordings', id.slice(0, 2), id);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(fs.statSync(file).mode & 0o222).toBe(0);
    }
    for (const file of [stagingFile(id), ...copyStagingFiles(id)]) expect(fs.existsSync(file)).toBe(false);

    const audit = await events(id);
    expect(audit.map((e) => e.action)).toEqual(['recording.upload_started', 'recording.sealed']);
    const sealed = audit[1]!;
    expect(sealed.actor_username).toBe('demo-officer');
    expect(sealed.payload).toMatchObject({
      sha256: view.sha256,
      sm3: view.sm3,
      byteSize: bytes.length,
      uploadedBy: view.uploadedBy.userId,
      device: 'DSJ-A8 执法记录仪 SN 0042',
      captureStartedAt: '2026-11-25T17:00:00.000Z',
      captureEndedAt: '2026-11-25T17:45:00.000Z',
    });

    const page = (
      await t.request({ method: 'GET', url: `/api/cases/${target.caseId}`, session: officer })
    ).json<CaseView>();
    expect(page.activities.find((a) => a.id === target.activityId)!.standing).toBe('recorded');
    expect(page.missingRecordings).toEqual([]);
    const after = await head(t, officer, url);
    expect(after.headers['upload-offset']).toBe(String(bytes.length));
  });

  it('refuses a chunk whose checksum is wrong without keeping any of it, then takes it whole', async () => {
    const own = await uploadTarget(t, officer);
    const bytes = random(200_000);
    const url = await startUpload(t, officer, own, bytes);
    const id = idOf(url);
    const chunk = bytes.subarray(0, 120_000);
    const wrong = crypto.createHash('sha256').update(bytes.subarray(1, 120_001)).digest('base64');
    const refused = await patch(t, officer, url, 0, chunk, wrong);
    expect(refused.statusCode).toBe(460);
    expect(refused.json().code).toBe('recording.chunk_checksum_mismatch');
    expect((await head(t, officer, url)).headers['upload-offset']).toBe('0');
    for (const file of [stagingFile(id), ...copyStagingFiles(id)]) expect(fs.statSync(file).size).toBe(0);

    const right = crypto.createHash('sha256').update(chunk).digest('base64');
    expect((await patch(t, officer, url, 0, chunk, right)).statusCode).toBe(204);
    const restSum = crypto.createHash('sha256').update(bytes.subarray(120_000)).digest('base64');
    const done = await patch(t, officer, url, 120_000, bytes.subarray(120_000), restSum);
    expect(done.statusCode, done.body).toBe(204);
    const view = (
      await t.request({ method: 'GET', url: `/api/recordings/${id}`, session: officer })
    ).json<RecordingView>();
    expect(view.state).toBe('sealed');
    expect(view.sha256).toBe(sha256Hex(bytes));
  });

  it('refuses an unsupported checksum algorithm and bytes beyond the declared length', async () => {
    const own = await uploadTarget(t, officer);
    const bytes = random(1000);
    const url = await startUpload(t, officer, own, bytes);
    const md5 = await t.app.inject({
      method: 'PATCH',
      url,
      payload: bytes,
      headers: {
        ...TUS,
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'upload-checksum': `md5 ${crypto.createHash('md5').update(bytes).digest('base64')}`,
      },
    });
    expect(md5.statusCode).toBe(400);
    expect(md5.json().code).toBe('recording.checksum_header');
    const tooMuch = await patch(t, officer, url, 0, Buffer.concat([bytes, Buffer.from('extra')]));
    expect(tooMuch.statusCode).toBe(413);
    expect((await head(t, officer, url)).headers['upload-offset']).toBe('0');
    const plain = await t.app.inject({
      method: 'PATCH',
      url,
      payload: bytes,
      headers: {
        ...TUS,
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'content-type': 'application/octet-stream',
        'upload-offset': '0',
      },
    });
    expect(plain.statusCode).toBe(415);
  });

  it('rejects a file that does not match its declared hash, explains why, and keeps nothing sealed', async () => {
    const own = await uploadTarget(t, officer);
    const bytes = random(50_000);
    const declared = sha256Hex(random(10));
    const url = await startUpload(t, officer, own, bytes, declared);
    const id = idOf(url);
    const res = await patch(t, officer, url, 0, bytes);
    expect(res.statusCode).toBe(422);
    const problem = res.json<{
      code: string;
      data: { declared: string; actual: string };
      message: { 'zh-CN': string };
    }>();
    expect(problem.code).toBe('recording.hash_mismatch');
    expect(problem.data).toEqual({ declared, actual: sha256Hex(bytes) });
    expect(problem.message['zh-CN']).toContain('未予封存');

    const view = (
      await t.request({ method: 'GET', url: `/api/recordings/${id}`, session: officer })
    ).json<RecordingView>();
    expect(view.state).toBe('rejected');
    expect(view.copies).toEqual([]);
    expect(view.endReason).toMatchObject({
      code: 'hash_mismatch',
      declaredSha256: declared,
      actualSha256: sha256Hex(bytes),
    });
    expect(fs.existsSync(stagingFile(id))).toBe(false);
    for (const store of Object.values(t.settings.evidence.stores)) {
      expect(fs.existsSync(path.join(store, 'recordings', id.slice(0, 2), id))).toBe(false);
    }
    expect((await events(id)).map((e) => e.action)).toEqual([
      'recording.upload_started',
      'recording.rejected',
    ]);
    expect((await head(t, officer, url)).statusCode).toBe(410);
    const page = (
      await t.request({ method: 'GET', url: `/api/cases/${own.caseId}`, session: officer })
    ).json<CaseView>();
    expect(page.missingRecordings).toEqual([own.activityId]);
  });

  it('lets only the uploader continue or cancel, and a cancelled upload is gone', async () => {
    const own = await uploadTarget(t, officer);
    const bytes = random(10_000);
    const url = await startUpload(t, officer, own, bytes);
    const id = idOf(url);
    await patch(t, officer, url, 0, bytes.subarray(0, 4000));
    await addStaff(t, 'ingest-colleague', '130102-BAZX', ['case_officer']);
    const colleague = await t.signIn('ingest-colleague');
    expect((await patch(t, colleague, url, 4000, bytes.subarray(4000))).statusCode).toBe(403);

    const cancelled = await t.request({ method: 'DELETE', url, session: officer, headers: TUS });
    expect(cancelled.statusCode).toBe(204);
    expect(fs.existsSync(stagingFile(id))).toBe(false);
    expect((await head(t, officer, url)).statusCode).toBe(410);
    const again = await patch(t, officer, url, 4000, bytes.subarray(4000));
    expect(again.statusCode).toBe(410);
    expect((await events(id)).map((e) => e.action)).toEqual([
      'recording.upload_started',
      'recording.upload_terminated',
    ]);
  });

  it('expires an abandoned upload after the configured time, deletes its bytes and says so in the log', async () => {
    const own = await uploadTarget(t, officer);
    const bytes = random(10_000);
    const url = await startUpload(t, officer, own, bytes);
    const id = idOf(url);
    await patch(t, officer, url, 0, bytes.subarray(0, 5000));
    t.clock.advance(60 * 60_000);
    expect(await t.custos.services.uploadSweeper.expire()).toBe(0);
    t.clock.advance(61 * 60_000);
    // Every upload left unfinished by the tests above expires with it.
    expect(await t.custos.services.uploadSweeper.expire()).toBeGreaterThanOrEqual(1);
    officer = await t.signIn('demo-officer');
    expect(fs.existsSync(stagingFile(id))).toBe(false);
    const [row] = await queryRows<{ state: string; received_bytes: number | string }>(
      db(),
      sql`select state, received_bytes from recording where id = ${id}`,
    );
    expect(row!.state).toBe('expired');
    const expired = (await events(id)).at(-1)!;
    expect(expired.action).toBe('recording.upload_expired');
    expect(expired.actor_username).toBe('system:uploads');
    expect(expired.payload).toMatchObject({ receivedBytes: 5000, byteSize: 10_000 });
  });
});

describe('what is given stays as given', () => {
  it('refuses any change to a recording’s capture times, device or hash, and to a sealed recording at all', async () => {
    const own = await uploadTarget(t, officer);
    const view = await uploadWhole(t, officer, own, random(5000));
    const attempts = [
      sql`update recording set capture_started_at = capture_started_at - interval '1 hour' where id = ${view.id}`,
      sql`update recording set device = 'other' where id = ${view.id}`,
      sql`update recording set sha256 = ${'0'.repeat(64)} where id = ${view.id}`,
      sql`delete from recording where id = ${view.id}`,
      sql`update recording_copy set sha256 = ${'0'.repeat(64)} where recording_id = ${view.id}`,
      sql`delete from recording_copy where recording_id = ${view.id}`,
    ];
    for (const attempt of attempts) await expect(db().execute(attempt)).rejects.toThrow();
  });

  it('takes a correction of capture times as an annotation with its author and reason, keeping both', async () => {
    const own = await uploadTarget(t, officer);
    const view = await uploadWhole(t, officer, own, random(5000));
    const res = await t.request({
      method: 'POST',
      url: `/api/recordings/${view.id}/annotations`,
      session: officer,
      body: {
        kind: 'capture_time_correction',
        correctedStartedAt: '2026-11-26T01:02:00+08:00',
        reason: '记录仪时钟慢 2 分钟，经与讯问室计时装置核对',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const annotated = res.json<RecordingView>();
    expect(annotated.captureStartedAt).toBe(view.captureStartedAt);
    expect(annotated.annotations).toHaveLength(1);
    expect(annotated.annotations[0]).toMatchObject({
      kind: 'capture_time_correction',
      author: { displayName: '办案民警 张警官' },
      correctedStartedAt: '2026-11-25T17:02:00.000Z',
      correctedEndedAt: null,
    });
    const last = (await events(view.id)).at(-1)!;
    expect(last.action).toBe('recording.annotated');
    expect(last.payload).toMatchObject({ givenCaptureStartedAt: view.captureStartedAt });
    const empty = await t.request({
      method: 'POST',
      url: `/api/recordings/${view.id}/annotations`,
      session: officer,
      body: { kind: 'capture_time_correction', reason: '无' },
    });
    expect(empty.statusCode).toBe(400);
    await expect(
      db().execute(sql`update recording_annotation set reason = 'x' where recording_id = ${view.id}`),
    ).rejects.toThrow();
  });

  it('lets the case go to legal review once its mandatory recordings are sealed', async () => {
    const res = await t.request({
      method: 'PUT',
      url: `/api/cases/${target.caseId}/status`,
      session: officer,
      body: { status: 'under_review' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
