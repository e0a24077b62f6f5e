import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64 } from '../../../platform/crypto/hash.js';
import { generateSigningKey, importSigningKey, type SigningKey } from '../../../platform/crypto/signing.js';
import { formatCheckpoint } from './checkpoint.js';
import {
  NoteError,
  formatVerifierKey,
  keyId,
  parseVerifierKey,
  signNote,
  verifierFor,
  verifyNote,
  type NoteErrorCode,
} from './signed-note.js';

// Published vectors copied from golang/mod sumdb/note/note_test.go (TestNewVerifier, TestSign, TestOpen).
const PETER_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VERIFIER_KEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

/** The Go signer key is 0x01 || Ed25519 seed; wrap the seed as PKCS#8 (RFC 8410) to import it. */
function peterKey(): SigningKey {
  const seed = fromBase64(PETER_SIGNER_KEY.split('+').slice(4).join('+')).subarray(1);
  const der = Buffer.concat([fromHex('302e020100300506032b657004220420'), seed]);
  return importSigningKey(
    `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`,
  );
}

function errorCode(run: () => unknown): NoteErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof NoteError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Ed25519 signed notes are byte-compatible with golang.org/x/mod/sumdb/note', () => {
  const peter = peterKey();

  it('derives the published verifier key and key ID', () => {
    expect(formatVerifierKey('PeterNeumann', peter.publicKey)).toBe(PETER_VERIFIER_KEY);
    expect(keyId('PeterNeumann', peter.publicKey)).toBe(0xc74f20a3);
    expect(parseVerifierKey(PETER_VERIFIER_KEY)).toEqual(verifierFor('PeterNeumann', peter.publicKey));
  });

  it('produces the published signed note', () => {
    expect(signNote(TEXT, { name: 'PeterNeumann', key: peter })).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('opens the published notes as TestOpen does', () => {
    expect(verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, PETER_VERIFIER_KEY)).toBe(TEXT);
    expect(verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [PETER_VERIFIER_KEY, ENOCH_VERIFIER_KEY])).toBe(
      TEXT,
    );
    expect(verifyNote(`${TEXT}\n${ENOCH_SIG}`, ENOCH_VERIFIER_KEY)).toBe(TEXT);
    expect(errorCode(() => verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, []))).toBe(
      'audit.note_unverified',
    );
    const altered = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(errorCode(() => verifyNote(altered, PETER_VERIFIER_KEY))).toBe('audit.note_bad_signature');
    const enochAltered = `${ENOCH_SIG.slice(0, 60)}ABCD${ENOCH_SIG.slice(60)}`;
    const duplicated = `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochAltered}`;
    expect(verifyNote(duplicated, PETER_VERIFIER_KEY)).toBe(TEXT);
    expect(errorCode(() => verifyNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, PETER_VERIFIER_KEY))).toBe(
      'audit.note_malformed',
    );
  });

  it('rejects the malformed notes of TestOpen', () => {
    const bad: (string | Uint8Array)[] = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]),
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
    ];
    for (const note of bad)
      expect(errorCode(() => verifyNote(note, PETER_VERIFIER_KEY))).toBe('audit.note_malformed');
  });

  it('rejects every mangling of the published verifier key, as TestNewVerifier does', () => {
    const bad: string[] = [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    ];
    for (let i = 0; i <= PETER_VERIFIER_KEY.length; i += 1) {
      for (let j = i + 1; j <= PETER_VERIFIER_KEY.length; j += 1) {
        if (i !== 0 || j !== PETER_VERIFIER_KEY.length) bad.push(PETER_VERIFIER_KEY.slice(i, j));
      }
    }
    for (let i = 0; i < PETER_VERIFIER_KEY.length; i += 1) {
      const next = String.fromCharCode(PETER_VERIFIER_KEY.charCodeAt(i) + 1);
      bad.push(PETER_VERIFIER_KEY.slice(0, i) + next + PETER_VERIFIER_KEY.slice(i + 1));
    }
    for (const key of bad)
      expect(errorCode(() => parseVerifierKey(key))).toBe('audit.verifier_key_malformed');
  });
});

describe('SM2 signed notes', () => {
  const key = generateSigningKey('sm2');
  const name = 'custos.example/audit';
  const body = formatCheckpoint({ origin: name, size: 3, rootHash: new Uint8Array(32).fill(7) });

  it('identify the key type as 0xff followed by the DER SM2-with-SM3 OID', () => {
    const verifierKey = formatVerifierKey(name, key.publicKey);
    const data = fromBase64(verifierKey.split('+').slice(2).join('+'));
    expect(Buffer.from(data.subarray(0, 11)).toString('hex')).toBe('ff06082a811ccf55018375');
    expect(data.subarray(11)).toEqual(key.publicKey.bytes);
    expect(parseVerifierKey(verifierKey)).toEqual(verifierFor(name, key.publicKey));
  });

  it('sign and verify, and reject a changed body or signature', () => {
    const note = signNote(body, { name, key });
    const verifierKey = formatVerifierKey(name, key.publicKey);
    expect(verifyNote(note, verifierKey)).toBe(body);
    expect(errorCode(() => verifyNote(note.replace('\n3\n', '\n4\n'), verifierKey))).toBe(
      'audit.note_bad_signature',
    );
    const line = note.slice(body.length + 1, -1);
    const signature = fromBase64(line.split(' ')[2]!);
    signature[40]! ^= 1;
    const forged = `${body}\n— ${name} ${toBase64(signature)}\n`;
    expect(errorCode(() => verifyNote(forged, verifierKey))).toBe('audit.note_bad_signature');
  });

  it('co-sign with Ed25519; each verifier accepts the note alone', () => {
    const witness = generateSigningKey('ed25519');
    const note = signNote(body, [
      { name, key },
      { name: 'witness.example', key: witness },
    ]);
    expect(verifyNote(note, formatVerifierKey(name, key.publicKey))).toBe(body);
    expect(verifyNote(note, verifierFor('witness.example', witness.publicKey))).toBe(body);
  });
});

describe('signed note rules', () => {
  const key = generateSigningKey('ed25519');

  it('ignores a known name with another key, so the note is unverified', () => {
    const note = signNote('hello\n', { name: 'log', key: generateSigningKey('ed25519') });
    expect(errorCode(() => verifyNote(note, verifierFor('log', key.publicKey)))).toBe(
      'audit.note_unverified',
    );
  });

  it('keeps blank lines inside the text', () => {
    const text = 'a\n\nb\n';
    expect(verifyNote(signNote(text, { name: 'log', key }), verifierFor('log', key.publicKey))).toBe(text);
  });

  it('refuses to sign text that is not a note body', () => {
    for (const text of ['no newline', 'tab\there\n', '\ud800\n']) {
      expect(errorCode(() => signNote(text, { name: 'log', key }))).toBe('audit.note_malformed');
    }
    for (const name of ['', 'a b', 'a+b', 'a\u00a0b']) {
      expect(errorCode(() => signNote('x\n', { name, key }))).toBe('audit.note_malformed');
    }
    expect(errorCode(() => signNote('x\n', []))).toBe('audit.note_malformed');
  });

  it('refuses a verifier list that is ambiguous or whose key ID is wrong', () => {
    const verifier = verifierFor('log', key.publicKey);
    const note = signNote('x\n', { name: 'log', key });
    expect(() => verifyNote(note, [verifier, verifier])).toThrow(RangeError);
    expect(() => verifyNote(note, { ...verifier, keyId: verifier.keyId ^ 1 })).toThrow(RangeError);
  });
});
