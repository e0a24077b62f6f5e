// Booking through the API the way every test that needs a meeting does it, so that a rule added to the
// journey (documents, for one) is met in one place rather than in every test file.
import { expect } from 'vitest';
import type { Session, TestApp } from '../harness/test-app.js';

export interface Client {
  name: string;
  idNo: string;
}

export interface MeetingRequest {
  sessionId: string;
  durationMinutes: number;
  client: Client;
  coCounselUsername?: string;
  idempotencyKey?: string;
  /** The principal a confirmed assistant books for; their documents are the ones used. */
  onBehalfOf?: string;
}

export interface BookingView {
  id: string;
  unitId: string;
  sessionId: string;
  status: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  holdExpiresAt: string | null;
  lawyerUserIds: string[];
  /** The assistant who entered it for its lawyer; null when the lawyer did. */
  enteredByUserId: string | null;
  detaineeName: string | null;
}

/** Books in one step (POST /api/bookings) and expects it to succeed. */
export async function bookMeeting(
  t: TestApp,
  lawyer: Session,
  request: MeetingRequest,
): Promise<BookingView> {
  const res = await t.request({
    method: 'POST',
    url: '/api/bookings',
    session: lawyer,
    body: { idempotencyKey: crypto.randomUUID(), ...request },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<BookingView>();
}

/** Completes a held booking (the journey's last step) and expects it to succeed. */
export async function completeHold(
  t: TestApp,
  lawyer: Session,
  bookingId: string,
  request: Pick<MeetingRequest, 'client' | 'coCounselUsername' | 'onBehalfOf'>,
): Promise<BookingView> {
  const res = await t.request({
    method: 'POST',
    url: `/api/bookings/${bookingId}/complete`,
    session: lawyer,
    body: request,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BookingView>();
}

/** The first bookable session of the demo centre with a place left, at least `minDaysAhead` dates out. */
export async function openSession(
  t: TestApp,
  lawyer: Session,
  unitId: string,
  minDaysAhead = 1,
): Promise<{ id: string; startsAt: string; remaining: number; durations: number[] }> {
  const res = await t.request({ method: 'GET', url: `/api/centres/${unitId}/availability`, session: lawyer });
  expect(res.statusCode, res.body).toBe(200);
  const days = res.json<{
    days: { sessions: { id: string; startsAt: string; remaining: number; durations: number[] }[] }[];
  }>().days;
  const session = days
    .slice(minDaysAhead)
    .flatMap((d) => d.sessions)
    .find((s) => s.remaining > 0);
  if (!session) throw new Error('no open session');
  return session;
}
