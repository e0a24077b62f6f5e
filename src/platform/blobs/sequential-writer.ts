// Appends a stream's chunks to a file in about 1 MiB writes: network chunks are 16–64 KiB, and one system
// call per chunk would cost more than the hashing. Memory stays bounded by the batch size.
import type { FileHandle } from 'node:fs/promises';

const DEFAULT_BATCH = 1024 * 1024;

export class SequentialWriter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: FileHandle,
    private offset: number,
    private readonly batch = DEFAULT_BATCH,
  ) {}

  /** Where the next byte will go, counting bytes still waiting in the batch. */
  get position(): number {
    return this.offset + this.pendingBytes;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= this.batch) await this.flush();
  }

  /** Writes what is batched; the bytes are in the kernel's hands, not yet on disk (see sync). */
  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data =
      this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let written = 0;
    while (written < data.byteLength) {
      const { bytesWritten } = await this.file.write(data, written, data.byteLength - written, this.offset);
      written += bytesWritten;
      this.offset += bytesWritten;
    }
  }

  /** Flushes, then waits until the bytes are on stable storage. */
  async sync(): Promise<void> {
    await this.flush();
    await this.file.datasync();
  }
}
