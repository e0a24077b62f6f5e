// A recording's upload from the browser with tus-js-client: in 8 MiB PATCHes (each commits its progress),
// retried after network loss, and remembered in localStorage by a fingerprint that includes the activity, so
// choosing the same file again after a reload resumes where it stopped — for that activity only.
import * as tus from 'tus-js-client';
import { PROBLEM_CONTENT_TYPE, problemSchema, type Problem } from '../../platform/http/problem.js';
import { currentCsrfToken } from '../server-api/session-cache.js';

export const UPLOAD_ENDPOINT = '/api/recordings/uploads';
const CHUNK = 8 * 1024 * 1024;

export interface UploadMetadata {
  caseId: string;
  activityId: string;
  device: string;
  captureStartedAt: string;
  captureEndedAt: string;
}

export interface UploadCallbacks {
  onProgress(sent: number, total: number): void;
  onSuccess(recordingId: string): void;
  onError(problem: Problem | null): void;
}

export function fingerprintOf(file: File, activityId: string): string {
  return ['custos', activityId, file.name, file.type, file.size, file.lastModified].join('/');
}

export function newUpload(
  file: File,
  meta: UploadMetadata,
  sha256: string | null,
  callbacks: UploadCallbacks,
): tus.Upload {
  const upload: tus.Upload = new tus.Upload(file, {
    endpoint: UPLOAD_ENDPOINT,
    chunkSize: CHUNK,
    retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000],
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    fingerprint: () => Promise.resolve(fingerprintOf(file, meta.activityId)),
    metadata: {
      ...meta,
      ...(sha256 ? { sha256 } : {}),
      filename: file.name,
      filetype: file.type || 'application/octet-stream',
    },
    // The session's CSRF token, read at each request: it is the one the fetch wrapper uses too.
    onBeforeRequest: (req) => {
      req.setHeader('x-csrf-token', currentCsrfToken() ?? '');
    },
    onProgress: (sent, total) => callbacks.onProgress(sent, total),
    onSuccess: () => callbacks.onSuccess(upload.url?.split('/').pop() ?? ''),
    onError: (error) => callbacks.onError(problemOf(error)),
  });
  return upload;
}

/** The upload remembered for this file and activity, if a previous page left one unfinished. */
export async function previousUpload(upload: tus.Upload): Promise<tus.PreviousUpload | undefined> {
  const previous = await upload.findPreviousUploads();
  return previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
}

function problemOf(error: Error): Problem | null {
  const response = (error as tus.DetailedError).originalResponse;
  if (!response) return null;
  const type = response.getHeader('content-type') ?? '';
  if (!type.includes(PROBLEM_CONTENT_TYPE) && !type.includes('json')) return null;
  try {
    const parsed = problemSchema.safeParse(JSON.parse(response.getBody()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
