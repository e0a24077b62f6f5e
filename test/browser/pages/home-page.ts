// Page object for the signed-in homes: the lawyer portal (/portal) and the staff console (/console).
import type { Page } from 'playwright-core';
import { switchLanguage, type UiLanguage } from './language-switch.js';

export class HomePage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, path: '/portal' | '/console' = '/console'): Promise<void> {
    await this.page.goto(new URL(path, baseUrl).toString());
    await this.waitForHome();
  }

  async waitForHome(): Promise<void> {
    await this.page.getByTestId('home-greeting').waitFor();
  }

  /** "您好，张律师" in the portal, "欢迎，李明" in the console (or their English forms). */
  async greeting(): Promise<string> {
    return (await this.page.getByTestId('home-greeting').innerText()).trim();
  }

  /** Which area the session landed in. */
  area(): 'portal' | 'console' {
    return new URL(this.page.url()).pathname.startsWith('/portal') ? 'portal' : 'console';
  }

  async switchLanguage(to?: UiLanguage): Promise<UiLanguage> {
    return switchLanguage(this.page, to);
  }

  /** Opens the user menu, signs out and waits for the sign-in page. */
  async logout(): Promise<void> {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('logout').click();
    await this.page.waitForURL('**/login');
    await this.page.getByTestId('login-username').waitFor();
  }
}
