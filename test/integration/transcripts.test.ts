// Transcripts (笔录): filed by the handling unit's case officers, compared with the activity's sealed
// recording (capture times as given, media duration from ffprobe) and flagged beyond the tolerance; every
// upload and every view audited; the file written once. Media is made with ffmpeg here, never committed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptView } from '../../src/modules/transcripts/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { addStaff } from './cases-fixtures.js';
import { makeVideo, uploadTarget, type UploadTarget } from './recordings-fixtures.js';
import { records, sealSegment, transcriptPdf } from './transcripts-fixtures.js';

let t: TestApp;
let officer: Session;
let dir: string;
let target: UploadTarget;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  await addStaff(t, 'station-officer', '130102-PCS-01', ['case_officer']);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-transcripts-'));
  target = await uploadTarget(t, officer);
  // A 3-second video whose capture times say 01:00:00 to 01:00:03 (+08:00), probed so its duration is known.
  await sealSegment(
    t,
    officer,
    target,
    makeVideo(dir, 3),
    '2026-11-26T01:00:00+08:00',
    '2026-11-26T01:00:03+08:00',
  );
  expect(await t.custos.services.mediaProbe.probePending()).toBe(1);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upload = (session: Session, startedAt: string, endedAt: string, activityId = target.activityId) =>
  t.request({
    method: 'POST',
    url: `/api/cases/${target.caseId}/activities/${activityId}/transcripts`,
    session,
    body: { fileName: '讯问笔录 第1次.pdf', content: transcriptPdf(), startedAt, endedAt },
  });

describe('transcripts', () => {
  it('does not flag a transcript whose times agree with the recording within the tolerance', async () => {
    const res = await upload(officer, '2026-11-26T01:00:30+08:00', '2026-11-26T01:01:00+08:00');
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<TranscriptView>();
    expect(view.contentType).toBe('application/pdf');
    expect(view.comparison).toMatchObject({
      recordedStartedAt: '2026-11-25T17:00:00.000Z',
      recordedEndedAt: '2026-11-25T17:00:03.000Z',
      startDifferenceSeconds: 30,
      endDifferenceSeconds: 57,
      flags: [],
    });
    expect(view.comparison.mediaEndDifferenceSeconds).toBeGreaterThanOrEqual(56);
  });

  it('flags a transcript whose times differ beyond the tolerance, with both spans and the difference', async () => {
    const res = await upload(officer, '2026-11-26T01:05:00+08:00', '2026-11-26T01:40:00+08:00');
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<TranscriptView>();
    expect(view.comparison.flags).toEqual(['start', 'end', 'media_end']);
    expect(view.comparison.startDifferenceSeconds).toBe(300);
    expect(view.comparison.endDifferenceSeconds).toBe(2397);
    const all = await records(t, officer, target.caseId);
    const activity = all.activities.find((a) => a.activityId === target.activityId)!;
    expect(all.toleranceSeconds).toBe(60);
    expect(activity.transcripts.map((x) => x.comparison.flags.length > 0)).toEqual([false, true]);
    expect(activity.segments[0]!.durationMs).toBeGreaterThan(2900);
  });

  it('flags a transcript of an activity without a sealed recording', async () => {
    const other = await uploadTarget(t, officer);
    const res = await t.request({
      method: 'POST',
      url: `/api/cases/${other.caseId}/activities/${other.activityId}/transcripts`,
      session: officer,
      body: {
        fileName: 'bilu.pdf',
        content: transcriptPdf(),
        startedAt: '2026-11-26T01:00:00+08:00',
        endedAt: '2026-11-26T01:30:00+08:00',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TranscriptView>().comparison.flags).toEqual(['no_recording']);
  });

  it('refuses a file that is not a PDF or image, and times that end before they start, in both languages', async () => {
    const bad = await t.request({
      method: 'POST',
      url: `/api/cases/${target.caseId}/activities/${target.activityId}/transcripts`,
      session: officer,
      body: {
        fileName: 'x.exe',
        content: Buffer.from('MZ not a pdf').toString('base64'),
        startedAt: '2026-11-26T01:00:00+08:00',
        endedAt: '2026-11-26T00:00:00+08:00',
      },
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json<{ errors: { path: string; message: { 'zh-CN': string; en: string } }[] }>();
    expect(body.errors.map((e) => e.path).sort()).toEqual(['content', 'endedAt']);
    expect(body.errors.every((e) => e.message['zh-CN'] && e.message.en)).toBe(true);
  });

  it('refuses an activity of another case', async () => {
    const other = await uploadTarget(t, officer);
    const res = await upload(
      officer,
      '2026-11-26T01:00:00+08:00',
      '2026-11-26T01:01:00+08:00',
      other.activityId,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('case.activity_not_found');
  });

  it('refuses officers of other units and admins, to file and to read', async () => {
    for (const username of ['station-officer', 'demo-admin']) {
      const session = await t.signIn(username);
      const res = await upload(session, '2026-11-26T01:00:00+08:00', '2026-11-26T01:01:00+08:00');
      expect(res.statusCode, username).toBe(403);
      const read = await t.request({
        method: 'GET',
        url: `/api/cases/${target.caseId}/activity-records`,
        session,
      });
      expect(read.statusCode, username).toBe(403);
    }
  });

  it('lets the region’s reviewer open the file, audits every upload and view, and keeps the file as written', async () => {
    const all = await records(t, officer, target.caseId);
    const first = all.activities.find((a) => a.activityId === target.activityId)!.transcripts[0]!;
    const reviewer = await t.signIn('demo-reviewer');
    const file = await t.request({
      method: 'GET',
      url: `/api/cases/${target.caseId}/transcripts/${first.id}/content`,
      session: reviewer,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const events = await queryRows<{ action: string; username: string }>(
      t.custos.database.db,
      sql`select action, actor_username as username from audit_event where subject_id = ${first.id} order by id`,
    );
    expect(events).toEqual([
      { action: 'transcript.uploaded', username: 'demo-officer' },
      { action: 'transcript.viewed', username: 'demo-reviewer' },
    ]);
    await expect(
      t.custos.database.db.execute(
        sql`update transcript set declared_started_at = now() where id = ${first.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.custos.database.db.execute(sql`delete from transcript where id = ${first.id}`),
    ).rejects.toThrow();
  });
});
