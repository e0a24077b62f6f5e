// One browser test file's lifetime, set up the same way everywhere: the server and Chromium start once for
// the file, each test gets a fresh browser context (no cookie or storage carried over) that is closed after
// it, and the sign-ins and the axe check every test needs act on that test's page.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { currentTotp } from '../../src/modules/identity/totp.js';
import {
  launchChromium,
  seriousA11yViolations,
  startBrowserServer,
  type BrowserServer,
} from './browser-harness.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { settled } from './pages/settled.js';
import { TotpPage } from './pages/totp-page.js';

/** Lawyers book on phones; staff work at desks. */
export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1280, height: 900 };

export interface BrowserSuiteOptions {
  /** Open a page with these options (Chinese unless they say otherwise) before every test; without them
   * each test opens its own with `openPage`, for files whose tests need different screens. */
  pageEachTest?: BrowserContextOptions;
}

export interface BrowserSuite {
  readonly server: BrowserServer;
  readonly browser: Browser;
  /** The current test's page. */
  readonly page: Page;
  /** A fresh context and page for the current test (Chinese unless told otherwise), closed after it. */
  openPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** Once the page has settled, axe finds no serious or critical violation; `where` names the view. */
  expectAccessible: (where: string) => Promise<void>;
  /** Signs in with a password only (lawyers) and waits for the home page. The password defaults to the
   * seeded user's. */
  signIn: (username: string, password?: string) => Promise<void>;
  /** Signs in a staff user seen here for the first time: enrols TOTP from the secret the page shows. */
  signInEnrollingTotp: (username: string) => Promise<void>;
  /** Signs in a staff user already enrolled (through the API sign-in), with a code from their secret. */
  signInWithTotp: (username: string, totpSecret: string) => Promise<void>;
}

/** Registers the file's hooks; call at the top level of a test file, before its own `beforeAll`, which
 * then finds the server running. */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: BrowserServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite has no ${what} yet`);
    return value;
  };

  async function openPage(contextOptions: BrowserContextOptions = {}): Promise<Page> {
    await context?.close();
    context = await started(browser, 'browser').newContext({ locale: 'zh-CN', ...contextOptions });
    page = await context.newPage();
    return page;
  }

  async function submitPassword(username: string, password?: string): Promise<void> {
    const s = started(server, 'server');
    const login = new LoginPage(started(page, 'page'));
    await login.goto(s.baseUrl);
    await login.login(username, password ?? s.t.credentials.get(username)!.password);
  }

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.t.close();
  });
  if (options.pageEachTest) {
    const each = options.pageEachTest;
    beforeEach(async () => {
      await openPage(each);
    });
  }
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
    openPage,
    expectAccessible: async (where) => {
      const current = started(page, 'page');
      await settled(current);
      expect(await seriousA11yViolations(current), where).toEqual([]);
    },
    signIn: async (username, password) => {
      await submitPassword(username, password);
      await new HomePage(started(page, 'page')).waitForHome();
    },
    signInEnrollingTotp: async (username) => {
      await submitPassword(username);
      const current = started(page, 'page');
      const totp = new TotpPage(current);
      await totp.waitForEnrolment();
      await totp.enterCode(currentTotp(await totp.readSecret(), started(server, 'server').t.clock.now()));
      await new HomePage(current).waitForHome();
    },
    signInWithTotp: async (username, totpSecret) => {
      await submitPassword(username);
      const current = started(page, 'page');
      const totp = new TotpPage(current);
      await totp.waitForVerification();
      await totp.enterCode(currentTotp(totpSecret, started(server, 'server').t.clock.now()));
      await new HomePage(current).waitForHome();
    },
  };
}
