// Page object for what an assistant sees about whom they book for: the notice above the journey and
// "my bookings", the line on "check your answers", and the mark on bookings they entered.
import type { Locator, Page } from 'playwright-core';

export class BookingForNotice {
  constructor(readonly page: Page) {}

  /** The notice's title and text, once it is on screen. */
  async text(): Promise<string> {
    const notice = this.page.getByTestId('booking-for');
    await notice.waitFor();
    return (await notice.innerText()).trim();
  }

  async isShown(): Promise<boolean> {
    return (await this.page.getByTestId('booking-for').count()) > 0;
  }

  /** "Booking for: 王律师 (entered by you)" on "check your answers". */
  async enteredFor(): Promise<string> {
    return (await this.page.getByTestId('entered-for').innerText()).trim();
  }

  /** Whether a listed booking is marked as entered by the signed-in assistant, and offers cancel or .ics. */
  async itemMarks(
    item: Locator,
  ): Promise<{ enteredByMe: boolean; canCancel: boolean; calendarFile: boolean }> {
    await item.waitFor();
    return {
      enteredByMe: (await item.getByTestId('entered-by-me').count()) > 0,
      canCancel: (await item.getByTestId('booking-cancel').count()) > 0,
      calendarFile: (await item.locator('a[download]').count()) > 0,
    };
  }
}
