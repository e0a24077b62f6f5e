import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, sha256, toHex } from '../../../platform/crypto/hash.js';
import {
  consistencyProof,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofNodes,
  verifyConsistency,
  verifyInclusion,
} from './proofs.js';
import { appendNodes, emptyRoot, leafHash, nodeHash, rootAt, type NodeKey, type NodeLookup } from './tree.js';

// Published vectors copied from transparency-dev/merkle proof/verify_test.go (leaves, roots for sizes 1..8,
// inclusionProofs with 1-based leaf numbers, consistencyProofs). The same tree is in
// google/certificate-transparency-go merkletree tests.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION_PROOFS: { leaf: number; size: number; proof: string[] }[] = [
  { leaf: 1, size: 1, proof: [] },
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY_PROOFS: { size1: number; size2: number; proof: string[] }[] = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
// From the same file: sha256SomeHash, a 32-byte value that is no node of the tree.
const SOME_HASH = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');

// RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed directly, over all leaf hashes.
function referenceRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array());
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}
function referencePath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}
function referenceSubproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === leaves.length) return b ? [] : [referenceRoot(leaves)];
  const k = split(leaves.length);
  return m <= k
    ? [...referenceSubproof(m, leaves.slice(0, k), b), referenceRoot(leaves.slice(k))]
    : [...referenceSubproof(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}
function referenceConsistency(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return m === 0 ? [] : referenceSubproof(m, leaves, true);
}
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Stores leaves and nodes as the database will, and only answers for nodes it was told to prefetch. */
function storeOf(leaves: readonly Uint8Array[]) {
  const nodes = new Map<string, Uint8Array>();
  leaves.forEach((hash, index) => nodes.set(`0/${index}`, hash));
  const all: NodeLookup = (level, index) => nodes.get(`${level}/${index}`)!;
  for (const node of appendNodes(0, leaves, all)) nodes.set(`${node.level}/${node.index}`, node.hash);
  return {
    prefetched(keys: NodeKey[]): NodeLookup {
      const allowed = new Set(keys.map(({ level, index }) => `${level}/${index}`));
      return (level, index) => {
        if (!allowed.has(`${level}/${index}`)) throw new Error(`node ${level}/${index} was not prefetched`);
        return all(level, index);
      };
    },
  };
}

function flip(proof: Uint8Array[], element: number, bit: number): Uint8Array[] {
  return proof.map((hash, i) => {
    if (i !== element) return hash;
    const copy = new Uint8Array(hash);
    copy[bit >> 3]! ^= 1 << (bit & 7);
    return copy;
  });
}

const leafHashes = (count: number, seed: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => leafHash(new TextEncoder().encode(`${seed}/${i}`)));

describe('published vectors (transparency-dev/merkle)', () => {
  const leaves = LEAVES.map((leaf) => leafHash(fromHex(leaf)));
  const store = storeOf(leaves);
  const root = (size: number) => fromHex(ROOTS[size - 1]!);

  it.each(INCLUSION_PROOFS)('inclusion of leaf $leaf in tree of size $size', ({ leaf, size, proof }) => {
    const index = leaf - 1;
    const lookup = store.prefetched(inclusionProofNodes(index, size));
    expect(inclusionProof(index, size, lookup).map(toHex)).toEqual(proof);
    const hashes = proof.map(fromHex);
    const good = leaves[index]!;
    expect(verifyInclusion(good, index, size, hashes, root(size))).toBe(true);
    // The corruptions of corruptInclusionProof in the same file.
    const bad: [Uint8Array, number, number, Uint8Array[], Uint8Array][] = [
      [good, index - 1, size, hashes, root(size)],
      [good, index + 1, size, hashes, root(size)],
      [good, index ^ 2, size, hashes, root(size)],
      [good, index, size * 2, hashes, root(size)],
      [good, index, Math.floor(size / 2), hashes, root(size)],
      [new TextEncoder().encode('WrongLeaf'), index, size, hashes, root(size)],
      [SOME_HASH, index, size, hashes, root(size)],
      [good, index, size, hashes, emptyRoot()],
      [good, index, size, hashes, SOME_HASH],
      [good, index, size, [...hashes, new Uint8Array()], root(size)],
      [good, index, size, [...hashes, root(size)], root(size)],
      [good, index, size, [new Uint8Array(), ...hashes], root(size)],
      [good, index, size, [root(size), ...hashes], root(size)],
      ...hashes.map((_, i): [Uint8Array, number, number, Uint8Array[], Uint8Array] => [
        good,
        index,
        size,
        flip(hashes, i, 3),
        root(size),
      ]),
    ];
    if (hashes.length > 0) bad.push([good, index, size, hashes.slice(0, -1), root(size)]);
    if (hashes.length > 1) {
      bad.push([good, index, size, [hashes[0]!, SOME_HASH, ...hashes.slice(1)], root(size)]);
    }
    for (const args of bad) expect(verifyInclusion(...args)).toBe(false);
  });

  it.each(CONSISTENCY_PROOFS)('consistency from $size1 to $size2', ({ size1, size2, proof }) => {
    const lookup = store.prefetched(consistencyProofNodes(size1, size2));
    expect(consistencyProof(size1, size2, lookup).map(toHex)).toEqual(proof);
    const hashes = proof.map(fromHex);
    const [root1, root2] = [root(size1), root(size2)];
    expect(verifyConsistency(size1, size2, root1, root2, hashes)).toBe(true);
    if (hashes.length === 0) return;
    // The corruptions of corruptConsistencyProof in the same file.
    const bad: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
      [size1 - 1, size2, root1, root2, hashes],
      [size1 + 1, size2, root1, root2, hashes],
      [size1 ^ 2, size2, root1, root2, hashes],
      [size1, size2 * 2, root1, root2, hashes],
      [size1, Math.floor(size2 / 2), root1, root2, hashes],
      [size1, size2, new TextEncoder().encode('WrongRoot'), root2, hashes],
      [size1, size2, root1, new TextEncoder().encode('WrongRoot'), hashes],
      [size1, size2, root2, root1, hashes],
      [size1, size2, root1, root2, []],
      [size1, size2, root1, root2, [...hashes, new Uint8Array()]],
      [size1, size2, root1, root2, [...hashes, root1]],
      [size1, size2, root1, root2, [...hashes, root2]],
      [size1, size2, root1, root2, [new Uint8Array(), ...hashes]],
      [size1, size2, root1, root2, [root1, ...hashes]],
      [size1, size2, root1, root2, [root2, ...hashes]],
      [size1, size2, root1, root2, [hashes[0]!, ...hashes]],
      [size1, size2, root1, root2, hashes.slice(0, -1)],
      ...hashes.map((_, i): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [
        size1,
        size2,
        root1,
        root2,
        flip(hashes, i, 4),
      ]),
    ];
    for (const args of bad) expect(verifyConsistency(...args)).toBe(false);
  });

  it('treats the trivial consistency cases as RFC 9162 and sigsum do', () => {
    const empty = emptyRoot();
    expect(verifyConsistency(0, 0, empty, empty, [])).toBe(true);
    expect(verifyConsistency(0, 8, empty, root(8), [])).toBe(true);
    expect(verifyConsistency(0, 8, root(1), root(8), [])).toBe(false); // a size-0 root must be MTH({})
    expect(verifyConsistency(0, 8, empty, root(8), [empty])).toBe(false);
    expect(verifyConsistency(3, 3, root(3), root(3), [])).toBe(true);
    expect(verifyConsistency(3, 3, root(3), root(4), [])).toBe(false);
    expect(verifyConsistency(3, 3, root(3), root(3), [root(3)])).toBe(false);
    expect(verifyConsistency(4, 3, root(4), root(3), [])).toBe(false);
    expect(verifyConsistency(1, 2, root(1), root(2), [])).toBe(false);
  });
});

describe('proof properties', () => {
  const sizeAndIndex = fc
    .integer({ min: 1, max: 300 })
    .chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1)));
  const twoSizes = fc
    .integer({ min: 0, max: 300 })
    .chain((n) => fc.tuple(fc.nat(n), fc.constant(n)))
    .map(([m, n]) => [m, n] as const);

  it('every inclusion proof matches the RFC, reads only its listed nodes, verifies, and fails when tampered', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.integer(), fc.nat(), ([size, index], seed, pick) => {
        const leaves = leafHashes(size, seed);
        const root = referenceRoot(leaves);
        const proof = inclusionProof(
          index,
          size,
          storeOf(leaves).prefetched(inclusionProofNodes(index, size)),
        );
        expect(proof).toEqual(referencePath(index, leaves));
        expect(verifyInclusion(leaves[index]!, index, size, proof, root)).toBe(true);
        if (proof.length > 0) {
          expect(
            verifyInclusion(leaves[index]!, index, size, flip(proof, pick % proof.length, pick % 256), root),
          ).toBe(false);
        }
        const other = (index + 1 + (pick % size)) % size;
        if (other !== index) expect(verifyInclusion(leaves[index]!, other, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[index]!, index, size * 2, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[index]!, index, size, proof, referenceRoot(leaves.slice(1)))).toBe(
          false,
        );
      }),
    );
  });

  it('every consistency proof matches the RFC, reads only its listed nodes, verifies, and fails when tampered', () => {
    fc.assert(
      fc.property(twoSizes, fc.integer(), fc.nat(), ([m, n], seed, pick) => {
        const leaves = leafHashes(n, seed);
        const rootM = referenceRoot(leaves.slice(0, m));
        const rootN = referenceRoot(leaves);
        const proof = consistencyProof(m, n, storeOf(leaves).prefetched(consistencyProofNodes(m, n)));
        expect(proof).toEqual(referenceConsistency(m, leaves));
        expect(verifyConsistency(m, n, rootM, rootN, proof)).toBe(true);
        if (proof.length > 0) {
          expect(verifyConsistency(m, n, rootM, rootN, flip(proof, pick % proof.length, pick % 256))).toBe(
            false,
          );
          expect(verifyConsistency(m, n, rootN, rootM, proof)).toBe(false);
          expect(verifyConsistency(m + 1, n, rootM, rootN, proof)).toBe(false);
          expect(verifyConsistency(m, n * 2, rootM, rootN, proof)).toBe(false);
        }
        // Size 0 is consistent with every later root, so only a non-empty old tree pins the new root.
        if (m > 0) {
          const forged = new Uint8Array(rootN);
          forged[pick % 32]! ^= 1;
          expect(verifyConsistency(m, n, rootM, forged, proof)).toBe(false);
        }
      }),
    );
  });

  it('keeps prefetch small: O(log n) nodes per proof', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.nat(), (n, pick) => {
        expect(inclusionProofNodes(pick % n, n).length).toBeLessThanOrEqual(2 * 41);
        expect(consistencyProofNodes(pick % (n + 1), n).length).toBeLessThanOrEqual(2 * 41);
      }),
    );
  });
});

describe('sizes beyond 32 bits', () => {
  // All leaves equal: a consistent tree of any size whose level-l nodes share one hash.
  const levels = [leafHash(new Uint8Array([7]))];
  for (let l = 1; l <= 53; l += 1) levels.push(nodeHash(levels[l - 1]!, levels[l - 1]!));
  const lookup: NodeLookup = (level) => levels[level]!;

  it('proves and verifies inclusion and consistency near 2^53', () => {
    const n = Number.MAX_SAFE_INTEGER - 2;
    const index = 2 ** 52 + 2 ** 33 + 11;
    const proof = inclusionProof(index, n, lookup);
    expect(verifyInclusion(levels[0]!, index, n, proof, rootAt(n, lookup))).toBe(true);
    expect(verifyInclusion(levels[0]!, index, n, flip(proof, 5, 0), rootAt(n, lookup))).toBe(false);
    const m = 2 ** 40 + 2 ** 35 + 3;
    const consistency = consistencyProof(m, n, lookup);
    expect(verifyConsistency(m, n, rootAt(m, lookup), rootAt(n, lookup), consistency)).toBe(true);
    expect(verifyConsistency(m, n, rootAt(m, lookup), rootAt(n, lookup), flip(consistency, 2, 9))).toBe(
      false,
    );
  });
});

describe('argument validation', () => {
  const lookup: NodeLookup = () => new Uint8Array(32);

  it('throws RangeError when asked for a proof that cannot exist', () => {
    expect(() => inclusionProof(5, 5, lookup)).toThrow(RangeError);
    expect(() => inclusionProofNodes(0, 0)).toThrow(RangeError);
    expect(() => inclusionProofNodes(-1, 4)).toThrow(RangeError);
    expect(() => consistencyProof(6, 3, lookup)).toThrow(RangeError);
    expect(() => consistencyProofNodes(1.5, 3)).toThrow(RangeError);
    expect(() => consistencyProofNodes(0, 2 ** 53)).toThrow(RangeError);
  });

  it('returns false rather than throwing for unusable verification input', () => {
    const hash = leafHash(new Uint8Array());
    expect(verifyInclusion(hash, 3, 3, [], hash)).toBe(false);
    expect(verifyInclusion(hash, Number.NaN, 3, [], hash)).toBe(false);
    expect(
      verifyInclusion(
        hash,
        0,
        1,
        Array.from({ length: 65 }, () => hash),
        hash,
      ),
    ).toBe(false);
    expect(verifyConsistency(1, Infinity, hash, hash, [hash])).toBe(false);
  });
});
