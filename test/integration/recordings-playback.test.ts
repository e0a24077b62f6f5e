// Playing a sealed recording: opening the player is an audited view with a grant for that viewer only; the
// working copy is served whole or by range; the grant expires and cannot be borrowed or forged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingView, ViewGrant } from '../../src/modules/recordings/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { makeVideo, startUpload, uploadTarget, uploadWhole } from './recordings-fixtures.js';

let t: TestApp;
let officer: Session;
let video: Buffer;
let sealed: RecordingView;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-play-'));
  video = makeVideo(dir, 2);
  sealed = await uploadWhole(t, officer, await uploadTarget(t, officer), video);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const startView = (session: Session, id: string) =>
  t.request({ method: 'POST', url: `/api/recordings/${id}/views`, session });
const fetchMedia = (session: Session, url: string, range?: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie, ...(range ? { range } : {}) } });

describe('playback', () => {
  it('records each view in the audit log and serves the working copy by range', async () => {
    const res = await startView(officer, sealed.id);
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json<ViewGrant>();
    expect(grant.viewer).toBe('办案民警 张警官');

    const [viewed] = await queryRows<{ actor_username: string; payload: Record<string, unknown> }>(
      t.custos.database.db,
      sql`select actor_username, payload from audit_event where action = 'recording.viewed' and subject_id = ${sealed.id}`,
    );
    expect(viewed).toMatchObject({
      actor_username: 'demo-officer',
      payload: { copy: 'working', sha256: sealed.sha256 },
    });

    const part = await fetchMedia(officer, grant.mediaUrl, 'bytes=100-199');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${video.length}`);
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect(part.headers['content-type']).toBe('video/mp4');
    expect(part.rawPayload.equals(video.subarray(100, 200))).toBe(true);

    const whole = await fetchMedia(officer, grant.mediaUrl);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(video)).toBe(true);

    const beyond = await fetchMedia(officer, grant.mediaUrl, `bytes=${video.length}-`);
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${video.length}`);
  });

  it('lets no one else use a viewer’s grant, and takes no forged or expired one', async () => {
    const grant = (await startView(officer, sealed.id)).json<ViewGrant>();
    const reviewer = await t.signIn('demo-reviewer');
    const borrowed = await fetchMedia(reviewer, grant.mediaUrl, 'bytes=0-9');
    expect(borrowed.statusCode).toBe(403);
    expect(borrowed.json().code).toBe('recording.view_expired');

    const forged = grant.mediaUrl.replace(/view=([^.]+)\./, (_m, body: string) => {
      const claims = JSON.parse(Buffer.from(decodeURIComponent(body), 'base64url').toString()) as {
        e: number;
      };
      claims.e += 86_400_000;
      return `view=${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    });
    expect((await fetchMedia(officer, forged, 'bytes=0-9')).statusCode).toBe(403);

    t.clock.advance(5 * 3_600_000);
    officer = await t.signIn('demo-officer');
    expect((await fetchMedia(officer, grant.mediaUrl, 'bytes=0-9')).statusCode).toBe(403);
  });

  it('plays only sealed recordings, and never for the admin', async () => {
    const url = await startUpload(
      t,
      officer,
      await uploadTarget(t, officer),
      Buffer.from('not yet all here'),
    );
    const pending = await startView(officer, url.split('/').pop()!);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('recording.not_playable');
    const admin = await t.signIn('demo-admin');
    expect((await startView(admin, sealed.id)).statusCode).toBe(403);
  });
});
