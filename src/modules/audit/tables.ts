// The audit log. Events are inserted in the business transaction they record; a single integrator later
// gives each a position in an RFC 9162 Merkle tree and publishes signed checkpoints. None of these rows is
// ever updated or deleted: triggers (migration 0001) refuse it for every role, including the app's.
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tstz } from '../../platform/db/columns.js';

export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: tstz('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** Kept as written: a renamed or removed user does not rewrite history. */
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    unitId: uuid('unit_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    correlationId: text('correlation_id'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    index('audit_event_actor_idx').on(t.actorUserId, t.id),
    index('audit_event_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_event_action_idx').on(t.action, t.id),
  ],
);

/** Events not yet in the tree. The integrator deletes a row here when it gives the event a position. */
export const auditPending = pgTable('audit_pending', {
  eventId: bigint('event_id', { mode: 'number' })
    .primaryKey()
    .references(() => auditEvent.id),
});

export const auditLeaf = pgTable(
  'audit_leaf',
  {
    position: bigint('position', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => auditEvent.id),
    leafHash: bytea('leaf_hash').notNull(),
  },
  (t) => [
    check('audit_leaf_position_check', sql`${t.position} >= 0`),
    check('audit_leaf_hash_length_check', sql`length(${t.leafHash}) = 32`),
  ],
);

/** Hashes of perfect aligned subtrees above the leaves, so proofs need O(log n) lookups. */
export const auditNode = pgTable(
  'audit_node',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.index] }),
    check('audit_node_level_check', sql`${t.level} between 1 and 62`),
    check('audit_node_hash_length_check', sql`length(${t.hash}) = 32`),
  ],
);

export const auditCheckpoint = pgTable(
  'audit_checkpoint',
  {
    treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
    rootHash: bytea('root_hash').notNull(),
    /** The C2SP signed note, exactly as published. */
    note: text('note').notNull(),
    keyId: text('key_id').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [check('audit_checkpoint_size_check', sql`${t.treeSize} > 0`)],
);

/** Public keys that have signed checkpoints, for reference; verification trusts the key file, not this table. */
export const auditSigningKey = pgTable('audit_signing_key', {
  keyId: text('key_id').primaryKey(),
  algorithm: text('algorithm').notNull(),
  verifierKey: text('verifier_key').notNull(),
  publicKeyPem: text('public_key_pem').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});
