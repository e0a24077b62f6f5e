// A lawyer and a staff user sign in, switch language and sign out in real Chromium; every page visited
// passes axe with no serious or critical violation.
import { describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { seriousA11yViolations } from './browser-harness.js';
import { browserSuite } from './browser-suite.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { TotpPage } from './pages/totp-page.js';

// The default window: the first test turns it into a phone's itself.
const suite = browserSuite({ pageEachTest: {} });

const password = (username: string) => suite.server.t.credentials.get(username)!.password;

describe('signing in through the web UI', () => {
  it('a lawyer signs in on a phone to the portal, switches to English, and signs out', async () => {
    await suite.page.setViewportSize({ width: 390, height: 844 });
    const login = new LoginPage(suite.page);
    await login.goto(suite.server.baseUrl);
    expect(await suite.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await seriousA11yViolations(suite.page)).toEqual([]);

    await login.login('demo-lawyer', 'wrong password');
    expect(await login.errorText()).toContain('用户名或密码错误');

    await login.login('demo-lawyer', password('demo-lawyer'));
    const home = new HomePage(suite.page);
    await home.waitForHome();
    expect(home.area()).toBe('portal');
    expect(await home.greeting()).toContain('王律师');
    expect(await seriousA11yViolations(suite.page)).toEqual([]);

    await home.switchLanguage('en');
    expect(await suite.page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => home.greeting()).toMatch(/王律师/);
    expect(await suite.page.getByText('Recent sign-ins').count()).toBeGreaterThan(0);

    await home.logout();
    // Signed out for real: the portal sends the browser back to sign in.
    await suite.page.goto(new URL('/portal', suite.server.baseUrl).toString());
    await suite.page.waitForURL('**/login');
  });

  it('a staff user enrols TOTP from the QR page, later signs in with a code, and signs out', async () => {
    const login = new LoginPage(suite.page);
    await login.goto(suite.server.baseUrl);
    await login.login('demo-centre', password('demo-centre'));

    const totp = new TotpPage(suite.page);
    await totp.waitForEnrolment();
    expect(await totp.qrImageSource()).toMatch(/^data:image\/png;base64,/);
    expect(await seriousA11yViolations(suite.page)).toEqual([]);
    const secret = await totp.readSecret();
    await totp.enterCode('000000');
    expect(await totp.codeErrorText()).toContain('动态口令');
    await totp.enterCode(currentTotp(secret, suite.server.t.clock.now()));

    const home = new HomePage(suite.page);
    await home.waitForHome();
    expect(home.area()).toBe('console');
    expect(await home.greeting()).toContain('李警官');
    expect(await seriousA11yViolations(suite.page)).toEqual([]);
    await home.logout();

    // Second sign-in: a code is asked for (a fresh one: the enrolment code is spent).
    await login.login('demo-centre', password('demo-centre'));
    await totp.waitForVerification();
    expect(await seriousA11yViolations(suite.page)).toEqual([]);
    suite.server.t.clock.advance(30_000);
    await totp.switchLanguage('en');
    await totp.enterCode(currentTotp(secret, suite.server.t.clock.now()));
    await home.waitForHome();
    expect(await suite.page.locator('html').getAttribute('lang')).toBe('en');
    await home.logout();
  });
});
