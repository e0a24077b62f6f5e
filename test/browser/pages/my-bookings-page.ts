// Page object for /portal/bookings: the lawyer's upcoming and recent bookings, and cancelling one.
import type { Locator, Page } from 'playwright-core';

export class MyBookingsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/portal/bookings', baseUrl).toString());
    await this.waitForList();
  }

  async waitForList(): Promise<void> {
    await this.page.getByRole('heading', { level: 2 }).first().waitFor();
  }

  item(bookingId: string): Locator {
    return this.page.locator(`[data-testid="booking-item"][data-booking-id="${bookingId}"]`);
  }

  /** The status code of a listed booking (e.g. "confirmed"), and which list it is in. */
  async statusOf(bookingId: string): Promise<{ status: string; list: 'upcoming' | 'recent' }> {
    const item = this.item(bookingId);
    await item.waitFor();
    const status = (await item.getByTestId('booking-status').getAttribute('data-status'))!;
    const inUpcoming = await this.page
      .getByTestId('upcoming-bookings')
      .locator(`[data-booking-id="${bookingId}"]`)
      .count();
    return { status, list: inUpcoming > 0 ? 'upcoming' : 'recent' };
  }

  async statusText(bookingId: string): Promise<string> {
    return (await this.item(bookingId).getByTestId('booking-status').innerText()).trim();
  }

  /** Opens the cancel dialog and returns what it says about the deadline. */
  async openCancel(bookingId: string): Promise<{ deadline: string; beforeDeadline: boolean }> {
    await this.item(bookingId).getByTestId('booking-cancel').click();
    const note = this.page.getByTestId('cancel-deadline');
    await note.waitFor();

    return {
      deadline: (await note.innerText()).trim(),
      beforeDeadline: (await note.getAttribute('data-before-deadline')) === 'true',
    };
  }

  async confirmCancel(): Promise<void> {
    await this.page
      .locator('.ant-modal')
      .getByRole('button', { name: /确认取消|Cancel booking/ })
      .click();
    await this.page.locator('.ant-modal').waitFor({ state: 'hidden' });
  }
}
