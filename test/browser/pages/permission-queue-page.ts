// Page object for the centre staff's queue of bookings awaiting a permission decision
// (/console/centre/permissions): open a booking's documents, confirm, or refuse with a reason.
import type { Locator, Page } from 'playwright-core';

export class PermissionQueuePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '待许可会见' }).click();
    await this.page.waitForURL((url) => url.pathname === '/console/centre/permissions');
    await this.page.getByRole('heading', { level: 1, name: '待许可会见', exact: true }).waitFor();
  }

  row(detaineeName: string): Locator {
    return this.page
      .getByTestId('permission-queue')
      .locator('tbody tr.ant-table-row', { hasText: detaineeName });
  }

  async rowText(detaineeName: string): Promise<string> {
    const row = this.row(detaineeName);
    await row.waitFor();
    return (await row.innerText()).trim();
  }

  /** Opens one of the row's documents by kind; returns what the viewer shows it as. */
  async openDocument(detaineeName: string, kind: string): Promise<'image' | 'pdf'> {
    await this.row(detaineeName).getByTestId(`open-${kind}`).click();
    const viewer = this.page.getByTestId('document-viewer');
    await viewer.waitFor();
    await viewer
      .locator('[data-testid="document-image"], [data-testid="document-open-pdf"]')
      .first()
      .waitFor();
    return (await viewer.getByTestId('document-image').count()) > 0 ? 'image' : 'pdf';
  }

  /** Waits for the image to have loaded (an object URL of the fetched bytes) and returns its size. */
  async imageSize(): Promise<{ width: number; height: number }> {
    const image = this.page.getByTestId('document-image');
    await image.evaluate((img: HTMLImageElement) => (img.complete ? undefined : img.decode()));
    return image.evaluate((img: HTMLImageElement) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
    }));
  }

  async closeViewer(): Promise<void> {
    await this.page
      .locator('.ant-modal')
      .getByRole('button', { name: /Close|关闭/ })
      .click();
    await this.page.getByTestId('document-viewer').waitFor({ state: 'detached' });
  }

  async confirm(detaineeName: string): Promise<void> {
    await this.row(detaineeName).getByTestId('permission-confirm').click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '确认许可' }).click();
    await this.page.locator('.ant-message').getByText('已确认许可，预约生效').waitFor();
  }

  async refuse(detaineeName: string, reason: string): Promise<void> {
    await this.row(detaineeName).getByTestId('permission-refuse').click();
    const dialog = this.page.locator('.ant-modal');
    await dialog.getByLabel('原因（律师可见）').fill(reason);
    await dialog.getByRole('button', { name: '不予许可' }).click();
    await this.page.locator('.ant-message').getByText('已不予许可，预约已取消').waitFor();
  }

  async isEmpty(): Promise<boolean> {
    return (await this.page.getByTestId('permission-queue').getByText('没有等待许可的会见预约').count()) > 0;
  }
}
