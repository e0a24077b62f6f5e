// The SHA-256 of a file chosen in the browser, read in slices so a file of several gigabytes never sits in
// memory whole. WebCrypto cannot hash a stream, and WebAssembly would need 'wasm-unsafe-eval' in the page's
// Content-Security-Policy, so the hash is @noble/hashes' audited pure-JavaScript SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const SLICE = 8 * 1024 * 1024;

export async function fileSha256(
  file: Blob,
  onProgress: (hashedBytes: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += SLICE) {
    signal?.throwIfAborted();
    const slice = new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer());
    hash.update(slice);
    onProgress(Math.min(file.size, offset + SLICE));
  }
  return bytesToHex(hash.digest());
}
