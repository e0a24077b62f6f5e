// A lawyer and a staff user sign in, switch language and sign out in real Chromium; every page visited
// passes axe with no serious or critical violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/modules/identity/totp.js';
import {
  launchChromium,
  seriousA11yViolations,
  startBrowserServer,
  type BrowserServer,
} from './browser-harness.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { TotpPage } from './pages/totp-page.js';

let server: BrowserServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.t.close();
});
beforeEach(async () => {
  context = await browser.newContext({ locale: 'zh-CN' });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const password = (username: string) => server.t.credentials.get(username)!.password;

describe('signing in through the web UI', () => {
  it('a lawyer signs in on a phone to the portal, switches to English, and signs out', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const login = new LoginPage(page);
    await login.goto(server.baseUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await login.login('demo-lawyer', 'wrong password');
    expect(await login.errorText()).toContain('用户名或密码错误');

    await login.login('demo-lawyer', password('demo-lawyer'));
    const home = new HomePage(page);
    await home.waitForHome();
    expect(home.area()).toBe('portal');
    expect(await home.greeting()).toContain('王律师');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await home.switchLanguage('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => home.greeting()).toMatch(/王律师/);
    expect(await page.getByText('Recent sign-ins').count()).toBeGreaterThan(0);

    await home.logout();
    // Signed out for real: the portal sends the browser back to sign in.
    await page.goto(new URL('/portal', server.baseUrl).toString());
    await page.waitForURL('**/login');
  });

  it('a staff user enrols TOTP from the QR page, later signs in with a code, and signs out', async () => {
    const login = new LoginPage(page);
    await login.goto(server.baseUrl);
    await login.login('demo-centre', password('demo-centre'));

    const totp = new TotpPage(page);
    await totp.waitForEnrolment();
    expect(await totp.qrImageSource()).toMatch(/^data:image\/png;base64,/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const secret = await totp.readSecret();
    await totp.enterCode('000000');
    expect(await totp.codeErrorText()).toContain('动态口令');
    await totp.enterCode(currentTotp(secret, server.t.clock.now()));

    const home = new HomePage(page);
    await home.waitForHome();
    expect(home.area()).toBe('console');
    expect(await home.greeting()).toContain('李警官');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await home.logout();

    // Second sign-in: a code is asked for (a fresh one: the enrolment code is spent).
    await login.login('demo-centre', password('demo-centre'));
    await totp.waitForVerification();
    expect(await seriousA11yViolations(page)).toEqual([]);
    server.t.clock.advance(30_000);
    await totp.switchLanguage('en');
    await totp.enterCode(currentTotp(secret, server.t.clock.now()));
    await home.waitForHome();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await home.logout();
  });
});
