// Page object for centre staff's lawyer review (/console/lawyer-review): the registrations by status with
// the licence photo, approve and reject, and the suspensions tab where staff lift one with a reason.
import type { Locator, Page } from 'playwright-core';

export class LawyerReviewPage {
  constructor(readonly page: Page) {}

  /** Opens the page from the console's left menu, as staff reach it. */
  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '律师审核' }).click();
    await this.page.waitForURL((url) => url.pathname === '/console/lawyer-review');
    await this.page.getByRole('heading', { level: 1, name: '律师审核', exact: true }).waitFor();
  }

  // ---- registrations

  queue(): Locator {
    return this.page.getByTestId('lawyer-review-queue');
  }

  row(name: string): Locator {
    return this.queue().locator('tbody tr.ant-table-row', { hasText: name });
  }

  async rowText(name: string): Promise<string> {
    const row = this.row(name);
    await row.waitFor();
    return (await row.innerText()).trim();
  }

  /** Chooses which registrations to list: 等待审核, 未通过 or 已通过. */
  async showStatus(label: '等待审核' | '未通过' | '已通过'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '审核状态' }).getByText(label, { exact: true }).click();
    await this.queue().locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  }

  /**
   * Opens the row's licence photo and waits for the image itself (fetched when opened); returns its pixel
   * size and the SHA-256 the dialog states.
   */
  async viewPhoto(name: string): Promise<{ width: number; height: number; sha256: string }> {
    await this.row(name).getByRole('button', { name: '查看执业证' }).click();
    const dialog = this.page.getByRole('dialog', { name: `执业证：${name}` });
    const image = dialog.getByRole('img', { name: `${name}的执业证照片` });
    await image.waitFor();
    const size = await image.evaluate(async (img: HTMLImageElement) => {
      if (!img.complete) await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    });
    const sha256 = (await dialog.locator('.custos-review-hash .custos-mono').innerText()).trim();
    return { ...size, sha256 };
  }

  async closePhoto(): Promise<void> {
    await this.page
      .locator('.ant-modal')
      .getByRole('button', { name: /Close|关闭/ })
      .click();
    await this.page.locator('.ant-modal').waitFor({ state: 'detached' });
  }

  /** Approves after the confirmation that the licence matches, and waits for the page to say so. */
  async approve(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: '通过' }).click();
    const confirm = this.page.locator('.ant-popconfirm');
    await confirm.getByText(`确认 ${name} 的执业证与所填信息一致，通过审核？`).waitFor();
    await confirm.locator('.ant-btn-primary').click();
    await this.page.locator('.ant-message').getByText('已通过审核').waitFor();
  }

  /** Rejects with the reason the lawyer will read, and waits for the page to say so. */
  async reject(name: string, reason: string): Promise<void> {
    await this.row(name).getByRole('button', { name: '退回' }).click();
    const dialog = this.page.getByRole('dialog', { name: `退回 ${name} 的注册` });
    await dialog.getByLabel('退回原因（律师可见）').fill(reason);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await this.page.locator('.ant-message').getByText('已退回', { exact: true }).waitFor();
    await dialog.waitFor({ state: 'detached' });
  }

  // ---- suspensions

  async openSuspensions(): Promise<void> {
    await this.page.getByRole('tab', { name: '网上预约暂停' }).click();
    await this.page.waitForURL((url) => url.searchParams.get('tab') === 'suspensions');
    await this.suspensions().locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  }

  suspensions(): Locator {
    return this.page.getByTestId('lawyer-suspensions');
  }

  suspensionRow(lawyerName: string): Locator {
    return this.suspensions().locator('tbody tr.ant-table-row', { hasText: lawyerName });
  }

  /** The row's cells by column title. */
  async suspensionCells(lawyerName: string): Promise<Record<string, string>> {
    const row = this.suspensionRow(lawyerName);
    await row.waitFor();
    const titles = await this.suspensions().locator('thead th').allInnerTexts();
    const cells = await row.locator('td').allInnerTexts();
    return Object.fromEntries(titles.map((title, i) => [title.trim(), (cells[i] ?? '').trim()]));
  }

  /** Lifts the lawyer's suspension with the reason, and waits for the page to say so. */
  async lift(lawyerName: string, reason: string): Promise<void> {
    await this.suspensionRow(lawyerName).getByRole('button', { name: '解除暂停' }).click();
    const dialog = this.page.getByRole('dialog', { name: `解除 ${lawyerName} 的网上预约暂停` });
    await dialog.getByLabel('解除理由').fill(reason);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await this.page.locator('.ant-message').getByText('已解除暂停').waitFor();
    await dialog.waitFor({ state: 'detached' });
  }
}
