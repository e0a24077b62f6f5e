// Cases and activities over the API: who may open, read and change a case; ID numbers sealed and masked; the
// case number once per issuing unit; mandatory recording kept by the database; the 24-hour upload deadline;
// status changes; an audit event for every change.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../src/modules/cases/schemas.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { addActivity, addStaff, CASE_CENTRE, caseNo, openCase, unitId } from './cases-fixtures.js';

let t: TestApp;
let officer: Session;
let colleagueId: string;
let custodianId: string;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn('demo-officer');
  colleagueId = await addStaff(t, 'officer-two', CASE_CENTRE, ['case_officer']);
  await addStaff(t, 'station-officer', '130102-PCS-01', ['case_officer']);
  custodianId = (await t.custos.repositories.identity.userByUsername(t.custos.database.db, 'demo-custodian'))!
    .id;
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;
const get = (url: string, session: Session) => t.request({ method: 'GET', url, session });

async function actions(subjectId: string): Promise<{ action: string; payload: Record<string, unknown> }[]> {
  return queryRows(
    db(),
    sql`select action, payload from audit_event where subject_id = ${subjectId} order by id`,
  );
}

describe('opening a case', () => {
  it('files the case under its number in the officer’s unit, seals ID numbers and masks them', async () => {
    const suspectIdNo = idNo(101);
    const view = await openCase(t, officer, {
      persons: [
        { role: 'suspect', name: '张三', idNo: suspectIdNo },
        { role: 'witness', name: 'John Smith' },
      ],
    });
    expect(view.status).toBe('open');
    expect(view.handlingUnit.id).toBe(await unitId(t, CASE_CENTRE));
    expect(view.issuingUnit.id).toBe(view.handlingUnit.id);
    expect(view.officers.map((o) => o.displayName)).toEqual(['办案民警 张警官']);
    const suspect = view.persons.find((p) => p.role === 'suspect')!;
    expect(suspect.idNoMasked).toBe(`${suspectIdNo.slice(0, 6)}********${suspectIdNo.slice(-4)}`);
    expect(view.persons.find((p) => p.role === 'witness')!.idNoMasked).toBeNull();

    // At rest: sealed, never in clear; the audit log keeps roles, not names or numbers.
    const rows = await queryRows<{ id_no_sealed: string | null }>(
      db(),
      sql`select id_no_sealed from case_person where case_id = ${view.id}`,
    );
    expect(JSON.stringify(rows)).not.toContain(suspectIdNo);
    expect(t.custos.secrets.open(rows.find((r) => r.id_no_sealed)!.id_no_sealed!)).toBe(suspectIdNo);
    const [created] = await actions(view.id);
    expect(created!.action).toBe('case.created');
    expect(JSON.stringify(created!.payload)).not.toContain('张三');
    expect(JSON.stringify(created!.payload)).not.toContain(suspectIdNo);
  });

  it('takes a case number once per issuing unit, and the same number from another unit', async () => {
    const number = caseNo();
    await openCase(t, officer, { caseNo: number });
    const again = await t.request({
      method: 'POST',
      url: '/api/cases',
      session: officer,
      body: { caseNo: number.toLowerCase(), kind: 'criminal', title: '重复' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case.case_no_taken');
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/cases',
      session: officer,
      body: {
        caseNo: number,
        kind: 'administrative',
        title: '他单位编号',
        issuingUnitId: await unitId(t, '130102'),
      },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it('names bad fields in both languages', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/cases',
      session: officer,
      body: {
        caseNo: '案-1',
        kind: 'civil',
        title: '',
        persons: [{ role: 'suspect', name: '李四', idNo: '110105198001010010' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const errors = new Map(
      (res.json<{ errors: { path: string; message: { 'zh-CN': string } }[] }>().errors ?? []).map((e) => [
        e.path,
        e.message['zh-CN'],
      ]),
    );
    expect([...errors.keys()].sort()).toEqual(['caseNo', 'kind', 'persons.0.idNo', 'title']);
    expect(errors.get('caseNo')).toContain('案件编号');
    expect(errors.get('persons.0.idNo')).toContain('校验码');
  });

  it('refuses two persons with one ID number in a case', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/cases',
      session: officer,
      body: {
        caseNo: caseNo(),
        kind: 'criminal',
        title: '重复人员',
        persons: [
          { role: 'suspect', name: '王五', idNo: idNo(102) },
          { role: 'victim', name: '王五', idNo: idNo(102) },
        ],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('case.person_duplicate');
  });

  it('lets only case officers open cases, and only in their own unit', async () => {
    const custodian = await t.signIn('demo-custodian');
    const res = await t.request({
      method: 'POST',
      url: '/api/cases',
      session: custodian,
      body: { caseNo: caseNo(), kind: 'criminal', title: 'x' },
    });
    expect(res.statusCode).toBe(403);
    const other = await t.request({
      method: 'POST',
      url: '/api/cases',
      session: officer,
      body: {
        caseNo: caseNo(),
        kind: 'criminal',
        title: 'x',
        handlingUnitId: await unitId(t, '130102-PCS-01'),
      },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('auth.forbidden');
  });
});

describe('who reads a case', () => {
  let view: CaseView;
  beforeAll(async () => {
    view = await openCase(t, officer, { title: '可见性测试' });
  });

  it.each(['demo-officer', 'demo-custodian', 'demo-reviewer', 'demo-supervisor'])(
    '%s (the unit, or its region) reads and lists it',
    async (username) => {
      const session = await t.signIn(username);
      expect((await get(`/api/cases/${view.id}`, session)).statusCode).toBe(200);
      const list = await get('/api/cases?search=可见性', session);
      expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(view.id);
    },
  );

  it.each(['station-officer', 'demo-admin', 'demo-centre', 'demo-court', 'demo-auditor'])(
    '%s does not',
    async (username) => {
      const session = await t.signIn(username);
      const res = await get(`/api/cases/${view.id}`, session);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
      const list = await get('/api/cases', session);
      if (list.statusCode === 200) {
        expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(view.id);
      } else {
        expect(list.statusCode).toBe(403);
      }
    },
  );

  it('answers 404 for a case that does not exist', async () => {
    const res = await get('/api/cases/00000000-0000-4000-8000-000000000000', officer);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('case.not_found');
  });
});

describe('activities', () => {
  let view: CaseView;
  beforeAll(async () => {
    view = await openCase(t, officer, {
      persons: [
        { role: 'suspect', name: '赵六', idNo: idNo(103) },
        { role: 'witness', name: '钱七' },
      ],
    });
  });

  it('always requires a recording for the mandatory kinds, and the database holds to it', async () => {
    const activity = await addActivity(t, officer, view.id, {
      kind: 'stop_search',
      recordingRequired: false,
    });
    expect(activity.mandatoryKind).toBe(true);
    expect(activity.recordingRequired).toBe(true);
    const off = await t.request({
      method: 'PATCH',
      url: `/api/cases/${view.id}/activities/${activity.id}`,
      session: officer,
      body: { recordingRequired: false },
    });
    expect(off.statusCode).toBe(400);
    expect(off.json().code).toBe('case.recording_always_required');
    await expect(
      db().execute(sql`update case_activity set recording_required = false where id = ${activity.id}`),
    ).rejects.toThrow();
  });

  it('lets the officer decide for questioning a witness', async () => {
    const optional = await addActivity(t, officer, view.id, { kind: 'witness_questioning' });
    expect(optional.recordingRequired).toBe(false);
    expect(optional.standing).toBeNull();
    const chosen = await addActivity(t, officer, view.id, {
      kind: 'witness_questioning',
      recordingRequired: true,
    });
    expect(chosen.recordingRequired).toBe(true);
    expect(chosen.standing).toBe('not_finished');
  });

  it('takes participants from the case’s officers and persons, with their roles', async () => {
    const suspect = view.persons.find((p) => p.role === 'suspect')!;
    const activity = await addActivity(t, officer, view.id, {
      participants: [
        { role: 'officer', userId: view.officers[0]!.userId },
        { role: 'suspect', personId: suspect.id },
        { role: 'lawyer', name: '王律师' },
      ],
    });
    expect(activity.participants.map((p) => [p.role, p.name]).sort()).toEqual(
      [
        ['lawyer', '王律师'],
        ['officer', '办案民警 张警官'],
        ['suspect', '赵六'],
      ].sort(),
    );
    const wrongRole = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/activities`,
      session: officer,
      body: {
        kind: 'interrogation',
        place: '现场',
        plannedStartAt: '2026-11-26T02:00:00Z',
        plannedEndAt: '2026-11-26T03:00:00Z',
        participants: [{ role: 'witness', personId: suspect.id }],
      },
    });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().code).toBe('case.participant_role');
    const stranger = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/activities`,
      session: officer,
      body: {
        kind: 'interrogation',
        place: '现场',
        plannedStartAt: '2026-11-26T02:00:00Z',
        plannedEndAt: '2026-11-26T03:00:00Z',
        participants: [{ role: 'officer', userId: colleagueId }],
      },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().code).toBe('case.participant_unknown');
  });

  it('refuses times that end before they start, in the request and against stored times', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/activities`,
      session: officer,
      body: {
        kind: 'interrogation',
        place: '现场',
        plannedStartAt: '2026-11-26T03:00:00Z',
        plannedEndAt: '2026-11-26T02:00:00Z',
        actualEndAt: '2026-11-26T02:00:00Z',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['actualStartAt', 'plannedEndAt']);
    const activity = await addActivity(t, officer, view.id, {
      actualStartAt: '2026-11-26T02:00:00Z',
    });
    const bad = await t.request({
      method: 'PATCH',
      url: `/api/cases/${view.id}/activities/${activity.id}`,
      session: officer,
      body: { actualEndAt: '2026-11-26T01:00:00Z' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('case.activity_times');
  });

  it('shows each mandatory activity without a sealed recording, with its 24-hour deadline', async () => {
    const fresh = await openCase(t, officer);
    const activity = await addActivity(t, officer, fresh.id, { kind: 'alarm_response' });
    let page = (await get(`/api/cases/${fresh.id}`, officer)).json<CaseView>();
    expect(page.missingRecordings).toEqual([activity.id]);
    expect(page.activities[0]!.standing).toBe('not_finished');
    expect(page.activities[0]!.uploadDeadline).toBeNull();

    const start = t.clock.now();
    const end = new Date(start.getTime() + 3_600_000);
    const updated = await t.request({
      method: 'PATCH',
      url: `/api/cases/${fresh.id}/activities/${activity.id}`,
      session: officer,
      body: { actualStartAt: start.toISOString(), actualEndAt: end.toISOString() },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    page = (await get(`/api/cases/${fresh.id}`, officer)).json<CaseView>();
    expect(page.activities[0]!.standing).toBe('awaiting_upload');
    expect(page.activities[0]!.uploadDeadline).toBe(new Date(end.getTime() + 24 * 3_600_000).toISOString());

    t.clock.advance(25 * 3_600_000);
    // A day later the session has ended; sign in again, as the officer would.
    officer = await t.signIn('demo-officer');
    page = (await get(`/api/cases/${fresh.id}`, officer)).json<CaseView>();
    expect(page.activities[0]!.standing).toBe('overdue');
    expect(page.missingRecordings).toEqual([activity.id]);
    const changes = (await actions(activity.id)).map((a) => a.action);
    expect(changes).toEqual(['case.activity_added', 'case.activity_updated']);
  });

  it('refuses activities from officers of another unit', async () => {
    const stranger = await t.signIn('station-officer');
    const res = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/activities`,
      session: stranger,
      body: {
        kind: 'interrogation',
        place: '现场',
        plannedStartAt: '2026-11-26T02:00:00Z',
        plannedEndAt: '2026-11-26T03:00:00Z',
      },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('officers and status', () => {
  it('adds a case officer of the unit, and no one else', async () => {
    const view = await openCase(t, officer);
    const added = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/officers`,
      session: officer,
      body: { userId: colleagueId },
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json<CaseView>().officers.map((o) => o.userId)).toContain(colleagueId);
    const custodian = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/officers`,
      session: officer,
      body: { userId: custodianId },
    });
    expect(custodian.statusCode).toBe(400);
    expect(custodian.json().code).toBe('case.not_an_officer');
    expect((await actions(view.id)).map((a) => a.action)).toEqual(['case.created', 'case.officer_added']);
  });

  it('will not send a case to legal review while a mandatory activity lacks its recording', async () => {
    const view = await openCase(t, officer);
    const activity = await addActivity(t, officer, view.id, { kind: 'interrogation' });
    const res = await t.request({
      method: 'PUT',
      url: `/api/cases/${view.id}/status`,
      session: officer,
      body: { status: 'under_review' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('case.recordings_missing');
    expect(res.json().data.activityIds).toEqual([activity.id]);
  });

  it('goes to review by the officer, back and to closed by the reviewer; a closed case is frozen', async () => {
    const view = await openCase(t, officer);
    await addActivity(t, officer, view.id, { kind: 'other' });
    const put = (session: Session, status: string) =>
      t.request({ method: 'PUT', url: `/api/cases/${view.id}/status`, session, body: { status } });
    const reviewer = await t.signIn('demo-reviewer');
    expect((await put(reviewer, 'under_review')).statusCode).toBe(403);
    expect((await put(officer, 'under_review')).statusCode).toBe(200);
    expect((await put(officer, 'closed')).statusCode).toBe(403);
    expect((await put(reviewer, 'open')).json<CaseView>().status).toBe('open');
    expect((await put(officer, 'under_review')).statusCode).toBe(200);
    expect((await put(reviewer, 'closed')).json<CaseView>().status).toBe('closed');
    const reopen = await put(reviewer, 'open');
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().code).toBe('case.wrong_status');
    const more = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/persons`,
      session: officer,
      body: { role: 'witness', name: '孙八' },
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('case.closed');
    const changes = (await actions(view.id)).filter((a) => a.action === 'case.status_changed');
    expect(changes.map((a) => `${String(a.payload.from)}>${String(a.payload.to)}`)).toEqual([
      'open>under_review',
      'under_review>open',
      'open>under_review',
      'under_review>closed',
    ]);
  });

  it('adds a person later, masked, and audits it', async () => {
    const view = await openCase(t, officer);
    const res = await t.request({
      method: 'POST',
      url: `/api/cases/${view.id}/persons`,
      session: officer,
      body: { role: 'victim', name: '周九', idNo: idNo(104).toLowerCase() },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().idNoMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect((await actions(view.id)).map((a) => a.action)).toEqual(['case.created', 'case.person_added']);
  });
});
