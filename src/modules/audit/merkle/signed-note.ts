// Signed notes (c2sp.org/signed-note): a text plus signature lines, byte compatible with
// golang.org/x/mod/sumdb/note for Ed25519 so standard tooling can verify what we sign.
//
// SM2 has no signature type byte assigned by signed-note. The spec reserves 0xff for such types and
// recommends following it with "a longer identifier that is unlikely to collide"; ours is the DER encoding
// of the SM2-with-SM3 signature OID 1.2.156.10197.1.501 (GM/T 0006), which is registered, unique and
// self-delimiting. An SM2 key therefore has type bytes ff 06 08 2a 81 1c cf 55 01 83 75, used both in
// the key ID hash and in the verifier key; the public key is the 65-byte point 0x04||x||y and the signature
// is r||s (64 bytes), with the default user id 1234567812345678.
import { fromBase64, fromHex, sha256, toBase64 } from '../../../platform/crypto/hash.js';
import {
  publicKeyFromBytes,
  sign,
  verify,
  type PublicKey,
  type SignatureAlgorithm,
  type SigningKey,
} from '../../../platform/crypto/signing.js';

export interface NoteSigner {
  name: string;
  key: SigningKey;
}

export interface NoteVerifier {
  name: string;
  /** The uint32 key ID, as carried in signatures and verifier keys. */
  keyId: number;
  publicKey: PublicKey;
}

/** Verifier key strings (`name+id+key`) or parsed verifiers, one or many. */
export type TrustedKeys = NoteVerifier | string | readonly (NoteVerifier | string)[];

export type NoteErrorCode =
  | 'audit.note_malformed'
  | 'audit.note_unverified'
  | 'audit.note_bad_signature'
  | 'audit.checkpoint_malformed'
  | 'audit.verifier_key_malformed';

export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'NoteError';
  }
}

const TYPE_BYTES: Record<SignatureAlgorithm, Uint8Array> = {
  ed25519: new Uint8Array([0x01]),
  sm2: fromHex('ff' + '06082a811ccf55018375'),
};
const PUBLIC_KEY_SIZE: Record<SignatureAlgorithm, number> = { ed25519: 32, sm2: 65 };
const SIGNATURE_PREFIX = '\u2014 ';
/** signed-note: verifiers MUST accept at least 16; the Go reference accepts 100. */
const MAX_SIGNATURES = 100;

/** key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
export function keyId(name: string, publicKey: PublicKey): number {
  const hash = sha256(Buffer.concat([Buffer.from(`${name}\n`), keyData(publicKey)]));
  return Buffer.from(hash).readUInt32BE(0);
}

/** `<name>+<hex key id>+<base64(type || public key)>`, the form note.NewVerifier reads. */
export function formatVerifierKey(name: string, publicKey: PublicKey): string {
  if (!isKeyName(name)) throw new NoteError('audit.verifier_key_malformed', 'invalid key name');
  return `${name}+${hex8(keyId(name, publicKey))}+${toBase64(keyData(publicKey))}`;
}

export function parseVerifierKey(text: string): NoteVerifier {
  const fail = (why: string) => new NoteError('audit.verifier_key_malformed', why);
  const match = /^([^+]+)\+([0-9a-fA-F]{8})\+([A-Za-z0-9+/=]+)$/.exec(text);
  const [, name, id, data] = match ?? [];
  if (name === undefined || id === undefined || data === undefined || !isKeyName(name)) {
    throw fail('expected <name>+<8 hex digits>+<base64 key>');
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(data);
  } catch {
    throw fail('key data is not canonical base64');
  }
  const algorithm = (Object.keys(TYPE_BYTES) as SignatureAlgorithm[]).find(
    (alg) =>
      startsWith(bytes, TYPE_BYTES[alg]) && bytes.length === TYPE_BYTES[alg].length + PUBLIC_KEY_SIZE[alg],
  );
  if (!algorithm) throw fail('unknown signature type or wrong key length');
  let publicKey: PublicKey;
  try {
    publicKey = publicKeyFromBytes(algorithm, bytes.subarray(TYPE_BYTES[algorithm].length));
  } catch {
    throw fail('invalid public key');
  }
  const expected = keyId(name, publicKey);
  if (Number.parseInt(id, 16) !== expected) throw fail('key ID does not match name and key');
  return { name, keyId: expected, publicKey };
}

export function verifierFor(name: string, publicKey: PublicKey): NoteVerifier {
  if (!isKeyName(name)) throw new NoteError('audit.verifier_key_malformed', 'invalid key name');
  return { name, keyId: keyId(name, publicKey), publicKey };
}

/** Appends one signature line per signer to `body`, which must be note text ending in a newline. */
export function signNote(body: string, signers: NoteSigner | readonly NoteSigner[]): string {
  const list = asList(signers);
  if (!isNoteText(body) || !body.endsWith('\n')) {
    throw new NoteError('audit.note_malformed', 'note text must be valid text ending in a newline');
  }
  if (list.length === 0) throw new NoteError('audit.note_malformed', 'a note needs at least one signature');
  const message = Buffer.from(body, 'utf8');
  const lines = list.map(({ name, key }) => {
    if (!isKeyName(name)) throw new NoteError('audit.note_malformed', 'invalid key name');
    const id = Buffer.alloc(4);
    id.writeUInt32BE(keyId(name, key.publicKey));
    return `${SIGNATURE_PREFIX}${name} ${toBase64(Buffer.concat([id, sign(key, message)]))}\n`;
  });
  return `${body}\n${lines.join('')}`;
}

/**
 * Checks a signed note against the trusted keys (verifier key strings or parsed verifiers) and returns
 * its text: the body, final newline included. As signed-note requires, signatures by unknown keys (name
 * and key ID not both matching) are ignored; every signature by a known key is verified, duplicates
 * included, and any failure rejects the note; a note without a valid signature by a known key is
 * rejected. Pass bytes read from a file rather than a decoded string, so invalid UTF-8 is refused too.
 */
export function verifyNote(note: string | Uint8Array, trusted: TrustedKeys): string {
  const known = verifierMap(trusted);
  const malformed = (why: string) => new NoteError('audit.note_malformed', why);
  let noteText: string;
  try {
    noteText = typeof note === 'string' ? note : new TextDecoder('utf-8', { fatal: true }).decode(note);
  } catch {
    throw malformed('note is not valid UTF-8');
  }
  if (!isNoteText(noteText)) throw malformed('notes are UTF-8 without control characters other than newline');
  const split = noteText.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = noteText.slice(0, split + 1);
  const signatureBlock = noteText.slice(split + 2);
  if (signatureBlock === '' || !signatureBlock.endsWith('\n')) {
    throw malformed('signature lines must end in a newline');
  }
  const lines = signatureBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  const message = Buffer.from(text, 'utf8');
  let verified = 0;
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw malformed('a signature line must start with an em dash and a space');
    }
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, Math.max(space, 0));
    if (space < 0 || !isKeyName(name)) throw malformed('bad key name in a signature line');
    let signature: Uint8Array;
    try {
      signature = fromBase64(rest.slice(space + 1));
    } catch {
      throw malformed('signature is not canonical base64');
    }
    if (signature.length < 5) throw malformed('signature too short');
    const id = Buffer.from(signature).readUInt32BE(0);
    const verifier = known.get(`${name}+${hex8(id)}`);
    if (!verifier) continue;
    if (!verify(verifier.publicKey, message, signature.subarray(4))) {
      throw new NoteError('audit.note_bad_signature', `invalid signature for key ${name}+${hex8(id)}`);
    }
    verified += 1;
  }
  if (verified === 0) throw new NoteError('audit.note_unverified', 'no signature by a trusted key');
  return text;
}

function verifierMap(trusted: TrustedKeys): Map<string, NoteVerifier> {
  const map = new Map<string, NoteVerifier>();
  const list = asList(trusted);
  for (const entry of list) {
    const verifier = typeof entry === 'string' ? parseVerifierKey(entry) : entry;
    // A caller-supplied ID must be the one the key actually has, or a forged list could vouch for it.
    if (verifier.keyId !== keyId(verifier.name, verifier.publicKey)) {
      throw new RangeError(`verifier ${verifier.name} carries a key ID that does not match its key`);
    }
    const key = `${verifier.name}+${hex8(verifier.keyId)}`;
    if (map.has(key)) throw new RangeError(`ambiguous verifiers: two keys are named ${key}`);
    map.set(key, verifier);
  }
  return map;
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function keyData(publicKey: PublicKey): Buffer {
  return Buffer.concat([TYPE_BYTES[publicKey.algorithm], publicKey.bytes]);
}

/** Non-empty, without Unicode white space or plus (the Go reference uses unicode.IsSpace). */
function isKeyName(name: string): boolean {
  return name !== '' && isNoteText(name) && !/[\p{White_Space}+]/u.test(name);
}

/** Well-formed Unicode (so it encodes to valid UTF-8) with no control character below U+0020 but newline. */
export function isNoteText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 && unit !== 0x0a) return false;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && Buffer.compare(bytes.subarray(0, prefix.length), prefix) === 0;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
