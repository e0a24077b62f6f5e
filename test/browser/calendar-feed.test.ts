// A lawyer makes their private calendar feed on a phone (390 x 844): the card offers it, shows the URL once
// with a way to subscribe, the URL serves the lawyer's meetings to a calendar without any session, and
// replacing it asks first and kills the old URL. axe finds no serious or critical violation, in Chinese or
// in English.
import { beforeAll, describe, expect, it } from 'vitest';
import { idNo } from '../harness/test-numbers.js';
import { bookMeeting, openSession } from '../integration/booking-fixtures.js';
import { browserSuite, PHONE } from './browser-suite.js';
import { AccountPage } from './pages/account-page.js';
import { HomePage } from './pages/home-page.js';
import { addWeeklySessions, EVERY_DAY } from '../integration/centre-ops-fixtures.js';

const suite = browserSuite({ pageEachTest: { viewport: PHONE } });
const { expectAccessible } = suite;
let bookingId: string;

beforeAll(async () => {
  const t = suite.server.t;
  const staff = await t.signIn('demo-centre');
  const lawyer = await t.signIn('demo-lawyer');
  const centreId = (await t.request({ method: 'GET', url: '/api/centres', session: staff })).json().items[0]
    .id;
  // The server runs on today's date: a session every day keeps a bookable date whenever the test runs.
  await addWeeklySessions(t, centreId, staff, {
    weekdays: EVERY_DAY,
    times: [['09:00', '11:00']],
    onlinePlaces: 4,
  });
  const added = await t.request({
    method: 'POST',
    url: `/api/centres/${centreId}/detainees`,
    session: staff,
    body: { name: '张三', idNo: idNo(1), restrictedCase: false },
  });
  expect(added.statusCode, added.body).toBe(201);
  const session = await openSession(t, lawyer, centreId);
  bookingId = (
    await bookMeeting(t, lawyer, {
      sessionId: session.id,
      durationMinutes: 60,
      client: { name: '张三', idNo: idNo(1) },
    })
  ).id;
});

describe('the calendar feed on a phone', () => {
  it('is made, shown once, serves the lawyer’s meetings, and is replaced only after a confirmation', async () => {
    await suite.signIn('demo-lawyer');

    const account = new AccountPage(suite.page);
    await account.goto(suite.server.baseUrl);
    expect(await account.feedTitle()).toBe('日历订阅');
    expect(await account.canCreateFeed()).toBe(true);
    await expectAccessible('calendar feed card before a feed');

    const url = await account.createFeed();
    // No CUSTOS_PUBLIC_URL here: the URL follows the address the browser used.
    expect(url).toMatch(
      new RegExp(
        `^${suite.server.baseUrl.replace(/\./g, '\\.')}/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`,
      ),
    );
    expect(await account.subscribeHref()).toBe(url.replace(/^http:/, 'webcal:'));
    await expectAccessible('calendar feed card with its URL');

    // A calendar application fetches it with no session at all.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await feed.text();
    expect(body).toContain(`UID:booking-${bookingId}@custos`);
    expect(body).toContain('SUMMARY:律师会见 · 石家庄市长安区看守所');

    // Once the page is left, the URL is not shown again: only when it was made.
    await suite.page.reload();
    await account.goto(suite.server.baseUrl);
    expect(await account.activeText()).toMatch(
      /^您已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）生成订阅地址/,
    );
    expect(await suite.page.getByTestId('calendar-feed-url').count()).toBe(0);

    expect(await account.askToReplace()).toContain('原地址立即失效');
    await expectAccessible('replacement confirmation');
    const replacement = await account.confirmReplace();
    expect(replacement).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(replacement)).status).toBe(200);

    await new HomePage(suite.page).switchLanguage('en');
    await suite.page.getByRole('heading', { name: 'Calendar subscription', level: 2 }).waitFor();
    expect(await account.shownUrl()).toBe(replacement);
    await expectAccessible('calendar feed card in English');
  });
});
