// After a race: did the database keep its promise? Counted from the booking rows themselves, not from the
// taken counter the trigger maintains, and the counter checked against them.
import pg from 'pg';

export interface CapacityCheck {
  places: number;
  live: number;
  /** Sum over the day's sessions of max(0, live bookings - online places). Must be 0. */
  overbooked: number;
  /** Every session's taken equals its live bookings. */
  takenMatchesLive: boolean;
}

export async function checkDay(databaseUrl: string, sessionIds: readonly string[]): Promise<CapacityCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ places: number; taken: number; live: number }>(
      `SELECT s.online_places AS places, s.taken,
              (SELECT count(*) FROM booking b
                WHERE b.session_id = s.id AND b.status IN ('held', 'confirmed', 'awaiting_permission'))::int AS live
         FROM booking_session s WHERE s.id = ANY($1::uuid[])`,
      [sessionIds],
    );
    return {
      places: rows.reduce((n, r) => n + r.places, 0),
      live: rows.reduce((n, r) => n + r.live, 0),
      overbooked: rows.reduce((n, r) => n + Math.max(0, r.live - r.places), 0),
      takenMatchesLive: rows.length === sessionIds.length && rows.every((r) => r.taken === r.live),
    };
  } finally {
    await client.end();
  }
}
