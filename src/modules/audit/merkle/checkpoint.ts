// Checkpoints (c2sp.org/tlog-checkpoint): origin, tree size and root hash as the text of a signed note.
// The signed-note functions are re-exported so checkpoint code needs one import.
import { fromBase64, toBase64 } from '../../../platform/crypto/hash.js';
import { NoteError, isNoteText } from './signed-note.js';
import { HASH_SIZE } from './tree.js';

export {
  NoteError,
  formatVerifierKey,
  keyId,
  parseVerifierKey,
  signNote,
  verifierFor,
  verifyNote,
  type NoteErrorCode,
  type NoteSigner,
  type NoteVerifier,
  type TrustedKeys,
} from './signed-note.js';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Opaque extra body lines; the spec discourages them, since monitors cannot audit them. */
  extensions?: string[];
}

const MAX_SIZE_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  const fail = (why: string) => new NoteError('audit.checkpoint_malformed', why);
  if (origin === '' || !isNoteLine(origin)) throw fail('origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw fail('size must be a non-negative safe integer');
  if (rootHash.length !== HASH_SIZE) throw fail(`root hash must be ${HASH_SIZE} bytes`);
  if (extensions.some((line) => line === '' || !isNoteLine(line))) {
    throw fail('extension lines must be non-empty lines');
  }
  return [origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/** The body of a checkpoint, as returned by verifyNote. */
export function parseCheckpoint(text: string): Checkpoint {
  const fail = (why: string) => new NoteError('audit.checkpoint_malformed', why);
  if (!isNoteText(text) || !text.endsWith('\n')) throw fail('a checkpoint is note text ending in a newline');
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin || sizeLine === undefined || rootLine === undefined) {
    throw fail('origin, size and root hash are required');
  }
  // No sign, no leading zeroes, nothing a JS number cannot hold exactly.
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine) || sizeLine.length > MAX_SIZE_DIGITS) throw fail('bad tree size');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw fail('tree size exceeds 2^53 - 1');
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(rootLine);
  } catch {
    throw fail('root hash is not canonical base64');
  }
  if (rootHash.length !== HASH_SIZE) throw fail(`root hash must be ${HASH_SIZE} bytes`);
  if (extensions.includes('')) throw fail('extension lines must be non-empty');
  return extensions.length > 0 ? { origin, size, rootHash, extensions } : { origin, size, rootHash };
}

function isNoteLine(line: string): boolean {
  return isNoteText(line) && !line.includes('\n');
}
