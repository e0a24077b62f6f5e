// Page object for /login: username and password.
import type { Page } from 'playwright-core';
import { switchLanguage, type UiLanguage } from './language-switch.js';

export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/login', baseUrl).toString());
    await this.page.getByTestId('login-username').waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** The error shown after a failed sign-in (in the current language), including any lock-out end. */
  async errorText(): Promise<string> {
    const alert = this.page.locator('.ant-alert-error');
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  /** The "locked until" line of a lock-out, e.g. "解锁时间：2025-03-04 13:06:07（北京时间）". */
  async lockedUntilText(): Promise<string> {
    return (await this.page.getByTestId('locked-until').innerText()).trim();
  }

  async switchLanguage(to?: UiLanguage): Promise<UiLanguage> {
    return switchLanguage(this.page, to);
  }
}
