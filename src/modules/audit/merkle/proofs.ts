// RFC 9162 §2.1.3 inclusion and §2.1.4 consistency proofs. Generation follows the RFC's recursive
// definitions (PATH, PROOF/SUBPROOF) over ranges, whose hashes come from stored perfect nodes; the
// verifiers are the RFC's iterative algorithms, so they share no code path with generation.
import { bytesEqual } from '../../../platform/crypto/hash.js';
import { assertCount, half, isCount, isOdd, isPowerOfTwo, splitPoint } from './sizes.js';
import {
  HASH_SIZE,
  emptyRoot,
  hashRange,
  nodeHash,
  perfectNodesCovering,
  type NodeKey,
  type NodeLookup,
} from './tree.js';

/** [lo, hi): a run of leaves whose MTH is one proof element. */
type Range = readonly [lo: number, hi: number];

/** A proof over sizes below 2^53 never needs more elements than this. */
const MAX_PROOF_LENGTH = 64;

/** Every stored node inclusionProof(index, size) reads. */
export function inclusionProofNodes(index: number, size: number): NodeKey[] {
  return inclusionRanges(index, size).flatMap(([lo, hi]) => perfectNodesCovering(lo, hi));
}

/** PATH(index, D[size]), the sibling nearest the leaf first. */
export function inclusionProof(index: number, size: number, lookup: NodeLookup): Uint8Array[] {
  return inclusionRanges(index, size).map(([lo, hi]) => hashRange(lo, hi, lookup));
}

/** Every stored node consistencyProof(m, n) reads. */
export function consistencyProofNodes(m: number, n: number): NodeKey[] {
  return consistencyRanges(m, n).flatMap(([lo, hi]) => perfectNodesCovering(lo, hi));
}

/** PROOF(m, D[n]); empty when m is 0 or m equals n. */
export function consistencyProof(m: number, n: number, lookup: NodeLookup): Uint8Array[] {
  return consistencyRanges(m, n).map(([lo, hi]) => hashRange(lo, hi, lookup));
}

/**
 * RFC 9162 §2.1.3.2. Returns false, never throws, for any unusable input (index >= size, non-integer
 * sizes, hashes of the wrong length), since proofs and sizes arrive from outside.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !isProof(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/**
 * RFC 9162 §2.1.4.2, plus the two cases it leaves to the caller: equal sizes need equal roots and an
 * empty proof, and size 0 is consistent with anything only if its root really is the empty-tree hash.
 * Returns false, never throws, for unusable input.
 */
export function verifyConsistency(
  m: number,
  n: number,
  rootM: Uint8Array,
  rootN: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isCount(m) || !isCount(n) || m > n) return false;
  if (!isHash(rootM) || !isHash(rootN) || !isProof(proof)) return false;
  if (m === 0) {
    return proof.length === 0 && bytesEqual(rootM, emptyRoot()) && (n > 0 || bytesEqual(rootN, rootM));
  }
  if (m === n) return proof.length === 0 && bytesEqual(rootM, rootN);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(m) ? [rootM, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, rootM) && bytesEqual(sr, rootN);
}

/** The ranges of PATH(index, D[0:size]) in proof order. */
function inclusionRanges(index: number, size: number): Range[] {
  assertCount('index', index);
  assertCount('size', size);
  if (index >= size) throw new RangeError(`leaf index ${index} is not in a tree of size ${size}`);
  const topDown: Range[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      topDown.push([mid, hi]);
      hi = mid;
    } else {
      topDown.push([lo, mid]);
      lo = mid;
    }
  }
  return topDown.reverse();
}

/** The ranges of PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) in proof order. */
function consistencyRanges(m: number, n: number): Range[] {
  assertCount('m', m);
  assertCount('n', n);
  if (m > n) throw new RangeError(`old size ${m} exceeds new size ${n}`);
  if (m === 0 || m === n) return [];
  const topDown: Range[] = [];
  let lo = 0;
  let hi = n;
  let wholeOldTree = true; // SUBPROOF's b: [lo, m) is still the entire old tree, whose root the verifier has
  while (hi !== m) {
    const mid = lo + splitPoint(hi - lo);
    if (m <= mid) {
      topDown.push([mid, hi]);
      hi = mid;
    } else {
      topDown.push([lo, mid]);
      lo = mid;
      wholeOldTree = false;
    }
  }
  if (!wholeOldTree) topDown.push([lo, hi]);
  return topDown.reverse();
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function isProof(proof: unknown): proof is readonly Uint8Array[] {
  return Array.isArray(proof) && proof.length <= MAX_PROOF_LENGTH && proof.every(isHash);
}
