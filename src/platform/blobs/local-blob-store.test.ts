import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobExistsError, BlobMissingError } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { RateLimiter } from './rate-limiter.js';

let dir: string;
let store: LocalBlobStore;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-blobs-'));
  store = await new LocalBlobStore('master', path.join(dir, 'master'), true).open();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = crypto.randomBytes(3 * 1024 * 1024 + 17);
const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
const sm3 = crypto.createHash('sm3').update(bytes).digest('hex');

async function text(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('local blob store', () => {
  it('writes a blob once, read-only, and reports the digests of what it wrote', async () => {
    const written = await store.put(
      'recordings/ab/one',
      Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]),
    );
    expect(written).toEqual({ key: 'recordings/ab/one', size: bytes.length, digests: { sha256, sm3 } });
    const file = path.join(dir, 'master', 'recordings', 'ab', 'one');
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(path.join(dir, 'master', '.incoming'))).toEqual(['staging']);
    await expect(
      store.put('recordings/ab/one', Readable.from([Buffer.from('other')])),
    ).rejects.toBeInstanceOf(BlobExistsError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reads a byte range, inclusive, and refuses a missing key', async () => {
    await store.put('k', Readable.from([bytes]));
    expect((await text(await store.read('k', { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(
      true,
    );
    expect((await text(await store.read('k', { start: bytes.length - 5 }))).equals(bytes.subarray(-5))).toBe(
      true,
    );
    await expect(store.read('nope')).rejects.toBeInstanceOf(BlobMissingError);
    expect(await store.stat('nope')).toBeNull();
    expect(await store.stat('k')).toEqual({ size: bytes.length });
  });

  it('verifies a blob, and finds a flipped byte, a truncation and a missing file', async () => {
    const written = await store.put('v', Readable.from([bytes]));
    const expected = { size: written.size, digests: written.digests };
    expect((await store.verify('v', expected)).outcome).toBe('ok');

    const file = path.join(dir, 'master', 'v');
    fs.chmodSync(file, 0o644);
    const fd = fs.openSync(file, 'r+');
    const one = Buffer.alloc(1);
    fs.readSync(fd, one, 0, 1, 12345);
    fs.writeSync(fd, Buffer.from([one[0]! ^ 0x01]), 0, 1, 12345);
    fs.closeSync(fd);
    const flipped = await store.verify('v', expected);
    expect(flipped.outcome).toBe('mismatch');

    fs.truncateSync(file, 10);
    expect(await store.verify('v', expected)).toMatchObject({ outcome: 'mismatch', size: 10 });
    fs.rmSync(file);
    expect(await store.verify('v', expected)).toEqual({ outcome: 'missing' });
  });

  it('adopts a finished file on its volume without copying it', async () => {
    const staging = path.join(dir, 'staging');
    fs.mkdirSync(staging);
    const file = path.join(staging, 'upload');
    fs.writeFileSync(file, bytes);
    const inode = fs.statSync(file).ino;
    const adopted = await store.adopt('a/b', file, { size: bytes.length, digests: { sha256, sm3 } });
    expect(adopted.size).toBe(bytes.length);
    const target = path.join(dir, 'master', 'a', 'b');
    expect(fs.statSync(target).ino).toBe(inode);
    expect(fs.statSync(target).mode & 0o777).toBe(0o444);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('lists its blobs, not its temporary files', async () => {
    await store.put('x/1', Readable.from([Buffer.from('one')]));
    await store.put('y', Readable.from([Buffer.from('two!')]));
    fs.writeFileSync(path.join(dir, 'master', '.incoming', 'stray.part'), 'left by a crash');
    const listed = [];
    for await (const entry of store.list()) listed.push(entry);
    expect(listed).toEqual([
      { key: 'x/1', size: 3 },
      { key: 'y', size: 4 },
    ]);
  });

  it('refuses keys that could leave the store', async () => {
    await expect(store.put('../evil', Readable.from([]))).rejects.toThrow('invalid blob key');
    await expect(store.put('/abs', Readable.from([]))).rejects.toThrow('invalid blob key');
  });
});

describe('rate limiter', () => {
  it('makes a reader wait once it has used a second’s worth', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(
      1000,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    await limiter.take(1000);
    expect(waits).toEqual([]);
    await limiter.take(500);
    expect(waits).toEqual([500]);
  });
});
