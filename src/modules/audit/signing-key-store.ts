// The checkpoint signing key: generated into the data directory on first start (mode 0600), its public
// half exported beside it so anyone can verify checkpoints without asking Custos.
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

/** Loads the key file, or creates it with the configured algorithm if there is none. */
export function loadOrCreateSigner(settings: {
  keyFile: string;
  origin: string;
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
  const signer = signerFor(settings.origin, key);
  const base = settings.keyFile.replace(/\.pem$/, '');
  fs.writeFileSync(`${base}.pub.pem`, signer.publicKeyPem);
  fs.writeFileSync(`${base}.vkey`, signer.verifierKey + '\n');
  return signer;
}

/** Where the public verifier key is written, for the CLI to trust by default. */
export function verifierKeyFile(keyFile: string): string {
  return `${keyFile.replace(/\.pem$/, '')}.vkey`;
}
