// Restricted cases end to end on a real database (CPL 39 ¶3): a booking for a detainee in a restricted case
// waits in awaiting_permission, keeping its place; only its lawyer uploads the permission decision, and
// only while it waits; staff of its centre see it on their queue with the documents and confirm it (which
// needs an uploaded decision) or refuse it with a reason, which frees the place. Each decision is audited
// and told through BookingEvents. A meeting whose start passes unconfirmed stays as it is.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingChange } from '../../src/modules/booking/booking-events.js';
import { queryRows } from '../../src/platform/db/database.js';
import type { Session, TestApp } from '../harness/test-app.js';
import { bookMeeting, SAMPLE_PDF, SAMPLE_PNG } from './booking-fixtures.js';
import { anotherLawyer, api, CLIENTS, startDocumentsWorld, type DocumentsWorld } from './documents-world.js';

let w: DocumentsWorld;
let t: TestApp;
let lawyer: Session;
let other: Session;
const changes: BookingChange[] = [];

beforeAll(async () => {
  w = await startDocumentsWorld();
  t = w.t;
  lawyer = await t.signIn('demo-lawyer');
  other = (await anotherLawyer(t, 'lawyer.other')).session;
  t.custos.services.bookingEvents.subscribe(async (_tx, _afterCommit, change) => {
    changes.push(change);
  });
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;

const bookWang = (sessionIndex: number) =>
  bookMeeting(t, lawyer, {
    sessionId: w.sessionIds[sessionIndex]!,
    durationMinutes: 60,
    client: CLIENTS.wang,
  });

const uploadDecision = (session: Session, bookingId: string, bytes: Buffer = SAMPLE_PDF) =>
  api(t, 'POST', `/api/bookings/${bookingId}/permission-decision`, session, {
    fileName: '许可决定书.pdf',
    content: bytes.toString('base64'),
  });

const queue = async (session: Session = w.staff, unitId = w.centreId) =>
  api(t, 'GET', `/api/centres/${unitId}/permission-queue`, session);

const taken = async (sessionId: string) =>
  (await t.custos.repositories.booking.session(db(), sessionId))!.taken;

const auditOf = (action: string, bookingId: string) =>
  queryRows<{ actor_username: string; payload: Record<string, unknown> }>(
    db(),
    sql`select actor_username, payload from audit_event where action = ${action} and subject_id = ${bookingId}`,
  );

describe('a restricted-case booking', () => {
  let waiting: string;
  let ordinary: string;

  beforeAll(async () => {
    waiting = (await bookWang(0)).id;
    ordinary = (
      await bookMeeting(t, lawyer, {
        sessionId: w.sessionIds[1]!,
        durationMinutes: 60,
        client: CLIENTS.zhang,
      })
    ).id;
  });

  it('waits for a permission, holding its place, with the documents it was made with', async () => {
    const mine = (await api(t, 'GET', '/api/bookings/mine', lawyer)).json().items;
    expect(mine.find((b: { id: string }) => b.id === waiting).status).toBe('awaiting_permission');
    expect(await taken(w.sessionIds[0]!)).toBe(1);
    const docs = (await api(t, 'GET', `/api/bookings/${waiting}/documents`, lawyer)).json().items;
    expect(docs.map((d: { kind: string }) => d.kind).sort()).toEqual(['firm_letter', 'power_of_attorney']);
  });

  it('takes the permission decision from its own lawyer only, and only while it waits', async () => {
    const byOther = await uploadDecision(other, waiting);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('booking.not_yours');
    expect((await uploadDecision(w.staff, waiting)).statusCode).toBe(403);
    const notWaiting = await uploadDecision(lawyer, ordinary);
    expect(notWaiting.statusCode).toBe(409);
    expect(notWaiting.json().code).toBe('booking.wrong_state');
    const badFile = await api(t, 'POST', `/api/bookings/${waiting}/permission-decision`, lawyer, {
      fileName: 'decision.txt',
      content: Buffer.from('not a scan').toString('base64'),
    });
    expect(badFile.statusCode).toBe(400);
    expect(badFile.json().errors[0].path).toBe('content');
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from client_document where kind = 'permission_decision'`,
    );
    expect(n).toBe(0);

    const res = await uploadDecision(lawyer, waiting, SAMPLE_PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'permission_decision',
      contentType: 'image/png',
      fileName: '许可决定书.pdf',
    });
    const [event] = await auditOf('booking.permission_decision_uploaded', waiting);
    expect(event!.payload).toMatchObject({ documentId: res.json().id, byteSize: SAMPLE_PNG.length });
  });

  it('is on its centre’s queue with the documents to open, and on no other centre’s', async () => {
    const res = await queue();
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { bookingId: string }) => i.bookingId)).toEqual([waiting]);
    expect(items[0]).toMatchObject({
      detaineeName: '王五',
      detaineeIdNoMasked: `110105********${CLIENTS.wang.idNo.slice(-4)}`,
      hasPermissionDecision: true,
      startPassed: false,
      channel: 'in_person',
    });
    expect(items[0].lawyers.map((l: { username: string }) => l.username)).toEqual(['demo-lawyer']);
    expect(items[0].documents.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'firm_letter',
      'permission_decision',
      'power_of_attorney',
    ]);
    const decision = items[0].documents.find((d: { kind: string }) => d.kind === 'permission_decision');
    const opened = await api(t, 'GET', `/api/bookings/${waiting}/documents/${decision.id}/content`, w.staff);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.equals(SAMPLE_PNG)).toBe(true);

    expect((await queue(w.otherStaff)).statusCode).toBe(403);
    expect((await queue(w.otherStaff, w.otherCentreId)).json().items).toEqual([]);
    expect((await queue(lawyer)).statusCode).toBe(403);
  });

  it('cannot be confirmed without an uploaded decision', async () => {
    const second = (await bookWang(2)).id;
    const res = await api(t, 'POST', `/api/bookings/${second}/permission/confirm`, w.staff);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('booking.permission_decision_missing');
    const item = (await queue()).json().items.find((i: { bookingId: string }) => i.bookingId === second);
    expect(item.hasPermissionDecision).toBe(false);
  });

  it('is decided only by staff of its centre', async () => {
    for (const session of [w.otherStaff, lawyer]) {
      expect((await api(t, 'POST', `/api/bookings/${waiting}/permission/confirm`, session)).statusCode).toBe(
        403,
      );
      const refuse = await api(t, 'POST', `/api/bookings/${waiting}/permission/refuse`, session, {
        reason: '不予许可',
      });
      expect(refuse.statusCode).toBe(403);
    }
    const mine = (await api(t, 'GET', '/api/bookings/mine', lawyer)).json().items;
    expect(mine.find((b: { id: string }) => b.id === waiting).status).toBe('awaiting_permission');
  });

  it('goes ahead when staff confirm: who and when recorded, audited, and told', async () => {
    const before = changes.length;
    const res = await api(t, 'POST', `/api/bookings/${waiting}/permission/confirm`, w.staff);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ bookingId: waiting, status: 'confirmed', cancelReason: null });
    expect(res.json().permissionConfirmedAt).toBe(t.clock.now().toISOString());

    const row = (await t.custos.repositories.booking.bookingById(db(), waiting))!;
    const staffUser = (await t.custos.repositories.identity.userByUsername(db(), 'demo-centre'))!;
    expect(row).toMatchObject({ status: 'confirmed', permissionConfirmedBy: staffUser.id });
    expect(row.permissionConfirmedAt).toEqual(t.clock.now());
    expect(await taken(w.sessionIds[0]!)).toBe(1);

    const [event] = await auditOf('booking.permission_confirmed', waiting);
    expect(event!.actor_username).toBe('demo-centre');
    expect((event!.payload.decisions as { kind: string }[]).map((d) => d.kind)).toEqual([
      'permission_decision',
    ]);
    expect(changes.slice(before)).toEqual([
      expect.objectContaining({ kind: 'permission_confirmed', actorUserId: staffUser.id }),
    ]);
    expect(changes.at(-1)!.booking.id).toBe(waiting);

    // One decision per booking; and it is off the queue, with no more decisions to upload.
    expect((await api(t, 'POST', `/api/bookings/${waiting}/permission/confirm`, w.staff)).json().code).toBe(
      'booking.wrong_state',
    );
    expect((await queue()).json().items.map((i: { bookingId: string }) => i.bookingId)).not.toContain(
      waiting,
    );
    expect((await uploadDecision(lawyer, waiting)).json().code).toBe('booking.wrong_state');
  });

  it('is cancelled by the centre when staff refuse with a reason, which frees the place', async () => {
    const refused = (await bookWang(3)).id;
    const sessionId = w.sessionIds[3]!;
    expect(await taken(sessionId)).toBe(1);
    const empty = await api(t, 'POST', `/api/bookings/${refused}/permission/refuse`, w.staff, {
      reason: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('reason');

    const before = changes.length;
    const res = await api(t, 'POST', `/api/bookings/${refused}/permission/refuse`, w.staff, {
      reason: '侦查机关不予许可',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      bookingId: refused,
      status: 'cancelled_by_centre',
      cancelReason: '侦查机关不予许可',
      permissionConfirmedAt: null,
    });
    expect(await taken(sessionId)).toBe(0);
    const [event] = await auditOf('booking.permission_refused', refused);
    expect(event!.payload).toMatchObject({ reason: '侦查机关不予许可' });
    expect(changes.slice(before)).toEqual([
      expect.objectContaining({ kind: 'cancelled_by_centre', reason: '侦查机关不予许可' }),
    ]);
    const mine = (await api(t, 'GET', '/api/bookings/mine', lawyer)).json().items;
    expect(mine.find((b: { id: string }) => b.id === refused).status).toBe('cancelled_by_centre');
  });

  it('stays as it is when its start passes unconfirmed: noted, no longer confirmable, still refusable', async () => {
    const late = (await bookWang(4)).id;
    expect((await uploadDecision(lawyer, late)).statusCode).toBe(201);
    const row = (await t.custos.repositories.booking.bookingById(db(), late))!;
    t.clock.set(new Date(row.startsAt.getTime() + 60_000));
    // Sessions lapse with the clock: sign in again at the new time.
    const staff = await t.signIn('demo-centre');

    const item = (await queue(staff)).json().items.find((i: { bookingId: string }) => i.bookingId === late);
    expect(item).toMatchObject({ startPassed: true, hasPermissionDecision: true });
    expect((await t.custos.repositories.booking.bookingById(db(), late))!.status).toBe('awaiting_permission');
    const confirm = await api(t, 'POST', `/api/bookings/${late}/permission/confirm`, staff);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().code).toBe('booking.permission_too_late');
    const refuse = await api(t, 'POST', `/api/bookings/${late}/permission/refuse`, staff, {
      reason: '许可未在会见前确认',
    });
    expect(refuse.json().status).toBe('cancelled_by_centre');
  });
});
