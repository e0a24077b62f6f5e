// Media facts read by ffprobe from the working copy, stored once beside the capture times as given. The video
// is made with ffmpeg here, never committed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingView } from '../../src/modules/recordings/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { makeVideo, uploadTarget, uploadWhole } from './recordings-fixtures.js';

let t: TestApp;
let officer: Session;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-media-'));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = async (id: string) =>
  (await t.request({ method: 'GET', url: `/api/recordings/${id}`, session: officer })).json<RecordingView>();

describe('media facts', () => {
  it('reads duration, streams and the container’s creation time, and keeps the given capture times', async () => {
    const video = makeVideo(dir, 2);
    const sealed = await uploadWhole(t, officer, await uploadTarget(t, officer), video);
    expect(sealed.media).toBeNull();
    expect(await t.custos.services.mediaProbe.probePending()).toBe(1);
    const view = await get(sealed.id);
    expect(view.media).toMatchObject({ readable: true, containerCreatedAt: '2026-11-26T01:00:00.000Z' });
    expect(view.media!.durationMs).toBeGreaterThanOrEqual(1900);
    expect(view.media!.durationMs).toBeLessThanOrEqual(2200);
    expect(view.media!.formatName).toContain('mp4');
    expect(view.media!.streams.map((s) => [s.codec_type, s.codec_name]).sort()).toEqual([
      ['audio', 'aac'],
      ['video', 'h264'],
    ]);
    expect(view.captureStartedAt).toBe(sealed.captureStartedAt);

    // Once only: a second probe finds the facts and changes nothing; the facts cannot be rewritten.
    await t.custos.services.mediaProbe.probe(sealed.id);
    const events = await queryRows<{ action: string }>(
      t.custos.database.db,
      sql`select action from audit_event where subject_id = ${sealed.id} order by id`,
    );
    expect(events.map((e) => e.action)).toEqual([
      'recording.upload_started',
      'recording.sealed',
      'recording.probed',
    ]);
    await expect(
      t.custos.database.db.execute(
        sql`update recording_media_fact set duration_ms = 1 where recording_id = ${sealed.id}`,
      ),
    ).rejects.toThrow();
  });

  it('records that a file is not readable media, rather than failing', async () => {
    const sealed = await uploadWhole(t, officer, await uploadTarget(t, officer), crypto.randomBytes(20_000));
    await t.custos.services.mediaProbe.probe(sealed.id);
    const view = await get(sealed.id);
    expect(view.media).toMatchObject({ readable: false, durationMs: null, streams: [] });
    expect(view.media!.error).toBeTruthy();
  });
});
