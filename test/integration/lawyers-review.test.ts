// Centre staff review registered lawyers: only they see the queue and the licence photo (each view
// audited); a rejected lawyer reads the reason, corrects and resubmits; only approved lawyers book online.
// Assistants: offered by the lawyer, confirmed by the assistant, ended by either.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { ctx, idNo, png, provisionedLawyer, register, registrant, signInWith } from './lawyers-fixtures.js';
import { addWeeklySessions } from './centre-ops-fixtures.js';

let t: TestApp;
let staff: Session;
let admin: Session;
let centreId: string;
let sessionIds: string[];

const db = () => t.custos.database.db;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  admin = await t.signIn('demo-admin');
  const demoLawyer = await t.signIn('demo-lawyer');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: demoLawyer })).json().items[0]
    .id;
  await addWeeklySessions(t, centreId, staff, { times: [['09:00', '11:00']], onlinePlaces: 10 });
  const { days } = await t.custos.services.availability.forCentre(centreId);
  sessionIds = days.flatMap((d) => d.sessions.map((s) => s.id));
});
afterAll(async () => {
  await t?.close();
});

const queue = (session: Session, status = 'pending') =>
  t.request({ method: 'GET', url: `/api/lawyer-reviews?status=${status}`, session });

const hold = (session: Session, sessionId = sessionIds[0]!) =>
  t.request({
    method: 'POST',
    url: '/api/bookings/holds',
    session,
    body: { sessionId, durationMinutes: 60, idempotencyKey: crypto.randomUUID() },
  });

async function registered(n: number, overrides: Record<string, unknown> = {}) {
  const r = registrant(n, overrides);
  const res = await register(t, r);
  expect(res.statusCode, res.body).toBe(201);
  return { ...r, userId: res.json().userId as string, session: await signInWith(t, r.username, r.password) };
}

describe('the review queue', () => {
  it('is for centre staff only', async () => {
    const lawyer = await registered(1);
    const mine = await queue(lawyer.session);
    expect(mine.statusCode).toBe(403);
    expect(mine.json().code).toBe('auth.forbidden');
    expect((await queue(admin)).statusCode).toBe(403);
    const res = await queue(staff);
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { userId: string }) => i.userId === lawyer.userId);
    expect(item).toMatchObject({
      name: '律师1号',
      username: lawyer.username,
      licenceNo: lawyer.body.licenceNo,
      status: 'pending',
      firm: { name: '河北正衡律师事务所' },
      photo: { contentType: 'image/png' },
    });
    expect(item.idNoMasked).toBe(`110105********${String(lawyer.body.idNo).slice(-4)}`);
  });

  it('shows the licence photo to centre staff only, and records every view', async () => {
    const photo = png();
    const lawyer = await registered(2, { licencePhoto: photo.toString('base64') });
    const url = `/api/lawyer-reviews/${lawyer.userId}/licence-photo`;
    const viewed = async () =>
      (
        await queryRows<{ n: number }>(
          db(),
          sql`select count(*)::int as n from audit_event
               where action = 'lawyer.licence_photo_viewed' and subject_id = ${lawyer.userId}`,
        )
      )[0]!.n;

    expect((await t.request({ method: 'GET', url, session: lawyer.session })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url, session: admin })).statusCode).toBe(403);
    expect(await viewed()).toBe(0);
    for (const n of [1, 2]) {
      const res = await t.request({ method: 'GET', url, session: staff });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.equals(photo)).toBe(true);
      expect(await viewed()).toBe(n);
    }
  });
});

describe('approval and rejection', () => {
  it('keeps a pending lawyer from booking online, with the reason', async () => {
    const lawyer = await registered(3);
    const res = await hold(lawyer.session);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'lawyer.not_approved', data: { status: 'pending' } });
    expect(res.json().message['zh-CN']).toContain('等待看守所审核');
    const oneStep = await t.request({
      method: 'POST',
      url: '/api/bookings',
      session: lawyer.session,
      body: {
        sessionId: sessionIds[0],
        durationMinutes: 60,
        idempotencyKey: crypto.randomUUID(),
        client: { name: '张三', idNo: idNo(900) },
      },
    });
    expect(oneStep.json().code).toBe('lawyer.not_approved');
  });

  it('lets staff reject with a reason the lawyer reads, and the corrected registration be approved', async () => {
    const lawyer = await registered(4, { name: '李四' });
    const rejected = await t.request({
      method: 'POST',
      url: `/api/lawyer-reviews/${lawyer.userId}/reject`,
      session: staff,
      body: { reason: '执业证照片模糊，无法辨认证号' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: '执业证照片模糊，无法辨认证号',
    });

    const me = await t.request({ method: 'GET', url: '/api/lawyers/me', session: lawyer.session });
    expect(me.json()).toMatchObject({ status: 'rejected', rejectionReason: '执业证照片模糊，无法辨认证号' });
    const refused = await hold(lawyer.session);
    expect(refused.json()).toMatchObject({
      code: 'lawyer.not_approved',
      data: { status: 'rejected', reason: '执业证照片模糊，无法辨认证号' },
    });
    const [sms] = await queryRows<{ template: string; recipient: string }>(
      db(),
      sql`select template, recipient from notification where recipient_user_id = ${lawyer.userId}`,
    );
    expect(sms).toEqual({ template: 'lawyer.rejected', recipient: lawyer.mobile });

    // A decision is made once.
    const twice = await t.request({
      method: 'POST',
      url: `/api/lawyer-reviews/${lawyer.userId}/approve`,
      session: staff,
    });
    expect(twice.json().code).toBe('lawyer.wrong_state');

    const resubmitted = await t.request({
      method: 'PUT',
      url: '/api/lawyers/me/registration',
      session: lawyer.session,
      body: {
        name: '李四',
        licenceNo: lawyer.body.licenceNo,
        idNo: lawyer.body.idNo,
        firmName: '河北正衡律师事务所',
        licencePhoto: png().toString('base64'),
      },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'pending', rejectionReason: null });
    // Pending again: no second resubmission until it is decided.
    const again = await t.request({
      method: 'PUT',
      url: '/api/lawyers/me/registration',
      session: lawyer.session,
      body: {
        name: '李四',
        licenceNo: lawyer.body.licenceNo,
        idNo: lawyer.body.idNo,
        firmName: '河北正衡律师事务所',
      },
    });
    expect(again.json().code).toBe('lawyer.wrong_state');

    const approved = await t.request({
      method: 'POST',
      url: `/api/lawyer-reviews/${lawyer.userId}/approve`,
      session: staff,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', rejectionReason: null });
    const booked = await hold(lawyer.session);
    expect(booked.statusCode, booked.body).toBe(201);

    const events = await t.custos.repositories.audit.listEvents(db(), { limit: 50, actionPrefix: 'lawyer.' });
    const mineOnly = events.filter((e) => e.subjectId === lawyer.userId).map((e) => e.action);
    expect(mineOnly).toEqual(
      expect.arrayContaining([
        'lawyer.registered',
        'lawyer.rejected',
        'lawyer.resubmitted',
        'lawyer.approved',
      ]),
    );
  });

  it('refuses a resubmission that takes another lawyer’s licence number', async () => {
    const a = await registered(5);
    const b = await registered(6);
    await t.request({
      method: 'POST',
      url: `/api/lawyer-reviews/${b.userId}/reject`,
      session: staff,
      body: { reason: '证号与照片不符' },
    });
    const res = await t.request({
      method: 'PUT',
      url: '/api/lawyers/me/registration',
      session: b.session,
      body: {
        name: '律师6号',
        licenceNo: a.body.licenceNo,
        idNo: b.body.idNo,
        firmName: '河北正衡律师事务所',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'lawyer.licence_no_taken', errors: [{ path: 'licenceNo' }] });
  });

  it('lets lawyers an administrator created book without a registration', async () => {
    const lawyer = await t.signIn('demo-lawyer');
    const me = await t.request({ method: 'GET', url: '/api/lawyers/me', session: lawyer });
    expect(me.json()).toMatchObject({ registered: false, status: 'approved', profile: null });
    expect((await hold(lawyer, sessionIds[1])).statusCode).toBe(201);
  });
});

describe('assistants', () => {
  it('links an assistant by username once they confirm, and lets either side end it', async () => {
    const principal = await registered(7);
    const assistant = await registered(8);
    const offered = await t.request({
      method: 'POST',
      url: '/api/lawyers/me/assistants',
      session: principal.session,
      body: { username: assistant.username },
    });
    expect(offered.statusCode, offered.body).toBe(201);
    const linkId = offered.json().id as string;
    expect(offered.json()).toMatchObject({ confirmedAt: null, assistant: { username: assistant.username } });

    const principalActor = { userId: principal.userId };
    const assistantActor = await t.custos.services.auth.resolve(assistant.session.cookie.split('=')[1]);
    // Not yet confirmed: the assistant cannot act for the lawyer.
    await expect(
      t.custos.services.assistants.requirePrincipal(assistantActor!.actor, principalActor.userId),
    ).rejects.toMatchObject({ code: 'lawyer.not_your_assistant' });

    // Only the named assistant confirms.
    const byPrincipal = await t.request({
      method: 'POST',
      url: `/api/lawyer-assistant-links/${linkId}/confirm`,
      session: principal.session,
    });
    expect(byPrincipal.statusCode).toBe(404);
    const confirmed = await t.request({
      method: 'POST',
      url: `/api/lawyer-assistant-links/${linkId}/confirm`,
      session: assistant.session,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await t.custos.services.assistants.requirePrincipal(assistantActor!.actor, principal.userId)).toBe(
      principal.userId,
    );

    const seen = await t.request({ method: 'GET', url: '/api/lawyers/me', session: assistant.session });
    expect(seen.json().assisting).toMatchObject({ id: linkId, principal: { username: principal.username } });

    // One principal at a time, and no chains.
    const third = await registered(9);
    const taken = await t.request({
      method: 'POST',
      url: '/api/lawyers/me/assistants',
      session: third.session,
      body: { username: assistant.username },
    });
    expect(taken.json()).toMatchObject({
      code: 'lawyer.assistant_unavailable',
      errors: [{ path: 'username' }],
    });
    const chain = await t.request({
      method: 'POST',
      url: '/api/lawyers/me/assistants',
      session: assistant.session,
      body: { username: third.username },
    });
    expect(chain.json().code).toBe('lawyer.assisting_others');
    const unknown = await t.request({
      method: 'POST',
      url: '/api/lawyers/me/assistants',
      session: principal.session,
      body: { username: 'demo-centre' },
    });
    expect(unknown.json().code).toBe('lawyer.assistant_unknown');

    const ended = await t.request({
      method: 'POST',
      url: `/api/lawyer-assistant-links/${linkId}/end`,
      session: assistant.session,
    });
    expect(ended.statusCode).toBe(204);
    await expect(
      t.custos.services.assistants.requirePrincipal(assistantActor!.actor, principal.userId),
    ).rejects.toMatchObject({ code: 'lawyer.not_your_assistant' });
    const events = await t.custos.repositories.audit.listEvents(db(), {
      limit: 20,
      actionPrefix: 'lawyer.assistant',
    });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'lawyer.assistant_invited',
        'lawyer.assistant_confirmed',
        'lawyer.assistant_unlinked',
      ]),
    );
  });

  it('needs a lawyer: staff cannot name assistants', async () => {
    const other = await provisionedLawyer(t, 'lawyer.plain');
    await expect(
      t.custos.services.assistants.invite({ ...other, roles: ['centre_staff'] }, 'demo-lawyer', ctx),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
