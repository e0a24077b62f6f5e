// Interruptions (arts. 14–15): a recording in several segments leaves gaps; each gap beyond the tolerance
// without a recorded interruption is flagged until one is recorded. Going on without recording needs an
// approver and the transcript's note, which the database itself requires; interruptions are written once
// and corrected by annotation.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterruptionView } from '../../src/modules/transcripts/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { pgErrorOf } from '../../src/platform/db/pg-error.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { addStaff } from './cases-fixtures.js';
import { makeVideo, uploadTarget, type UploadTarget } from './recordings-fixtures.js';
import { records, sealSegment } from './transcripts-fixtures.js';

let t: TestApp;
let officer: Session;
let supervisorId: string;
let strangerId: string;
let dir: string;
let target: UploadTarget;
let first: string;
let second: string;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  strangerId = await addStaff(t, 'station-officer', '130102-PCS-01', ['case_officer']);
  supervisorId = await userIdOf('demo-supervisor');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-interruptions-'));
  target = await uploadTarget(t, officer);
  // Two segments of one interrogation, 01:00–01:20 and 01:30–01:45, filed out of capture order.
  second = await sealSegment(
    t,
    officer,
    target,
    crypto.randomBytes(4096),
    '2026-11-26T01:30:00+08:00',
    '2026-11-26T01:45:00+08:00',
  );
  first = await sealSegment(
    t,
    officer,
    target,
    makeVideo(dir, 2),
    '2026-11-26T01:00:00+08:00',
    '2026-11-26T01:20:00+08:00',
  );
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function userIdOf(username: string): Promise<string> {
  const user = await t.custos.repositories.identity.userByUsername(t.custos.database.db, username);
  return user!.id;
}

const activityRecord = async (session = officer) =>
  (await records(t, session, target.caseId)).activities.find((a) => a.activityId === target.activityId)!;

const record = (session: Session, body: Record<string, unknown>) =>
  t.request({
    method: 'POST',
    url: `/api/cases/${target.caseId}/activities/${target.activityId}/interruptions`,
    session,
    body: {
      startedAt: '2026-11-26T01:20:00+08:00',
      endedAt: '2026-11-26T01:30:00+08:00',
      reason: '犯罪嫌疑人身体不适，送医检查',
      continuedWithoutRecording: false,
      resumeExplanation: '恢复录像时已说明中断原因及起止时间',
      ...body,
    },
  });

describe('interruptions', () => {
  it('flags the gap between segments in capture order while no interruption is recorded', async () => {
    const view = await activityRecord();
    expect(view.segments.map((s) => s.recordingId)).toEqual([first, second]);
    expect(view.gaps).toEqual([
      {
        afterRecordingId: first,
        beforeRecordingId: second,
        startedAt: '2026-11-25T17:20:00.000Z',
        endedAt: '2026-11-25T17:30:00.000Z',
        seconds: 600,
        interruptionId: null,
      },
    ]);
  });

  it('refuses going on without recording without an approver or the transcript’s note, at the edge and in the database', async () => {
    const res = await record(officer, { continuedWithoutRecording: true });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ errors: { path: string; message: { 'zh-CN': string } }[] }>();
    expect(body.errors.map((e) => e.path).sort()).toEqual(['approvedBy', 'transcriptNote']);
    expect(body.errors.every((e) => e.message['zh-CN'])).toBe(true);

    const officerId = await userIdOf('demo-officer');
    const refused = await t.custos.database.db
      .execute(
        sql`
        insert into recording_interruption (case_id, activity_id, started_at, ended_at, reason,
          continued_without_recording, resume_explanation, recorded_by, created_at)
        values (${target.caseId}, ${target.activityId}, now(), now() + interval '1 minute', 'r', true, 'e',
          ${officerId}, now())`,
      )
      .then(
        () => undefined,
        (error: unknown) => pgErrorOf(error)?.constraint,
      );
    expect(refused).toBe('recording_interruption_approval_check');
    expect((await activityRecord()).interruptions).toEqual([]);
  });

  it('refuses an approver who cannot approve for the handling unit', async () => {
    const res = await record(officer, {
      continuedWithoutRecording: true,
      approvedBy: strangerId,
      transcriptNote: '笔录第 3 页记载',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('interruption.approver_invalid');
  });

  it('refuses officers of other units and admins', async () => {
    for (const username of ['station-officer', 'demo-admin']) {
      const res = await record(await t.signIn(username), {});
      expect(res.statusCode, username).toBe(403);
    }
    const reviewer = await record(await t.signIn('demo-reviewer'), {});
    expect(reviewer.statusCode).toBe(403);
  });

  it('an interruption that does not cover the gap leaves it flagged; a correction by annotation clears it', async () => {
    const res = await record(officer, {
      startedAt: '2026-11-26T01:22:00+08:00',
      endedAt: '2026-11-26T01:30:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    const partial = res.json<InterruptionView>();
    expect((await activityRecord()).gaps[0]!.interruptionId).toBeNull();

    const annotated = await t.request({
      method: 'POST',
      url: `/api/cases/${target.caseId}/interruptions/${partial.id}/annotations`,
      session: officer,
      body: { reason: '按讯问室监控时间更正开始时间', correctedStartedAt: '2026-11-26T01:20:00+08:00' },
    });
    expect(annotated.statusCode, annotated.body).toBe(201);
    const view = annotated.json<InterruptionView>();
    expect(view.startedAt).toBe('2026-11-25T17:22:00.000Z');
    expect(view.annotations).toHaveLength(1);
    expect((await activityRecord()).gaps[0]!.interruptionId).toBe(partial.id);
  });

  it('records going on without recording with its approver and note, and the reviewer sees it', async () => {
    const res = await record(officer, {
      continuedWithoutRecording: true,
      approvedBy: supervisorId,
      transcriptNote: '笔录第 3 页：经批准，设备故障期间继续讯问',
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<InterruptionView>();
    expect(saved.approvedBy?.userId).toBe(supervisorId);
    const view = await activityRecord(await t.signIn('demo-reviewer'));
    expect(view.interruptions.map((i) => i.id)).toContain(saved.id);
    expect(view.gaps[0]!.interruptionId).not.toBeNull();
  });

  it('audits every interruption and correction, and never lets one change', async () => {
    const events = await queryRows<{ action: string }>(
      t.custos.database.db,
      sql`select action from audit_event where action like 'recording.interruption%' order by id`,
    );
    expect(events.map((e) => e.action)).toEqual([
      'recording.interruption_recorded',
      'recording.interruption_annotated',
      'recording.interruption_recorded',
    ]);
    await expect(
      t.custos.database.db.execute(sql`update recording_interruption set reason = 'x'`),
    ).rejects.toThrow();
    await expect(t.custos.database.db.execute(sql`delete from interruption_annotation`)).rejects.toThrow();
  });
});
