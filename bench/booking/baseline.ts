// The baseline the issue asks for: the same attempts, from the same number of concurrent callers, doing
// only the raw capacity-guarded SQL through a pg pool of the app's size, on a fresh table pair in the
// same database:
//   BEGIN; UPDATE session SET taken = taken + 1 WHERE id = $1 AND taken < places RETURNING id;
//          INSERT booking (when a place was taken); COMMIT (or ROLLBACK when full)
// This is the least any correct implementation must do; the ratio to it is the cost of everything else.
import pg from 'pg';
import { PLACES_PER_SESSION, SESSIONS_PER_DAY } from './centre-day.js';
import { runConcurrently, type LoadResult } from './load.js';

export interface BaselineResult extends LoadResult {
  attempts: number;
  confirmed: number;
  full: number;
  overbooked: number;
}

export async function rawSqlBaseline(
  databaseUrl: string,
  poolSize: number,
  attempts: number,
  concurrency: number,
): Promise<BaselineResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  try {
    await pool.query(`CREATE TABLE bench_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      places smallint NOT NULL,
      taken smallint NOT NULL DEFAULT 0 CHECK (taken BETWEEN 0 AND places))`);
    await pool.query(`CREATE TABLE bench_booking (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES bench_session (id),
      lawyer_no int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO bench_session (places) SELECT $1 FROM generate_series(1, $2) RETURNING id`,
      [PLACES_PER_SESSION, SESSIONS_PER_DAY],
    );
    const sessionIds = rows.map((r) => r.id);
    // Open every connection first, as the app's pool is open by the time its race starts.
    const warm = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
    for (const c of warm) c.release();

    let confirmed = 0;
    let full = 0;
    const load = await runConcurrently(
      Array.from({ length: attempts }, (_, i) => i),
      concurrency,
      async (i) => {
        const sessionId = sessionIds[i % sessionIds.length]!;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const took = await client.query(
            `UPDATE bench_session SET taken = taken + 1 WHERE id = $1 AND taken < places RETURNING id`,
            [sessionId],
          );
          if (took.rowCount === 1) {
            await client.query(`INSERT INTO bench_booking (session_id, lawyer_no) VALUES ($1, $2)`, [
              sessionId,
              i,
            ]);
            await client.query('COMMIT');
            confirmed++;
          } else {
            await client.query('ROLLBACK');
            full++;
          }
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
    );
    const check = await pool.query<{ over: number }>(
      `SELECT coalesce(sum(greatest(0, n - places)), 0)::int AS over
         FROM (SELECT s.places, count(b.id) AS n FROM bench_session s
                 LEFT JOIN bench_booking b ON b.session_id = s.id GROUP BY s.id) x`,
    );
    return { ...load, attempts, confirmed, full, overbooked: check.rows[0]!.over };
  } finally {
    await pool.end();
  }
}
