// Checks an inclusion proof from the API in the browser: the audit path leads from the event's leaf
// hash to the root, and that root and size are the ones the signed checkpoint note states.
import type { InclusionProof } from '../server-api/audit.js';
import { base64ToBytes } from './base64.js';
import { parseCheckpointNote } from './checkpoint-note.js';
import { sameBytes, verifyInclusion, webCryptoSha256 } from './verify-inclusion.js';

export type ProofOutcome =
  | { verified: true; treeSize: number }
  | { verified: false; reason: 'path_mismatch' | 'note_mismatch' | 'malformed' };

export async function verifyProof(proof: InclusionProof): Promise<ProofOutcome> {
  let bytes, noteRoot;
  try {
    const body = parseCheckpointNote(proof.note);
    if (!body) return { verified: false, reason: 'note_mismatch' };
    noteRoot = { treeSize: body.treeSize, rootHash: base64ToBytes(body.rootHash) };
    bytes = {
      leafIndex: proof.leafIndex,
      treeSize: proof.treeSize,
      leafHash: base64ToBytes(proof.leafHash),
      auditPath: proof.auditPath.map(base64ToBytes),
      rootHash: base64ToBytes(proof.rootHash),
    };
  } catch {
    return { verified: false, reason: 'malformed' };
  }
  if (noteRoot.treeSize !== bytes.treeSize || !sameBytes(noteRoot.rootHash, bytes.rootHash)) {
    return { verified: false, reason: 'note_mismatch' };
  }
  return (await verifyInclusion(bytes, webCryptoSha256))
    ? { verified: true, treeSize: proof.treeSize }
    : { verified: false, reason: 'path_mismatch' };
}
