// Inclusion proof verification, RFC 9162 §2.1.3.2, over raw bytes. The hash is passed in (Web Crypto
// in the browser, node:crypto in a test) so the algorithm itself stays a pure function.

export type Sha256 = (data: Uint8Array) => Promise<Uint8Array>;

export interface InclusionProofBytes {
  leafIndex: number;
  treeSize: number;
  /** The leaf hash, H(0x00 || event bytes). */
  leafHash: Uint8Array;
  auditPath: readonly Uint8Array[];
  rootHash: Uint8Array;
}

const NODE_PREFIX = 0x01;

async function hashChildren(sha256: Sha256, left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// Division instead of bit shifts: JavaScript's bitwise operators truncate to 32 bits.
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** True when auditPath proves that leafHash is at leafIndex in the tree of treeSize with rootHash. */
export async function verifyInclusion(proof: InclusionProofBytes, sha256: Sha256): Promise<boolean> {
  const { leafIndex, treeSize } = proof;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize) return false;

  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = proof.leafHash;
  for (const p of proof.auditPath) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = await hashChildren(sha256, p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await hashChildren(sha256, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(r, proof.rootHash);
}

export const webCryptoSha256: Sha256 = async (data) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(data)));
