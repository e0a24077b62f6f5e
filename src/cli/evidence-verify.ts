// `custos evidence verify [--case N]`: re-hashes every copy (master, working copy, backup) of every sealed
// recording, or of one case's, now. Each check is recorded and each failure raises an alert, as the
// scheduled fixity job does; the exit code is 1 if any copy is missing, unreadable or changed.
import { parseArgs } from 'node:util';
import type { Custos } from '../composition.js';
import type { Io } from './main.js';

export async function evidenceVerify(custos: Custos, args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { case: { type: 'string' } } });
  let caseIds: string[] | undefined;
  if (values.case !== undefined) {
    caseIds = await custos.services.cases.idsByNoOrId(values.case);
    if (caseIds.length === 0) {
      io.err(`no case numbered ${values.case}`);
      return 1;
    }
  }
  const results = await custos.services.fixity.verifyAll(caseIds ? { caseIds } : {});
  const recordings = new Set(results.map((r) => r.recordingId));
  const failed = results.filter((r) => r.outcome !== 'ok');
  for (const r of failed) {
    io.out(
      `FAILED  recording ${r.recordingId}  ${r.location}  ${r.outcome}  expected sha256 ${r.expectedSha256}  found ${r.actualSha256 ?? '-'}  alert ${r.alertId ?? '-'}`,
    );
  }
  io.out(
    `evidence: ${results.length} copy(ies) of ${recordings.size} sealed recording(s) checked${
      values.case !== undefined ? ` (case ${values.case})` : ''
    }, ${failed.length} failed`,
  );
  if (failed.length === 0) {
    io.out(
      'VERIFIED: every copy hashes as recorded when it was written. 校验通过：所有副本与封存时的校验值一致。',
    );
    return 0;
  }
  io.out('FAILED: see the copies above; alerts are open in the staff console. 校验失败：见上列副本。');
  return 1;
}
