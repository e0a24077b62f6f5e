// Page object for the waiting lists on the centre's day sheet (/console/centre/day): each session's queue
// length, and the queue itself in a dialog.
import type { Page } from 'playwright-core';

export class DaySheetWaitlistPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, date: string): Promise<void> {
    await this.page.goto(new URL(`/console/centre/day?date=${date}`, baseUrl).toString());
    await this.page.getByTestId('waitlist-length').first().waitFor();
  }

  async queueLengths(): Promise<string[]> {
    return (await this.page.getByTestId('waitlist-length').allInnerTexts()).map((s) => s.trim());
  }

  /** Opens the queue of the session whose summary says someone waits; returns its rows' texts. */
  async openQueue(): Promise<string[]> {
    await this.page.getByTestId('waitlist-show').first().click();
    const rows = this.page.getByTestId('waitlist-queue').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    return (await rows.allInnerTexts()).map((s) => s.trim());
  }

  async dialogTitle(): Promise<string> {
    return (await this.page.locator('.ant-modal-title').innerText()).trim();
  }
}
