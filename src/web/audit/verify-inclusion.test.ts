// The browser's own proof check must agree with the server's proofs: valid ones pass, tampered ones fail.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inclusionProof } from '../../modules/audit/merkle/proofs.js';
import { leafHash, rootAt, StreamingTree, type MerkleNode } from '../../modules/audit/merkle/tree.js';
import { verifyInclusion, type Sha256 } from './verify-inclusion.js';

const nodeSha256: Sha256 = async (data) => new Uint8Array(crypto.createHash('sha256').update(data).digest());

function buildTree(size: number) {
  const nodes = new Map<string, Uint8Array>();
  const tree = new StreamingTree({ onNode: (n: MerkleNode) => nodes.set(`${n.level}:${n.index}`, n.hash) });
  for (let i = 0; i < size; i++) {
    const hash = leafHash(new TextEncoder().encode(`event ${i}`));
    nodes.set(`0:${i}`, hash);
    tree.push(hash);
  }
  const lookup = (level: number, index: number) => nodes.get(`${level}:${index}`)!;
  return { lookup, root: rootAt(size, lookup) };
}

describe('in-browser inclusion check', () => {
  it('accepts every server proof and rejects a flipped bit, a wrong index or a wrong root', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 70 })
          .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 }))),
        async ([size, index]) => {
          const { lookup, root } = buildTree(size);
          const proof = {
            leafIndex: index,
            treeSize: size,
            leafHash: lookup(0, index),
            auditPath: inclusionProof(index, size, lookup),
            rootHash: root,
          };
          expect(await verifyInclusion(proof, nodeSha256)).toBe(true);
          const badRoot = Uint8Array.from(root);
          badRoot[0]! ^= 1;
          expect(await verifyInclusion({ ...proof, rootHash: badRoot }, nodeSha256)).toBe(false);
          if (size > 1) {
            expect(await verifyInclusion({ ...proof, leafIndex: (index + 1) % size }, nodeSha256)).toBe(
              false,
            );
          }
          if (proof.auditPath.length > 0) {
            const path = proof.auditPath.map((h) => Uint8Array.from(h));
            path[0]![5]! ^= 0x10;
            expect(await verifyInclusion({ ...proof, auditPath: path }, nodeSha256)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
