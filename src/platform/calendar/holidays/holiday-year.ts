// The shape of one year's official holiday arrangement, as published by the State Council General Office
// (国务院办公厅关于XXXX年部分节假日安排的通知). Dates are plain 'YYYY-MM-DD' strings here: the business
// calendar validates every year, built-in or admin-supplied, with the same schema when it is built.

export interface HolidayDay {
  readonly date: string;
  /** The festival as the notice names it, e.g. 春节; for a make-up workday, the festival it makes up for. */
  readonly name: string;
}

export interface HolidayYear {
  readonly year: number;
  /** The notice the dates come from. */
  readonly source?: string;
  /** Every date the notice gives off (放假), weekend days inside a holiday span included. */
  readonly daysOff: readonly HolidayDay[];
  /** Weekend dates that are working days (调休上班). */
  readonly workdays: readonly HolidayDay[];
}
