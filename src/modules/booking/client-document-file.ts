// The file of a client document (委托书, 法律援助公函, 律师事务所证明, 许可决定书): a JPEG, PNG or PDF of at
// most 10 MiB, sent as base64 inside the JSON body with the client and the kind, like the licence photo.
// JSON rather than a raw-body upload because the request also names the client by ID number, which must
// not travel in a URL or a header that access logs keep, and because one body gives one set of field
// errors (type, size) in both languages. The cost is a third more bytes on the wire, which a 10 MiB scan
// from a phone can bear. The type is read from the file's first bytes, never from its name or the
// browser's word. Browser-safe: the journey checks a file with the same rules before sending it.
import { z } from 'zod';
import {
  base64ByteLength,
  LICENCE_PHOTO_TYPES,
  sniffLicencePhotoType,
  type LicencePhotoType,
} from '../lawyers/licence-photo.js';

export const CLIENT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The same three types as the licence photo, recognised by the same signatures. */
export const CLIENT_DOCUMENT_TYPES = LICENCE_PHOTO_TYPES;
export type ClientDocumentType = LicencePhotoType;

/** The type the bytes announce, or undefined for anything else. */
export function sniffClientDocumentType(head: ArrayLike<number>): ClientDocumentType | undefined {
  return sniffLicencePhotoType(head);
}

/** English field errors; Chinese in validation-messages.ts. */
export const CLIENT_DOCUMENT_MESSAGES = {
  encoding: 'the document must be sent as base64',
  empty: 'the document file is empty',
  size: 'the document must be 10 MB or smaller',
  type: 'the document must be a JPEG, PNG or PDF file',
  fileName: 'a file name may not contain control characters',
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function headOf(text: string): number[] {
  return Array.from(atob(text.slice(0, 16)), (c) => c.charCodeAt(0));
}

/** The file: standard padded base64 of a JPEG, PNG or PDF of at most 10 MiB. */
export const clientDocumentContentSchema = z.string().superRefine((value, ctx) => {
  const fail = (reason: keyof typeof CLIENT_DOCUMENT_MESSAGES) =>
    ctx.addIssue({ code: 'custom', message: CLIENT_DOCUMENT_MESSAGES[reason], params: { reason } });
  if (value.length % 4 !== 0 || !BASE64.test(value)) return fail('encoding');
  const size = base64ByteLength(value);
  if (size === 0) return fail('empty');
  if (size > CLIENT_DOCUMENT_MAX_BYTES) return fail('size');
  if (!sniffClientDocumentType(headOf(value))) return fail('type');
});

/**
 * The name the file had on the lawyer's device, kept so staff and lawyer recognise it; only ever shown,
 * never used as a path (see storedFileName).
 */
export const documentFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), CLIENT_DOCUMENT_MESSAGES.fileName);

/** The name as kept: path separators replaced, so a download never suggests a directory. */
export function storedFileName(name: string): string {
  return name.replace(/[/\\]/g, '_');
}

/** A file chosen in the browser, checked before it is sent: the reason it would be refused, if any. */
export function fileProblem(
  size: number,
  head: ArrayLike<number>,
): keyof typeof CLIENT_DOCUMENT_MESSAGES | undefined {
  if (size === 0) return 'empty';
  if (size > CLIENT_DOCUMENT_MAX_BYTES) return 'size';
  if (!sniffClientDocumentType(head)) return 'type';
  return undefined;
}
