// The only SQL of the audit module.
import { and, asc, desc, eq, gt, inArray, isNull, like, lt, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import type { AuditEventRow } from './event-bytes.js';
import type { MerkleNode, NodeKey } from './merkle/tree.js';
import {
  auditCheckpoint,
  auditEvent,
  auditLeaf,
  auditNode,
  auditPending,
  auditSigningKey,
} from './tables.js';

export type CheckpointRow = typeof auditCheckpoint.$inferSelect;
export type EventWithLeaf = AuditEventRow & { leafIndex: number | null };

// Only this integrator ever assigns tree positions; the lock makes that true across app nodes.
const INTEGRATOR_LOCK_KEY = 0x6175646974; // "audit"

export class AuditRepository {
  async tryIntegratorLock(tx: Executor): Promise<boolean> {
    const rows = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${INTEGRATOR_LOCK_KEY}) as ok`,
    );
    return rows[0]?.ok === true;
  }

  async treeSize(db: Executor): Promise<number> {
    const [row] = await db
      .select({ position: auditLeaf.position })
      .from(auditLeaf)
      .orderBy(desc(auditLeaf.position))
      .limit(1);
    return row ? row.position + 1 : 0;
  }

  async pendingBatch(tx: Executor, limit: number): Promise<AuditEventRow[]> {
    return tx
      .select({ event: auditEvent })
      .from(auditPending)
      .innerJoin(auditEvent, eq(auditEvent.id, auditPending.eventId))
      .orderBy(asc(auditPending.eventId))
      .limit(limit)
      .then((rows) => rows.map((r) => r.event));
  }

  async countPending(db: Executor): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditPending);
    return row?.n ?? 0;
  }

  /** Fetches the named tree nodes (level 0 from the leaves) in two queries. */
  async nodes(db: Executor, keys: readonly NodeKey[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    const leafPositions = [...new Set(keys.filter((k) => k.level === 0).map((k) => k.index))];
    const inner = keys.filter((k) => k.level > 0);
    if (leafPositions.length > 0) {
      const rows = await db
        .select({ position: auditLeaf.position, hash: auditLeaf.leafHash })
        .from(auditLeaf)
        .where(inArray(auditLeaf.position, leafPositions));
      for (const r of rows) found.set(nodeKey(0, r.position), r.hash);
    }
    if (inner.length > 0) {
      const levels = `{${inner.map((k) => k.level).join(',')}}`;
      const indices = `{${inner.map((k) => k.index).join(',')}}`;
      const rows = await queryRows<{ level: number; index: number | string; hash: Uint8Array }>(
        db,
        sql`
        select n.level, n.index, n.hash from audit_node n
        join unnest(${levels}::smallint[], ${indices}::bigint[]) as k(level, index)
          on n.level = k.level and n.index = k.index`,
      );
      for (const r of rows) found.set(nodeKey(r.level, Number(r.index)), toBytes(r.hash));
    }
    return found;
  }

  async insertLeaves(
    tx: Executor,
    leaves: { position: number; eventId: number; leafHash: Uint8Array }[],
  ): Promise<void> {
    if (leaves.length > 0) await tx.insert(auditLeaf).values(leaves);
  }

  async insertNodes(tx: Executor, nodes: readonly MerkleNode[]): Promise<void> {
    if (nodes.length > 0) await tx.insert(auditNode).values(nodes.map((n) => ({ ...n })));
  }

  async deletePending(tx: Executor, eventIds: number[]): Promise<void> {
    if (eventIds.length > 0) await tx.delete(auditPending).where(inArray(auditPending.eventId, eventIds));
  }

  async insertCheckpoint(tx: Executor, row: typeof auditCheckpoint.$inferInsert): Promise<void> {
    await tx.insert(auditCheckpoint).values(row).onConflictDoNothing();
  }

  async latestCheckpoint(db: Executor): Promise<CheckpointRow | undefined> {
    const [row] = await db.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.treeSize)).limit(1);
    return row;
  }

  async checkpoint(db: Executor, treeSize: number): Promise<CheckpointRow | undefined> {
    const [row] = await db.select().from(auditCheckpoint).where(eq(auditCheckpoint.treeSize, treeSize));
    return row;
  }

  async checkpoints(db: Executor, limit: number): Promise<CheckpointRow[]> {
    return db.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.treeSize)).limit(limit);
  }

  /** Every checkpoint, oldest first, for the offline verifier. */
  async allCheckpoints(db: Executor): Promise<CheckpointRow[]> {
    return db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.treeSize));
  }

  async recordSigningKey(db: Executor, key: typeof auditSigningKey.$inferInsert): Promise<void> {
    await db.insert(auditSigningKey).values(key).onConflictDoNothing();
  }

  async eventWithLeaf(db: Executor, id: number): Promise<EventWithLeaf | undefined> {
    const [row] = await db
      .select({ event: auditEvent, leafIndex: auditLeaf.position })
      .from(auditEvent)
      .leftJoin(auditLeaf, eq(auditLeaf.eventId, auditEvent.id))
      .where(eq(auditEvent.id, id));
    return row ? { ...row.event, leafIndex: row.leafIndex } : undefined;
  }

  /** Newest first, keyset-paged by id. */
  async listEvents(
    db: Executor,
    query: {
      limit: number;
      before?: number;
      actionPrefix?: string;
      actorUserId?: string;
      unitIds?: string[];
    },
  ): Promise<EventWithLeaf[]> {
    const rows = await db
      .select({ event: auditEvent, leafIndex: auditLeaf.position })
      .from(auditEvent)
      .leftJoin(auditLeaf, eq(auditLeaf.eventId, auditEvent.id))
      .where(
        and(
          query.before ? lt(auditEvent.id, query.before) : undefined,
          query.actionPrefix ? like(auditEvent.action, `${escapeLike(query.actionPrefix)}%`) : undefined,
          query.actorUserId ? eq(auditEvent.actorUserId, query.actorUserId) : undefined,
          query.unitIds
            ? or(
                isNull(auditEvent.unitId),
                inArray(
                  auditEvent.unitId,
                  query.unitIds.length ? query.unitIds : ['00000000-0000-0000-0000-000000000000'],
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(auditEvent.id))
      .limit(query.limit);
    return rows.map((r) => ({ ...r.event, leafIndex: r.leafIndex }));
  }

  /** Leaves with their events in tree order, a page at a time, for verification. */
  async leavesFrom(
    db: Executor,
    fromPosition: number,
    limit: number,
  ): Promise<{ position: number; leafHash: Uint8Array; event: AuditEventRow | null; eventId: number }[]> {
    const rows = await db
      .select({ leaf: auditLeaf, event: auditEvent })
      .from(auditLeaf)
      .leftJoin(auditEvent, eq(auditEvent.id, auditLeaf.eventId))
      .where(gt(auditLeaf.position, fromPosition - 1))
      .orderBy(asc(auditLeaf.position))
      .limit(limit);
    return rows.map((r) => ({
      position: r.leaf.position,
      leafHash: r.leaf.leafHash,
      eventId: r.leaf.eventId,
      event: r.event,
    }));
  }

  /** Events that have no leaf and are not pending: hidden from the tree by someone bypassing the app. */
  async orphanEvents(db: Executor, limit: number): Promise<number[]> {
    const rows = await queryRows<{ id: number | string }>(
      db,
      sql`
      select e.id from audit_event e
      where not exists (select 1 from audit_leaf l where l.event_id = e.id)
        and not exists (select 1 from audit_pending p where p.event_id = e.id)
      order by e.id limit ${limit}`,
    );
    return rows.map((r) => Number(r.id));
  }

  async countEvents(db: Executor): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvent);
    return row?.n ?? 0;
  }
}

export const nodeKey = (level: number, index: number) => `${level}:${index}`;

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/** Raw SQL returns bytea as Buffer (pg) or Uint8Array (PGlite); normalise. */
function toBytes(v: Uint8Array | string): Uint8Array {
  if (typeof v === 'string') return Buffer.from(v.replace(/^\\x/, ''), 'hex');
  return v;
}
