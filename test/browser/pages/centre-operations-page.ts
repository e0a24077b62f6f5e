// Page object for what centre staff do to bookings: on the day sheet, record that a lawyer came, or cancel
// a booking for the centre with a reason; on the roster, release a detainee after the warning of how many
// meetings that cancels. Rows are found by the detainee's name, as staff find them.
import type { Locator, Page } from 'playwright-core';

export class CentreOperationsPage {
  constructor(readonly page: Page) {}

  daySheetRow(detaineeName: string): Locator {
    return this.page
      .getByTestId('day-sheet-table')
      .locator('tbody tr.ant-table-row', { hasText: detaineeName });
  }

  /** The row's action buttons, by their visible labels. */
  async actionsOf(detaineeName: string): Promise<string[]> {
    const buttons = this.daySheetRow(detaineeName).locator('td').last().getByRole('button');
    const labels = await buttons.evaluateAll((elements) =>
      elements.map((e) => {
        // The visible label only: each button also names its detainee for screen readers.
        const clone = e.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.custos-visually-hidden').forEach((hidden) => hidden.remove());
        return (clone.textContent ?? '').trim();
      }),
    );
    return labels;
  }

  async statusOf(detaineeName: string): Promise<string> {
    return (await this.daySheetRow(detaineeName).getByTestId('booking-status').getAttribute('data-status'))!;
  }

  async cancellationNote(detaineeName: string): Promise<string> {
    const note = this.daySheetRow(detaineeName).getByTestId('day-cancellation');
    await note.waitFor();
    return (await note.innerText()).trim();
  }

  /** Records that the lawyer came and waits for the row to say so. */
  async markAttended(detaineeName: string): Promise<void> {
    await this.daySheetRow(detaineeName).getByTestId('day-mark-attended').click();
    await this.page
      .locator('.ant-message')
      .getByText(/已登记为已会见|Recorded as attended/)
      .waitFor();
    await this.daySheetRow(detaineeName).locator('[data-status="attended"]').waitFor();
  }

  async openCancel(detaineeName: string): Promise<void> {
    await this.daySheetRow(detaineeName).getByTestId('day-cancel').click();
    await this.page.getByTestId('centre-cancel-reason-code').waitFor();
  }

  async chooseReason(label: string): Promise<void> {
    await this.page.getByTestId('centre-cancel-reason-code').getByLabel(label, { exact: true }).check();
  }

  async enterReason(text: string): Promise<void> {
    await this.page.getByTestId('centre-cancel-reason').fill(text);
  }

  /** Presses the dialog's confirm button; the dialog stays open when the form refuses. */
  async confirmCancel(): Promise<void> {
    await this.page.getByTestId('centre-cancel-confirm').click();
  }

  /** The error shown under the dialog's explanation field. */
  async reasonError(): Promise<string> {
    const error = this.page.locator('#centre-cancel_reason_help');
    await error.waitFor();
    return (await error.innerText()).trim();
  }

  async waitForCancelled(detaineeName: string): Promise<void> {
    await this.page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await this.daySheetRow(detaineeName).locator('[data-status="cancelled_by_centre"]').waitFor();
  }

  rosterRow(detaineeName: string): Locator {
    return this.page.getByTestId('roster-table').locator('tbody tr.ant-table-row', { hasText: detaineeName });
  }

  /** Opens "mark released" and returns the warning of how many meetings it would cancel. */
  async openRelease(detaineeName: string): Promise<string> {
    await this.rosterRow(detaineeName).getByTestId('roster-mark-released').click();
    const warning = this.page.getByTestId('roster-coming-meetings');
    await warning.filter({ hasNotText: /正在查询|Checking/ }).waitFor();
    return (await warning.innerText()).trim();
  }

  /** Confirms the status change and returns the message that reports it. */
  async confirmStatus(): Promise<string> {
    await this.page.getByTestId('roster-status-confirm').click();
    const notice = this.page.locator('.ant-message-notice').last();
    await notice.waitFor();
    return (await notice.innerText()).trim();
  }
}
