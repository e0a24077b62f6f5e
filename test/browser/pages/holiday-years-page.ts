// Page object for the admin's public-holiday years (/console/holiday-years): the covered years and the
// form that enters or replaces one, a day per line.
import type { Page } from 'playwright-core';

export class HolidayYearsPage {
  constructor(readonly page: Page) {}

  /** Opens the page from the console menu, whose label is also the page's heading. */
  async openFromMenu(label: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: label }).click();
    await this.page.waitForURL((url) => url.pathname === '/console/holiday-years');
    await this.page.getByRole('heading', { level: 1, name: label, exact: true }).waitFor();
    await this.page.getByTestId('holiday-years-table').locator('tbody tr.ant-table-row').first().waitFor();
  }

  /** Each covered year's row as its cells read. */
  async rows(): Promise<string[][]> {
    const rows = await this.page.getByTestId('holiday-years-table').locator('tbody tr.ant-table-row').all();
    return Promise.all(
      rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((c) => c.trim())),
    );
  }

  async rowOf(year: number): Promise<string[]> {
    const row = (await this.rows()).find((cells) => cells[0] === String(year));
    if (!row) throw new Error(`no row for ${year}`);
    return row;
  }

  /** Fills the form; each list is the text box's lines. */
  async fill(entry: {
    year: number;
    source?: string;
    daysOff: string[];
    workdays?: string[];
  }): Promise<void> {
    await this.page.getByTestId('holiday-year').fill(String(entry.year));
    await this.page.getByTestId('holiday-source').fill(entry.source ?? '');
    await this.page.getByTestId('holiday-daysOff').fill(entry.daysOff.join('\n'));
    await this.page.getByTestId('holiday-workdays').fill((entry.workdays ?? []).join('\n'));
  }

  async save(): Promise<void> {
    await this.page.getByTestId('holiday-save').click();
  }

  /** The errors listed under a day list, one per line of the box (or the list as a whole). */
  async listErrors(list: 'daysOff' | 'workdays'): Promise<string[]> {
    const errors = this.page.getByTestId(`holiday-${list}-errors`);
    await errors.waitFor();
    return (await errors.locator('li').allInnerTexts()).map((e) => e.trim());
  }

  async waitForSaved(text: string): Promise<void> {
    await this.page.locator('.ant-message').getByText(text).waitFor();
  }
}
