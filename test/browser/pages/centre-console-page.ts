// Page object for the centre staff pages under /console/centre: rooms, weekly sessions, the roster and
// the day sheet, reached through the console menu as staff reach them.
import type { Page } from 'playwright-core';

export class CentreConsolePage {
  constructor(readonly page: Page) {}

  /** Opens a page from the left menu by its label, which is also the page's heading. */
  async openFromMenu(label: string, path: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: label }).click();
    await this.page.waitForURL((url) => url.pathname === path);
    await this.page.getByRole('heading', { level: 1, name: label, exact: true }).waitFor();
  }

  async heading(): Promise<string> {
    return (await this.page.locator('h1.custos-page-title').innerText()).trim();
  }

  async addRoom(name: string): Promise<void> {
    await this.page.getByTestId('room-name').fill(name);
    await this.page.getByTestId('room-add').click();
    await this.page.getByTestId('rooms-table').getByRole('cell', { name, exact: true }).waitFor();
  }

  /** Adds one weekly session on every day of the week. */
  async addSessionEveryDay(start: string, end: string, onlinePlaces: number): Promise<void> {
    for (const day of await this.page.getByTestId('session-weekdays').locator('input[type=checkbox]').all()) {
      await day.check();
    }
    await this.page.getByTestId('session-start').fill(start);
    await this.page.getByTestId('session-end').fill(end);
    await this.page.getByTestId('session-online').fill(String(onlinePlaces));
    await this.page.getByTestId('session-add').click();
    await this.page.locator('.ant-message').getByText(/7/).waitFor();
  }

  async sessionRows(): Promise<string[]> {
    return this.page.getByTestId('sessions-table').locator('tbody tr.ant-table-row').allInnerTexts();
  }

  async addDetainee(name: string, idNo: string): Promise<void> {
    await this.page.getByTestId('detainee-name').fill(name);
    await this.page.getByTestId('detainee-id-no').fill(idNo);
    await this.page.getByTestId('detainee-add').click();
    await this.page.getByTestId('roster-table').getByRole('cell', { name, exact: true }).waitFor();
  }

  async rosterRow(name: string): Promise<string> {
    const row = this.page.getByTestId('roster-table').locator('tbody tr.ant-table-row', { hasText: name });
    return (await row.innerText()).trim();
  }

  /** Chooses a CSV file for import, previews it and returns the preview's summary line. */
  async previewImport(fileName: string, csv: string): Promise<string> {
    await this.page.getByTestId('roster-file').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await this.page.getByTestId('roster-preview').click();
    const summary = this.page.getByTestId('roster-preview-summary');
    await summary.waitFor();
    return (await summary.innerText()).trim();
  }

  async commitImport(): Promise<void> {
    await this.page.getByTestId('roster-commit').click();
    await this.page.getByTestId('roster-commit').waitFor({ state: 'detached' });
  }

  async showDay(date: string): Promise<void> {
    const input = this.page.getByTestId('day-date');
    // The sheet opens on today: choosing today again changes nothing.
    if ((await input.inputValue()) === date) return;
    await input.fill(date);
    await this.page.waitForURL((url) => url.searchParams.get('date') === date, { waitUntil: 'commit' });
  }

  async daySheetRows(): Promise<string[]> {
    const table = this.page.getByTestId('day-sheet-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    return table.locator('tbody tr.ant-table-row').allInnerTexts();
  }

  async exportLink(): Promise<string> {
    return (await this.page.getByTestId('day-export').getAttribute('href'))!;
  }
}
