// A case officer files a recording in real Chromium: opens a case, registers an interrogation, uploads the
// file with the resumable tus client while the network drops (the upload retries and continues), leaves the
// page half-way, comes back, chooses the same file and the upload resumes where it stopped, and the
// recording is sealed with the SHA-256 the browser computed. A file in a format browsers cannot play (AVI) is
// played as its derivative, the player naming the working copy's hash it was made from. axe finds no serious
// or critical violation.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/modules/identity/totp.js';
import {
  launchChromium,
  seriousA11yViolations,
  startBrowserServer,
  type BrowserServer,
} from './browser-harness.js';
import { CasePage } from './pages/case-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { settled } from './pages/settled.js';
import { TotpPage } from './pages/totp-page.js';

let server: BrowserServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let officerSecret: string | undefined;

async function expectAccessible(where: string) {
  await settled(page);
  expect(await seriousA11yViolations(page), where).toEqual([]);
}

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.t.close();
});
beforeEach(async () => {
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const MiB = 1024 * 1024;

describe('uploading a recording', () => {
  it('survives a dropped network and a reload, and ends sealed with the browser’s hash', async () => {
    const login = new LoginPage(page);
    await login.goto(server.baseUrl);
    await login.login('demo-officer', server.t.credentials.get('demo-officer')!.password);
    const totp = new TotpPage(page);
    await totp.waitForEnrolment();
    officerSecret = await totp.readSecret();
    await totp.enterCode(currentTotp(officerSecret, server.t.clock.now()));
    await new HomePage(page).waitForHome();

    const cases = new CasePage(page);
    await cases.openCasesFromMenu('案件与录像');
    await expectAccessible('case list');
    await cases.createCase('A1301025100002026110077', '李某故意伤害案');
    await cases.addActivity('执法办案中心 第 3 讯问室');
    expect(await cases.missingNotice()).toContain('1 项必须全程录音录像的执法活动');
    await expectAccessible('case page');
    const caseUrl = page.url();

    const bytes = crypto.randomBytes(40 * MiB);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-upload-')), '讯问录像.mp4');
    fs.writeFileSync(file, bytes);

    // The network drops twice in the middle of the upload: tus-js-client retries and carries on.
    let patches = 0;
    let dropped = 0;
    await page.route('**/api/recordings/uploads/*', async (route: Route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      patches += 1;
      if (patches >= 2 && dropped < 2) {
        dropped += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await cases.fillUpload('DSJ-A8 执法记录仪 SN 0042', '2026-11-26T09:00', '2026-11-26T09:45');
    await cases.chooseFile(file);
    await cases.startUpload();
    // Then it goes away for good half-way: the officer leaves the page.
    await page.waitForFunction(() => {
      const uploading = document.querySelector('[data-testid="upload-phase"]')?.textContent === '正在上传';
      const bar = document.querySelector('[data-testid="upload-progress"] [role="progressbar"]');
      return uploading && Number(bar?.getAttribute('aria-valuenow') ?? 0) >= 30;
    });
    expect(dropped).toBe(2);
    await page.unroute('**/api/recordings/uploads/*');
    await page.route('**/api/recordings/uploads/*', (route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.waitForTimeout(500);
    await page.unroute('**/api/recordings/uploads/*');

    await page.goto(caseUrl);
    await page.getByTestId('activities-table').waitFor();
    expect(await cases.recordingStates()).toEqual(['上传中']);
    await cases.fillUpload('', '2026-11-26T09:00', '2026-11-26T09:45');
    await cases.chooseFile(file);
    // The same file for the same activity: the unfinished upload is found and its details filled in.
    await page.getByTestId('upload-resumable').waitFor();
    expect(await page.getByTestId('upload-device').inputValue()).toBe('DSJ-A8 执法记录仪 SN 0042');
    await cases.startUpload();
    await cases.waitForPhase('已封存');
    expect(await cases.percent()).toBe(100);

    await page.getByText('已有封存录像').waitFor();
    expect(await cases.missingNotice()).toBeNull();
    expect(await cases.recordingStates()).toEqual(['已封存']);
    expect(await cases.expandFirstRecording()).toBe(sha256);
    await expectAccessible('case page after sealing');

    // On the server: one recording, sealed with the hash the browser declared, three copies.
    const [row] = (
      await server.t.custos.database.executeSql('select state, sha256, received_bytes from recording')
    ).rows as { state: string; sha256: string }[];
    expect(row).toMatchObject({ state: 'sealed', sha256 });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('plays a sealed recording with seeking, under a watermark of the viewer and the time', async () => {
    const login = new LoginPage(page);
    await login.goto(server.baseUrl);
    await login.login('demo-officer', server.t.credentials.get('demo-officer')!.password);
    await new TotpPage(page).waitForVerification();
    // The first test enrolled this officer; a code is taken once, so the server's clock moves a step on.
    server.t.clock.advance(30_000);
    await new TotpPage(page).enterCode(currentTotp(officerSecret!, server.t.clock.now()));
    await new HomePage(page).waitForHome();

    const cases = new CasePage(page);
    await cases.openCasesFromMenu('案件与录像');
    await cases.createCase('A1301025100002026110078', '王某寻衅滋事案');
    await cases.addActivity('执法办案中心 第 1 讯问室');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-play-'));
    const file = path.join(dir, '讯问录像.webm');
    execFileSync('ffmpeg', [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=6',
      '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6',
      '-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libopus', '-shortest', file,
    ]); // prettier-ignore
    await cases.fillUpload('审讯主机 HK-01', '2026-11-26T10:00', '2026-11-26T10:06');
    await cases.chooseFile(file);
    await cases.startUpload();
    await cases.waitForPhase('已封存');
    await page.getByText('已有封存录像').waitFor();
    await cases.expandFirstRecording();

    await cases.playFirstRecording();
    const landed = await cases.seek(4);
    expect(landed.duration).toBeGreaterThan(5);
    expect(Math.abs(landed.currentTime - 4)).toBeLessThan(0.5);
    expect(await cases.watermark()).toMatch(/^办案民警 张警官 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expectAccessible('player');

    const { rows } = await server.t.custos.database.executeSql(
      "select actor_username from audit_event where action = 'recording.viewed'",
    );
    expect(rows).toEqual([{ actor_username: 'demo-officer' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('plays a format browsers cannot play as its derivative, and says it is one', async () => {
    const login = new LoginPage(page);
    await login.goto(server.baseUrl);
    await login.login('demo-officer', server.t.credentials.get('demo-officer')!.password);
    await new TotpPage(page).waitForVerification();
    server.t.clock.advance(30_000);
    await new TotpPage(page).enterCode(currentTotp(officerSecret!, server.t.clock.now()));
    await new HomePage(page).waitForHome();

    const cases = new CasePage(page);
    await cases.openCasesFromMenu('案件与录像');
    await cases.createCase('A1301025100002026110079', '李某盗窃案');
    await cases.addActivity('执法办案中心 第 2 讯问室');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-derive-'));
    const file = path.join(dir, '老式执法记录仪.avi');
    execFileSync('ffmpeg', [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=6',
      '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6',
      '-c:v', 'mpeg4', '-c:a', 'pcm_s16le', '-shortest', file,
    ]); // prettier-ignore
    await cases.fillUpload('执法记录仪 DSJ-01', '2026-11-26T11:00', '2026-11-26T11:06');
    await cases.chooseFile(file);
    await cases.startUpload();
    await cases.waitForPhase('已封存');
    // What the worker does after sealing: read the media facts, then make the derivative.
    await server.t.custos.services.mediaProbe.probePending();
    expect(await server.t.custos.services.derivatives.makePending()).toBe(1);
    const [made] = (
      await server.t.custos.database.executeSql('select derived_from_sha256 from recording_derivative')
    ).rows as { derived_from_sha256: string }[];

    await cases.expandFirstRecording();
    await cases.playFirstRecording();
    await page.getByTestId('recording-derivative-notice').getByText(made!.derived_from_sha256).waitFor();
    const landed = await cases.seek(4);
    expect(landed.duration).toBeGreaterThan(5);
    expect(Math.abs(landed.currentTime - 4)).toBeLessThan(0.5);
    await expectAccessible('player of a derivative');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the case list on a phone without accessibility violations', async () => {
    const phone = await browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 } });
    const phonePage = await phone.newPage();
    try {
      const login = new LoginPage(phonePage);
      await login.goto(server.baseUrl);
      await login.login('demo-reviewer', server.t.credentials.get('demo-reviewer')!.password);
      const totp = new TotpPage(phonePage);
      await totp.waitForEnrolment();
      await totp.enterCode(currentTotp(await totp.readSecret(), server.t.clock.now()));
      await new HomePage(phonePage).waitForHome();
      await phonePage.goto(new URL('/console/cases', server.baseUrl).toString());
      await phonePage.getByTestId('cases-table').getByText('A1301025100002026110077').waitFor();
      await settled(phonePage);
      expect(await seriousA11yViolations(phonePage)).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
