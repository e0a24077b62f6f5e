// Lets holds whose time is up go: their places count as free again and whoever reacts to a lapsed hold (the
// waiting list offers the place on) is told in the same transaction. Run every minute by the
// booking.expire_holds job; a booking attempt also sweeps its own session before counting places.
import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import type { AfterCommit, Transactions } from '../../platform/db/transactions.js';
import type { BookingEvents } from './booking-events.js';
import type { BookingRepository } from './repository.js';

export class HoldSweeper {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly events: BookingEvents,
    private readonly clock: Clock,
  ) {}

  /** Sweeps every centre; returns how many holds lapsed. */
  async sweep(): Promise<number> {
    return this.tx.run((tx, afterCommit) => this.sweepIn(tx, afterCommit));
  }

  /** Sweeps inside the caller's transaction, of one session or all. */
  async sweepIn(tx: Tx, afterCommit: AfterCommit, sessionId?: string): Promise<number> {
    const lapsed = await this.repo.expireHolds(tx, this.clock.now(), sessionId);
    await this.events.emitAll(
      tx,
      afterCommit,
      lapsed.map((booking) => ({ kind: 'expired' as const, booking, actorUserId: null })),
    );
    return lapsed.length;
  }
}
