// Where evidence bytes live. A blob is written once under a key and never changed: the store refuses to put a
// key twice and offers no way to overwrite or delete. Each write reports the digests of the bytes it wrote,
// so every copy's hash is recorded from the copy itself. The local implementation writes read-only files;
// an S3-compatible one (Object Lock in compliance mode) implements the same interface later.
import type { Readable } from 'node:stream';
import type { RateLimiter } from './rate-limiter.js';

/** The three places a recording is kept (DOMAIN.md: master, working copy, backup). */
export const STORE_LOCATIONS = ['master', 'working', 'backup'] as const;
export type StoreLocation = (typeof STORE_LOCATIONS)[number];

/** Hex digests of a blob's bytes: SHA-256 always, SM3 when the deployment asks for it. */
export interface Digests {
  sha256: string;
  sm3: string | null;
}

export interface BlobWritten {
  key: string;
  size: number;
  digests: Digests;
}

export type VerifyResult =
  | { outcome: 'ok'; size: number; digests: Digests }
  | { outcome: 'mismatch'; size: number; digests: Digests }
  | { outcome: 'missing' }
  | { outcome: 'unreadable'; error: string };

/** An inclusive byte range, as HTTP Range gives it; `end` omitted reads to the end. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface BlobStore {
  readonly location: StoreLocation;
  /** Writes a new blob from a stream, hashing what it writes. Throws BlobExistsError if the key is taken. */
  put(key: string, source: AsyncIterable<Uint8Array>): Promise<BlobWritten>;
  /**
   * Takes a finished local file (an upload's staging file) as a new blob. `expected` is what the caller
   * computed while writing the file: a local store on the same volume moves the file without reading it,
   * anything else copies it and checks the copy against `expected`.
   */
  adopt(key: string, file: string, expected: { size: number; digests: Digests }): Promise<BlobWritten>;
  /** A stream of the blob's bytes, or of one range of them. Throws BlobMissingError. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** The blob's size, or null if there is no blob under the key. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Re-reads the whole blob and compares size and digests; the limiter bounds the read rate. */
  verify(
    key: string,
    expected: { size: number; digests: Digests },
    options?: { limiter?: RateLimiter },
  ): Promise<VerifyResult>;
  /**
   * Where a media tool (ffprobe, ffmpeg) can open the blob itself: a local path here, a presigned URL for an
   * S3-compatible store. Throws BlobMissingError.
   */
  mediaSource(key: string): Promise<string>;
  /**
   * A local path on the store's own volume where a file can be written now and adopted as a blob later
   * without a copy (ingest writes the working copy and the backup as the bytes arrive); null for a store
   * without a local volume, whose copies are put instead.
   */
  stagingPath(name: string): string | null;
  /** Every blob in the store. */
  list(): AsyncIterable<{ key: string; size: number }>;
}

export class BlobExistsError extends Error {
  constructor(
    readonly location: StoreLocation,
    readonly key: string,
  ) {
    super(`the ${location} store already holds ${key}; blobs are written once`);
    this.name = 'BlobExistsError';
  }
}

export class BlobMissingError extends Error {
  constructor(
    readonly location: StoreLocation,
    readonly key: string,
  ) {
    super(`the ${location} store holds no ${key}`);
    this.name = 'BlobMissingError';
  }
}

/** A copy whose bytes are not the ones the caller expected (adopt across volumes). */
export class BlobDigestError extends Error {
  constructor(
    readonly location: StoreLocation,
    readonly key: string,
  ) {
    super(`the copy written to the ${location} store as ${key} does not match its source`);
    this.name = 'BlobDigestError';
  }
}

/** Keys are relative paths of lower-case letters, digits, dot, dash and underscore; no "..". */
export function checkKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/.test(key) || key.split('/').includes('..')) {
    throw new Error(`invalid blob key: ${key}`);
  }
}

export function sameDigests(a: Digests, b: Digests): boolean {
  return a.sha256 === b.sha256 && (a.sm3 === null || b.sm3 === null || a.sm3 === b.sm3);
}
