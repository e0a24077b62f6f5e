// Where uploads are received: one file per upload in the upload directory, named by its id. The file may hold
// more bytes than the committed offset (a crash after a write, before its commit); every PATCH first cuts it
// back to the committed offset, so what follows is always appended to bytes the database vouches for.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DigestAccumulator } from '../../platform/blobs/digests.js';
import { fsyncDir } from '../../platform/blobs/fsync.js';

const SUFFIX = '.upload';
const READ_CHUNK = 1024 * 1024;

export class UploadStaging {
  constructor(
    readonly dir: string,
    private readonly withSm3: boolean,
  ) {}

  async open(): Promise<this> {
    await fsp.mkdir(this.dir, { recursive: true });
    await fsp.access(this.dir, fs.constants.W_OK);
    return this;
  }

  pathOf(uploadId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new Error(`not an upload id: ${uploadId}`);
    return path.join(this.dir, `${uploadId}${SUFFIX}`);
  }

  async create(uploadId: string): Promise<void> {
    const handle = await fsp.open(this.pathOf(uploadId), 'wx', 0o600);
    await handle.close();
    await fsyncDir(this.dir);
  }

  /** Opens the file for appending at `offset`, dropping anything written past it. */
  async openAt(uploadId: string, offset: number): Promise<fsp.FileHandle> {
    const handle = await fsp.open(this.pathOf(uploadId), 'r+');
    try {
      const { size } = await handle.stat();
      if (size < offset) {
        throw new Error(`upload ${uploadId} holds ${size} bytes, fewer than the ${offset} committed`);
      }
      if (size > offset) await handle.truncate(offset);
      return handle;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * The hash of the first `offset` bytes, read back from the file: the one time an upload's bytes are read
   * twice, after this process lost its running hash (a restart, or a PATCH arriving at another node).
   */
  async rehash(uploadId: string, offset: number): Promise<DigestAccumulator> {
    const digests = new DigestAccumulator(this.withSm3);
    const handle = await fsp.open(this.pathOf(uploadId), 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      while (digests.size < offset) {
        const want = Math.min(READ_CHUNK, offset - digests.size);
        const { bytesRead } = await handle.read(buffer, 0, want, digests.size);
        if (bytesRead === 0) throw new Error(`upload ${uploadId} ends before its committed ${offset} bytes`);
        digests.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
    return digests;
  }

  async exists(uploadId: string): Promise<boolean> {
    return fsp.access(this.pathOf(uploadId)).then(
      () => true,
      () => false,
    );
  }

  async remove(uploadId: string): Promise<void> {
    await fsp.rm(this.pathOf(uploadId), { force: true });
  }

  /** Ids of every upload file present, for the sweep that removes those of ended uploads. */
  async ids(): Promise<string[]> {
    const names = await fsp.readdir(this.dir);
    return names.filter((n) => n.endsWith(SUFFIX)).map((n) => n.slice(0, -SUFFIX.length));
  }
}
