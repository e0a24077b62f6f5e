// One writer per upload, across every node: a PATCH (or the job finishing a seal) holds a PostgreSQL session
// advisory lock for the upload while it works. The lock lives on a connection held for that time, so when a
// node dies (kill -9) its connection drops and the upload is free at once for a retry on any node. Within a
// process a set guards the same id too: on PGlite, one connection is every caller's, and a session lock there
// would let a second PATCH of the same upload through. The set also caps how many uploads stream at once,
// since each holds a connection.
import type { Database } from '../../platform/db/database.js';
import { tooManyUploads, uploadBusy } from './errors.js';

/** pg_advisory_lock(int, int): this class id keeps upload locks apart from every other advisory lock. */
const LOCK_CLASS = 0x7475_7300; // "tus\0"

export class UploadLocks {
  private readonly held = new Set<string>();

  constructor(
    private readonly database: Database,
    private readonly maxParallel: number,
  ) {}

  /** Runs fn holding the upload's lock; 423 if another writer has it, 503 if this node is at its cap. */
  async withLock<T>(uploadId: string, fn: () => Promise<T>): Promise<T> {
    const result = await this.tryWithLock(uploadId, fn);
    if (result === BUSY) throw uploadBusy();
    if (result === FULL) throw tooManyUploads();
    return result;
  }

  /** Like withLock, for background work that simply skips a busy upload. */
  async tryWithLock<T>(uploadId: string, fn: () => Promise<T>): Promise<T | typeof BUSY | typeof FULL> {
    if (this.held.has(uploadId)) return BUSY;
    if (this.held.size >= this.maxParallel) return FULL;
    this.held.add(uploadId);
    try {
      return await this.database.withDedicatedConnection(async (_db, executeSql) => {
        const { rows } = await executeSql('select pg_try_advisory_lock($1, hashtext($2)) as locked', [
          LOCK_CLASS,
          uploadId,
        ]);
        if (rows[0]?.locked !== true) return BUSY;
        try {
          return await fn();
        } finally {
          await executeSql('select pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, uploadId]);
        }
      });
    } finally {
      this.held.delete(uploadId);
    }
  }
}

export const BUSY = Symbol('busy');
export const FULL = Symbol('full');
