// `custos audit verify`: the offline check of the whole audit log, with a verdict a person can act on.
import fs from 'node:fs';
import type { Custos } from '../composition.js';
import { verifyAuditLog } from '../modules/audit/log-verifier.js';
import { verifierKeyFile } from '../modules/audit/signing-key-store.js';
import type { Io } from './main.js';

export async function auditVerify(custos: Custos, keyFile: string | undefined, io: Io): Promise<number> {
  // Trust the verifier key kept on disk (or given), never a key read from the database being checked.
  const file = keyFile ?? verifierKeyFile(custos.settings.audit.keyFile);
  if (!fs.existsSync(file)) {
    io.err(`no verifier key at ${file}; pass --key FILE`);
    return 2;
  }
  const trusted = fs.readFileSync(file, 'utf8').trim();
  const report = await verifyAuditLog(custos.database.db, custos.repositories.audit, trusted);
  io.out(
    `audit log: ${report.treeSize} event(s) in the tree, ${report.checkpoints} signed checkpoint(s), latest at size ${report.latestCheckpointSize}`,
  );
  if (report.pendingEvents > 0) io.out(`${report.pendingEvents} event(s) await integration (not yet signed)`);
  if (report.ok) {
    io.out(
      'VERIFIED: every event matches its leaf, every stored node and checkpoint root re-derives, every signature is valid.',
    );
    io.out('验证通过：所有事件、树节点与已签名检查点一致。');
    return 0;
  }
  io.out(`FAILED: ${report.problems.length} discrepancy(ies). 验证失败。`);
  if (report.firstBadEventId !== null) io.out(`first bad event: ${report.firstBadEventId}`);
  for (const problem of report.problems) io.out(`  [${problem.kind}] ${problem.message}`);
  return 1;
}
