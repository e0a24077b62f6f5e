// The single integrator: gives pending events their positions in the Merkle tree, stores the new nodes
// and publishes a signed checkpoint for the new size. Business transactions only insert rows and never
// wait for it; an advisory lock makes sure only one integrator works at a time across all app nodes.
import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { eventBytes } from './event-bytes.js';
import { formatCheckpoint, signNote } from './merkle/checkpoint.js';
import { frontierNodes, leafHash, StreamingTree, type MerkleNode } from './merkle/tree.js';
import { nodeKey, type AuditRepository } from './repository.js';
import type { CheckpointSigner } from './signing-key-store.js';

const BATCH = 2000;

export interface IntegrationResult {
  integrated: number;
  treeSize: number;
  /** False when another integrator held the lock. */
  ran: boolean;
}

export class AuditIntegrator {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: AuditRepository,
    private readonly signer: CheckpointSigner,
    private readonly clock: Clock,
  ) {}

  /** Integrates everything pending, a batch per transaction, each batch ending in a checkpoint. */
  async integrateAll(): Promise<IntegrationResult> {
    let total = 0;
    for (;;) {
      const result = await this.integrateBatch();
      total += result.integrated;
      if (!result.ran || result.integrated < BATCH) return { ...result, integrated: total };
    }
  }

  private integrateBatch(): Promise<IntegrationResult> {
    return this.tx.run(async (tx) => {
      if (!(await this.repo.tryIntegratorLock(tx))) return { integrated: 0, treeSize: -1, ran: false };
      const size = await this.repo.treeSize(tx);
      const events = await this.repo.pendingBatch(tx, BATCH);
      if (events.length === 0) {
        await this.ensureCheckpoint(tx, size);
        return { integrated: 0, treeSize: size, ran: true };
      }
      const stored = await this.repo.nodes(tx, frontierNodes(size));
      const newNodes: MerkleNode[] = [];
      const tree = StreamingTree.resume(size, (level, index) => stored.get(nodeKey(level, index))!, {
        onNode: (node) => newNodes.push(node),
      });
      const leaves = events.map((event, i) => {
        const hash = leafHash(eventBytes(event));
        tree.push(hash);
        return { position: size + i, eventId: event.id, leafHash: hash };
      });
      await this.repo.insertLeaves(tx, leaves);
      await this.repo.insertNodes(tx, newNodes);
      await this.repo.deletePending(
        tx,
        events.map((e) => e.id),
      );
      await this.writeCheckpoint(tx, tree.size, tree.root());
      return { integrated: events.length, treeSize: tree.size, ran: true };
    });
  }

  /** A log that has leaves but no checkpoint for its size (e.g. after a key change) gets one. */
  private async ensureCheckpoint(tx: Tx, size: number) {
    if (size === 0) return;
    const latest = await this.repo.latestCheckpoint(tx);
    if (latest && latest.treeSize === size) return;
    const stored = await this.repo.nodes(tx, frontierNodes(size));
    const tree = StreamingTree.resume(size, (level, index) => stored.get(nodeKey(level, index))!);
    await this.writeCheckpoint(tx, size, tree.root());
  }

  private async writeCheckpoint(tx: Tx, size: number, rootHash: Uint8Array): Promise<void> {
    const body = formatCheckpoint({ origin: this.signer.origin, size, rootHash });
    const note = signNote(body, { name: this.signer.origin, key: this.signer.key });
    await this.repo.insertCheckpoint(tx, {
      treeSize: size,
      rootHash,
      note,
      keyId: this.signer.keyIdHex,
      createdAt: this.clock.now(),
    });
  }
}
