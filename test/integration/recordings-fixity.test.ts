// Fixity: a flipped byte in a master, a working copy and a backup, and a missing file, each found by the
// scheduled job and by `custos evidence verify`, recorded, alerted in the staff console and the audit log.
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceVerify } from '../../src/cli/evidence-verify.js';
import { run } from '../../src/cli/main.js';
import type { AlertView, RecordingView } from '../../src/modules/recordings/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { onPostgres } from '../harness/test-database.js';
import { addStaff } from './cases-fixtures.js';
import { uploadTarget, uploadWhole } from './recordings-fixtures.js';

let t: TestApp;
let officer: Session;
const recs: RecordingView[] = [];
const caseNos = new Map<string, string>();
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  for (let i = 0; i < 5; i++) {
    const target = await uploadTarget(t, officer);
    recs.push(await uploadWhole(t, officer, target, crypto.randomBytes(200_000 + i)));
    const view = await t.request({ method: 'GET', url: `/api/cases/${target.caseId}`, session: officer });
    caseNos.set(target.caseId, view.json<{ caseNo: string }>().caseNo);
  }
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;
const fileOf = (location: 'master' | 'working' | 'backup', id: string) =>
  path.join(t.settings.evidence.stores[location], 'recordings', id.slice(0, 2), id);

function flipByte(file: string, at: number): void {
  fs.chmodSync(file, 0o644);
  const fd = fs.openSync(file, 'r+');
  const one = Buffer.alloc(1);
  fs.readSync(fd, one, 0, 1, at);
  fs.writeSync(fd, Buffer.from([one[0]! ^ 0x80]), 0, 1, at);
  fs.closeSync(fd);
  fs.chmodSync(file, 0o444);
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} }, out, err };
}

describe('fixity', () => {
  it('checks every copy once on its first run, and none again before the interval', async () => {
    const first = await t.custos.services.fixity.runScheduled(60_000);
    expect(first).toHaveLength(15);
    expect(first.every((r) => r.outcome === 'ok')).toBe(true);
    expect(await t.custos.services.fixity.runScheduled(60_000)).toEqual([]);
  });

  it('finds a flipped byte in a master, a working copy and a backup, and a missing file', async () => {
    flipByte(fileOf('master', recs[0]!.id), 17);
    flipByte(fileOf('working', recs[1]!.id), 100_000);
    flipByte(fileOf('backup', recs[2]!.id), 199_999);
    fs.rmSync(fileOf('backup', recs[3]!.id), { force: true });

    t.clock.advance(8 * 86_400_000);
    const results = await t.custos.services.fixity.runScheduled(60_000);
    expect(results).toHaveLength(15);
    const failed = results
      .filter((r) => r.outcome !== 'ok')
      .map((r) => [r.recordingId, r.location, r.outcome])
      .sort();
    expect(failed).toEqual(
      [
        [recs[0]!.id, 'master', 'mismatch'],
        [recs[1]!.id, 'working', 'mismatch'],
        [recs[2]!.id, 'backup', 'mismatch'],
        [recs[3]!.id, 'backup', 'missing'],
      ].sort(),
    );
    const audited = await queryRows<{ subject_id: string; payload: { location: string; outcome: string } }>(
      db(),
      sql`select subject_id, payload from audit_event where action = 'recording.fixity_failed' order by id`,
    );
    expect(audited.map((a) => [a.subject_id, a.payload.location, a.payload.outcome]).sort()).toEqual(failed);
    const [checks] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from fixity_check`);
    expect(checks!.n).toBe(30);
  });

  it('shows the alerts in the console to those who may read the case, not to others', async () => {
    officer = await t.signIn('demo-officer');
    const custodian = await t.signIn('demo-custodian');
    const alerts = (
      await t.request({ method: 'GET', url: '/api/evidence/alerts', session: custodian })
    ).json<{
      items: AlertView[];
    }>().items;
    expect(alerts.map((a) => [a.recordingId, a.location]).sort()).toEqual(
      [
        [recs[0]!.id, 'master'],
        [recs[1]!.id, 'working'],
        [recs[2]!.id, 'backup'],
        [recs[3]!.id, 'backup'],
      ].sort(),
    );
    const view = (
      await t.request({ method: 'GET', url: `/api/recordings/${recs[0]!.id}`, session: officer })
    ).json<RecordingView>();
    expect(view.copies.find((c) => c.location === 'master')!.lastCheck!.outcome).toBe('mismatch');
    expect(view.alerts).toHaveLength(1);
    const admin = await t.signIn('demo-admin');
    expect((await t.request({ method: 'GET', url: '/api/evidence/alerts', session: admin })).statusCode).toBe(
      403,
    );
    await addStaff(t, 'fixity-other-officer', '130102-PCS-02', ['case_officer']);
    const other = await t.signIn('fixity-other-officer');
    const none = await t.request({ method: 'GET', url: '/api/evidence/alerts', session: other });
    expect(none.json<{ items: AlertView[] }>().items).toEqual([]);
  });

  it('keeps one open alert per copy however often it fails, while recording every check', async () => {
    t.clock.advance(8 * 86_400_000);
    const again = await t.custos.services.fixity.runScheduled(60_000);
    expect(again.filter((r) => r.outcome !== 'ok')).toHaveLength(4);
    const [open] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from evidence_alert where acknowledged_at is null`,
    );
    expect(open!.n).toBe(4);
  });

  it('names each failed recording and copy from the CLI, with exit 1, for all or for one case', async () => {
    const all = io();
    expect(await evidenceVerify(t.custos, [], all.io)).toBe(1);
    const lines = all.out.filter((l) => l.startsWith('FAILED  recording'));
    expect(lines).toHaveLength(4);
    expect(
      lines.some((l) => l.includes(recs[0]!.id) && l.includes(' master ') && l.includes('mismatch')),
    ).toBe(true);
    expect(
      lines.some((l) => l.includes(recs[3]!.id) && l.includes(' backup ') && l.includes('missing')),
    ).toBe(true);

    const one = io();
    expect(await evidenceVerify(t.custos, ['--case', caseNos.get(recs[1]!.caseId)!], one.io)).toBe(1);
    expect(one.out.filter((l) => l.startsWith('FAILED  recording'))).toEqual([
      expect.stringContaining(`${recs[1]!.id}  working`),
    ]);

    const clean = io();
    expect(await evidenceVerify(t.custos, ['--case', caseNos.get(recs[4]!.caseId)!], clean.io)).toBe(0);
    expect(clean.out.join('\n')).toContain('VERIFIED');
    const unknown = io();
    expect(await evidenceVerify(t.custos, ['--case', 'A0000000'], unknown.io)).toBe(1);
  });

  it.runIf(onPostgres)('runs as `custos evidence verify` against the same database and stores', async () => {
    const out: string[] = [];
    const code = await run(['evidence', 'verify', '--case', caseNos.get(recs[2]!.caseId)!], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: { CUSTOS_DATA_DIR: t.dataDir, DATABASE_URL: t.database.url!, CUSTOS_LOG_LEVEL: 'silent' },
    });
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(`recording ${recs[2]!.id}  backup  mismatch`);
  });

  it('lets an independent custodian acknowledge an alert, once; not one who is an officer of the case', async () => {
    const alerts = (
      await t.request({
        method: 'GET',
        url: '/api/evidence/alerts',
        session: await t.signIn('demo-custodian'),
      })
    ).json<{ items: AlertView[] }>().items;
    const alert = alerts.find((a) => a.recordingId === recs[0]!.id)!;
    officer = await t.signIn('demo-officer');

    const dualId = await addStaff(t, 'fixity-dual', '130102-BAZX', ['case_officer', 'custodian']);
    const added = await t.request({
      method: 'POST',
      url: `/api/cases/${recs[0]!.caseId}/officers`,
      session: officer,
      body: { userId: dualId },
    });
    expect(added.statusCode, added.body).toBe(200);
    const dual = await t.signIn('fixity-dual');
    const refused = await t.request({
      method: 'POST',
      url: `/api/evidence/alerts/${alert.id}/acknowledge`,
      session: dual,
      body: { note: '已核对' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('custody.not_independent');

    const custodian = await t.signIn('demo-custodian');
    const ack = await t.request({
      method: 'POST',
      url: `/api/evidence/alerts/${alert.id}/acknowledge`,
      session: custodian,
      body: { note: '正本损坏，已报告办案部门负责人（第二十条）' },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<AlertView>().acknowledgedAt).not.toBeNull();
    const twice = await t.request({
      method: 'POST',
      url: `/api/evidence/alerts/${alert.id}/acknowledge`,
      session: custodian,
      body: { note: '再次' },
    });
    expect(twice.statusCode).toBe(409);
    await expect(db().execute(sql`delete from evidence_alert where id = ${alert.id}`)).rejects.toThrow();
    await expect(db().execute(sql`update fixity_check set outcome = 'ok'`)).rejects.toThrow();
  });
});
