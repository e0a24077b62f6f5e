// Playable derivatives: a recording in a format browsers play gets none; one they cannot play (MPEG-4 part 2
// with PCM sound in AVI, made by ffmpeg here) gets an H.264 MP4 made from its working copy, recorded with the
// working copy's hash, and playback serves it by range while the working copy stays as it was sealed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DerivativeMaker } from '../../src/modules/recordings/derivative-maker.js';
import type { RecordingView, ViewGrant } from '../../src/modules/recordings/schemas.js';
import { storeKeyOf } from '../../src/modules/recordings/store-key.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { makeVideo, sha256Hex, uploadTarget, uploadWhole } from './recordings-fixtures.js';

let t: TestApp;
let officer: Session;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-derive-'));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** MPEG-4 part 2 video and PCM sound in AVI: what older body-cams write, and no browser plays. */
function makeAvi(seconds = 2): Buffer {
  const file = path.join(dir, 'clip.avi');
  execFileSync(
    'ffmpeg',
    [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${seconds}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
      '-c:v', 'mpeg4', '-c:a', 'pcm_s16le', '-shortest',
      file,
    ],
    { stdio: 'pipe' },
  ); // prettier-ignore
  return fs.readFileSync(file);
}

interface DerivativeRecord {
  id: string;
  kind: string;
  derived_from_sha256: string;
  store_key: string;
  byte_size: string | number;
  sha256: string;
  ffmpeg_version: string;
  ffmpeg_args: string[];
}

const derivativesOf = (id: string) =>
  queryRows<DerivativeRecord>(
    t.custos.database.db,
    sql`select * from recording_derivative where recording_id = ${id}`,
  );

const actionsOf = async (id: string) =>
  (
    await queryRows<{ action: string }>(
      t.custos.database.db,
      sql`select action from audit_event where subject_id = ${id} order by id`,
    )
  ).map((e) => e.action);

const fetchMedia = (url: string, range?: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: officer.cookie, ...(range ? { range } : {}) } });

describe('playable derivatives', () => {
  let mp4: RecordingView;
  let avi: RecordingView;
  let aviBytes: Buffer;

  it('makes none for a format browsers play, and one from the working copy for a format they cannot', async () => {
    mp4 = await uploadWhole(t, officer, await uploadTarget(t, officer), makeVideo(dir, 2));
    aviBytes = makeAvi(2);
    avi = await uploadWhole(t, officer, await uploadTarget(t, officer), aviBytes);
    expect(await t.custos.services.mediaProbe.probePending()).toBe(2);

    expect(await t.custos.services.derivatives.make(mp4.id)).toBe(false);
    expect(await t.custos.services.derivatives.makePending()).toBe(1);
    expect(await derivativesOf(mp4.id)).toEqual([]);

    const [made] = await derivativesOf(avi.id);
    expect(made).toMatchObject({ kind: 'playback', derived_from_sha256: avi.sha256 });
    expect(made!.ffmpeg_version).toMatch(/^ffmpeg version/);
    expect(made!.ffmpeg_args).toContain('+faststart');
    expect(made!.ffmpeg_args).toContain('<working copy>');

    // The derivative is what the row says it is, and browsers play it: H.264 (and AAC) in MP4.
    const file = await t.custos.evidenceStores.working.mediaSource(made!.store_key);
    const bytes = fs.readFileSync(file);
    expect(sha256Hex(bytes)).toBe(made!.sha256);
    expect(bytes.length).toBe(Number(made!.byte_size));
    const probed = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]).toString(),
    ) as { streams: { codec_name: string }[] };
    expect(probed.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    // The working copy is untouched: same bytes as uploaded, under its own key.
    const working = await t.custos.evidenceStores.working.mediaSource(storeKeyOf(avi.id));
    expect(fs.readFileSync(working).equals(aviBytes)).toBe(true);
    expect(await actionsOf(avi.id)).toContain('recording.derivative_made');

    // Once only, and the row is written once.
    expect(await t.custos.services.derivatives.make(avi.id)).toBe(false);
    expect(await t.custos.services.derivatives.makePending()).toBe(0);
    await expect(
      t.custos.database.db.execute(
        sql`update recording_derivative set sha256 = ${'0'.repeat(64)} where recording_id = ${avi.id}`,
      ),
    ).rejects.toThrow();
  });

  it('serves the derivative by range, under a view that names it and the working copy it came from', async () => {
    const [made] = await derivativesOf(avi.id);
    const res = await t.request({ method: 'POST', url: `/api/recordings/${avi.id}/views`, session: officer });
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json<ViewGrant>();
    expect(grant.served).toEqual({ copy: 'derivative', sha256: made!.sha256, derivedFromSha256: avi.sha256 });
    const [viewed] = await queryRows<{ payload: Record<string, unknown> }>(
      t.custos.database.db,
      sql`select payload from audit_event where action = 'recording.viewed' and subject_id = ${avi.id}`,
    );
    expect(viewed!.payload).toMatchObject({
      copy: 'derivative',
      sha256: made!.sha256,
      derivativeId: made!.id,
      derivedFromSha256: avi.sha256,
    });

    const derivative = fs.readFileSync(await t.custos.evidenceStores.working.mediaSource(made!.store_key));
    const part = await fetchMedia(grant.mediaUrl, 'bytes=100-199');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-type']).toBe('video/mp4');
    expect(part.headers['content-range']).toBe(`bytes 100-199/${derivative.length}`);
    expect(part.rawPayload.equals(derivative.subarray(100, 200))).toBe(true);

    // A recording browsers play is still served as its working copy.
    const plain = (
      await t.request({ method: 'POST', url: `/api/recordings/${mp4.id}/views`, session: officer })
    ).json<ViewGrant>();
    expect(plain.served).toEqual({ copy: 'working', sha256: mp4.sha256, derivedFromSha256: null });
  });

  it('records a failed run and leaves no derivative behind', async () => {
    const broken = makeAvi(1);
    const sealed = await uploadWhole(t, officer, await uploadTarget(t, officer), broken);
    await t.custos.services.mediaProbe.probe(sealed.id);
    // An ffmpeg that is not there: the run fails, is audited, and writes nothing.
    const c = t.custos;
    const missing = new DerivativeMaker(
      c.database.db,
      c.tx,
      c.repositories.recordings,
      c.evidenceStores,
      c.services.audit,
      c.clock,
      path.join(dir, 'no-ffmpeg'),
      c.logger,
    );
    await expect(missing.make(sealed.id)).rejects.toThrow();
    expect(await derivativesOf(sealed.id)).toEqual([]);
    expect(await actionsOf(sealed.id)).toContain('recording.derivative_failed');
    // The retry succeeds.
    expect(await t.custos.services.derivatives.make(sealed.id)).toBe(true);
  });
});
