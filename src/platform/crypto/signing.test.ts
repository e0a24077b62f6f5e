import { describe, expect, it } from 'vitest';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { fromHex, toHex } from './hash.js';
import {
  exportSigningKey,
  generateSigningKey,
  importSigningKey,
  publicKeyBytes,
  publicKeyFromBytes,
  sign,
  verify,
  type SignatureAlgorithm,
} from './signing.js';

function pem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

function ed25519KeyFromSeed(seedHex: string) {
  return importSigningKey(pem('PRIVATE KEY', fromHex('302e020100300506032b657004220420' + seedHex)));
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

const message = new TextEncoder().encode('custos checkpoint\n');

describe.each<SignatureAlgorithm>(['ed25519', 'sm2'])('%s keys', (algorithm) => {
  const key = generateSigningKey(algorithm);

  it('signs and verifies, and a flipped bit in signature or message fails', () => {
    const signature = sign(key, message);
    expect(signature).toHaveLength(64);
    expect(verify(key.publicKey, message, signature)).toBe(true);
    for (const bit of [0, 7, 255, 256, 511]) {
      expect(verify(key.publicKey, message, flipBit(signature, bit))).toBe(false);
    }
    expect(verify(key.publicKey, flipBit(message, 3), signature)).toBe(false);
    expect(verify(key.publicKey, message, signature.subarray(0, 63))).toBe(false);
    expect(verify(generateSigningKey(algorithm).publicKey, message, signature)).toBe(false);
  });

  it('round-trips through a PKCS#8 PEM that OpenSSL reads', () => {
    const text = exportSigningKey(key);
    expect(text).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(() => createPrivateKey(text)).not.toThrow();
    const again = importSigningKey(text);
    expect(again.algorithm).toBe(algorithm);
    expect(publicKeyBytes(again)).toEqual(publicKeyBytes(key));
    expect(verify(key.publicKey, message, sign(again, message))).toBe(true);
  });

  it('keeps the private key out of serialisations', () => {
    expect(Object.keys(key).sort()).toEqual(['algorithm', 'publicKey']);
    expect(JSON.stringify(key)).not.toContain('PRIVATE');
    expect(() => sign({ ...key }, message)).toThrow(TypeError);
  });

  it('rebuilds a usable public key from its raw bytes', () => {
    const raw = publicKeyBytes(key);
    expect(raw).toHaveLength(algorithm === 'ed25519' ? 32 : 65);
    const publicKey = publicKeyFromBytes(algorithm, raw);
    expect(verify(publicKey, message, sign(key, message))).toBe(true);
  });
});

describe('Ed25519', () => {
  // RFC 8032 §7.1, TEST 1 and TEST 2.
  it.each([
    {
      seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      message: '',
      signature:
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    },
    {
      seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
      publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
      message: '72',
      signature:
        '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    },
  ])('reproduces RFC 8032 vector for public key $publicKey', (vector) => {
    const key = ed25519KeyFromSeed(vector.seed);
    expect(toHex(publicKeyBytes(key))).toBe(vector.publicKey);
    expect(toHex(sign(key, fromHex(vector.message)))).toBe(vector.signature);
    expect(verify(key.publicKey, fromHex(vector.message), fromHex(vector.signature))).toBe(true);
  });

  it('rejects public keys of the wrong length', () => {
    expect(() => publicKeyFromBytes('ed25519', new Uint8Array(31))).toThrow(RangeError);
  });
});

describe('SM2', () => {
  // GM/T 0003.5-2012 Annex A (also GB/T 32918.5): message "message digest", default user id
  // 1234567812345678. Copied from openssl/openssl test/sm2_internal_test.c (sm2_sig_test).
  const annexA = {
    d: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
    publicKey:
      '04' +
      '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
      'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
    s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  };
  const annexMessage = new TextEncoder().encode('message digest');

  it('verifies the published Annex A signature and rejects it altered', () => {
    const publicKey = publicKeyFromBytes('sm2', fromHex(annexA.publicKey));
    const signature = fromHex(annexA.r + annexA.s);
    expect(verify(publicKey, annexMessage, signature)).toBe(true);
    expect(verify(publicKey, annexMessage, flipBit(signature, 300))).toBe(false);
    expect(verify(publicKey, new TextEncoder().encode('message digesT'), signature)).toBe(false);
  });

  it('derives the Annex A public key from the Annex A private key and signs verifiably with it', () => {
    const der = fromHex(
      '308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420' +
        annexA.d +
        'a144034200' +
        annexA.publicKey,
    );
    const key = importSigningKey(pem('PRIVATE KEY', der));
    expect(toHex(publicKeyBytes(key))).toBe(annexA.publicKey);
    expect(verify(key.publicKey, annexMessage, sign(key, annexMessage))).toBe(true);
    expect(exportSigningKey(key)).toBe(pem('PRIVATE KEY', der));
  });

  it('rejects points off the curve and non-uncompressed encodings', () => {
    const raw = fromHex(annexA.publicKey);
    expect(() => publicKeyFromBytes('sm2', flipBit(raw, 519))).toThrow(RangeError);
    expect(() => publicKeyFromBytes('sm2', raw.subarray(0, 33))).toThrow(RangeError);
    const offCurve = { algorithm: 'sm2' as const, bytes: flipBit(raw, 519) };
    expect(verify(offCurve, annexMessage, fromHex(annexA.r + annexA.s))).toBe(false);
  });

  it('refuses a key file whose public key does not match its private key', () => {
    const other = publicKeyBytes(generateSigningKey('sm2'));
    const der = fromHex(
      '308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420' +
        annexA.d +
        'a144034200' +
        toHex(other),
    );
    expect(() => importSigningKey(pem('PRIVATE KEY', der))).toThrow(/does not match/);
  });
});

describe('importSigningKey', () => {
  it('refuses text that is not a private key, and key types other than Ed25519 and SM2', () => {
    expect(() => importSigningKey('not a key')).toThrow(/not a PEM private key/);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => importSigningKey(p256.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      /unsupported/,
    );
  });
});
