// Re-derives the whole audit log from the database and checks it against the signed checkpoints, trusting
// nothing the integrator stored: each leaf is recomputed from its event row, the tree is rebuilt, every
// stored node and every checkpoint root is compared, and every signature is checked with a key the caller
// trusts. The first discrepancy names the event where the log stops being what was signed.
import type { Executor } from '../../platform/db/database.js';
import { bytesEqual, toBase64 } from '../../platform/crypto/hash.js';
import { eventBytes } from './event-bytes.js';
import { NoteError, parseCheckpoint, verifyNote } from './merkle/checkpoint.js';
import { leafHash, StreamingTree, type MerkleNode } from './merkle/tree.js';
import { nodeKey, type AuditRepository, type CheckpointRow } from './repository.js';

export type ProblemKind =
  | 'checkpoint_signature'
  | 'checkpoint_mismatch'
  | 'checkpoint_beyond_log'
  | 'leaf_gap'
  | 'event_missing'
  | 'event_altered'
  | 'node_mismatch'
  | 'event_not_in_log';

export interface VerificationProblem {
  kind: ProblemKind;
  message: string;
  position?: number;
  eventId?: number;
  treeSize?: number;
}

export interface VerificationReport {
  ok: boolean;
  treeSize: number;
  checkpoints: number;
  latestCheckpointSize: number;
  pendingEvents: number;
  problems: VerificationProblem[];
  /** The event at which the log first departs from what was signed, if any. */
  firstBadEventId: number | null;
}

const PAGE = 5000;
const MAX_PROBLEMS = 100;

export async function verifyAuditLog(
  db: Executor,
  repo: AuditRepository,
  trustedVerifierKey: string,
): Promise<VerificationReport> {
  const problems: VerificationProblem[] = [];
  const add = (p: VerificationProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  const checkpoints = await repo.allCheckpoints(db);
  const bySize = new Map<number, CheckpointRow>();
  for (const cp of checkpoints) {
    try {
      const body = parseCheckpoint(verifyNote(cp.note, trustedVerifierKey));
      if (body.size !== cp.treeSize || !bytesEqual(body.rootHash, cp.rootHash)) {
        add({
          kind: 'checkpoint_mismatch',
          treeSize: cp.treeSize,
          message: `checkpoint row ${cp.treeSize} differs from the note it claims to hold`,
        });
      }
      bySize.set(body.size, { ...cp, treeSize: body.size, rootHash: body.rootHash });
    } catch (error) {
      const reason = error instanceof NoteError ? error.message : String(error);
      add({
        kind: 'checkpoint_signature',
        treeSize: cp.treeSize,
        message: `checkpoint ${cp.treeSize}: ${reason}`,
      });
    }
  }

  let firstBadEventId: number | null = null;
  let pendingNodes: MerkleNode[] = [];
  const tree = new StreamingTree({ onNode: (node) => pendingNodes.push(node) });
  let expected = 0;
  // The first event after the last checkpoint that matched: if the next checkpoint fails while every leaf
  // hash matched its event, the leaf hashes themselves were rewritten somewhere in between.
  let sinceGood: { position: number; eventId: number } | null = null;
  for (;;) {
    const page = await repo.leavesFrom(db, expected, PAGE);
    if (page.length === 0) break;
    for (const leaf of page) {
      if (leaf.position !== expected) {
        add({
          kind: 'leaf_gap',
          position: expected,
          message: `leaves ${expected}..${leaf.position - 1} are missing`,
        });
        firstBadEventId ??= leaf.eventId;
        // Nothing after a gap can match the signed tree; stop rather than report every later leaf.
        return finish();
      }
      let hash = leaf.leafHash;
      if (!leaf.event) {
        add({
          kind: 'event_missing',
          position: leaf.position,
          eventId: leaf.eventId,
          message: `event ${leaf.eventId} at position ${leaf.position} was deleted`,
        });
        firstBadEventId ??= leaf.eventId;
      } else {
        hash = leafHash(eventBytes(leaf.event));
        if (!bytesEqual(hash, leaf.leafHash)) {
          add({
            kind: 'event_altered',
            position: leaf.position,
            eventId: leaf.eventId,
            message: `event ${leaf.eventId} at position ${leaf.position} no longer matches its leaf hash`,
          });
          firstBadEventId ??= leaf.eventId;
        }
      }
      sinceGood ??= { position: leaf.position, eventId: leaf.eventId };
      tree.push(hash);
      expected++;
      const cp = bySize.get(tree.size);
      if (cp) {
        if (!bytesEqual(tree.root(), cp.rootHash)) {
          add({
            kind: 'checkpoint_mismatch',
            treeSize: cp.treeSize,
            position: sinceGood.position,
            eventId: sinceGood.eventId,
            message: `the log's first ${cp.treeSize} events do not hash to the signed root ${toBase64(cp.rootHash)}: an event at positions ${sinceGood.position}..${cp.treeSize - 1} (from event ${sinceGood.eventId}) was changed, removed or reordered`,
          });
          firstBadEventId ??= sinceGood.eventId;
        }
        sinceGood = null;
      }
    }
    await compareNodes();
  }

  return finish();

  async function compareNodes() {
    if (pendingNodes.length === 0) return;
    const stored = await repo.nodes(db, pendingNodes);
    for (const node of pendingNodes) {
      const got = stored.get(nodeKey(node.level, node.index));
      if (!got || !bytesEqual(got, node.hash)) {
        add({
          kind: 'node_mismatch',
          message: `stored tree node (level ${node.level}, index ${node.index}) is ${got ? 'wrong' : 'missing'}`,
        });
      }
    }
    pendingNodes = [];
  }

  async function finish(): Promise<VerificationReport> {
    const latest = checkpoints.at(-1)?.treeSize ?? 0;
    if (latest > expected) {
      add({
        kind: 'checkpoint_beyond_log',
        treeSize: latest,
        message: `a checkpoint signs ${latest} events but the log holds ${expected}`,
      });
    }
    for (const id of await repo.orphanEvents(db, 10)) {
      add({
        kind: 'event_not_in_log',
        eventId: id,
        message: `event ${id} is neither in the tree nor pending`,
      });
      firstBadEventId ??= id;
    }
    return {
      ok: problems.length === 0,
      treeSize: expected,
      checkpoints: checkpoints.length,
      latestCheckpointSize: latest,
      pendingEvents: await repo.countPending(db),
      problems,
      firstBadEventId,
    };
  }
}
