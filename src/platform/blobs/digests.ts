// Hashing a stream of bytes once for every algorithm the deployment keeps: SHA-256 always, SM3 (GB/T 32905,
// through OpenSSL in node:crypto) when configured.
import { createHash, type Hash } from 'node:crypto';
import type { Digests } from './blob-store.js';

export class DigestAccumulator {
  private sha256: Hash;
  private sm3: Hash | null;
  private bytes = 0;

  constructor(withSm3: boolean) {
    this.sha256 = createHash('sha256');
    this.sm3 = withSm3 ? createHash('sm3') : null;
  }

  update(chunk: Uint8Array): void {
    this.sha256.update(chunk);
    this.sm3?.update(chunk);
    this.bytes += chunk.byteLength;
  }

  get size(): number {
    return this.bytes;
  }

  /** A copy of the running state: hashing may go on from here on the copy while the original is kept. */
  copy(): DigestAccumulator {
    const twin = Object.create(DigestAccumulator.prototype) as DigestAccumulator;
    twin.sha256 = this.sha256.copy();
    twin.sm3 = this.sm3?.copy() ?? null;
    twin.bytes = this.bytes;
    return twin;
  }

  /** Finishes the digests; the accumulator cannot be used afterwards. */
  digests(): Digests {
    return { sha256: this.sha256.digest('hex'), sm3: this.sm3?.digest('hex') ?? null };
  }
}
