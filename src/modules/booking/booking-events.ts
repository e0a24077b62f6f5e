// What happened to a booking, told to the parts of Custos that react to it (the lawyer's messages, the
// waiting list) inside the transaction that made the change: a reaction is committed with the change or not
// at all, and a listener that fails rolls the change back rather than leaving it untold.
import type { Tx } from '../../platform/db/database.js';
import type { AfterCommit } from '../../platform/db/transactions.js';
import type { BookingRow } from './repository.js';

export type BookingChangeKind =
  | 'confirmed'
  | 'awaiting_permission'
  | 'permission_confirmed'
  | 'cancelled'
  | 'cancelled_late'
  | 'cancelled_by_centre'
  | 'expired'
  | 'attended'
  | 'no_show';

export interface BookingChange {
  kind: BookingChangeKind;
  /** The booking as it is after the change. */
  booking: BookingRow;
  /** Who made the change; null for the system (a lapsed hold, the sweep job). */
  actorUserId: string | null;
  /** The reason given with a cancellation, if any. */
  reason?: string | null;
}

export type BookingChangeListener = (
  tx: Tx,
  afterCommit: AfterCommit,
  change: BookingChange,
) => Promise<void>;

/** Listeners are added once, at composition; they run in the order they were added. */
export class BookingEvents {
  private readonly listeners: BookingChangeListener[] = [];

  subscribe(listener: BookingChangeListener): void {
    this.listeners.push(listener);
  }

  async emit(tx: Tx, afterCommit: AfterCommit, change: BookingChange): Promise<void> {
    for (const listener of this.listeners) await listener(tx, afterCommit, change);
  }

  async emitAll(tx: Tx, afterCommit: AfterCommit, changes: BookingChange[]): Promise<void> {
    for (const change of changes) await this.emit(tx, afterCommit, change);
  }
}
