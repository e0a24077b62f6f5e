// Page object for the lawyer's standing on the account page (/portal/account), reached from the portal's
// navigation: where the registration review stands (and why it was rejected), and the suspensions of
// online booking with the appeal.
import type { Locator, Page } from 'playwright-core';

export class AccountStandingPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('portal-nav-account').click();
    await this.page.waitForURL((url) => url.pathname === '/portal/account');
    await this.registrationCard().waitFor();
  }

  registrationCard(): Locator {
    return this.page.getByTestId('account-registration');
  }

  /** The review's state as its tag reads, e.g. 等待审核. */
  async registrationStatus(): Promise<string> {
    return (await this.registrationCard().locator('.ant-card-extra').innerText()).trim();
  }

  /** What the card's notice says (pending, approved), or the rejection's title and reason. */
  async registrationNotice(): Promise<string> {
    const alert = this.registrationCard().getByRole('alert');
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  async rejectionReason(): Promise<string> {
    return (await this.page.getByTestId('account-rejection-reason').innerText()).trim();
  }

  /**
   * After a rejection: opens the correction form, enters the ID number again (it is never shown back) and
   * a new licence photo, resubmits, and waits for the page to say so.
   */
  async correctAndResubmit(
    idNo: string,
    photo: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    await this.page.getByTestId('account-correct').click();
    const form = this.page.getByRole('region', { name: '更正注册信息' });
    await form.getByLabel('身份证号', { exact: true }).fill(idNo);
    await form.getByTestId('licence-photo-input').setInputFiles(photo);
    await form.getByAltText('所选执业证照片的预览').waitFor();
    await form.getByTestId('resubmit').click();
    await this.page.locator('.ant-message').getByText('已重新提交，请等待审核').waitFor();
  }

  suspensionsCard(): Locator {
    return this.page.getByTestId('account-suspensions');
  }

  /** Each suspension's notice: where and until when, why, and any appeal or lifting. */
  async suspensions(): Promise<string[]> {
    const items = this.suspensionsCard().locator('li');
    await items.first().waitFor();
    return (await items.locator('.ant-alert').allInnerTexts()).map((text) => text.trim());
  }

  async appeal(text: string): Promise<void> {
    await this.suspensionsCard().getByLabel('申诉理由').fill(text);
    await this.suspensionsCard().getByRole('button', { name: '提交申诉' }).click();
    await this.page.locator('.ant-message').getByText('已提交申诉').waitFor();
  }

  async canAppeal(): Promise<boolean> {
    return (await this.suspensionsCard().getByRole('button', { name: '提交申诉' }).count()) > 0;
  }
}
