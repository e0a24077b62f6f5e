// A case officer at a desk sees a transcript whose times differ from the recording flagged with both spans,
// files one that agrees and sees it pass, and records the interruption behind a flagged gap, after which
// the gap is no longer flagged. axe finds no serious or critical violation on the way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../integration/lawyers-fixtures.js';
import { uploadTarget, type UploadTarget } from '../integration/recordings-fixtures.js';
import { sealSegment, transcriptPdf } from '../integration/transcripts-fixtures.js';
import { browserSuite, DESK } from './browser-suite.js';
import { TranscriptsPanel } from './pages/transcripts-panel.js';

const suite = browserSuite({ pageEachTest: { viewport: DESK } });
let target: UploadTarget;
let totpSecret: string;
let file: string;

beforeAll(async () => {
  const t = suite.server.t;
  const officer = await t.signIn('demo-officer');
  totpSecret = officer.totpSecret!;
  target = await uploadTarget(t, officer);
  const segment = (start: string, end: string) =>
    sealSegment(t, officer, target, crypto.randomBytes(2048), start, end);
  await segment('2026-11-26T09:00:00+08:00', '2026-11-26T09:20:00+08:00');
  await segment('2026-11-26T09:30:00+08:00', '2026-11-26T09:45:00+08:00');
  const res = await t.request({
    method: 'POST',
    url: `/api/cases/${target.caseId}/activities/${target.activityId}/transcripts`,
    session: officer,
    body: {
      fileName: '讯问笔录-初稿.pdf',
      content: transcriptPdf(),
      startedAt: '2026-11-26T09:10:00+08:00',
      endedAt: '2026-11-26T09:45:00+08:00',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-transcript-')), '讯问笔录.pdf');
  fs.writeFileSync(file, pdf());
});

describe('transcripts and interruptions on the case page', () => {
  it('flags differing times and an unrecorded gap, and clears the gap once the interruption is recorded', async () => {
    // A TOTP code is accepted once: the browser's sign-in needs the next one after the API's.
    suite.server.t.clock.advance(30_000);
    await suite.signInWithTotp('demo-officer', totpSecret);
    const panel = new TranscriptsPanel(suite.page);
    await panel.open(suite.server.baseUrl, target.caseId);
    expect(await panel.flaggedNotice()).toContain('2');
    expect(await panel.checkOf('讯问笔录-初稿.pdf')).toContain('开始时间不一致');
    expect(await panel.unrecordedGaps().count()).toBe(1);
    await suite.expectAccessible('case page with flags');

    await panel.upload(file, '2026-11-26T09:00', '2026-11-26T09:45');
    expect(await panel.checkOf('讯问笔录.pdf')).toBe('时间一致');

    await panel.recordFirstGap('犯罪嫌疑人要求如厕', '恢复录像时说明了中断原因和起止时间');
    await panel.unrecordedGaps().waitFor({ state: 'detached' });
    expect(await panel.flaggedNotice()).toContain('1');
    await suite.expectAccessible('case page after the interruption');
  });
});
