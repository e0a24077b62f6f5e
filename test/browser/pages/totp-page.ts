// Page object for the second-factor steps: /login/enrol (scan or type the secret, then confirm a
// code) and /login/totp (enter a code).
import type { Page } from 'playwright-core';
import { switchLanguage, type UiLanguage } from './language-switch.js';

export class TotpPage {
  constructor(readonly page: Page) {}

  async waitForEnrolment(): Promise<void> {
    await this.page.waitForURL('**/login/enrol');
    await this.page.getByTestId('totp-secret').waitFor();
  }

  async waitForVerification(): Promise<void> {
    await this.page.waitForURL('**/login/totp');
    await this.page.getByTestId('totp-code').waitFor();
  }

  /** The base32 secret shown for manual entry, without the grouping spaces. */
  async readSecret(): Promise<string> {
    const text = await this.page.getByTestId('totp-secret').innerText();
    return text.replace(/\s+/g, '');
  }

  /** The QR code's data URL (the enrolment response's qrDataUrl). */
  async qrImageSource(): Promise<string | null> {
    return this.page.locator('img.custos-qr').getAttribute('src');
  }

  async enterCode(code: string): Promise<void> {
    await this.page.getByTestId('totp-code').fill(code);
    await this.page.getByTestId('totp-submit').click();
  }

  /** The message shown on the code field after a wrong code. */
  async codeErrorText(): Promise<string> {
    const error = this.page.locator('#totp_code_help');
    await error.waitFor();
    return (await error.innerText()).trim();
  }

  async switchLanguage(to?: UiLanguage): Promise<UiLanguage> {
    return switchLanguage(this.page, to);
  }
}
