// The signing key and the log's origin survive restarts unchanged, whatever port or host the server uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSigner } from './signing-key-store.js';

const dirs: string[] = [];
const keyFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-key-'));
  dirs.push(dir);
  return path.join(dir, 'audit-signing-key.pem');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('checkpoint signer on disk', () => {
  it('refuses a signing key that does not match the published verifier key', async () => {
    const file = keyFile();
    loadOrCreateSigner({ keyFile: file, origin: undefined, signature: 'ed25519' });
    const { exportSigningKey, generateSigningKey } = await import('../../platform/crypto/signing.js');
    fs.writeFileSync(file, exportSigningKey(generateSigningKey('ed25519')));
    expect(() => loadOrCreateSigner({ keyFile: file, origin: undefined, signature: 'ed25519' })).toThrow(
      /does not match the published verifier key/,
    );
  });

  it('creates the key (0600) and an origin once, then returns the same signer on every start', () => {
    const file = keyFile();
    const first = loadOrCreateSigner({ keyFile: file, origin: undefined, signature: 'ed25519' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.origin).toMatch(/^custos\.invalid\/audit\/[0-9a-f]{8}$/);
    const again = loadOrCreateSigner({ keyFile: file, origin: undefined, signature: 'ed25519' });
    expect(again.verifierKey).toBe(first.verifierKey);
    expect(fs.readFileSync(file.replace(/\.pem$/, '.vkey'), 'utf8').trim()).toBe(first.verifierKey);
  });

  it('takes a configured origin at creation and refuses a different one later', () => {
    const file = keyFile();
    const signer = loadOrCreateSigner({
      keyFile: file,
      origin: 'gaj.example.cn/custos',
      signature: 'ed25519',
    });
    expect(signer.verifierKey.startsWith('gaj.example.cn/custos+')).toBe(true);
    expect(
      loadOrCreateSigner({ keyFile: file, origin: 'gaj.example.cn/custos', signature: 'ed25519' }).origin,
    ).toBe('gaj.example.cn/custos');
    expect(() => loadOrCreateSigner({ keyFile: file, origin: 'other/log', signature: 'ed25519' })).toThrow(
      /keeps its origin for good/,
    );
  });
});
