// The checkpoint signing key: generated into the data directory on first start (mode 0600), its public
// half exported beside it so anyone can verify checkpoints without asking Custos.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { publicKeyPem } from '../../platform/crypto/public-key-pem.js';
import {
  exportSigningKey,
  generateSigningKey,
  importSigningKey,
  type SignatureAlgorithm,
  type SigningKey,
} from '../../platform/crypto/signing.js';
import { formatVerifierKey, keyId } from './merkle/checkpoint.js';

export interface CheckpointSigner {
  /** The log's origin line, also the signing key's name in notes. */
  origin: string;
  key: SigningKey;
  /** `name+hexid+base64key`, the form signed-note verifiers take. */
  verifierKey: string;
  keyIdHex: string;
  publicKeyPem: string;
}

export function signerFor(origin: string, key: SigningKey): CheckpointSigner {
  return {
    origin,
    key,
    verifierKey: formatVerifierKey(origin, key.publicKey),
    keyIdHex: keyId(origin, key.publicKey).toString(16).padStart(8, '0'),
    publicKeyPem: publicKeyPem(key.publicKey),
  };
}

/**
 * Loads the key file, or creates it with the configured algorithm if there is none. The log's origin (the
 * key's name in every signed note) is kept in a file beside the key: it names the log for good, so it may
 * not follow the port or host name the server happens to run under.
 */
export function loadOrCreateSigner(settings: {
  keyFile: string;
  origin: string | undefined;
  signature: SignatureAlgorithm;
}): CheckpointSigner {
  let key: SigningKey;
  if (fs.existsSync(settings.keyFile)) {
    key = importSigningKey(fs.readFileSync(settings.keyFile, 'utf8'));
    if (key.algorithm !== settings.signature) {
      throw new Error(
        `The audit signing key ${settings.keyFile} is ${key.algorithm}, but CUSTOS_AUDIT_SIGNATURE is ${settings.signature}. ` +
          'A log keeps its key; set CUSTOS_AUDIT_SIGNATURE to match or point CUSTOS_AUDIT_KEY_FILE at another key.',
      );
    }
  } else {
    key = generateSigningKey(settings.signature);
    fs.mkdirSync(path.dirname(settings.keyFile), { recursive: true });
    fs.writeFileSync(settings.keyFile, exportSigningKey(key), { mode: 0o600, flag: 'wx' });
  }
  const base = settings.keyFile.replace(/\.pem$/, '');
  const signer = signerFor(resolveOrigin(`${base}.origin`, settings.origin), key);
  // The published key is written once. A signing key that no longer matches it was replaced: refuse to
  // sign with it rather than quietly re-publish, so the CLI's default trust cannot follow a swapped key.
  const vkeyFile = `${base}.vkey`;
  if (fs.existsSync(vkeyFile)) {
    const published = fs.readFileSync(vkeyFile, 'utf8').trim();
    if (published !== signer.verifierKey) {
      throw new Error(
        `The audit signing key ${settings.keyFile} does not match the published verifier key ${vkeyFile}. ` +
          'A log keeps its key; restore the original key file.',
      );
    }
  } else {
    fs.writeFileSync(vkeyFile, signer.verifierKey + '\n');
  }
  if (!fs.existsSync(`${base}.pub.pem`)) fs.writeFileSync(`${base}.pub.pem`, signer.publicKeyPem);
  return signer;
}

function resolveOrigin(file: string, configured: string | undefined): string {
  const stored = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
  if (stored && configured && stored !== configured) {
    throw new Error(
      `This audit log is named "${stored}" (${file}), but CUSTOS_AUDIT_ORIGIN is "${configured}". ` +
        'A log keeps its origin for good: unset CUSTOS_AUDIT_ORIGIN or set it to the stored name.',
    );
  }
  if (stored) return stored;
  const origin = configured ?? `custos.invalid/audit/${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(file, `${origin}\n`, { flag: 'wx' });
  return origin;
}

/** Where the public verifier key is written, for the CLI to trust by default. */
export function verifierKeyFile(keyFile: string): string {
  return `${keyFile.replace(/\.pem$/, '')}.vkey`;
}
