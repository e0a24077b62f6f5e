// Helpers for recording tests: tus requests through the in-process app, media made with ffmpeg at test time
// (never committed), and a case with an activity to file recordings under.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { RecordingView } from '../../src/modules/recordings/schemas.js';
import type { Session, TestApp } from '../harness/test-app.js';
import { addActivity, openCase } from './cases-fixtures.js';

export const TUS = { 'tus-resumable': '1.0.0' };

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export function metadataHeader(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');
}

export interface UploadTarget {
  caseId: string;
  activityId: string;
}

/** A case with one room interrogation that ended an hour ago, for recordings to be filed under. */
export async function uploadTarget(t: TestApp, officer: Session): Promise<UploadTarget> {
  const view = await openCase(t, officer);
  const end = t.clock.now();
  const start = new Date(end.getTime() - 3_600_000);
  const activity = await addActivity(t, officer, view.id, {
    kind: 'room_interrogation',
    plannedStartAt: start.toISOString(),
    plannedEndAt: end.toISOString(),
    actualStartAt: start.toISOString(),
    actualEndAt: end.toISOString(),
  });
  return { caseId: view.id, activityId: activity.id };
}

export async function createUpload(
  t: TestApp,
  session: Session,
  target: UploadTarget,
  file: { length: number; sha256: string },
  extra: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.request({
    method: 'POST',
    url: '/api/recordings/uploads',
    session,
    headers: {
      ...TUS,
      'upload-length': String(file.length),
      'upload-metadata': metadataHeader({
        activityId: target.activityId,
        caseId: target.caseId,
        sha256: file.sha256,
        device: 'DSJ-A8 执法记录仪 SN 0042',
        captureStartedAt: '2026-11-26T01:00:00+08:00',
        captureEndedAt: '2026-11-26T01:45:00+08:00',
        filename: '讯问 1.mp4',
        filetype: 'video/mp4',
        ...extra,
      }),
    },
  });
}

/** Creates an upload and returns its URL. */
export async function startUpload(
  t: TestApp,
  session: Session,
  target: UploadTarget,
  bytes: Uint8Array,
  declared = sha256Hex(bytes),
): Promise<string> {
  const res = await createUpload(t, session, target, { length: bytes.length, sha256: declared });
  expect(res.statusCode, res.body).toBe(201);
  return res.headers.location as string;
}

export function patch(
  t: TestApp,
  session: Session,
  url: string,
  offset: number,
  chunk: Uint8Array,
  checksum?: string,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'PATCH',
    url,
    payload: Buffer.from(chunk),
    headers: {
      ...TUS,
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
      ...(checksum ? { 'upload-checksum': `sha256 ${checksum}` } : {}),
    },
  });
}

export function head(t: TestApp, session: Session, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'HEAD', url, headers: { ...TUS, cookie: session.cookie } });
}

/** Uploads the bytes in `parts` PATCHes and returns the sealed recording. */
export async function uploadWhole(
  t: TestApp,
  session: Session,
  target: UploadTarget,
  bytes: Uint8Array,
  parts = 3,
): Promise<RecordingView> {
  const url = await startUpload(t, session, target, bytes);
  const size = Math.ceil(bytes.length / parts);
  for (let offset = 0; offset < bytes.length; offset += size) {
    const res = await patch(t, session, url, offset, bytes.subarray(offset, offset + size));
    expect(res.statusCode, res.body).toBe(204);
  }
  const id = url.split('/').pop()!;
  const view = await t.request({ method: 'GET', url: `/api/recordings/${id}`, session });
  expect(view.statusCode, view.body).toBe(200);
  return view.json<RecordingView>();
}

/** A short real video with sound (H.264 + AAC in MP4), made by ffmpeg in the given directory. */
export function makeVideo(dir: string, seconds = 2, name = 'clip.mp4'): Buffer {
  const file = path.join(dir, name);
  execFileSync(
    'ffmpeg',
    [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${seconds}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
      '-metadata', 'creation_time=2026-11-26T01:00:00Z',
      '-movflags', '+faststart',
      file,
    ],
    { stdio: 'pipe' },
  ); // prettier-ignore
  return fs.readFileSync(file);
}
