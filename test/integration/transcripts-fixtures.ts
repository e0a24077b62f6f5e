// Helpers for transcript and interruption tests: a sealed recording with capture times of the test's
// choosing, a transcript file, and the case's activity records.
import { expect } from 'vitest';
import type { CaseActivityRecordsView } from '../../src/modules/transcripts/schemas.js';
import type { Session, TestApp } from '../harness/test-app.js';
import { pdf } from './lawyers-fixtures.js';
import { createUpload, patch, sha256Hex, type UploadTarget } from './recordings-fixtures.js';

/** Uploads the bytes in one PATCH as a recording captured from `start` to `end`; returns its id. */
export async function sealSegment(
  t: TestApp,
  officer: Session,
  target: UploadTarget,
  bytes: Uint8Array,
  start: string,
  end: string,
): Promise<string> {
  const created = await createUpload(
    t,
    officer,
    target,
    { length: bytes.length, sha256: sha256Hex(bytes) },
    { captureStartedAt: start, captureEndedAt: end },
  );
  expect(created.statusCode, created.body).toBe(201);
  const url = created.headers.location as string;
  const res = await patch(t, officer, url, 0, bytes);
  expect(res.statusCode, res.body).toBe(204);
  return url.split('/').pop()!;
}

export const transcriptPdf = () => pdf().toString('base64');

export async function records(
  t: TestApp,
  session: Session,
  caseId: string,
): Promise<CaseActivityRecordsView> {
  const res = await t.request({ method: 'GET', url: `/api/cases/${caseId}/activity-records`, session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseActivityRecordsView>();
}
