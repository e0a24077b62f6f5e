// The audit log end to end: events integrated into the Merkle tree, signed checkpoints, inclusion and
// consistency proofs over the API, append-only enforcement, and the verifier catching tampering.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../src/platform/crypto/hash.js';
import { verifyAuditLog } from '../../src/modules/audit/log-verifier.js';
import { parseCheckpoint, verifyNote } from '../../src/modules/audit/merkle/checkpoint.js';
import { verifyConsistency, verifyInclusion } from '../../src/modules/audit/merkle/proofs.js';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let auditor: Session;
beforeAll(async () => {
  t = await startTestApp();
  auditor = await t.signIn('demo-auditor');
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.custos.database.db;

/** The database's own message: drizzle wraps it as the cause of "Failed query". */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}
const integrate = () => t.custos.services.integrator.integrateAll();
const verify = () => verifyAuditLog(db(), t.custos.repositories.audit, t.custos.signer.verifierKey);

describe('integration and proofs', () => {
  it('integrates every event and signs a checkpoint that verifies with the published key', async () => {
    await integrate();
    expect(await t.custos.repositories.audit.countPending(db())).toBe(0);
    const latest = await t.request({ method: 'GET', url: '/api/audit/checkpoints/latest', session: auditor });
    expect(latest.statusCode).toBe(200);
    const key = (await t.request({ method: 'GET', url: '/api/audit/verifier-key', session: auditor })).json();
    expect(key.algorithm).toBe('ed25519');
    const body = parseCheckpoint(verifyNote(latest.json().note, key.verifierKey));
    expect(body.size).toBe(await t.custos.repositories.audit.countEvents(db()));
    expect(body.origin).toBe(t.custos.signer.origin);
  });

  it('serves an inclusion proof for any event that verifies against the signed root', async () => {
    await integrate();
    const events = (
      await t.request({ method: 'GET', url: '/api/audit/events?limit=200', session: auditor })
    ).json().items as { id: string; leafIndex: number }[];
    expect(events.length).toBeGreaterThan(10);
    for (const e of [events[0]!, events[Math.floor(events.length / 2)]!, events.at(-1)!]) {
      const proof = (
        await t.request({ method: 'GET', url: `/api/audit/events/${e.id}/proof`, session: auditor })
      ).json();
      const root = parseCheckpoint(verifyNote(proof.note, t.custos.signer.verifierKey)).rootHash;
      expect(
        verifyInclusion(
          fromBase64(proof.leafHash),
          proof.leafIndex,
          proof.treeSize,
          proof.auditPath.map(fromBase64),
          root,
        ),
      ).toBe(true);
      // The same proof must not verify for a neighbouring leaf.
      expect(
        verifyInclusion(
          fromBase64(proof.leafHash),
          proof.leafIndex ^ 1,
          proof.treeSize,
          proof.auditPath.map(fromBase64),
          root,
        ),
      ).toBe(false);
    }
  });

  it('proves each checkpoint consistent with a later one', async () => {
    const before = (
      await t.request({ method: 'GET', url: '/api/audit/checkpoints/latest', session: auditor })
    ).json();
    await t.signIn('demo-lawyer'); // more events
    await integrate();
    const after = (
      await t.request({ method: 'GET', url: '/api/audit/checkpoints/latest', session: auditor })
    ).json();
    expect(after.treeSize).toBeGreaterThan(before.treeSize);
    const res = await t.request({
      method: 'GET',
      url: `/api/audit/consistency?from=${before.treeSize}&to=${after.treeSize}`,
      session: auditor,
    });
    expect(res.statusCode).toBe(200);
    const proof = res.json().proof.map(fromBase64);
    expect(
      verifyConsistency(
        before.treeSize,
        after.treeSize,
        fromBase64(before.rootHash),
        fromBase64(after.rootHash),
        proof,
      ),
    ).toBe(true);
    expect(
      verifyConsistency(
        before.treeSize,
        after.treeSize,
        fromBase64(after.rootHash),
        fromBase64(after.rootHash),
        proof,
      ),
    ).toBe(false);
  });

  it('keeps audit events from everyone but auditors', async () => {
    const lawyer = await t.signIn('demo-lawyer');
    const admin = await t.signIn('demo-admin');
    for (const session of [lawyer, admin]) {
      const res = await t.request({ method: 'GET', url: '/api/audit/events', session });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
  });

  it('reports the whole log intact through the API and the verifier', async () => {
    await integrate();
    const res = await t.request({ method: 'POST', url: '/api/audit/verify', session: auditor });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, problems: [], firstBadEventId: null });
  });
});

describe('append-only enforcement', () => {
  for (const statement of [
    sql`update audit_event set action = 'x' where id = 1`,
    sql`delete from audit_event where id = 1`,
    sql`truncate audit_event cascade`,
    sql`update audit_leaf set leaf_hash = leaf_hash where position = 0`,
    sql`delete from audit_node`,
    sql`delete from audit_checkpoint`,
  ]) {
    it(`refuses: ${statement.queryChunks.map((c) => (typeof c === 'object' && c && 'value' in c ? (c.value as string[]).join('') : '')).join('')}`, async () => {
      expect(await failureOf(db().execute(statement))).toMatch(/append-only/);
    });
  }

  it('refuses to drop or rewrite the pending marker of an event that has no leaf', async () => {
    const id = await t.custos.tx.run((tx) =>
      t.custos.services.audit.record(tx, { actor: null }, { action: 'test.pending' }),
    );
    expect(await failureOf(db().execute(sql`delete from audit_pending where event_id = ${id}`))).toMatch(
      /must stay pending/,
    );
    expect(
      await failureOf(db().execute(sql`update audit_pending set event_id = event_id where event_id = ${id}`)),
    ).toMatch(/append-only/);
    await integrate();
  });
});

describe('concurrent appends', () => {
  it('loses no event and double-books no position while business transactions and integrators race', async () => {
    const before = await t.custos.repositories.audit.countEvents(db());
    const writers = Array.from({ length: 120 }, (_, i) =>
      t.custos.tx.run((tx) =>
        t.custos.services.audit.record(tx, { actor: null }, { action: 'test.concurrent', payload: { i } }),
      ),
    );
    const integrators = Array.from({ length: 6 }, () => integrate());
    await Promise.all([...writers, ...integrators]);
    await integrate();
    const total = await t.custos.repositories.audit.countEvents(db());
    expect(total).toBe(before + 120);
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.treeSize).toBe(total);
    expect(report.pendingEvents).toBe(0);
  });
});

describe('tampering', () => {
  // Tampering means going around the app: the table owner switches the triggers off.
  async function asOwner(statement: ReturnType<typeof sql>) {
    await db().transaction(async (tx) => {
      await tx.execute(sql`alter table audit_event disable trigger user`);
      await tx.execute(sql`alter table audit_leaf disable trigger user`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit_event enable trigger user`);
      await tx.execute(sql`alter table audit_leaf enable trigger user`);
    });
  }
  async function leafEvent(position: number): Promise<number> {
    const rows = await t.custos.repositories.audit.leavesFrom(db(), position, 1);
    return rows[0]!.eventId;
  }

  it('names a changed event', async () => {
    await integrate();
    const victim = await leafEvent(5);
    await asOwner(sql`update audit_event set payload = '{"reason":"rewritten"}' where id = ${victim}`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBadEventId).toBe(victim);
    expect(report.problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['event_altered', 'checkpoint_mismatch']),
    );
  });

  it('names the first of two reordered events', async () => {
    const a = await leafEvent(8);
    const b = await leafEvent(9);
    await asOwner(sql`
      update audit_event e set action = s.action, payload = s.payload, occurred_at = s.occurred_at
      from (select id, action, payload, occurred_at from audit_event where id in (${a}, ${b})) s
      where e.id in (${a}, ${b}) and s.id <> e.id`);
    const report = await verify();
    const altered = report.problems.filter((p) => p.kind === 'event_altered').map((p) => p.eventId);
    expect(altered).toEqual(expect.arrayContaining([a, b]));
  });

  it('cannot delete an event with a leaf at all: the foreign key holds even with triggers off', async () => {
    const victim = await leafEvent(12);
    expect(await failureOf(asOwner(sql`delete from audit_event where id = ${victim}`))).toMatch(
      /foreign key/,
    );
  });

  it('notices an event deleted together with its leaf, and a deleted last leaf', async () => {
    const victim = await leafEvent(12);
    await asOwner(sql`delete from audit_leaf where position = 12`);
    await asOwner(sql`delete from audit_event where id = ${victim}`);
    const report = await verify();
    const gap = report.problems.find((p) => p.kind === 'leaf_gap');
    expect(gap?.position).toBe(12);
    expect(report.problems.map((p) => p.kind)).toContain('checkpoint_beyond_log');
  });

  it('catches leaf hashes rewritten to match a changed event, by the signed roots', async () => {
    const fresh = await startTestApp();
    try {
      await fresh.custos.services.integrator.integrateAll();
      const fdb = fresh.custos.database.db;
      const victim = (await fresh.custos.repositories.audit.leavesFrom(fdb, 3, 1))[0]!;
      await fdb.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_event disable trigger user`);
        await tx.execute(sql`alter table audit_leaf disable trigger user`);
        await tx.execute(
          sql`update audit_event set action = 'auth.login.succeeded' where id = ${victim.eventId}`,
        );
        // Recompute this one leaf hash as a careful forger would.
        const [row] = await fresh.custos.repositories.audit.leavesFrom(tx, 3, 1);
        const { eventBytes } = await import('../../src/modules/audit/event-bytes.js');
        const { leafHash } = await import('../../src/modules/audit/merkle/tree.js');
        const forged = Buffer.from(leafHash(eventBytes(row!.event!)));
        await tx.execute(sql`update audit_leaf set leaf_hash = ${forged} where position = 3`);
        await tx.execute(sql`alter table audit_event enable trigger user`);
        await tx.execute(sql`alter table audit_leaf enable trigger user`);
      });
      const report = await verifyAuditLog(
        fdb,
        fresh.custos.repositories.audit,
        fresh.custos.signer.verifierKey,
      );
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.kind)).toContain('checkpoint_mismatch');
      expect(report.problems.map((p) => p.kind)).not.toContain('event_altered');
      // The culprit lies in the range the report names.
      const mismatch = report.problems.find((p) => p.kind === 'checkpoint_mismatch')!;
      expect(mismatch.position).toBeLessThanOrEqual(3);
      expect(mismatch.treeSize).toBeGreaterThan(3);
    } finally {
      await fresh.close();
    }
  });

  it('refuses checkpoints signed by a key it does not trust', async () => {
    const { generateSigningKey } = await import('../../src/platform/crypto/signing.js');
    const { formatVerifierKey } = await import('../../src/modules/audit/merkle/checkpoint.js');
    const other = formatVerifierKey(t.custos.signer.origin, generateSigningKey('ed25519').publicKey);
    const report = await verifyAuditLog(db(), t.custos.repositories.audit, other);
    expect(report.problems.some((p) => p.kind === 'checkpoint_signature')).toBe(true);
  });
});
