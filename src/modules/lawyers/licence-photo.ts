// The licence photo a lawyer uploads: a JPEG, PNG or PDF of at most 5 MB, sent as base64 in the JSON body.
// The type is read from the file's first bytes, never from its name or the browser's word. Browser-safe, so
// the registration page checks a file with the same rules before sending it.
import { z } from 'zod';

export const LICENCE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export const LICENCE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type LicencePhotoType = (typeof LICENCE_PHOTO_TYPES)[number];

const SIGNATURES: { type: LicencePhotoType; bytes: readonly number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** The type the bytes announce, or undefined for anything else. */
export function sniffLicencePhotoType(head: ArrayLike<number>): LicencePhotoType | undefined {
  return SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte))?.type;
}

/** English field errors; Chinese in validation-messages.ts. */
export const LICENCE_PHOTO_MESSAGES = {
  encoding: 'the licence photo must be sent as base64',
  empty: 'the licence photo file is empty',
  size: 'the licence photo must be 5 MB or smaller',
  type: 'the licence photo must be a JPEG, PNG or PDF file',
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded size of a padded base64 text. */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The first bytes of a base64 text, enough for the signatures above. */
function headOf(text: string): number[] {
  const binary = atob(text.slice(0, 16));
  return Array.from(binary, (c) => c.charCodeAt(0));
}

/** The licence photo field: standard padded base64 of a JPEG, PNG or PDF of at most 5 MB. */
export const licencePhotoSchema = z.string().superRefine((value, ctx) => {
  const fail = (reason: keyof typeof LICENCE_PHOTO_MESSAGES) =>
    ctx.addIssue({ code: 'custom', message: LICENCE_PHOTO_MESSAGES[reason], params: { reason } });
  if (value.length % 4 !== 0 || !BASE64.test(value)) return fail('encoding');
  const size = base64ByteLength(value);
  if (size === 0) return fail('empty');
  if (size > LICENCE_PHOTO_MAX_BYTES) return fail('size');
  if (!sniffLicencePhotoType(headOf(value))) return fail('type');
});
