// SubjectPublicKeyInfo PEM of a signing key's public half, the form `openssl pkey -pubin` and most
// verification tools read.
import { createPublicKey } from 'node:crypto';
import { concatBytes, fromHex } from './hash.js';
import type { PublicKey } from './signing.js';

// SEQUENCE { AlgorithmIdentifier { id-ecPublicKey, curve sm2 (1.2.156.10197.1.301) }, BIT STRING (65 bytes) }
const SM2_SPKI_PREFIX = fromHex('3059301306072a8648ce3d020106082a811ccf5501822d034200');
// SEQUENCE { AlgorithmIdentifier { id-Ed25519 }, BIT STRING (32 bytes) } (RFC 8410)
const ED25519_SPKI_PREFIX = fromHex('302a300506032b6570032100');

export function publicKeyPem(key: PublicKey): string {
  const der =
    key.algorithm === 'ed25519'
      ? concatBytes(ED25519_SPKI_PREFIX, key.bytes)
      : concatBytes(SM2_SPKI_PREFIX, key.bytes);
  if (key.algorithm === 'ed25519') {
    // Round-trip through node:crypto so a malformed key fails here rather than in someone's verifier.
    return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })
      .export({ format: 'pem', type: 'spki' })
      .toString();
  }
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${body}-----END PUBLIC KEY-----\n`;
}
