// Page object for the lawyer's booking journey (/portal/book/...): one method per step, as a lawyer on a
// phone goes through it, and the result page at the end.
import type { Page } from 'playwright-core';
import { SAMPLE_PDF, SAMPLE_PNG } from '../../integration/booking-fixtures.js';

const STEP_AT: Record<string, string> = {
  '/portal/book': 'centre',
  '/portal/book/date': 'date',
  '/portal/book/session': 'session',
  '/portal/book/client': 'client',
  '/portal/book/documents': 'documents',
  '/portal/book/co-counsel': 'coCounsel',
  '/portal/book/check': 'check',
};

export class BookingJourneyPage {
  constructor(readonly page: Page) {}

  /** Opens the journey from the portal's navigation. */
  async start(): Promise<void> {
    await this.page.getByTestId('portal-nav-book').click();
    await this.waitForStep('/portal/book');
  }

  /** Waits for the step at this path to be on screen (the URL changes before a lazy step has rendered). */
  async waitForStep(path: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === path);
    await this.page.locator(`section[data-step="${STEP_AT[path]}"]`).waitFor();
  }

  async stepTitle(): Promise<string> {
    return (await this.page.getByTestId('journey-step-title').innerText()).trim();
  }

  async continue(): Promise<void> {
    await this.page.getByTestId('journey-continue').click();
  }

  async chooseCentre(name: string): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
    await this.continue();
    await this.waitForStep('/portal/book/date');
  }

  /** The bookable dates offered, as the labels read (date and places left). */
  /** The dates offered, once the list has loaded (allInnerTexts alone does not wait for it). */
  async dateChoices(): Promise<string[]> {
    const choices = this.page.locator('.custos-choice-list .ant-radio-wrapper');
    await choices.first().waitFor();
    return choices.allInnerTexts();
  }

  /** Chooses the last date that still has places; returns its YYYY-MM-DD. */
  async chooseLastOpenDate(): Promise<string> {
    const radio = this.page.locator('input[type=radio][data-testid^="date-"]:not([disabled])').last();
    const testId = (await radio.getAttribute('data-testid'))!;
    await radio.check();
    await this.continue();
    await this.waitForStep('/portal/book/session');
    return testId.slice('date-'.length);
  }

  /** The text under the sessions that says when the places were last refreshed. */
  async refreshNote(): Promise<string> {
    return (await this.page.locator('#session-refreshed').innerText()).trim();
  }

  async sessionPlaces(start: string): Promise<string> {
    return (
      await this.page
        .locator('.ant-radio-wrapper', { has: this.page.getByTestId(`session-${start}`) })
        .innerText()
    ).trim();
  }

  /** Chooses the session starting at `start` (HH:MM) and a meeting length, which holds a place. */
  async chooseSession(start: string, minutes: number): Promise<void> {
    await this.page.getByTestId(`session-${start}`).check();
    // Duration choices are button-style radios: the label is what a finger taps.
    await this.page.locator('.custos-duration-list label', { hasText: new RegExp(`^${minutes}\\s`) }).click();
    await this.continue();
  }

  async holdCountdown(): Promise<string> {
    return (await this.page.getByTestId('hold-countdown').innerText()).trim();
  }

  async enterClient(name: string, idNo: string): Promise<void> {
    await this.page.getByTestId('client-name').fill(name);
    await this.page.getByTestId('client-id-no').fill(idNo);
    await this.continue();
  }

  async clientProblem(): Promise<string> {
    const problem = this.page.getByTestId('client-problem');
    await problem.waitFor();
    return (await problem.innerText()).trim();
  }

  /** The documents on file offered for one requirement ('authority' or 'firm_letter'), and which is chosen. */
  async documentsOnFile(requirement: string): Promise<{ label: string; chosen: boolean }[]> {
    const options = this.page.getByTestId(`documents-${requirement}`).locator('.ant-radio-wrapper');
    const out: { label: string; chosen: boolean }[] = [];
    for (const option of await options.all()) {
      out.push({
        label: (await option.innerText()).trim(),
        chosen: await option.locator('input[type=radio]').isChecked(),
      });
    }
    return out;
  }

  /** Waits until the documents step has loaded what is on file (or that nothing is). */
  async waitForDocuments(): Promise<void> {
    await this.page.getByTestId('documents-firm_letter').waitFor();
  }

  /**
   * Uploads a file for a requirement, through the file picker or, as a phone's camera would hand it over,
   * the photo input; for 'authority', as the kind given. Waits for it to be on file and chosen.
   */
  async uploadDocument(
    requirement: string,
    file: { name: string; mimeType: string; buffer: Buffer },
    options: { via?: 'file' | 'camera'; kind?: string } = {},
  ): Promise<void> {
    const section = this.page.getByTestId(`documents-${requirement}`);
    if (options.kind)
      await section.getByTestId('authority-kind').getByText(options.kind, { exact: true }).click();
    await section.getByTestId(`documents-${requirement}-${options.via ?? 'file'}`).setInputFiles(file);
    await section.locator('.ant-radio-wrapper-checked', { hasText: file.name }).waitFor();
  }

  /** Chooses a file that the page refuses before sending; returns what it says. */
  async refusedUpload(
    requirement: string,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<string> {
    const section = this.page.getByTestId(`documents-${requirement}`);
    await section.getByTestId(`documents-${requirement}-file`).setInputFiles(file);
    const refusal = section.getByTestId(`documents-${requirement}-refusal`);
    await refusal.waitFor();
    return (await refusal.innerText()).trim();
  }

  /**
   * Passes the documents step as a lawyer in a hurry does: what is on file is kept (it is preselected), and
   * a requirement with nothing on file gets a sample file uploaded; then on to the next step.
   */
  async passDocuments(): Promise<void> {
    await this.waitForStep('/portal/book/documents');
    await this.waitForDocuments();
    if ((await this.documentsOnFile('authority')).length === 0) {
      await this.uploadDocument('authority', {
        name: '委托书.pdf',
        mimeType: 'application/pdf',
        buffer: SAMPLE_PDF,
      });
    }
    if ((await this.documentsOnFile('firm_letter')).length === 0) {
      await this.uploadDocument('firm_letter', {
        name: '所函.png',
        mimeType: 'image/png',
        buffer: SAMPLE_PNG,
      });
    }
    await this.continue();
  }

  async documentsMissing(): Promise<string> {
    const alert = this.page.getByTestId('documents-missing');
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  async enterCoCounsel(username: string): Promise<void> {
    await this.page.getByTestId('co-counsel-username').fill(username);
    await this.continue();
    await this.waitForStep('/portal/book/check');
  }

  /** "check your answers" as label → value. */
  async answers(): Promise<Record<string, string>> {
    const rows = this.page.locator('[data-testid="check-answers"] > div');
    const out: Record<string, string> = {};
    for (const row of await rows.all()) {
      const key = (await row.getAttribute('data-testid'))!.slice('answer-'.length);
      out[key] = (await row.locator('dd').first().innerText()).trim();
    }
    return out;
  }

  async change(answer: string): Promise<void> {
    await this.page.getByTestId(`change-${answer}`).click();
  }

  /** Taps "confirm" twice in quick succession, as an impatient thumb does. */
  async confirmWithDoubleTap(): Promise<void> {
    await this.page.getByTestId('journey-confirm').dblclick();
  }

  async waitForResult(): Promise<string> {
    await this.page.waitForURL(/\/portal\/bookings\/[0-9a-f-]{36}$/);
    await this.page.getByTestId('booking-result-title').waitFor();
    return new URL(this.page.url()).pathname.split('/').at(-1)!;
  }

  async resultTitle(): Promise<string> {
    return (await this.page.getByTestId('booking-result-title').innerText()).trim();
  }

  async calendarLink(): Promise<string> {
    return (await this.page.getByTestId('booking-ics').getAttribute('href'))!;
  }

  async goToMyBookings(): Promise<void> {
    await this.page.getByTestId('to-my-bookings').click();
    await this.page.waitForURL('**/portal/bookings');
  }
}
