// A lawyer's private calendar feed, end to end on a real database: the URL is made (and shown) once with
// only its token's hash stored, it lists that lawyer's meetings and nobody else's, a replaced or revoked URL
// stops working at once, an unknown token is a plain 404, and calendars may cache it only privately.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_RATE_PER_MINUTE } from '../../src/modules/booking/calendar-feed-routes.js';
import { queryRows } from '../../src/platform/db/database.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, type BookingView, type Client } from './booking-fixtures.js';
import { register, registrant, signInWith } from './lawyers-fixtures.js';
import { addWeeklySessions } from './centre-ops-fixtures.js';

let t: TestApp;
let staff: Session;
let admin: Session;
let lawyer: Session;
let other: Session;
let english: { session: Session; userId: string; username: string };
const englishLawyer = () => english.session;
let centreId: string;
/** The lawyer's bookings by what happened to them. */
let mine: {
  confirmed: BookingView;
  waiting: BookingView;
  cancelled: BookingView;
  asCoCounsel: BookingView;
  held: string;
};
let othersBooking: BookingView;

const FEED_PATH = /^\/api\/calendar-feeds\/([A-Za-z0-9_-]{43})\.ics$/;
const client = (n: number): Client => ({ name: `在押人员${n}`, idNo: idNo(n) });
const uidOf = (bookingId: string) => `UID:booking-${bookingId}@custos`;
/** The content lines of a calendar, unfolded. */
const linesOf = (body: string) => body.replace(/\r\n /g, '').split('\r\n').filter(Boolean);

async function sessionAt(date: string, time: string): Promise<string> {
  const res = await t.request({
    method: 'GET',
    url: `/api/centres/${centreId}/availability`,
    session: lawyer,
  });
  expect(res.statusCode, res.body).toBe(200);
  const startsAt = new Date(`${date}T${time}:00+08:00`).toISOString();
  const found = res
    .json<{ days: { sessions: { id: string; startsAt: string }[] }[] }>()
    .days.flatMap((d) => d.sessions)
    .find((s) => s.startsAt === startsAt);
  if (!found) throw new Error(`no session at ${date} ${time}`);
  return found.id;
}

async function book(who: Session, date: string, time: string, n: number, coCounsel?: string) {
  return bookMeeting(t, who, {
    sessionId: await sessionAt(date, time),
    durationMinutes: 60,
    client: client(n),
    ...(coCounsel ? { coCounselUsername: coCounsel } : {}),
  });
}

async function createFeed(session: Session, headers: Record<string, string> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/lawyers/me/calendar-feed', session, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ url: string; createdAt: string; replaced: boolean }>();
}

/** Fetches a feed as a calendar application does: no cookie, from an address of its own. */
function fetchFeed(url: string, headers: Record<string, string> = {}, remoteAddress = '10.1.2.3') {
  return t.app.inject({ method: 'GET', url: new URL(url).pathname, headers, remoteAddress });
}

async function userIdOf(session: Session): Promise<string> {
  return (await t.request({ method: 'GET', url: '/api/auth/session', session })).json().user.id;
}

/** The feed's audit events about a user, newest first. */
async function auditActions(userId: string): Promise<string[]> {
  const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
    limit: 50,
    actionPrefix: 'calendar_feed.',
  });
  return events.filter((e) => e.subjectId === userId).map((e) => e.action);
}

beforeAll(async () => {
  // Thursday 26 November 2026, 10:00 in Shanghai.
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  admin = await t.signIn('demo-admin');
  lawyer = await t.signIn('demo-lawyer');
  centreId = (await t.request({ method: 'GET', url: '/api/centres', session: lawyer })).json().items[0].id;
  await addWeeklySessions(t, centreId, staff, { times: [['09:00', '11:00']], onlinePlaces: 10 });
  for (let i = 1; i <= 10; i++) {
    const res = await t.request({
      method: 'POST',
      url: `/api/centres/${centreId}/detainees`,
      session: staff,
      body: { ...client(i), restrictedCase: i === 10 },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const firm = (await t.custos.repositories.identity.unitByCode(t.custos.database.db, 'LF-13010001'))!;
  await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      {
        username: 'lawyer.other',
        displayName: '孙律师',
        unit: firm,
        roles: ['lawyer'],
        password: 'a long password here',
        passwordChangeRequired: false,
      },
      { actor: null },
    ),
  );
  other = await signInWith(t, 'lawyer.other', 'a long password here');
  const r = registrant(1, { locale: 'en' });
  const registered = await register(t, r);
  expect(registered.statusCode, registered.body).toBe(201);
  const englishId = registered.json<{ userId: string }>().userId;
  const approved = await t.request({
    method: 'POST',
    url: `/api/lawyer-reviews/${englishId}/approve`,
    session: staff,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  english = { session: await signInWith(t, r.username, r.password), userId: englishId, username: r.username };

  const cancelled = await book(lawyer, '2026-12-01', '09:00', 3);
  const cancel = await t.request({
    method: 'POST',
    url: `/api/bookings/${cancelled.id}/cancel`,
    session: lawyer,
    body: {},
  });
  expect(cancel.statusCode, cancel.body).toBe(200);
  const hold = await t.request({
    method: 'POST',
    url: '/api/bookings/holds',
    session: lawyer,
    body: {
      sessionId: await sessionAt('2026-12-03', '09:00'),
      durationMinutes: 60,
      idempotencyKey: crypto.randomUUID(),
    },
  });
  expect(hold.statusCode, hold.body).toBe(201);
  mine = {
    confirmed: await book(lawyer, '2026-11-27', '09:00', 1),
    waiting: await book(lawyer, '2026-11-30', '09:00', 10),
    cancelled: { ...cancelled, status: 'cancelled' },
    asCoCounsel: await book(english.session, '2026-12-02', '09:00', 4, 'demo-lawyer'),
    held: hold.json<{ id: string }>().id,
  };
  othersBooking = await book(other, '2026-11-27', '09:00', 2);
});
afterAll(async () => {
  await t?.close();
});

describe('making the feed URL', () => {
  it('is for lawyers only', async () => {
    const res = await t.request({ method: 'POST', url: '/api/lawyers/me/calendar-feed', session: staff });
    expect(res.statusCode).toBe(403);
    const none = await t.request({ method: 'GET', url: '/api/lawyers/me/calendar-feed' });
    expect(none.statusCode).toBe(401);
  });

  it('shows the URL once and keeps only the token’s hash, audited', async () => {
    const before = await t.request({ method: 'GET', url: '/api/lawyers/me/calendar-feed', session: lawyer });
    expect(before.json()).toEqual({ active: false, createdAt: null });

    const feed = await createFeed(lawyer);
    expect(feed.replaced).toBe(false);
    // Without CUSTOS_PUBLIC_URL the URL follows the address the browser used.
    expect(feed.url).toMatch(/^http:\/\/localhost:80\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = FEED_PATH.exec(new URL(feed.url).pathname)![1]!;

    const after = await t.request({ method: 'GET', url: '/api/lawyers/me/calendar-feed', session: lawyer });
    expect(after.json()).toEqual({ active: true, createdAt: feed.createdAt });
    expect(after.body).not.toContain(token);

    const rows = await queryRows<{ token_hash: string }>(
      t.custos.database.db,
      sql`select token_hash from calendar_feed`,
    );
    expect(rows).toEqual([{ token_hash: crypto.createHash('sha256').update(token).digest('hex') }]);
    const lawyerId = await userIdOf(lawyer);
    expect(await auditActions(lawyerId)).toEqual(['calendar_feed.created']);
  });

  it('is in the API documentation, the feed as a calendar', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(Object.keys(doc.paths['/api/lawyers/me/calendar-feed']!).sort()).toEqual([
      'delete',
      'get',
      'post',
    ]);
    const feed = Object.entries(doc.paths).find(([path]) => path.startsWith('/api/calendar-feeds/'));
    expect(feed?.[0]).toBe('/api/calendar-feeds/{token}.ics');
    expect(JSON.stringify(feed?.[1].get?.responses['200'])).toContain('text/calendar');
  });

  it('follows the Host the lawyer used, and ignores one that is not a host name', async () => {
    const feed = await createFeed(other, { host: 'custos.example.cn:8443' });
    expect(feed.url).toMatch(/^http:\/\/custos\.example\.cn:8443\/api\/calendar-feeds\//);
    const odd = await createFeed(other, { host: 'evil.example/<x>' });
    expect(odd.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar-feeds\//);
  });
});

describe('one booking as a calendar file', () => {
  it('is the same event as in the feed, in the lawyer’s language, for the booking’s lawyers only', async () => {
    const ics = (session: Session, id: string) =>
      t.request({ method: 'GET', url: `/api/bookings/${id}/ics`, session });
    const english = await ics(englishLawyer(), mine.asCoCounsel.id);
    expect(english.statusCode, english.body).toBe(200);
    expect(english.headers['content-disposition']).toBe(
      'attachment; filename="custos-meeting-2026-12-02.ics"',
    );
    expect(linesOf(english.body)).toEqual(
      expect.arrayContaining([
        uidOf(mine.asCoCounsel.id),
        "SUMMARY:Lawyer meeting · Chang'an Detention Centre",
        'STATUS:CONFIRMED',
      ]),
    );
    const chinese = await ics(lawyer, mine.asCoCounsel.id);
    expect(linesOf(chinese.body)).toContain('SUMMARY:律师会见 · 石家庄市长安区看守所');
    expect((await ics(other, mine.asCoCounsel.id)).json().code).toBe('booking.not_yours');
    // A hold is not a meeting yet.
    expect((await ics(lawyer, mine.held)).json().code).toBe('booking.wrong_state');
  });
});

describe('the feed', () => {
  let url: string;
  beforeAll(async () => {
    url = (await createFeed(lawyer)).url;
  });

  it('lists the lawyer’s meetings as calendar events, and nothing of anyone else’s', async () => {
    const res = await fetchFeed(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = linesOf(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('X-WR-CALNAME:Custos 律师会见');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);

    const eventOf = (bookingId: string) => {
      const start = lines.indexOf(uidOf(bookingId));
      expect(start, bookingId).toBeGreaterThan(0);
      return lines.slice(start, lines.indexOf('END:VEVENT', start));
    };
    expect(eventOf(mine.confirmed.id)).toEqual(
      expect.arrayContaining([
        'STATUS:CONFIRMED',
        'DTSTART:20261127T010000Z',
        'DTEND:20261127T020000Z',
        'SUMMARY:律师会见 · 石家庄市长安区看守所',
      ]),
    );
    expect(eventOf(mine.waiting.id)).toContain('STATUS:TENTATIVE');
    expect(eventOf(mine.cancelled.id)).toEqual(
      expect.arrayContaining(['STATUS:CANCELLED', 'SUMMARY:【已取消】律师会见 · 石家庄市长安区看守所']),
    );
    expect(eventOf(mine.asCoCounsel.id)).toContain('STATUS:CONFIRMED');
    expect(res.body).not.toContain(mine.held);
    expect(res.body).not.toContain(othersBooking.id);
    // Clients' names stay out of calendars that sync to clouds.
    expect(res.body).not.toContain('在押人员');
  });

  it('is in the lawyer’s own language', async () => {
    const feed = await createFeed(english.session);
    const res = await fetchFeed(feed.url);
    expect(res.statusCode).toBe(200);
    const lines = linesOf(res.body);
    expect(lines).toContain('X-WR-CALNAME:Custos lawyer meetings');
    expect(lines).toContain("SUMMARY:Lawyer meeting · Chang'an Detention Centre");
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('may be cached only by the calendar itself, and answers 304 while nothing changed', async () => {
    const first = await fetchFeed(url);
    expect(first.headers['cache-control']).toBe('private, max-age=900');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    // The same bookings give the same bytes, whenever they are fetched.
    t.clock.advance(60_000);
    const again = await fetchFeed(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // A change to a booking is a new version.
    const cancel = await t.request({
      method: 'POST',
      url: `/api/bookings/${mine.waiting.id}/cancel`,
      session: lawyer,
      body: {},
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const changed = await fetchFeed(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const start = linesOf(changed.body).indexOf(uidOf(mine.waiting.id));
    expect(linesOf(changed.body).slice(start, start + 12)).toEqual(
      expect.arrayContaining(['STATUS:CANCELLED', 'SEQUENCE:1']),
    );
  });

  it('answers an unknown or malformed token with a plain 404', async () => {
    for (const path of [
      `/api/calendar-feeds/${crypto.randomBytes(32).toString('base64url')}.ics`,
      '/api/calendar-feeds/not-a-token.ics',
      `/api/calendar-feeds/${'x'.repeat(60)}.ics`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url: path, remoteAddress: '10.9.9.9' });
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toMatchObject({ code: 'calendar_feed.not_found' });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // A path far too long for any token is refused by the router before it reaches the feed.
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/calendar-feeds/${'x'.repeat(300)}.ics`,
      remoteAddress: '10.9.9.9',
    });
    expect(long.statusCode).toBe(414);
  });

  it('is limited per address', async () => {
    const address = '10.7.7.7';
    const missing = `/api/calendar-feeds/${crypto.randomBytes(32).toString('base64url')}.ics`;
    const codes: number[] = [];
    for (let i = 0; i < FEED_RATE_PER_MINUTE; i++) {
      codes.push((await t.app.inject({ method: 'GET', url: missing, remoteAddress: address })).statusCode);
    }
    expect(codes.every((c) => c === 404)).toBe(true);
    const limited = await t.app.inject({ method: 'GET', url: missing, remoteAddress: address });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('http.rate_limited');
    // Another address is not held back.
    expect((await fetchFeed(url, {}, '10.7.7.8')).statusCode).toBe(200);
  });

  it('stops answering at the old URL once the lawyer makes a new one', async () => {
    const replacement = await createFeed(lawyer);
    expect(replacement.replaced).toBe(true);
    expect(replacement.url).not.toBe(url);
    const old = await fetchFeed(url);
    expect(old.statusCode).toBe(404);
    expect((await fetchFeed(replacement.url)).statusCode).toBe(200);
    const lawyerId = await userIdOf(lawyer);
    expect(await auditActions(lawyerId)).toEqual([
      'calendar_feed.replaced',
      'calendar_feed.replaced',
      'calendar_feed.created',
    ]);
    url = replacement.url;
  });

  it('lets the lawyer end it', async () => {
    const res = await t.request({ method: 'DELETE', url: '/api/lawyers/me/calendar-feed', session: lawyer });
    expect(res.statusCode).toBe(204);
    expect((await fetchFeed(url)).statusCode).toBe(404);
    const status = await t.request({ method: 'GET', url: '/api/lawyers/me/calendar-feed', session: lawyer });
    expect(status.json()).toEqual({ active: false, createdAt: null });
    const lawyerId = await userIdOf(lawyer);
    expect((await auditActions(lawyerId))[0]).toBe('calendar_feed.revoked');
    // Ending what is not there is no error, and no event.
    expect(
      (await t.request({ method: 'DELETE', url: '/api/lawyers/me/calendar-feed', session: lawyer }))
        .statusCode,
    ).toBe(204);
    expect((await auditActions(lawyerId)).filter((a) => a === 'calendar_feed.revoked')).toHaveLength(1);
  });

  it('stops answering when the lawyer’s account is disabled', async () => {
    const feed = await createFeed(other);
    expect((await fetchFeed(feed.url)).statusCode).toBe(200);
    const otherId = await userIdOf(other);
    const disabled = await t.request({
      method: 'POST',
      url: `/api/users/${otherId}/disable`,
      session: admin,
    });
    expect(disabled.statusCode, disabled.body).toBe(204);
    expect((await fetchFeed(feed.url)).statusCode).toBe(404);
  });

  it('drops meetings and cancellations older than thirty days', async () => {
    const feed = await createFeed(english.session);
    expect(linesOf((await fetchFeed(feed.url)).body)).toContain(uidOf(mine.asCoCounsel.id));
    t.clock.advance(40 * 86_400_000);
    const later = await fetchFeed(feed.url);
    expect(later.statusCode).toBe(200);
    expect(later.body).not.toContain('BEGIN:VEVENT');
  });
});

describe('with CUSTOS_PUBLIC_URL set', () => {
  let configured: TestApp;
  beforeAll(async () => {
    configured = await startTestApp({ env: { CUSTOS_PUBLIC_URL: 'https://custos.example.cn/lawyers/' } });
  });
  afterAll(async () => {
    await configured?.close();
  });

  it('puts the feed under the public address, whatever Host the request carried', async () => {
    const session = await configured.signIn('demo-lawyer');
    const res = await configured.request({
      method: 'POST',
      url: '/api/lawyers/me/calendar-feed',
      session,
      headers: { host: 'internal-node-7:3000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().url).toMatch(
      /^https:\/\/custos\.example\.cn\/lawyers\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/,
    );
  });
});
