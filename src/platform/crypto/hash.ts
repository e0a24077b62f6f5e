// Digests and the byte/text encodings the audit log is written in. SM3 comes from OpenSSL through
// node:crypto, so both algorithms share one code path and one streaming interface.
import { createHash, type Hash } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

/** Strings are hashed as their UTF-8 bytes. */
export type HashInput = Uint8Array | string;

export interface Hasher {
  update(data: HashInput): Hasher;
  /** Finishes the hash; the hasher cannot be used afterwards. */
  digest(): Uint8Array;
}

export function createHasher(algorithm: HashAlgorithm): Hasher {
  const hash: Hash = createHash(algorithm);
  const hasher: Hasher = {
    update(data) {
      hash.update(data);
      return hasher;
    },
    digest: () => {
      // A view rather than a copy: the digest buffer is fresh and nothing else holds it.
      const digest = hash.digest();
      return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
    },
  };
  return hasher;
}

export function sha256(data: HashInput): Uint8Array {
  return createHasher('sha256').update(data).digest();
}

export function sm3(data: HashInput): Uint8Array {
  return createHasher('sm3').update(data).digest();
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Buffer.from(s, 'hex') silently stops at the first bad character; key material must not. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new SyntaxError('invalid hex string');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Standard padded base64 (RFC 4648 §4) in its one canonical spelling. Buffer.from(s, 'base64') skips
 * invalid characters and accepts missing padding and non-zero trailing bits, so two different
 * strings could stand for the same signed value; signed notes need exactly one.
 */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SyntaxError('invalid base64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new SyntaxError('non-canonical base64');
  return new Uint8Array(bytes);
}
