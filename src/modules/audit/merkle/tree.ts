// RFC 9162 §2.1 Merkle tree hash over SHA-256, computed from stored perfect subtrees.
//
// Storage model: the hash of every perfect, aligned subtree is one node (level, index) covering leaves
// [index·2^level, (index+1)·2^level); level 0 holds leaf hashes. Such nodes never change once their last
// leaf is appended, so they can be written once and read by any later proof. Every range the RFC's
// recursion produces from 0 splits into O(log n) of them, so a root or proof costs O(log n) lookups,
// which callers prefetch in one query (see perfectNodesCovering and the *Nodes functions).
import { createHasher, sha256 } from '../../../platform/crypto/hash.js';
import { assertCount, assertRange, floorLog2, isPowerOfTwo, splitPoint } from './sizes.js';

export const HASH_SIZE = 32;

export type NodeKey = { level: number; index: number };
export type MerkleNode = NodeKey & { hash: Uint8Array };
/** Synchronous: callers fetch the listed nodes first, then hand over a map lookup. */
export type NodeLookup = (level: number, index: number) => Uint8Array;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);
const EMPTY_ROOT = sha256(new Uint8Array());

export function leafHash(data: Uint8Array): Uint8Array {
  return createHasher('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHasher('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256 of the empty string. */
export function emptyRoot(): Uint8Array {
  return new Uint8Array(EMPTY_ROOT);
}

/**
 * The stored nodes whose hashes make up MTH(D[lo:hi]), left to right: the RFC's recursive split, stopped
 * wherever a part is a perfect aligned subtree. For ranges the RFC recursion produces from 0 (every
 * proof range) that is O(log n) nodes; an arbitrary unaligned range may bottom out in many leaves.
 */
export function perfectNodesCovering(lo: number, hi: number): NodeKey[] {
  assertRange(lo, hi);
  const nodes: NodeKey[] = [];
  const collect = (from: number, to: number): void => {
    const node = alignedNode(from, to);
    if (node) {
      nodes.push(node);
      return;
    }
    const k = splitPoint(to - from);
    collect(from, from + k);
    collect(from + k, to);
  };
  if (lo < hi) collect(lo, hi);
  return nodes;
}

/** MTH(D[lo:hi]) from the nodes listed by perfectNodesCovering(lo, hi). */
export function hashRange(lo: number, hi: number, lookup: NodeLookup): Uint8Array {
  assertRange(lo, hi);
  if (lo === hi) return emptyRoot();
  const hash = (from: number, to: number): Uint8Array => {
    const node = alignedNode(from, to);
    if (node) return fetchNode(lookup, node);
    const k = splitPoint(to - from);
    return nodeHash(hash(from, from + k), hash(from + k, to));
  };
  return hash(lo, hi);
}

export function rootAt(size: number, lookup: NodeLookup): Uint8Array {
  return hashRange(0, size, lookup);
}

/** The right-edge perfect subtrees of a tree of `size` (one per set bit), largest first. */
export function frontierNodes(size: number): NodeKey[] {
  assertCount('size', size);
  return perfectNodesCovering(0, size);
}

/**
 * Every perfect node at level >= 1 that appending `newLeafHashes` to a tree of `size` completes, in the
 * order they complete. The leaf hashes themselves (level 0) are the caller's to store. Reads only
 * frontierNodes(size).
 */
export function appendNodes(
  size: number,
  newLeafHashes: Iterable<Uint8Array>,
  lookup: NodeLookup,
): MerkleNode[] {
  const created: MerkleNode[] = [];
  const tree = StreamingTree.resume(size, lookup, { onNode: (node) => created.push(node) });
  for (const hash of newLeafHashes) tree.push(hash);
  return created;
}

export interface StreamingTreeOptions {
  /** Called with each perfect node (level >= 1) as it completes. */
  onNode?: (node: MerkleNode) => void;
}

/**
 * A compact range over [0, size): only the right-edge perfect subtrees, O(log n) memory. Lets an offline
 * verifier replay millions of leaves and compare the root at every checkpoint size.
 */
export class StreamingTree {
  #size = 0;
  /** Right-edge perfect subtrees, strictly decreasing level from bottom to top. */
  readonly #edge: MerkleNode[] = [];
  readonly #onNode: ((node: MerkleNode) => void) | undefined;

  constructor(options: StreamingTreeOptions = {}) {
    this.#onNode = options.onNode;
  }

  /** Continues a tree of `size` whose frontierNodes(size) are stored. */
  static resume(size: number, lookup: NodeLookup, options: StreamingTreeOptions = {}): StreamingTree {
    const tree = new StreamingTree(options);
    for (const key of frontierNodes(size)) tree.#edge.push({ ...key, hash: fetchNode(lookup, key) });
    tree.#size = size;
    return tree;
  }

  get size(): number {
    return this.#size;
  }

  push(leafHash: Uint8Array): void {
    checkHash(leafHash, 'leaf hash');
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError('tree is full');
    let node: MerkleNode = { level: 0, index: this.#size, hash: new Uint8Array(leafHash) };
    for (let top = this.#edge.at(-1); top?.level === node.level; top = this.#edge.at(-1)) {
      this.#edge.pop();
      node = { level: node.level + 1, index: top.index / 2, hash: nodeHash(top.hash, node.hash) };
      this.#onNode?.({ ...node, hash: new Uint8Array(node.hash) });
    }
    this.#edge.push(node);
    this.#size += 1;
  }

  /** MTH of all leaves pushed so far. */
  root(): Uint8Array {
    let root: Uint8Array | undefined;
    for (let i = this.#edge.length - 1; i >= 0; i -= 1) {
      const node = this.#edge[i]!;
      root = root ? nodeHash(node.hash, root) : node.hash;
    }
    return root ? new Uint8Array(root) : emptyRoot();
  }
}

/** The node covering exactly [lo, hi), if that range is a perfect aligned subtree. */
function alignedNode(lo: number, hi: number): NodeKey | undefined {
  const width = hi - lo;
  if (!isPowerOfTwo(width) || lo % width !== 0) return undefined;
  return { level: floorLog2(width), index: lo / width };
}

function fetchNode(lookup: NodeLookup, key: NodeKey): Uint8Array {
  const hash = lookup(key.level, key.index);
  checkHash(hash, `stored node (${key.level}, ${key.index})`);
  return hash;
}

function checkHash(hash: unknown, what: string): asserts hash is Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    throw new TypeError(`${what} is not a ${HASH_SIZE}-byte hash`);
  }
}
