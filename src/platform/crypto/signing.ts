// Signing keys for audit checkpoints: Ed25519 through node:crypto, SM2 (GB/T 32918.2 with SM3 and the
// default user id 1234567812345678) with sm-crypto's curve arithmetic.
//
// SM2 signing does not call sm-crypto's doSignature: in Node that draws its nonce k, and its key
// generation draws d, from jsbn's SecureRandom, which falls back to Math.random outside a browser. A
// predictable k gives away the private key after one signature. So d and k come from node:crypto, the
// point k·G from sm-crypto, and the two scalar formulas of the standard are done here with BigInt.
// Verification is sm-crypto's own doVerifySignature, which computes Z independently of this file, so a
// round trip checks our signing against a second implementation.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import smCrypto from 'sm-crypto';
import { concatBytes, fromHex, sm3, toHex } from './hash.js';

export type SignatureAlgorithm = 'ed25519' | 'sm2';

export interface PublicKey {
  readonly algorithm: SignatureAlgorithm;
  /** Raw key: 32 bytes for Ed25519 (RFC 8032), 65 bytes 0x04||x||y for SM2. */
  readonly bytes: Uint8Array;
}

/**
 * Holds no secret itself: the private half lives in a module-private WeakMap, so a key passed to a
 * logger, JSON.stringify or an error reporter cannot leak it.
 */
export interface SigningKey {
  readonly algorithm: SignatureAlgorithm;
  readonly publicKey: PublicKey;
}

/** Both algorithms produce 64 bytes: Ed25519 R||S, SM2 r||s as two 32-byte big-endian integers. */
export const SIGNATURE_SIZE = 64;

type Secret = { algorithm: 'ed25519'; key: KeyObject } | { algorithm: 'sm2'; d: bigint };

const secrets = new WeakMap<SigningKey, Secret>();
const ed25519KeyObjects = new WeakMap<PublicKey, KeyObject>();

// sm-crypto exports these at runtime; @types/sm-crypto omits them.
const sm2 = smCrypto.sm2 as typeof smCrypto.sm2 & {
  getPublicKeyFromPrivateKey(privateKeyHex: string): string;
};

// GB/T 32918.5-2017 recommended curve parameters.
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;
const SM2_DEFAULT_USER_ID = new TextEncoder().encode('1234567812345678');

// PKCS#8 around an SEC 1 ECPrivateKey on curve 1.2.156.10197.1.301, byte for byte what OpenSSL writes,
// so `openssl pkey` reads the key file.
const SM2_PKCS8_PREFIX = fromHex('308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420');
const SM2_PKCS8_MIDDLE = fromHex('a144034200');
const SM2_PKCS8_SIZE = SM2_PKCS8_PREFIX.length + 32 + SM2_PKCS8_MIDDLE.length + 65;

export function generateSigningKey(algorithm: SignatureAlgorithm): SigningKey {
  switch (algorithm) {
    case 'ed25519':
      return ed25519Key(generateKeyPairSync('ed25519').privateKey);
    case 'sm2':
      return sm2Key(randomScalar(N - 2n));
  }
}

/** PKCS#8 PEM ("PRIVATE KEY"), the format `openssl pkey` reads. The caller writes it with mode 0600. */
export function exportSigningKey(key: SigningKey): string {
  const secret = secretOf(key);
  switch (secret.algorithm) {
    case 'ed25519':
      return secret.key.export({ format: 'pem', type: 'pkcs8' }).toString();
    case 'sm2': {
      const der = concatBytes(SM2_PKCS8_PREFIX, bigintTo32(secret.d), SM2_PKCS8_MIDDLE, key.publicKey.bytes);
      const body = Buffer.from(der)
        .toString('base64')
        .replace(/.{1,64}/g, '$&\n');
      return `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----\n`;
    }
  }
}

export function importSigningKey(pem: string): SigningKey {
  // Node maps an SM2 key file to a key type it cannot export (doing so aborts the process), so SM2
  // files are recognised by their fixed layout here and only Ed25519 goes through node:crypto.
  const der = pemBody(pem);
  if (der && der.length === SM2_PKCS8_SIZE && startsWith(der, SM2_PKCS8_PREFIX)) {
    const dEnd = SM2_PKCS8_PREFIX.length + 32;
    if (!startsWith(der.subarray(dEnd), SM2_PKCS8_MIDDLE)) throw new Error('malformed SM2 key file');
    const key = sm2Key(bytesToBigint(der.subarray(SM2_PKCS8_PREFIX.length, dEnd)));
    // A file whose stored public key does not belong to its private key is corrupt, not usable.
    if (Buffer.compare(der.subarray(dEnd + SM2_PKCS8_MIDDLE.length), key.publicKey.bytes) !== 0) {
      throw new Error('SM2 key file holds a public key that does not match its private key');
    }
    return key;
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw new Error('signing key file is not a PEM private key', { cause });
  }
  if (keyObject.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      'unsupported signing key: expected Ed25519, or SM2 in the layout exportSigningKey writes',
    );
  }
  return ed25519Key(keyObject);
}

export function publicKeyBytes(key: SigningKey | PublicKey): Uint8Array {
  const publicKey = 'publicKey' in key ? key.publicKey : key;
  return new Uint8Array(publicKey.bytes);
}

/** Validates raw public key bytes (length, and for SM2 that the point lies on the curve). */
export function publicKeyFromBytes(algorithm: SignatureAlgorithm, bytes: Uint8Array): PublicKey {
  switch (algorithm) {
    case 'ed25519': {
      if (bytes.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
      let keyObject: KeyObject;
      try {
        keyObject = ed25519PublicKeyObject(bytes);
      } catch (cause) {
        throw new RangeError('not an Ed25519 public key', { cause });
      }
      const publicKey = Object.freeze({ algorithm, bytes: new Uint8Array(bytes) });
      ed25519KeyObjects.set(publicKey, keyObject);
      return publicKey;
    }
    case 'sm2':
      if (!isSm2Point(bytes)) throw new RangeError('not an uncompressed SM2 point (0x04||x||y) on the curve');
      return Object.freeze({ algorithm, bytes: new Uint8Array(bytes) });
  }
}

export function sign(key: SigningKey, message: Uint8Array): Uint8Array {
  const secret = secretOf(key);
  switch (secret.algorithm) {
    case 'ed25519':
      return new Uint8Array(nodeSign(null, message, secret.key));
    case 'sm2':
      return sm2Sign(secret.d, key.publicKey.bytes, message);
  }
}

/** False for any malformed signature; never throws on untrusted input. */
export function verify(publicKey: PublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_SIZE) return false;
  switch (publicKey.algorithm) {
    case 'ed25519':
      try {
        const keyObject = ed25519KeyObjects.get(publicKey) ?? ed25519PublicKeyObject(publicKey.bytes);
        return nodeVerify(null, message, keyObject, signature);
      } catch {
        return false;
      }
    case 'sm2':
      if (!isSm2Point(publicKey.bytes)) return false;
      try {
        return sm2.doVerifySignature(Array.from(message), toHex(signature), toHex(publicKey.bytes), {
          hash: true,
        });
      } catch {
        return false;
      }
  }
}

function ed25519Key(privateKey: KeyObject): SigningKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const raw = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  const key: SigningKey = Object.freeze({
    algorithm: 'ed25519',
    publicKey: publicKeyFromBytes('ed25519', raw),
  });
  secrets.set(key, { algorithm: 'ed25519', key: privateKey });
  return key;
}

function sm2Key(d: bigint): SigningKey {
  // GB/T 32918.1 §6.1: d in [1, n-2], so that 1+d is invertible mod n.
  if (d < 1n || d > N - 2n) throw new RangeError('SM2 private key out of range');
  const publicKey = publicKeyFromBytes('sm2', fromHex(sm2.getPublicKeyFromPrivateKey(hex32(d))));
  const key: SigningKey = Object.freeze({ algorithm: 'sm2', publicKey });
  secrets.set(key, { algorithm: 'sm2', d });
  return key;
}

function pemBody(pem: string): Uint8Array | undefined {
  const match = /^-----BEGIN PRIVATE KEY-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END PRIVATE KEY-----\s*$/.exec(
    pem.trim(),
  );
  return match?.[1] === undefined ? undefined : new Uint8Array(Buffer.from(match[1], 'base64'));
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && Buffer.compare(bytes.subarray(0, prefix.length), prefix) === 0;
}

function secretOf(key: SigningKey): Secret {
  const secret = secrets.get(key);
  if (!secret) throw new TypeError('not a signing key made by generateSigningKey or importSigningKey');
  return secret;
}

function ed25519PublicKeyObject(raw: Uint8Array): KeyObject {
  const x = Buffer.from(raw).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** GB/T 32918.2 §6.1 with the nonce from node:crypto (see the header comment). */
function sm2Sign(d: bigint, publicKey: Uint8Array, message: Uint8Array): Uint8Array {
  const e = bytesToBigint(sm3(concatBytes(sm2Z(publicKey), message)));
  const inverse = modPow(1n + d, N - 2n, N);
  for (;;) {
    const k = randomScalar(N - 1n);
    const x1 = BigInt('0x' + sm2.getPublicKeyFromPrivateKey(hex32(k)).slice(2, 66));
    const r = (e + x1) % N;
    if (r === 0n || r + k === N) continue;
    const s = (((inverse * (k - r * d)) % N) + N) % N;
    if (s === 0n) continue;
    return concatBytes(bigintTo32(r), bigintTo32(s));
  }
}

/** Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA), GB/T 32918.2 §5.5. */
function sm2Z(publicKey: Uint8Array): Uint8Array {
  const entl = SM2_DEFAULT_USER_ID.length * 8;
  return sm3(
    concatBytes(
      new Uint8Array([entl >> 8, entl & 0xff]),
      SM2_DEFAULT_USER_ID,
      ...[A, B, GX, GY].map(bigintTo32),
      publicKey.subarray(1),
    ),
  );
}

function isSm2Point(bytes: Uint8Array): boolean {
  if (bytes.length !== 65 || bytes[0] !== 0x04) return false;
  const x = bytesToBigint(bytes.subarray(1, 33));
  const y = bytesToBigint(bytes.subarray(33));
  if (x >= P || y >= P) return false;
  // The curve has cofactor 1, so any affine point on it has order n.
  return (y * y - (x * x * x + A * x + B)) % P === 0n;
}

/** Uniform in [1, max] by rejection sampling 256-bit strings. */
function randomScalar(max: bigint): bigint {
  for (;;) {
    const candidate = bytesToBigint(randomBytes(32));
    if (candidate >= 1n && candidate <= max) return candidate;
  }
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function bytesToBigint(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + toHex(bytes));
}

function hex32(value: bigint): string {
  return value.toString(16).padStart(64, '0');
}

function bigintTo32(value: bigint): Uint8Array {
  return fromHex(hex32(value));
}
