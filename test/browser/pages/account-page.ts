// Page object for the lawyer's account page (/portal/account), as far as the calendar-feed card goes:
// make the subscription URL, read it, replace it (confirming first) and see what the card says afterwards.
import type { Locator, Page } from 'playwright-core';

export class AccountPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/portal/account', baseUrl).toString());
    await this.feedCard().waitFor();
    // The card reads the feed's state first; wait for one of its three states.
    await this.feedCard()
      .locator(
        '[data-testid="calendar-feed-create"], [data-testid="calendar-feed-active"], [data-testid="calendar-feed-url"]',
      )
      .first()
      .waitFor();
  }

  feedCard(): Locator {
    return this.page.getByTestId('account-calendar-feed');
  }

  async feedTitle(): Promise<string> {
    return (await this.feedCard().getByRole('heading', { level: 2 }).innerText()).trim();
  }

  async canCreateFeed(): Promise<boolean> {
    return (await this.page.getByTestId('calendar-feed-create').count()) > 0;
  }

  /** Makes the feed URL and returns it as shown. */
  async createFeed(): Promise<string> {
    await this.page.getByTestId('calendar-feed-create').click();
    return this.shownUrl();
  }

  /** The URL on screen (only right after it was made), without the copy button's label beside it. */
  async shownUrl(): Promise<string> {
    const code = this.page.getByTestId('calendar-feed-url').locator('code');
    await code.waitFor();
    return code.evaluate((el) => (el.firstChild?.textContent ?? '').trim());
  }

  async subscribeHref(): Promise<string | null> {
    return this.page.getByTestId('calendar-feed-subscribe').getAttribute('href');
  }

  /** What the card says when a feed exists but its URL is no longer on screen. */
  async activeText(): Promise<string> {
    const line = this.page.getByTestId('calendar-feed-active');
    await line.waitFor();
    return (await line.innerText()).trim();
  }

  /** Asks for a new URL and returns the confirmation's question, leaving it open. */
  async askToReplace(): Promise<string> {
    await this.page.getByTestId('calendar-feed-replace').click();
    const popover = this.page.locator('.ant-popconfirm');
    await popover.waitFor();
    return (await popover.locator('.ant-popconfirm-title').innerText()).trim();
  }

  /** Confirms the open replacement and returns the new URL once it is on screen. */
  async confirmReplace(): Promise<string> {
    await this.page.locator('.ant-popconfirm .ant-popconfirm-buttons .ant-btn-primary').click();
    return this.shownUrl();
  }
}
