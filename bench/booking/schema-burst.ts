// A middle rung between the raw baseline and the app: the same race in raw SQL, but on the real booking
// tables with all their invariants (the capacity trigger and CHECK, the two exclusion constraints, the
// lawyer-limit trigger, foreign keys, and indexes over a million rows of history):
//   BEGIN; INSERT booking (confirmed); INSERT booking_lawyer; COMMIT
// The gap from the baseline is what the database's guarantees cost; the gap to the app is the app.
import pg from 'pg';
import { DURATION_MINUTES, type BookableDay } from './centre-day.js';
import { runConcurrently } from './load.js';
import type { BenchLawyer } from './people.js';
import type { BurstResult } from './booking-burst.js';

export async function schemaBurst(
  databaseUrl: string,
  poolSize: number,
  unitId: string,
  lawyers: readonly BenchLawyer[],
  day: BookableDay,
  concurrency: number,
): Promise<BurstResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  try {
    const detainees = new Map(
      (
        await pool.query<{ id: string; name: string }>(
          `SELECT id, name FROM detainee WHERE unit_id = $1 AND name LIKE '在押人员%'`,
          [unitId],
        )
      ).rows.map((r) => [r.name, r.id]),
    );
    const startsAt = new Map(
      (
        await pool.query<{ id: string; starts_at: Date }>(
          `SELECT id, starts_at FROM booking_session WHERE id = ANY($1::uuid[])`,
          [day.sessionIds],
        )
      ).rows.map((r) => [r.id, r.starts_at]),
    );
    const warm = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
    for (const c of warm) c.release();

    let confirmed = 0;
    let full = 0;
    const other: Record<string, number> = {};
    const load = await runConcurrently(lawyers, concurrency, async (lawyer, i) => {
      const sessionId = day.sessionIds[i % day.sessionIds.length]!;
      const start = startsAt.get(sessionId)!;
      const end = new Date(start.getTime() + DURATION_MINUTES * 60_000);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO booking (unit_id, session_id, detainee_id, booked_by, status, starts_at, ends_at,
                                duration_minutes, idempotency_key, created_at, confirmed_at)
           VALUES ($1, $2, $3, $4, 'confirmed', $5, $6, $7, $8, now(), now()) RETURNING id`,
          [
            unitId,
            sessionId,
            detainees.get(lawyer.client.name),
            lawyer.userId,
            start,
            end,
            DURATION_MINUTES,
            `raw-${i}`,
          ],
        );
        await client.query(
          `INSERT INTO booking_lawyer (booking_id, lawyer_user_id, starts_at, ends_at, live)
           VALUES ($1, $2, $3, $4, true)`,
          [rows[0]!.id, lawyer.userId, start, end],
        );
        await client.query('COMMIT');
        confirmed++;
      } catch (error) {
        await client.query('ROLLBACK');
        const constraint = (error as { constraint?: string }).constraint ?? (error as Error).message;
        if (constraint === 'booking_session_capacity_check') full++;
        else other[constraint] = (other[constraint] ?? 0) + 1;
      } finally {
        client.release();
      }
    });
    return { ...load, attempts: lawyers.length, confirmed, full, other };
  } finally {
    await pool.end();
  }
}
