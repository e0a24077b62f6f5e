import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../platform/crypto/signing.js';
import {
  NoteError,
  formatCheckpoint,
  formatVerifierKey,
  parseCheckpoint,
  signNote,
  verifyNote,
  type NoteErrorCode,
} from './checkpoint.js';
import { StreamingTree, leafHash } from './tree.js';

// Example checkpoint body from C2SP/C2SP tlog-checkpoint.md.
const C2SP_CHECKPOINT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

function errorCode(run: () => unknown): NoteErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof NoteError) return error.code;
    throw error;
  }
  return undefined;
}

describe('checkpoints', () => {
  it('parse and re-format the C2SP example byte for byte', () => {
    const checkpoint = parseCheckpoint(C2SP_CHECKPOINT);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.size).toBe(20852163);
    expect(checkpoint.rootHash).toHaveLength(32);
    expect(formatCheckpoint(checkpoint)).toBe(C2SP_CHECKPOINT);
  });

  it('carry extension lines', () => {
    const checkpoint = { origin: 'o', size: 0, rootHash: new Uint8Array(32), extensions: ['x', 'y z'] };
    expect(parseCheckpoint(formatCheckpoint(checkpoint))).toEqual(checkpoint);
  });

  it('reject malformed bodies', () => {
    const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    const bad = [
      `o\n1\n${root}`,
      `\n1\n${root}\n`,
      `o\n01\n${root}\n`,
      `o\n+1\n${root}\n`,
      `o\n-1\n${root}\n`,
      `o\n1e3\n${root}\n`,
      `o\n 1\n${root}\n`,
      `o\n9007199254740992\n${root}\n`,
      `o\n1\n${root.slice(4)}\n`,
      `o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n`,
      `o\n1\n${root}\n\n`,
      `o\n1\n`,
    ];
    for (const text of bad) expect(errorCode(() => parseCheckpoint(text))).toBe('audit.checkpoint_malformed');
  });

  it('refuse to format what they could not parse', () => {
    const root = new Uint8Array(32);
    for (const checkpoint of [
      { origin: '', size: 1, rootHash: root },
      { origin: 'a\nb', size: 1, rootHash: root },
      { origin: 'o', size: -1, rootHash: root },
      { origin: 'o', size: 1.5, rootHash: root },
      { origin: 'o', size: 1, rootHash: root.subarray(1) },
      { origin: 'o', size: 1, rootHash: root, extensions: [''] },
    ]) {
      expect(errorCode(() => formatCheckpoint(checkpoint))).toBe('audit.checkpoint_malformed');
    }
  });

  it('go from tree to signed checkpoint and back', () => {
    const tree = new StreamingTree();
    for (let i = 0; i < 5; i += 1) tree.push(leafHash(new Uint8Array([i])));
    const key = generateSigningKey('sm2');
    const note = signNote(
      formatCheckpoint({ origin: 'custos.example/log', size: tree.size, rootHash: tree.root() }),
      {
        name: 'custos.example/log',
        key,
      },
    );
    const checkpoint = parseCheckpoint(
      verifyNote(note, formatVerifierKey('custos.example/log', key.publicKey)),
    );
    expect(checkpoint).toEqual({ origin: 'custos.example/log', size: 5, rootHash: tree.root() });
  });
});
