// Page object for the lawyer's waiting list: joining it from the booking journey's session step when the
// session is full, and the "my waiting lists" section of /portal/bookings with a place offered.
import type { Locator, Page } from 'playwright-core';

export class WaitlistPage {
  constructor(readonly page: Page) {}

  /** On the session step: chooses a full session and a meeting length, which offers the waiting list. */
  async chooseFullSession(start: string, minutes: number): Promise<void> {
    await this.page.getByTestId(`session-${start}`).check();
    await this.page.locator('.custos-duration-list label', { hasText: new RegExp(`^${minutes}\\s`) }).click();
    await this.page.getByTestId('waitlist-join').waitFor();
  }

  async joinButtonText(): Promise<string> {
    return (await this.page.getByTestId('waitlist-join-button').innerText()).trim();
  }

  /** Joins and returns what the step then says about the lawyer's place in the queue. */
  async join(): Promise<string> {
    await this.page.getByTestId('waitlist-join-button').click();
    const position = this.page.getByTestId('waitlist-position');
    await position.waitFor();
    return (await position.innerText()).trim();
  }

  // ---- on "my bookings"

  item(status?: string): Locator {
    const items = this.page.getByTestId('my-waitlist').getByTestId('waitlist-item');
    return status ? items.and(this.page.locator(`[data-status="${status}"]`)) : items;
  }

  /** Waits for an entry in this status to be listed and returns its status label. */
  async waitForEntry(status: string): Promise<string> {
    const item = this.item(status);
    await item.waitFor();
    return (await item.getByTestId('waitlist-status').innerText()).trim();
  }

  async offerCountdown(): Promise<string> {
    return (await this.page.getByTestId('waitlist-countdown').innerText()).trim();
  }

  async offerText(): Promise<string> {
    return (await this.page.getByTestId('waitlist-offer').innerText()).trim();
  }

  /** Takes the offered place into the booking journey. */
  async continueWithOffer(): Promise<void> {
    await this.page.getByTestId('waitlist-continue').click();
  }
}
