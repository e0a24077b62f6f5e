// Where uploads are received. Each upload is written, as its bytes arrive, to three files at once: the
// master-to-be in the upload directory, and the working copy and the backup in their own stores' staging
// areas, on their own volumes. When the bytes match the declared hash each file is adopted into its store by
// a link (no copy, no second read). The bytes are hashed once, as they arrive: every copy's recorded hash is
// the hash of the bytes written into it. A store without a local volume gets its copy made from the master
// at sealing instead.
//
// A file may hold more bytes than the committed offset (a crash after a write, before its commit); every
// PATCH first cuts all three back to the committed offset, so what follows is always appended to bytes the
// database vouches for.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DigestAccumulator } from '../../platform/blobs/digests.js';
import type { EvidenceStores } from '../../platform/blobs/evidence-stores.js';
import { fsyncDir } from '../../platform/blobs/fsync.js';

const SUFFIX = '.upload';
const READ_CHUNK = 1024 * 1024;
/** Network chunks are 16–64 KiB; one write per chunk per file would cost more than the hashing. */
const BATCH = 1024 * 1024;
/** The copies written beside the master as the bytes arrive. */
const TEE: readonly ('working' | 'backup')[] = ['working', 'backup'];

/**
 * The open files of one upload, written together: chunks are gathered into about 1 MiB and each batch is
 * written to every file at the same offset, one buffer for all.
 */
export class StagedFiles {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly handles: fsp.FileHandle[],
    private offset: number,
  ) {}

  /** Where the next byte goes, counting bytes still waiting in the batch. */
  get position(): number {
    return this.offset + this.pendingBytes;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= BATCH) await this.flush();
  }

  /** Every file's bytes on stable storage. */
  async sync(): Promise<void> {
    await this.flush();
    await Promise.all(this.handles.map((h) => h.datasync()));
  }

  /** Drops everything from `offset` on, in every file, durably. */
  async truncate(offset: number): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await Promise.all(
      this.handles.map(async (h) => {
        await h.truncate(offset);
        await h.datasync();
      }),
    );
    this.offset = offset;
  }

  async close(): Promise<void> {
    await Promise.all(this.handles.map((h) => h.close().catch(() => undefined)));
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data =
      this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const at = this.offset;
    this.pending = [];
    this.pendingBytes = 0;
    await Promise.all(this.handles.map((h) => writeAll(h, data, at)));
    this.offset = at + data.byteLength;
  }
}

async function writeAll(handle: fsp.FileHandle, data: Uint8Array, at: number): Promise<void> {
  for (let written = 0; written < data.byteLength;) {
    const { bytesWritten } = await handle.write(data, written, data.byteLength - written, at + written);
    written += bytesWritten;
  }
}

export class UploadStaging {
  constructor(
    readonly dir: string,
    private readonly stores: EvidenceStores,
    private readonly withSm3: boolean,
  ) {}

  async open(): Promise<this> {
    await fsp.mkdir(this.dir, { recursive: true });
    await fsp.access(this.dir, fs.constants.W_OK);
    return this;
  }

  /** The upload's master-to-be. */
  pathOf(uploadId: string): string {
    return path.join(this.dir, nameOf(uploadId));
  }

  /** Where the copy for a store is received, or null if that store has no local staging. */
  copyPathOf(uploadId: string, location: 'working' | 'backup'): string | null {
    return this.stores[location].stagingPath(nameOf(uploadId));
  }

  private allPaths(uploadId: string): string[] {
    return [
      this.pathOf(uploadId),
      ...TEE.map((l) => this.copyPathOf(uploadId, l)).filter((p): p is string => p !== null),
    ];
  }

  async create(uploadId: string): Promise<void> {
    for (const file of this.allPaths(uploadId)) {
      const handle = await fsp.open(file, 'wx', 0o600);
      await handle.close();
      await fsyncDir(path.dirname(file));
    }
  }

  /**
   * Opens the upload's files for appending at `offset`, dropping anything written past it. A copy file that
   * is missing or short (it cannot be trusted to hold the committed bytes) is deleted: that copy is then made
   * from the master at sealing.
   */
  async openAt(uploadId: string, offset: number): Promise<StagedFiles> {
    const handles: fsp.FileHandle[] = [];
    try {
      handles.push(await openTruncated(this.pathOf(uploadId), offset, true));
      for (const location of TEE) {
        const file = this.copyPathOf(uploadId, location);
        if (!file) continue;
        const handle = await openTruncated(file, offset, false);
        if (handle) handles.push(handle);
      }
      return new StagedFiles(handles, offset);
    } catch (error) {
      await Promise.all(handles.map((h) => h.close()));
      throw error;
    }
  }

  /**
   * The hash of the first `offset` bytes, read back from the master file: the one time an upload's bytes are
   * read twice, after this process lost its running hash (a restart, or a PATCH arriving at another node).
   */
  async rehash(uploadId: string, offset: number): Promise<DigestAccumulator> {
    return hashFile(this.pathOf(uploadId), offset, this.withSm3);
  }

  /** The copy received for a store, if it is there (with all the bytes, at sealing). */
  async copyFile(uploadId: string, location: 'working' | 'backup'): Promise<string | null> {
    const file = this.copyPathOf(uploadId, location);
    return file && (await exists(file)) ? file : null;
  }

  async remove(uploadId: string): Promise<void> {
    for (const file of this.allPaths(uploadId)) await fsp.rm(file, { force: true });
  }

  async removeCopy(uploadId: string, location: 'working' | 'backup'): Promise<void> {
    const file = this.copyPathOf(uploadId, location);
    if (file) await fsp.rm(file, { force: true });
  }

  /** Ids of every upload with a file anywhere, for the sweep that removes those of ended uploads. */
  async ids(): Promise<string[]> {
    // The copies' staging directories, found from where any upload's copy would go.
    const nilId = '00000000-0000-0000-0000-000000000000';
    const copyDirs = TEE.map((l) => this.copyPathOf(nilId, l))
      .filter((p): p is string => p !== null)
      .map((p) => path.dirname(p));
    const ids = new Set<string>();
    for (const dir of [this.dir, ...copyDirs]) {
      for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
        if (name.endsWith(SUFFIX)) ids.add(name.slice(0, -SUFFIX.length));
      }
    }
    return [...ids];
  }

  /** When the upload's newest file was last written (machine time), or undefined if it has none. */
  async lastWritten(uploadId: string): Promise<number | undefined> {
    const times = await Promise.all(
      this.allPaths(uploadId).map((f) =>
        fsp.stat(f).then(
          (s) => s.mtimeMs,
          () => undefined,
        ),
      ),
    );
    const known = times.filter((t): t is number => t !== undefined);
    return known.length > 0 ? Math.max(...known) : undefined;
  }
}

function nameOf(uploadId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new Error(`not an upload id: ${uploadId}`);
  return `${uploadId}${SUFFIX}`;
}

async function openTruncated(file: string, offset: number, required: true): Promise<fsp.FileHandle>;
async function openTruncated(file: string, offset: number, required: false): Promise<fsp.FileHandle | null>;
async function openTruncated(
  file: string,
  offset: number,
  required: boolean,
): Promise<fsp.FileHandle | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r+');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const { size } = await handle.stat();
  if (size < offset) {
    await handle.close();
    if (required) throw new Error(`${file} holds ${size} bytes, fewer than the ${offset} committed`);
    await fsp.rm(file, { force: true });
    return null;
  }
  if (size > offset) await handle.truncate(offset);
  return handle;
}

/** The digests of a file's first `length` bytes (all of it if omitted). */
export async function hashFile(
  file: string,
  length: number | undefined,
  withSm3: boolean,
): Promise<DigestAccumulator> {
  const digests = new DigestAccumulator(withSm3);
  const handle = await fsp.open(file, 'r');
  try {
    const limit = length ?? (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    while (digests.size < limit) {
      const want = Math.min(READ_CHUNK, limit - digests.size);
      const { bytesRead } = await handle.read(buffer, 0, want, digests.size);
      if (bytesRead === 0) throw new Error(`${file} ends before its ${limit} bytes`);
      digests.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return digests;
}

async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}
