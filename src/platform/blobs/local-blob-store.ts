// Blobs as write-once files under a directory (a local disk, or an NFS mount for a second site). A new blob
// is written to a temporary file in the store's own `.incoming/`, fsynced, made read-only, then linked under
// its key — link(2) fails if the key exists, so a blob is never replaced, even by a racing writer — and the
// directory is fsynced. A crash leaves at worst a stray temporary file, never a partial blob under a key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  BlobDigestError,
  BlobExistsError,
  BlobMissingError,
  checkKey,
  sameDigests,
  type BlobStore,
  type BlobWritten,
  type ByteRange,
  type Digests,
  type StoreLocation,
  type VerifyResult,
} from './blob-store.js';
import { DigestAccumulator } from './digests.js';
import { fsyncDir, fsyncPath } from './fsync.js';
import type { RateLimiter } from './rate-limiter.js';
import { SequentialWriter } from './sequential-writer.js';

const INCOMING = '.incoming';
/** Files written outside the store and adopted into it later (stagingPath). */
const STAGING = 'staging';
const READ_CHUNK = 1024 * 1024;

export class LocalBlobStore implements BlobStore {
  constructor(
    readonly location: StoreLocation,
    readonly root: string,
    private readonly withSm3: boolean,
  ) {}

  /** Creates the directories; call once at start so a misconfigured path fails then, not at the first upload. */
  async open(): Promise<this> {
    await fsp.mkdir(path.join(this.root, INCOMING, STAGING), { recursive: true });
    await fsp.access(this.root, fs.constants.W_OK);
    return this;
  }

  async put(key: string, source: AsyncIterable<Uint8Array>): Promise<BlobWritten> {
    const target = this.pathOf(key);
    if (await exists(target)) throw new BlobExistsError(this.location, key);
    const temp = path.join(this.root, INCOMING, `${crypto.randomUUID()}.part`);
    const digests = new DigestAccumulator(this.withSm3);
    const handle = await fsp.open(temp, 'wx', 0o600);
    try {
      const writer = new SequentialWriter(handle, 0);
      for await (const chunk of source) {
        digests.update(chunk);
        await writer.write(chunk);
      }
      await writer.sync();
    } catch (error) {
      await handle.close();
      await fsp.rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    const size = digests.size;
    try {
      await this.publish(temp, key);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    return { key, size, digests: digests.digests() };
  }

  async adopt(key: string, file: string, expected: { size: number; digests: Digests }): Promise<BlobWritten> {
    const target = this.pathOf(key);
    if (await exists(target)) throw new BlobExistsError(this.location, key);
    const [source, home] = await Promise.all([fsp.stat(file), fsp.stat(this.root)]);
    if (source.size !== expected.size) throw new BlobDigestError(this.location, key);
    if (source.dev !== home.dev) {
      // Another volume: copy, hashing the copy, and hold it to what the caller computed.
      const written = await this.put(key, fs.createReadStream(file, { highWaterMark: READ_CHUNK }));
      if (written.size !== expected.size || !sameDigests(written.digests, expected.digests)) {
        throw new BlobDigestError(this.location, key);
      }
      await fsp.rm(file, { force: true });
      await fsyncDir(path.dirname(file));
      return written;
    }
    await fsyncPath(file);
    await this.publish(file, key);
    await fsyncDir(path.dirname(file));
    return { key, size: expected.size, digests: expected.digests };
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await exists(file))) throw new BlobMissingError(this.location, key);
    return fs.createReadStream(file, {
      highWaterMark: READ_CHUNK,
      ...(range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : {}),
    });
  }

  stagingPath(name: string): string {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new Error(`invalid staging name: ${name}`);
    return path.join(this.root, INCOMING, STAGING, name);
  }

  async mediaSource(key: string): Promise<string> {
    const file = this.pathOf(key);
    if (!(await exists(file))) throw new BlobMissingError(this.location, key);
    return file;
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const s = await fsp.stat(this.pathOf(key));
      return { size: s.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async verify(
    key: string,
    expected: { size: number; digests: Digests },
    options: { limiter?: RateLimiter } = {},
  ): Promise<VerifyResult> {
    const file = this.pathOf(key);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { outcome: 'missing' };
      return { outcome: 'unreadable', error: code ?? String(error) };
    }
    const digests = new DigestAccumulator(expected.digests.sm3 !== null && this.withSm3);
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      for (;;) {
        await options.limiter?.take(READ_CHUNK);
        const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
        if (bytesRead === 0) break;
        digests.update(buffer.subarray(0, bytesRead));
      }
    } catch (error) {
      return { outcome: 'unreadable', error: (error as NodeJS.ErrnoException).code ?? String(error) };
    } finally {
      await handle.close();
    }
    const size = digests.size;
    const actual = digests.digests();
    const ok = size === expected.size && sameDigests(actual, expected.digests);
    return { outcome: ok ? 'ok' : 'mismatch', size, digests: actual };
  }

  async *list(): AsyncIterable<{ key: string; size: number }> {
    yield* this.walk('');
  }

  private async *walk(relative: string): AsyncIterable<{ key: string; size: number }> {
    const entries = await fsp.readdir(path.join(this.root, relative), { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const key = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) yield* this.walk(key);
      else if (entry.isFile()) yield { key, size: (await fsp.stat(path.join(this.root, key))).size };
    }
  }

  /** Makes a finished file read-only and gives it its key, once and durably. */
  private async publish(file: string, key: string): Promise<void> {
    const target = this.pathOf(key);
    const created = await fsp.mkdir(path.dirname(target), { recursive: true });
    if (created) {
      // New directories exist durably only once their parents are fsynced, up to the store's root.
      for (let dir = path.dirname(created); dir.startsWith(this.root); dir = path.dirname(dir)) {
        await fsyncDir(dir);
        if (dir === this.root) break;
      }
    }
    // Read-only before it has its name: no moment exists where the key names a writable file.
    await fsp.chmod(file, 0o444);
    try {
      await fsp.link(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BlobExistsError(this.location, key);
      throw error;
    }
    await fsp.unlink(file);
    await fsyncDir(path.dirname(target));
    await fsyncDir(path.dirname(file));
  }

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}
