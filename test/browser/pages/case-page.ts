// Page object for the case officer's evidence pages: the case list, opening a case, registering an activity,
// and uploading a recording with the resumable upload panel.
import type { Page } from 'playwright-core';

export class CasePage {
  constructor(readonly page: Page) {}

  async openCasesFromMenu(label: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: label }).click();
    await this.page.waitForURL((url) => url.pathname === '/console/cases');
    await this.page.getByTestId('cases-table').waitFor();
  }

  async createCase(caseNo: string, title: string): Promise<void> {
    await this.page.getByTestId('case-new').click();
    await this.page.getByTestId('case-no').fill(caseNo);
    await this.page.getByTestId('case-title').fill(title);
    await this.page.getByTestId('case-create').click();
    await this.page.waitForURL((url) => /^\/console\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    await this.page.getByTestId('activities-table').waitFor();
  }

  /** Registers an interrogation-room interrogation (always recorded) at the given place. */
  async addActivity(place: string): Promise<void> {
    await this.page.getByTestId('activity-add').click();
    await this.page.getByTestId('activity-place').fill(place);
    await this.page.getByTestId('activity-submit').click();
    await this.page.getByTestId('activities-table').getByRole('cell', { name: place, exact: true }).waitFor();
  }

  async missingNotice(): Promise<string | null> {
    const notice = this.page.getByTestId('case-missing');
    return (await notice.count()) > 0 ? (await notice.innerText()).trim() : null;
  }

  /** Fills the upload form for the case's first activity; the file is chosen separately. */
  async fillUpload(device: string, start: string, end: string): Promise<void> {
    await this.page.getByTestId('upload-activity').click();
    // The open list only: lists of selects used earlier on the page stay in the DOM, hidden. The option is
    // taken with the keyboard, as a person may: a click can land on the form label while the list animates.
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('upload-device').fill(device);
    await this.page.getByTestId('upload-capture-start').fill(start);
    await this.page.getByTestId('upload-capture-end').fill(end);
  }

  /** Chooses a file on disk: like a person's file, it keeps its modification time between choices. */
  async chooseFile(file: string): Promise<void> {
    await this.page.getByTestId('upload-file').setInputFiles(file);
  }

  async startUpload(): Promise<void> {
    await this.page.getByTestId('upload-start').click();
  }

  async phase(): Promise<string> {
    return (await this.page.getByTestId('upload-phase').innerText()).trim();
  }

  async waitForPhase(text: string | RegExp, timeout = 60_000): Promise<void> {
    await this.page.getByTestId('upload-phase').filter({ hasText: text }).waitFor({ timeout });
  }

  /** The percentage the progress bar shows. */
  async percent(): Promise<number> {
    const value = await this.page
      .getByTestId('upload-progress')
      .getByRole('progressbar')
      .getAttribute('aria-valuenow');
    return Number(value);
  }

  async recordingStates(): Promise<string[]> {
    return this.page.locator('[data-testid^="recording-state-"]').allInnerTexts();
  }

  /** Opens the player of the first recording (expanded) and waits for the video's metadata. */
  async playFirstRecording(): Promise<void> {
    await this.page.getByTestId('recording-play').first().click();
    const video = this.page.getByTestId('recording-video');
    await video.waitFor();
    await video.evaluate(
      (v: HTMLVideoElement) =>
        new Promise<void>((resolve, reject) => {
          if (v.readyState >= 1) return resolve();
          v.addEventListener('loadedmetadata', () => resolve(), { once: true });
          v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code}`)), {
            once: true,
          });
        }),
    );
  }

  /** Seeks the player and resolves with where it landed once the seek completed. */
  async seek(seconds: number): Promise<{ currentTime: number; duration: number }> {
    return this.page.getByTestId('recording-video').evaluate(
      (v: HTMLVideoElement, to: number) =>
        new Promise<{ currentTime: number; duration: number }>((resolve) => {
          v.addEventListener('seeked', () => resolve({ currentTime: v.currentTime, duration: v.duration }), {
            once: true,
          });
          v.currentTime = to;
        }),
      seconds,
    );
  }

  async watermark(): Promise<string> {
    return (await this.page.getByTestId('recording-watermark').innerText()).trim();
  }

  async expandFirstRecording(): Promise<string> {
    await this.page.getByTestId('recordings-table').locator('.ant-table-row-expand-icon').first().click();
    return (await this.page.getByTestId('recording-sha256').first().innerText()).trim();
  }
}
