// The only SQL for the holiday years an admin stored (table holiday_year). The fingerprint is computed by
// PostgreSQL from the rows themselves, so every app node derives the same one from the same data and a
// replaced year changes it as surely as an added one.
import { asc, eq, sql } from 'drizzle-orm';
import type { YearDataInput } from '../../platform/calendar/business-calendar.js';
import type { StoredYears } from '../../platform/calendar/calendar-provider.js';
import { queryRows, type Db, type Executor } from '../../platform/db/database.js';
import { appUser } from '../identity/tables.js';
import { holidayYear } from './tables.js';

export interface HolidayYearRecord {
  year: number;
  data: YearDataInput;
  addedAt: Date;
  addedBy: { userId: string; username: string; displayName: string };
}

const FINGERPRINT = sql`md5(coalesce(string_agg(${holidayYear.year}::text || ':' || ${holidayYear.data}::text, ',' order by ${holidayYear.year}), ''))`;

export class HolidayYearRepository {
  async list(db: Executor): Promise<HolidayYearRecord[]> {
    const rows = await db
      .select({
        year: holidayYear.year,
        data: holidayYear.data,
        addedAt: holidayYear.addedAt,
        userId: appUser.id,
        username: appUser.username,
        displayName: appUser.displayName,
      })
      .from(holidayYear)
      .innerJoin(appUser, eq(appUser.id, holidayYear.addedBy))
      .orderBy(asc(holidayYear.year));
    return rows.map((r) => ({
      year: r.year,
      data: r.data as YearDataInput,
      addedAt: r.addedAt,
      addedBy: { userId: r.userId, username: r.username, displayName: r.displayName },
    }));
  }

  /** The stored year, locked against a concurrent replacement until the transaction ends. */
  async lockYear(tx: Executor, year: number): Promise<{ year: number } | undefined> {
    const [row] = await tx
      .select({ year: holidayYear.year })
      .from(holidayYear)
      .where(eq(holidayYear.year, year))
      .for('update');
    return row;
  }

  /** Adds the year, or replaces it whole if it is already stored. */
  async upsert(tx: Executor, row: { year: number; data: YearDataInput; addedBy: string; addedAt: Date }) {
    await tx
      .insert(holidayYear)
      .values(row)
      .onConflictDoUpdate({
        target: holidayYear.year,
        set: { data: row.data, addedBy: row.addedBy, addedAt: row.addedAt },
      });
  }

  async fingerprint(db: Executor): Promise<string> {
    const [row] = await queryRows<{ version: string }>(
      db,
      sql`select ${FINGERPRINT} as version from ${holidayYear}`,
    );
    return row!.version;
  }

  /** Every stored year and the fingerprint of those very rows, read in one statement (one snapshot). */
  async loadAll(db: Executor): Promise<{ version: string; years: YearDataInput[] }> {
    const [row] = await queryRows<{ version: string; years: YearDataInput[] }>(
      db,
      sql`select ${FINGERPRINT} as version,
                 coalesce(json_agg(${holidayYear.data} order by ${holidayYear.year}), '[]'::json) as years
            from ${holidayYear}`,
    );
    return row!;
  }
}

/** The calendar provider's view of the table: asked outside any transaction, on the shared handle. */
export function storedYearsOf(db: Db, repo: HolidayYearRepository): StoredYears {
  return { version: () => repo.fingerprint(db), load: () => repo.loadAll(db) };
}
