// SM2 (GB/T 32918 with SM3) selected for checkpoint signatures: the whole log still verifies, and the
// published verifier key names the SM2 type.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/modules/audit/log-verifier.js';
import { parseVerifierKey } from '../../src/modules/audit/merkle/checkpoint.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { CUSTOS_AUDIT_SIGNATURE: 'sm2' } });
});
afterAll(async () => {
  await t?.close();
});

describe('SM2 checkpoints', () => {
  it('generates an SM2 key into the data directory and signs verifiable checkpoints with it', async () => {
    expect(t.custos.signer.key.algorithm).toBe('sm2');
    expect(fs.statSync(t.settings.audit.keyFile).mode & 0o777).toBe(0o600);
    const vkey = fs.readFileSync(t.settings.audit.keyFile.replace(/\.pem$/, '.vkey'), 'utf8').trim();
    expect(parseVerifierKey(vkey).publicKey.algorithm).toBe('sm2');
    await t.custos.services.integrator.integrateAll();
    const report = await verifyAuditLog(t.custos.database.db, t.custos.repositories.audit, vkey);
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.checkpoints).toBeGreaterThan(0);
  });

  it('refuses to start when the key file and the configured algorithm disagree', async () => {
    const { loadOrCreateSigner } = await import('../../src/modules/audit/signing-key-store.js');
    expect(() => loadOrCreateSigner({ ...t.settings.audit, signature: 'ed25519' })).toThrow(
      /is sm2, but CUSTOS_AUDIT_SIGNATURE is ed25519/,
    );
  });
});
