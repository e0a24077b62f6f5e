// The demo a person gets from `npm start`: accounts, a centre with Pudong's five sessions of twelve places,
// and clients on the roster that the demo lawyer can book with straight away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo-seed.js';
import { sessionCookie, startTestApp, type TestApp } from '../harness/test-app.js';
import { bookMeeting } from './booking-fixtures.js';

let t: TestApp;
let text: string;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
  text = (await seedDemoData(t.custos))!;
});
afterAll(async () => {
  await t?.close();
});

describe('demo seed', () => {
  it('seeds once and lists the accounts and the demo clients', async () => {
    expect(text).toMatch(/^lawyer\s+demo-lawyer\s+\S{16}/m);
    expect(text.match(/^client\s+/gm)).toHaveLength(4);
    expect(text.match(/^client\s+.*restricted case/gm)).toHaveLength(1);
    expect(await seedDemoData(t.custos)).toBeNull();
  });

  it('lets the demo lawyer book one of the listed clients at the demo centre', async () => {
    const password = /^lawyer\s+demo-lawyer\s+(\S+)/m.exec(text)![1]!;
    const [, name, idNo] = /^client\s+(\S+)\s+(\S+)$/m.exec(text)!;
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'demo-lawyer', password },
    });
    const session = { cookie: sessionCookie(login), csrfToken: login.json().csrfToken };
    const centres = (await t.request({ method: 'GET', url: '/api/centres', session })).json().items;
    const centre = centres.find((c: { code: string }) => c.code === '130102-KSS');
    const { days } = (
      await t.request({ method: 'GET', url: `/api/centres/${centre.id}/availability`, session })
    ).json();
    const nextDay = days.find((d: { sessions: unknown[] }) => d.sessions.length === 5);
    expect(nextDay.sessions.map((s: { onlinePlaces: number }) => s.onlinePlaces)).toEqual([
      12, 12, 12, 12, 12,
    ]);
    const booked = await bookMeeting(t, session, {
      sessionId: nextDay.sessions[0].id,
      durationMinutes: 60,
      idempotencyKey: 'demo-seed-check',
      client: { name: name!, idNo: idNo! },
    });
    expect(booked.status).toBe('confirmed');
  });
});
