// An admin adds (or corrects) a year of the State Council's holiday arrangement when Custos's built-in
// data runs out, and sees which years the calendar covers.
//
// Why here, in booking: the calendar (src/platform/calendar) is platform code with no storage, access
// rules or audit of its own, and must stay so; the table holiday_year is declared with booking's tables,
// and booking windows are the only thing the calendar decides. So who may change it, the audit and the
// storage live in this module, and the platform's CalendarProvider only sees the StoredYears port.
import type { Clock } from '../../platform/clock.js';
import {
  yearDataSchema,
  type YearData,
  type YearDataInput,
} from '../../platform/calendar/business-calendar.js';
import type { CalendarProvider } from '../../platform/calendar/calendar-provider.js';
import { BUILT_IN_HOLIDAY_YEARS, type HolidayYear } from '../../platform/calendar/holidays/index.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { msg, validationFailed } from '../../platform/http/errors.js';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import { context } from './centre-config-service.js';
import type { HolidayYearRecord, HolidayYearRepository } from './holiday-year-repository.js';
import type { HolidayYearView } from './holiday-year-schemas.js';

export class HolidayYearService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: HolidayYearRepository,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly builtIn: readonly HolidayYear[] = BUILT_IN_HOLIDAY_YEARS,
  ) {}

  /** Every year the calendar covers, ascending: shipped ones and those admins stored. */
  async list(actor: Actor): Promise<HolidayYearView[]> {
    requireRole(actor, 'admin');
    const stored = new Map((await this.repo.list(this.db)).map((r) => [r.year, r]));
    const builtIn = new Map(this.builtIn.map((y) => [y.year, y]));
    const years = [...new Set([...stored.keys(), ...builtIn.keys()])].sort((a, b) => a - b);
    return years.map((year) => {
      const record = stored.get(year);
      return record ? presentStored(record, builtIn.has(year)) : presentBuiltIn(builtIn.get(year)!);
    });
  }

  /**
   * Adds the year, or replaces it whole (a built-in year too: the admin's copy then wins). The body has
   * passed yearDataSchema at the edge; it is checked again here so no caller (the CLI, a test) can store
   * unchecked data.
   * Availability on this node uses the new data as soon as this returns; other nodes at their next check.
   */
  async put(
    actor: Actor,
    year: number,
    input: YearDataInput,
    ctx: RequestContext,
  ): Promise<{ view: HolidayYearView; created: boolean }> {
    requireRole(actor, 'admin');
    const parsed = yearDataSchema.safeParse(input);
    if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => localiseIssue(issue)));
    const data: YearData = parsed.data;
    if (data.year !== year) {
      throw validationFailed([
        {
          path: 'year',
          code: 'custom',
          message: msg(
            `年份应与地址中的 ${year} 一致。`,
            `The year must be the one in the address (${year}).`,
          ),
        },
      ]);
    }
    const shipped = this.builtIn.some((y) => y.year === year);
    const created = await this.tx.run(async (tx, afterCommit) => {
      const before = await this.repo.lockYear(tx, year);
      await this.repo.upsert(tx, { year, data, addedBy: actor.userId, addedAt: this.clock.now() });
      await this.audit.record(tx, context(actor, ctx), {
        action: before ? 'calendar.holiday_year_replaced' : 'calendar.holiday_year_added',
        subject: { type: 'holiday_year', id: String(year) },
        // The arrangement is national: no unit owns it, and every auditor sees the change.
        unitId: null,
        payload: { year, replacesBuiltIn: shipped, data },
      });
      afterCommit(async () => {
        await this.calendars.refresh();
      });
      return !before;
    });
    const record = (await this.repo.list(this.db)).find((r) => r.year === year)!;
    return { view: presentStored(record, shipped), created };
  }
}

function presentStored(record: HolidayYearRecord, shipped: boolean): HolidayYearView {
  const data = yearDataSchema.parse(record.data);
  return {
    year: record.year,
    origin: 'added',
    replacesBuiltIn: shipped,
    source: data.source ?? null,
    daysOff: data.daysOff,
    workdays: data.workdays,
    addedAt: record.addedAt.toISOString(),
    addedBy: { username: record.addedBy.username, displayName: record.addedBy.displayName },
  };
}

function presentBuiltIn(year: HolidayYear): HolidayYearView {
  return {
    year: year.year,
    origin: 'built_in',
    replacesBuiltIn: false,
    source: year.source ?? null,
    daysOff: year.daysOff.map((d) => ({ date: d.date, name: d.name })),
    workdays: year.workdays.map((d) => ({ date: d.date, name: d.name })),
    addedAt: null,
    addedBy: null,
  };
}
