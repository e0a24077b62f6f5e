import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, sha256, toHex } from '../../../platform/crypto/hash.js';
import {
  StreamingTree,
  appendNodes,
  emptyRoot,
  frontierNodes,
  hashRange,
  leafHash,
  nodeHash,
  perfectNodesCovering,
  rootAt,
  type MerkleNode,
  type NodeKey,
  type NodeLookup,
} from './tree.js';

// Published RFC 6962 test tree, copied from transparency-dev/merkle testonly/constants.go: LeafInputs,
// NodeHashes (every perfect subtree, by level then index), RootHashes (sizes 0..8) and CompactTrees.
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const NODE_HASHES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const ROOT_HASHES = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// CompactTrees()[size] as [level, index] pairs into NodeHashes.
const COMPACT_TREES: [number, number][][] = [
  [],
  [[0, 0]],
  [[1, 0]],
  [
    [1, 0],
    [0, 2],
  ],
  [[2, 0]],
  [
    [2, 0],
    [0, 4],
  ],
  [
    [2, 0],
    [1, 2],
  ],
  [
    [2, 0],
    [1, 2],
    [0, 6],
  ],
  [[3, 0]],
];

/** MTH straight from RFC 9162 §2.1.1, over leaf data, for comparison. */
function referenceRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return sha256(new Uint8Array());
  if (leafHashes.length === 1) return leafHashes[0]!;
  let k = 1;
  while (k * 2 < leafHashes.length) k *= 2;
  return nodeHash(referenceRoot(leafHashes.slice(0, k)), referenceRoot(leafHashes.slice(k)));
}

/** A node store as the database will hold it, with a lookup that records what it was asked for. */
class NodeStore {
  readonly nodes = new Map<string, Uint8Array>();
  readonly reads: NodeKey[] = [];
  readonly lookup: NodeLookup = (level, index) => {
    this.reads.push({ level, index });
    const hash = this.nodes.get(`${level}/${index}`);
    if (!hash) throw new Error(`node ${level}/${index} not stored`);
    return hash;
  };

  put(node: MerkleNode): void {
    this.nodes.set(`${node.level}/${node.index}`, node.hash);
  }

  /** Appends through appendNodes, exactly as the integrator will. */
  append(size: number, leafHashes: Uint8Array[]): void {
    leafHashes.forEach((hash, i) => this.put({ level: 0, index: size + i, hash }));
    for (const node of appendNodes(size, leafHashes, this.lookup)) this.put(node);
  }
}

const leafHashesOf = (count: number, seed: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => leafHash(new TextEncoder().encode(`${seed}:${i}`)));

describe('published RFC 6962 test tree (transparency-dev/merkle)', () => {
  const leaves = LEAF_INPUTS.map((input) => leafHash(fromHex(input)));
  const published = new NodeStore();
  NODE_HASHES.forEach((level, l) =>
    level.forEach((h, i) => published.put({ level: l, index: i, hash: fromHex(h) })),
  );

  it('hashes the leaves and builds every perfect node as published', () => {
    expect(leaves.map(toHex)).toEqual(NODE_HASHES[0]);
    const built = new NodeStore();
    built.append(0, leaves);
    for (const [l, level] of NODE_HASHES.entries()) {
      level.forEach((hash, i) => expect(toHex(built.lookup(l, i))).toBe(hash));
    }
  });

  it('computes every published root from the published nodes alone', () => {
    for (let size = 0; size <= 8; size += 1) {
      expect(toHex(rootAt(size, published.lookup))).toBe(ROOT_HASHES[size]);
    }
    expect(toHex(emptyRoot())).toBe(ROOT_HASHES[0]);
  });

  it('lists the published compact trees as frontier nodes', () => {
    for (let size = 0; size <= 8; size += 1) {
      expect(frontierNodes(size).map(({ level, index }) => [level, index])).toEqual(COMPACT_TREES[size]);
    }
  });

  it('streams to every published root', () => {
    const tree = new StreamingTree();
    expect(toHex(tree.root())).toBe(ROOT_HASHES[0]);
    leaves.forEach((leaf, i) => {
      tree.push(leaf);
      expect(tree.size).toBe(i + 1);
      expect(toHex(tree.root())).toBe(ROOT_HASHES[i + 1]);
    });
  });
});

describe('tree properties', () => {
  const sizeAndSplits = fc
    .integer({ min: 0, max: 300 })
    .chain((size) =>
      fc.tuple(fc.constant(size), fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, size - 1) }))),
    );

  it('appendNodes in arbitrary batches stores nodes from which every root and range matches the RFC', () => {
    fc.assert(
      fc.property(sizeAndSplits, fc.integer(), fc.nat(), fc.nat(), ([size, cuts], seed, a, b) => {
        const leaves = leafHashesOf(size, seed);
        const store = new NodeStore();
        const bounds = [0, ...cuts.filter((c) => c < size).sort((a, b) => a - b), size];
        for (let b = 1; b < bounds.length; b += 1) {
          store.append(bounds[b - 1]!, leaves.slice(bounds[b - 1], bounds[b]));
        }
        // Exactly the perfect subtrees exist: 2n - popcount(n) nodes.
        const perfect = Array.from({ length: 9 }, (_, l) => Math.floor(size / 2 ** l)).reduce(
          (a, b) => a + b,
          0,
        );
        expect(store.nodes.size).toBe(perfect);
        for (const s of [size, Math.floor(size / 2), Math.max(0, size - 1)]) {
          expect(rootAt(s, store.lookup)).toEqual(referenceRoot(leaves.slice(0, s)));
        }
        const lo = a % (size + 1);
        const hi = lo + (b % (size - lo + 1));
        expect(hashRange(lo, hi, store.lookup)).toEqual(referenceRoot(leaves.slice(lo, hi)));
      }),
    );
  });

  it('hashRange reads exactly the nodes perfectNodesCovering lists, O(log n) of them from 0', () => {
    const store = new NodeStore();
    const leaves = leafHashesOf(300, 7);
    store.append(0, leaves);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (size) => {
        store.reads.length = 0;
        rootAt(size, store.lookup);
        expect(store.reads).toEqual(perfectNodesCovering(0, size));
        expect(store.reads.length).toBeLessThanOrEqual(9);
      }),
    );
  });

  it('StreamingTree agrees with the RFC at every size and reports each perfect node once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer(), (size, seed) => {
        const leaves = leafHashesOf(size, seed);
        const reported: MerkleNode[] = [];
        const tree = new StreamingTree({ onNode: (node) => reported.push(node) });
        leaves.forEach((leaf, i) => {
          tree.push(leaf);
          if (i % 37 === 0 || i === size - 1) {
            expect(tree.root()).toEqual(referenceRoot(leaves.slice(0, i + 1)));
          }
        });
        for (const node of reported) {
          const width = 2 ** node.level;
          expect(node.hash).toEqual(
            referenceRoot(leaves.slice(node.index * width, (node.index + 1) * width)),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('resumes a StreamingTree from stored frontier nodes', () => {
    const leaves = leafHashesOf(100, 3);
    const store = new NodeStore();
    store.append(0, leaves.slice(0, 57));
    const tree = StreamingTree.resume(57, store.lookup);
    leaves.slice(57).forEach((leaf) => tree.push(leaf));
    expect(tree.root()).toEqual(referenceRoot(leaves));
  });
});

describe('sizes beyond 32 bits', () => {
  // A tree whose leaves all share one hash is consistent at every size, and its perfect node at level l
  // has one hash, so huge trees can be stored virtually.
  const levels = [leafHash(new Uint8Array([1]))];
  for (let l = 1; l <= 53; l += 1) levels.push(nodeHash(levels[l - 1]!, levels[l - 1]!));
  const lookup: NodeLookup = (level) => levels[level]!;

  it('computes roots and appends past 2^32 with exact arithmetic', () => {
    const size = 2 ** 40 + 2 ** 33 + 5;
    expect(frontierNodes(size)).toEqual([
      { level: 40, index: 0 },
      { level: 33, index: 2 ** 7 },
      { level: 2, index: (2 ** 40 + 2 ** 33) / 4 },
      { level: 0, index: 2 ** 40 + 2 ** 33 + 4 },
    ]);
    const tree = StreamingTree.resume(size, lookup);
    const created = appendNodes(size, [levels[0]!, levels[0]!, levels[0]!], lookup);
    expect(created.map(({ level, index }) => ({ level, index }))).toEqual([
      { level: 1, index: (size - 1) / 2 },
      { level: 1, index: (size + 1) / 2 },
      { level: 2, index: (size + 3) / 4 - 1 },
      { level: 3, index: (size + 3) / 8 - 1 },
    ]);
    for (let i = 0; i < 3; i += 1) tree.push(levels[0]!);
    expect(tree.root()).toEqual(rootAt(size + 3, lookup));
  });

  it('handles the largest safe size', () => {
    const size = Number.MAX_SAFE_INTEGER;
    expect(frontierNodes(size)).toHaveLength(53);
    expect(rootAt(size, lookup)).toHaveLength(32);
  });
});

describe('argument validation', () => {
  it('throws RangeError on bad sizes and ranges', () => {
    const lookup: NodeLookup = () => new Uint8Array(32);
    expect(() => perfectNodesCovering(5, 3)).toThrow(RangeError);
    expect(() => perfectNodesCovering(-1, 3)).toThrow(RangeError);
    expect(() => frontierNodes(1.5)).toThrow(RangeError);
    expect(() => rootAt(2 ** 53, lookup)).toThrow(RangeError);
    expect(() => hashRange(0, Number.NaN, lookup)).toThrow(RangeError);
  });

  it('refuses leaf hashes and stored nodes that are not 32 bytes', () => {
    expect(() => new StreamingTree().push(new Uint8Array(31))).toThrow(TypeError);
    expect(() => rootAt(3, () => new Uint8Array(0))).toThrow(TypeError);
  });
});
