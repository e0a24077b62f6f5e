// The world the documents and permission tests share: the demo centre with weekday sessions and a roster
// (one client in a restricted case), a second centre with its own staff and client, and lawyers signed in
// through the API.
import { expect } from 'vitest';
import type { Actor } from '../../src/modules/identity/actor.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { addWeeklySessions, secondCentre } from './centre-ops-fixtures.js';
import { provisionedLawyer, signInWith } from './lawyers-fixtures.js';

export interface DocumentsWorld {
  t: TestApp;
  staff: Session;
  otherStaff: Session;
  centreId: string;
  otherCentreId: string;
  /** Weekday sessions of the demo centre from the next working day on, soonest first. */
  sessionIds: string[];
  otherSessionIds: string[];
}

export const CLIENTS = {
  zhang: { name: '张三', idNo: idNo(1) },
  li: { name: '李四', idNo: idNo(2) },
  /** National security, investigation stage: every booking waits for a permission. */
  wang: { name: '王五', idNo: idNo(3) },
  zhao: { name: '赵六', idNo: idNo(4) },
  /** On the second centre's roster only. */
  sun: { name: '孙七', idNo: idNo(50) },
};

export async function api(
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  session: Session,
  body?: unknown,
) {
  return t.request({ method, url, session, body });
}

async function ok(t: TestApp, method: 'GET' | 'POST', url: string, session: Session, body?: unknown) {
  const res = await api(t, method, url, session, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

async function configure(t: TestApp, staff: Session, unitId: string) {
  await addWeeklySessions(t, unitId, staff, {
    times: [
      ['09:00', '11:00'],
      ['14:00', '16:00'],
    ],
    onlinePlaces: 10,
  });
}

async function sessionsOf(t: TestApp, lawyer: Session, unitId: string): Promise<string[]> {
  const res = await ok(t, 'GET', `/api/centres/${unitId}/availability`, lawyer);
  const days = res.json<{ days: { sessions: { id: string }[] }[] }>().days;
  return days.flatMap((d) => d.sessions.map((s) => s.id));
}

export async function startDocumentsWorld(): Promise<DocumentsWorld> {
  const t = await startTestApp();
  const staff = await t.signIn('demo-centre');
  const lawyer = await t.signIn('demo-lawyer');
  const centreId = (await ok(t, 'GET', '/api/centres', lawyer)).json().items[0].id as string;
  await configure(t, staff, centreId);
  for (const [key, client] of Object.entries(CLIENTS)) {
    if (key === 'sun') continue;
    await ok(t, 'POST', `/api/centres/${centreId}/detainees`, staff, {
      ...client,
      restrictedCase: key === 'wang',
    });
  }

  // A second centre in the same district, with its own staff member, sessions and client.
  const { unitId: otherCentreId, staff: otherStaff } = await secondCentre(t, 'centre-two', '130102-KSS-DOCS');
  await configure(t, otherStaff, otherCentreId);
  await ok(t, 'POST', `/api/centres/${otherCentreId}/detainees`, otherStaff, {
    ...CLIENTS.sun,
    restrictedCase: false,
  });

  return {
    t,
    staff,
    otherStaff,
    centreId,
    otherCentreId,
    sessionIds: await sessionsOf(t, lawyer, centreId),
    otherSessionIds: await sessionsOf(t, lawyer, otherCentreId),
  };
}

/** Another lawyer (an account an administrator made), signed in through the API. */
export async function anotherLawyer(
  t: TestApp,
  username: string,
): Promise<{ actor: Actor; session: Session }> {
  const actor = await provisionedLawyer(t, username);
  return { actor, session: await signInWith(t, username, 'a long password here') };
}
