// The business calendar in force: the built-in years plus those an admin stored. A BusinessCalendar is
// immutable, so the provider never edits one; it builds a new one from the stored years and swaps the
// reference whole. A request that already holds a calendar keeps a consistent view while a swap happens,
// and no request ever sees a half-loaded year.
//
// Several app nodes share one database, and an admin's change is written through one of them. Each node
// therefore asks the store for a fingerprint of the stored years whenever a caller wants the calendar
// (a single-row query over a table of a few rows) and rebuilds only when it differs. This was chosen over
// a time-to-live because booking windows must not disagree between nodes for a TTL's length after a year
// is added, and the check costs one tiny query. Concurrent callers share one check in flight.
import { BusinessCalendar, type BusinessCalendarOptions, type YearDataInput } from './business-calendar.js';

/** Where the admin-added years are kept (the booking module's holiday_year table). */
export interface StoredYears {
  /** A fingerprint that changes whenever any stored year is added or replaced. */
  version(): Promise<string>;
  /** Every stored year, with the fingerprint of exactly what was read. */
  load(): Promise<{ version: string; years: YearDataInput[] }>;
}

interface Loaded {
  version: string;
  calendar: BusinessCalendar;
  /** Order in which the load started: a slow, older load never replaces a newer one. */
  sequence: number;
}

export class CalendarProvider {
  private loaded: Loaded;
  private nextSequence: number;
  private check: Promise<BusinessCalendar> | undefined;

  private constructor(
    private readonly store: StoredYears,
    private readonly options: Omit<BusinessCalendarOptions, 'years'>,
    first: Loaded,
  ) {
    this.loaded = first;
    this.nextSequence = first.sequence + 1;
  }

  /** Loads the stored years once; a stored year that fails validation stops the start with its reason. */
  static async start(
    store: StoredYears,
    options: Omit<BusinessCalendarOptions, 'years'> = {},
  ): Promise<CalendarProvider> {
    const { version, years } = await store.load();
    return new CalendarProvider(store, options, {
      version,
      calendar: new BusinessCalendar({ ...options, years }),
      sequence: 0,
    });
  }

  /**
   * The calendar as the store has it now. Asks the store, so it must not be called inside a transaction
   * on the embedded database (one connection: the question would wait for the transaction for ever).
   */
  async current(): Promise<BusinessCalendar> {
    this.check ??= this.checkStore().finally(() => {
      this.check = undefined;
    });
    return this.check;
  }

  /** Rebuilds from the store now, whatever the fingerprint says: after this node changed a year. */
  async refresh(): Promise<BusinessCalendar> {
    const sequence = this.nextSequence++;
    const { version, years } = await this.store.load();
    return this.install({ version, calendar: new BusinessCalendar({ ...this.options, years }), sequence });
  }

  /** The calendar last loaded, without asking the store (for code that must not wait on the database). */
  latest(): BusinessCalendar {
    return this.loaded.calendar;
  }

  private async checkStore(): Promise<BusinessCalendar> {
    const version = await this.store.version();
    if (version === this.loaded.version) return this.loaded.calendar;
    return this.refresh();
  }

  private install(candidate: Loaded): BusinessCalendar {
    if (candidate.sequence > this.loaded.sequence) this.loaded = candidate;
    return this.loaded.calendar;
  }
}
