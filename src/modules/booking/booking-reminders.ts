// The day-before reminders (the booking.send_reminders job): every confirmed meeting on the next Shanghai
// date gets one SMS per lawyer. Safe to run any number of times and on several nodes at once: each message
// has a dedupe key per booking and lawyer, which the outbox's unique index keeps to one row, so a second
// run (or a retry after a failure half-way) queues only what the first did not.
import type { Clock } from '../../platform/clock.js';
import { addDays, localDateOf, type LocalDate } from '../../platform/calendar/local-date.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { BookingNotices } from './booking-notices.js';
import type { ReminderRepository } from './reminder-repository.js';
import type { BookingRepository } from './repository.js';

export interface ReminderReport {
  date: LocalDate;
  /** Confirmed meetings found on the date. */
  bookings: number;
  /** Messages queued by this run (those queued by an earlier run are not counted again). */
  queued: number;
}

export interface ReminderLogger {
  error(obj: object, msg: string): void;
}

export class BookingReminders {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly reminders: ReminderRepository,
    private readonly repo: BookingRepository,
    private readonly notices: BookingNotices,
    private readonly clock: Clock,
    private readonly logger: ReminderLogger,
  ) {}

  /** Queues the reminders of tomorrow's (Shanghai date) confirmed meetings. */
  async sendForTomorrow(): Promise<ReminderReport> {
    return this.sendFor(addDays(localDateOf(this.clock.now()), 1));
  }

  /**
   * One transaction per meeting, so one that fails does not hold back the others; the job fails at the end
   * if any did, and its retry sends only what is missing.
   */
  async sendFor(date: LocalDate): Promise<ReminderReport> {
    const bookings = await this.reminders.confirmedOn(this.db, date);
    let queued = 0;
    let failed = 0;
    for (const found of bookings) {
      try {
        queued += await this.tx.run(async (tx, afterCommit) => {
          // Cancelled since it was listed: no reminder.
          const b = await this.repo.bookingById(tx, found.id);
          return b?.status === 'confirmed' ? this.notices.remind(tx, afterCommit, b) : 0;
        });
      } catch (error) {
        failed++;
        this.logger.error({ err: error, bookingId: found.id }, 'could not queue a booking reminder');
      }
    }
    if (failed > 0) throw new Error(`${failed} of ${bookings.length} booking reminders for ${date} failed`);
    return { date, bookings: bookings.length, queued };
  }
}
