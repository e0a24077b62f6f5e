// An assistant books for the lawyer they assist (DOMAIN.md: a lawyer "or their assistant, linked to the
// lawyer"), end to end on a real database: the booking is the principal's and records who entered it,
// the audit log names both, the principal's overlaps, idempotency keys and standing apply, and the
// assistant can act only while a confirmed link stands.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/identity/actor.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, completeHold, type BookingView } from './booking-fixtures.js';
import { provisionedLawyer, signInWith } from './lawyers-fixtures.js';

let t: TestApp;
let staff: Session;
let principal: Session;
let principalId: string;
let assistant: Session;
let assistantActor: Actor;
let stranger: Session;
let linkId: string;
let centreId: string;
/** Friday 27 November 2026's sessions by start time (the test clock is Thursday 10:00 in Shanghai). */
const friday = new Map<string, string>();
/** Monday 30 November's. */
const monday = new Map<string, string>();

const db = () => t.custos.database.db;
const client = (n: number) => ({ name: `在押人员${n}`, idNo: idNo(n) });

async function asStaff(url: string, body: unknown) {
  const res = await t.request({ method: 'POST', url, session: staff, body });
  expect(res.statusCode, res.body).toBe(201);
}

const hold = (session: Session, sessionId: string, extra: Record<string, unknown> = {}) =>
  t.request({
    method: 'POST',
    url: '/api/bookings/holds',
    session,
    body: { sessionId, durationMinutes: 60, idempotencyKey: crypto.randomUUID(), ...extra },
  });

const cancel = (session: Session, bookingId: string, body: Record<string, unknown> = {}) =>
  t.request({ method: 'POST', url: `/api/bookings/${bookingId}/cancel`, session, body });

async function mine(session: Session, onBehalfOf?: string) {
  const res = await t.request({
    method: 'GET',
    url: `/api/bookings/mine${onBehalfOf ? `?onBehalfOf=${onBehalfOf}` : ''}`,
    session,
  });
  return res;
}

async function bookingEvents(bookingId: string) {
  const events = await t.custos.repositories.audit.listEvents(db(), { limit: 200, actionPrefix: 'booking.' });
  return events.filter((e) => e.subjectId === bookingId).reverse();
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  principal = await t.signIn('demo-lawyer');
  principalId = (await t.custos.repositories.identity.userByUsername(db(), 'demo-lawyer'))!.id;
  assistantActor = await provisionedLawyer(t, 'assistant.li');
  assistant = await signInWith(t, 'assistant.li', 'a long password here');
  await provisionedLawyer(t, 'lawyer.zhao');
  stranger = await signInWith(t, 'lawyer.zhao', 'a long password here');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: principal })).json().items[0].id;

  for (const weekday of [1, 2, 3, 4, 5]) {
    for (const [startTime, endTime] of [
      ['09:00', '11:00'],
      ['10:00', '12:00'],
      ['14:00', '16:00'],
    ]) {
      await asStaff(`/api/centres/${centreId}/session-templates`, {
        weekday,
        startTime,
        endTime,
        channel: 'in_person',
        onlinePlaces: 10,
        walkInPlaces: 0,
        durations: [60],
      });
    }
  }
  for (let n = 1; n <= 12; n++) await asStaff(`/api/centres/${centreId}/detainees`, client(n));
  const days = (
    await t.request({ method: 'GET', url: `/api/centres/${centreId}/availability`, session: principal })
  ).json<{ days: { date: string; sessions: { id: string; startsAt: string }[] }[] }>().days;
  const hhmm = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
  for (const s of days.find((d) => d.date === '2026-11-27')!.sessions) friday.set(hhmm(s.startsAt), s.id);
  for (const s of days.find((d) => d.date === '2026-11-30')!.sessions) monday.set(hhmm(s.startsAt), s.id);

  // The principal names the assistant; the link holds once the assistant confirms.
  const offered = await t.request({
    method: 'POST',
    url: '/api/lawyers/me/assistants',
    session: principal,
    body: { username: 'assistant.li' },
  });
  expect(offered.statusCode, offered.body).toBe(201);
  linkId = offered.json().id;
});
afterAll(async () => {
  await t?.close();
});

describe('before the assistant confirms', () => {
  it('refuses an offered but unconfirmed link, and anyone never linked', async () => {
    for (const session of [assistant, stranger]) {
      const res = await hold(session, friday.get('14:00')!, { onBehalfOf: principalId });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('lawyer.not_your_assistant');
      expect((await mine(session, principalId)).statusCode).toBe(403);
    }
    // Nor does a link make the principal the assistant's assistant.
    const reverse = await hold(principal, friday.get('14:00')!, { onBehalfOf: assistantActor.userId });
    expect(reverse.json().code).toBe('lawyer.not_your_assistant');

    const confirmed = await t.request({
      method: 'POST',
      url: `/api/lawyer-assistant-links/${linkId}/confirm`,
      session: assistant,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });
});

describe('booking for the principal', () => {
  let entered: BookingView;

  it('books in one step: the principal’s booking, entered by the assistant, both in the audit log', async () => {
    entered = await bookMeeting(t, assistant, {
      sessionId: friday.get('09:00')!,
      durationMinutes: 60,
      client: client(1),
      onBehalfOf: principalId,
    });
    expect(entered).toMatchObject({
      status: 'confirmed',
      lawyerUserIds: [principalId],
      enteredByUserId: assistantActor.userId,
    });
    const row = await t.custos.repositories.booking.bookingById(db(), entered.id);
    expect(row).toMatchObject({ bookedBy: principalId, enteredBy: assistantActor.userId });

    const [confirmed] = await bookingEvents(entered.id);
    expect(confirmed).toMatchObject({
      action: 'booking.confirmed',
      actorUserId: assistantActor.userId,
      actorUsername: 'assistant.li',
      payload: { bookedBy: principalId, enteredBy: assistantActor.userId, oneStep: true },
    });
  });

  it('holds and completes through the journey the same way', async () => {
    const held = await hold(assistant, monday.get('09:00')!, { onBehalfOf: principalId });
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({
      lawyerUserIds: [principalId],
      enteredByUserId: assistantActor.userId,
    });
    const done = await completeHold(t, assistant, held.json().id, {
      client: client(2),
      onBehalfOf: principalId,
    });
    expect(done.status).toBe('confirmed');
    const events = await bookingEvents(done.id);
    const who = events.map((e) => [e.action, e.actorUserId, (e.payload as { bookedBy?: string }).bookedBy]);
    expect(who).toEqual([
      ['booking.held', assistantActor.userId, principalId],
      ['booking.confirmed', assistantActor.userId, principalId],
    ]);
  });

  it('shows the principal’s bookings to the assistant who names them, and to the principal', async () => {
    const forPrincipal = await mine(assistant, principalId);
    expect(forPrincipal.statusCode).toBe(200);
    expect(forPrincipal.json().items.map((b: BookingView) => b.id)).toContain(entered.id);
    expect((await mine(principal)).json().items.map((b: BookingView) => b.id)).toContain(entered.id);
    // Not among the assistant's own: they are no lawyer of that meeting.
    expect((await mine(assistant)).json().items.map((b: BookingView) => b.id)).not.toContain(entered.id);
  });

  it('binds the principal, not the assistant, by the overlap rule', async () => {
    const own = await bookMeeting(t, principal, {
      sessionId: friday.get('14:00')!,
      durationMinutes: 60,
      client: client(4),
    });
    expect(own.enteredByUserId).toBeNull();
    // The principal is taken from 14:00 to 15:00: the assistant cannot hold that hour for them.
    const heldClash = await hold(assistant, friday.get('14:00')!, { onBehalfOf: principalId });
    expect(heldClash.statusCode).toBe(409);
    expect(heldClash.json().code).toBe('booking.lawyer_busy');
    // The assistant, booking for themself, is free at that hour: they were never a lawyer of the meeting.
    const theirs = await bookMeeting(t, assistant, {
      sessionId: friday.get('14:00')!,
      durationMinutes: 60,
      client: client(6),
    });
    expect(theirs).toMatchObject({ lawyerUserIds: [assistantActor.userId], enteredByUserId: null });
  });

  it('keeps idempotency keys per principal: a repeat returns the same booking, whoever sends it', async () => {
    const key = `assistant-${crypto.randomUUID()}`;
    const request = {
      sessionId: monday.get('10:00')!,
      durationMinutes: 60,
      client: client(7),
      idempotencyKey: key,
    };
    const first = await bookMeeting(t, assistant, { ...request, onBehalfOf: principalId });
    const again = await bookMeeting(t, assistant, { ...request, onBehalfOf: principalId });
    expect(again.id).toBe(first.id);
    // The key is the principal's: the principal's own repeat is the same booking too.
    const byPrincipal = await bookMeeting(t, principal, request);
    expect(byPrincipal.id).toBe(first.id);
  });
});

describe('cancelling', () => {
  it('lets the assistant cancel what they entered, and only that; the principal cancels anything of theirs', async () => {
    const entered = await bookMeeting(t, assistant, {
      sessionId: monday.get('14:00')!,
      durationMinutes: 60,
      client: client(8),
      onBehalfOf: principalId,
    });
    // Without naming the principal, the booking is not the assistant's.
    expect((await cancel(assistant, entered.id)).json().code).toBe('booking.not_yours');
    const done = await cancel(assistant, entered.id, { onBehalfOf: principalId, reason: '当事人已委托他人' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('cancelled');
    const row = await t.custos.repositories.booking.bookingById(db(), entered.id);
    expect(row).toMatchObject({ cancelledBy: assistantActor.userId, bookedBy: principalId });
    expect((await bookingEvents(entered.id)).at(-1)).toMatchObject({
      action: 'booking.cancelled',
      actorUserId: assistantActor.userId,
      payload: { bookedBy: principalId, enteredBy: assistantActor.userId, reason: '当事人已委托他人' },
    });

    // A booking the principal entered is theirs alone to cancel.
    const own = (await mine(principal))
      .json()
      .items.find((b: BookingView) => b.enteredByUserId === null && b.status === 'confirmed') as BookingView;
    expect((await cancel(assistant, own.id, { onBehalfOf: principalId })).json().code).toBe(
      'booking.not_yours',
    );

    // The principal may cancel one the assistant entered.
    const another = await bookMeeting(t, assistant, {
      sessionId: monday.get('14:00')!,
      durationMinutes: 60,
      client: client(9),
      onBehalfOf: principalId,
    });
    expect((await cancel(principal, another.id)).json().status).toBe('cancelled');
  });
});

describe('the principal’s standing', () => {
  it('counts the assistant’s late cancellations against the principal, whose suspension stops the assistant too', async () => {
    // A minute on, Friday's 10:00 session is inside the 24-hour deadline: each cancellation is late, a
    // strike for the principal (the lawyer of the meeting), and the third suspends them at this centre.
    t.clock.advance(60_000);
    for (const n of [10, 11, 12]) {
      const b = await bookMeeting(t, assistant, {
        sessionId: friday.get('10:00')!,
        durationMinutes: 60,
        client: client(n),
        onBehalfOf: principalId,
      });
      const late = await cancel(assistant, b.id, { onBehalfOf: principalId });
      expect(late.json().status).toBe('cancelled_late');
      t.clock.advance(60_000);
    }
    const refused = await hold(assistant, monday.get('09:00')!, { onBehalfOf: principalId });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('lawyer.suspended');
    expect((await hold(principal, monday.get('09:00')!)).json().code).toBe('lawyer.suspended');
    // The assistant's own standing is untouched.
    const own = await hold(assistant, monday.get('14:00')!);
    expect(own.statusCode, own.body).toBe(201);
    expect((await cancel(assistant, own.json().id)).statusCode).toBe(200);
  });
});

describe('after the link ends', () => {
  it('stops the assistant at once: no booking, no list, no cancelling for the former principal', async () => {
    const entered = (await mine(assistant, principalId))
      .json()
      .items.find(
        (b: BookingView) => b.enteredByUserId === assistantActor.userId && b.status === 'confirmed',
      ) as BookingView;
    const ended = await t.request({
      method: 'POST',
      url: `/api/lawyer-assistant-links/${linkId}/end`,
      session: principal,
    });
    expect(ended.statusCode).toBe(204);
    for (const res of [
      await hold(assistant, monday.get('14:00')!, { onBehalfOf: principalId }),
      await mine(assistant, principalId),
      await cancel(assistant, entered.id, { onBehalfOf: principalId }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('lawyer.not_your_assistant');
    }
    // What the assistant entered stays the principal's booking.
    expect((await mine(principal)).json().items.map((b: BookingView) => b.id)).toContain(entered.id);
  });

  it('cannot be used to act for a disabled principal even while a link stands', async () => {
    const other = await provisionedLawyer(t, 'lawyer.sun');
    const otherSession = await signInWith(t, 'lawyer.sun', 'a long password here');
    const offered = await t.request({
      method: 'POST',
      url: '/api/lawyers/me/assistants',
      session: otherSession,
      body: { username: 'assistant.li' },
    });
    expect(offered.statusCode, offered.body).toBe(201);
    const confirmed = await t.request({
      method: 'POST',
      url: `/api/lawyer-assistant-links/${offered.json().id}/confirm`,
      session: assistant,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await mine(assistant, other.userId)).statusCode).toBe(200);
    const admin = await t.custos.services.auth.resolve((await t.signIn('demo-admin')).cookie.split('=')[1]);
    await t.custos.services.users.setEnabled(admin!.actor, other.userId, false, {
      ip: null,
      userAgent: null,
      correlationId: null,
    });
    const res = await mine(assistant, other.userId);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('lawyer.not_your_assistant');
  });
});
