// One transaction per mutation, with side effects (jobs, messages) deferred until it has committed: nobody
// is ever told about a change that rolled back.
import type { Db, Tx } from './database.js';
import { pgErrorOf } from './pg-error.js';

const MAX_TRIES = 3;
const RETRYABLE = new Set(['40P01', '40001']);

function isRetryable(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return code !== undefined && RETRYABLE.has(code);
}

export type AfterCommit = (effect: () => Promise<void> | void) => void;

export class Transactions {
  constructor(
    private readonly db: Db,
    private readonly onEffectError: (error: unknown) => void,
  ) {}

  async run<T>(work: (tx: Tx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
    let effects: (() => Promise<void> | void)[] = [];
    const attempt = () =>
      this.db.transaction((tx) => {
        effects = [];
        return work(tx, (effect) => effects.push(effect));
      });
    let result: T;
    for (let tries = 1; ; tries++) {
      try {
        result = await attempt();
        break;
      } catch (error) {
        // PostgreSQL aborts one of two transactions that wait on each other (or a serialisation conflict);
        // the whole unit of work is redone, which is safe because nothing outside the database happened yet.
        if (tries >= MAX_TRIES || !isRetryable(error)) throw error;
      }
    }
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        // The change is committed; a failed side effect is logged and retried by its own job's policy.
        this.onEffectError(error);
      }
    }
    return result;
  }
}
