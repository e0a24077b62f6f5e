// Page object for the transcripts and interruptions card of a case page.
import type { Page } from 'playwright-core';

export class TranscriptsPanel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, caseId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/console/cases/${caseId}`);
    await this.page.getByTestId('transcript-submit').waitFor();
    // The records arrive after the case itself: wait for the first transcript's check.
    await this.page.locator('[data-testid^="transcript-check-"]').first().waitFor();
  }

  async flaggedNotice(): Promise<string | null> {
    const notice = this.page.getByTestId('transcripts-flagged');
    return (await notice.count()) > 0 ? (await notice.innerText()).trim() : null;
  }

  unrecordedGaps() {
    return this.page.getByTestId('gap-unrecorded');
  }

  /** Files a transcript for the case's first activity; times as Beijing "YYYY-MM-DDTHH:mm". */
  async upload(file: string, start: string, end: string): Promise<void> {
    await this.page.getByTestId('transcript-activity').click();
    await this.page.locator('.ant-select-item-option').first().click();
    await this.page.getByTestId('transcript-file').setInputFiles(file);
    await this.page.getByTestId('transcript-start').fill(start);
    await this.page.getByTestId('transcript-end').fill(end);
    await this.page.getByTestId('transcript-submit').click();
  }

  /** The check shown for the transcript filed under this name, once it is listed. */
  async checkOf(fileName: string): Promise<string> {
    const row = this.page.getByRole('row').filter({ hasText: fileName });
    await row.waitFor();
    return (await row.locator('[data-testid^="transcript-check-"]').innerText()).trim();
  }

  async recordFirstGap(reason: string, resume: string): Promise<void> {
    await this.page.getByTestId('gap-record').first().click();
    await this.page.getByTestId('interruption-reason').fill(reason);
    await this.page.getByTestId('interruption-resume').fill(resume);
    await this.page.getByTestId('interruption-submit').click();
  }
}
