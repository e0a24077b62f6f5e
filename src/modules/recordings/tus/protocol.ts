// The tus 1.0.0 resumable-upload protocol (https://tus.io/protocols/resumable-upload), as Custos speaks it:
// core (HEAD, PATCH), creation, expiration, termination and checksum (sha256). Header parsing lives here,
// apart from HTTP and storage, so each rule is tested on its own.
//
// Why not @tus/server: Custos must hash bytes as they arrive and keep hashing across PATCH requests, refuse a
// chunk whose Upload-Checksum is wrong without keeping any of it, hold the upload's state in PostgreSQL so any
// node can resume it, and move the upload into its own sealing state machine. @tus/server (2.x) owns the
// request/response cycle, keeps upload state in its own stores and does not implement the checksum
// extension; bending it to all four would leave little of it. The protocol itself is small.
import { z } from 'zod';

/** The upload collection, under /api. */
export const UPLOADS_PATH = '/recordings/uploads';
export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,expiration,termination,checksum';
export const TUS_CHECKSUM_ALGORITHMS = 'sha256';
export const OFFSET_CONTENT_TYPE = 'application/offset+octet-stream';

/** A non-negative integer header (Upload-Length, Upload-Offset): digits only, no sign, no exponent. */
export function parseByteCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,16}$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Upload-Metadata: comma-separated pairs of a key and an optional base64 value (tus §creation). Keys are
 * ASCII without spaces or commas and unique. Returns undefined when the header is malformed.
 */
export function parseMetadata(header: string | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (header === undefined || header.trim() === '') return out;
  for (const pair of header.split(',')) {
    const parts = pair.trim().split(' ');
    const [key, value] = parts;
    if (!key || parts.length > 2 || !/^[\x21-\x2b\x2d-\x7e]+$/.test(key) || key in out) return undefined;
    if (value === undefined) {
      out[key] = '';
      continue;
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
    const decoded = Buffer.from(value, 'base64');
    const text = new TextDecoder('utf-8', { fatal: true });
    try {
      out[key] = text.decode(decoded);
    } catch {
      return undefined;
    }
  }
  return out;
}

export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

export type ChecksumHeader = { algorithm: 'sha256'; digest: Buffer };

/** Upload-Checksum: "<algorithm> <base64 digest>". */
export function parseChecksum(
  header: string | undefined,
): ChecksumHeader | 'unsupported' | 'malformed' | undefined {
  if (header === undefined) return undefined;
  const [algorithm, digest, ...rest] = header.trim().split(' ');
  if (!algorithm || !digest || rest.length > 0) return 'malformed';
  if (algorithm !== 'sha256') return 'unsupported';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(digest)) return 'malformed';
  const bytes = Buffer.from(digest, 'base64');
  return bytes.length === 32 ? { algorithm, digest: bytes } : 'malformed';
}

/** RFC 9110 HTTP-date, as Upload-Expires wants it. */
export function httpDate(at: Date): string {
  return at.toUTCString();
}

/** English field messages of the upload metadata; their Chinese is in validation-messages.ts. */
export const UPLOAD_MESSAGES = {
  sha256: 'the SHA-256 of the whole file, as 64 hexadecimal digits',
  captureOrder: 'the capture cannot end before it starts',
} as const;

const instant = z.iso.datetime({ offset: true });

/** What the client declares when it creates an upload (Upload-Metadata, decoded). */
export const uploadMetadataSchema = z
  .object({
    activityId: z.uuid(),
    /** If given, must be the activity's case: a client filing under the wrong case is stopped. */
    caseId: z.uuid().optional(),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, UPLOAD_MESSAGES.sha256),
    device: z.string().trim().min(1).max(100),
    captureStartedAt: instant,
    captureEndedAt: instant,
    filename: z.string().trim().min(1).max(255).default('recording'),
    filetype: z.string().trim().max(100).default('application/octet-stream'),
  })
  .superRefine((m, ctx) => {
    if (Date.parse(m.captureEndedAt) < Date.parse(m.captureStartedAt)) {
      ctx.addIssue({ code: 'custom', path: ['captureEndedAt'], message: UPLOAD_MESSAGES.captureOrder });
    }
  });
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;
