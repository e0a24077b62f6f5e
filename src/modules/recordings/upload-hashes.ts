// The running hashes of uploads in progress, kept in memory between PATCH requests so no byte is read twice.
// A PATCH takes an upload's state out while it works and puts it back only at a point where the hash, the
// file and the committed offset agree; if anything fails in between, nothing is put back, and the next PATCH
// re-hashes the committed prefix from the file once (as after a crash, or on another node).
import type { DigestAccumulator } from '../../platform/blobs/digests.js';

interface Running {
  offset: number;
  digests: DigestAccumulator;
}

export class UploadHashes {
  private readonly running = new Map<string, Running>();

  /** Takes the upload's running hash if it is at `offset`; otherwise undefined (the caller re-hashes). */
  take(uploadId: string, offset: number): DigestAccumulator | undefined {
    const entry = this.running.get(uploadId);
    this.running.delete(uploadId);
    return entry && entry.offset === offset ? entry.digests : undefined;
  }

  put(uploadId: string, offset: number, digests: DigestAccumulator): void {
    this.running.set(uploadId, { offset, digests });
  }

  forget(uploadId: string): void {
    this.running.delete(uploadId);
  }

  get size(): number {
    return this.running.size;
  }
}
