// One transaction per mutation, with side effects (jobs, messages) deferred until it has committed: nobody
// is ever told about a change that rolled back.
import type { Db, Tx } from './database.js';

export type AfterCommit = (effect: () => Promise<void> | void) => void;

export class Transactions {
  constructor(
    private readonly db: Db,
    private readonly onEffectError: (error: unknown) => void,
  ) {}

  async run<T>(work: (tx: Tx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
    const effects: (() => Promise<void> | void)[] = [];
    const result = await this.db.transaction((tx) => work(tx, (effect) => effects.push(effect)));
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
