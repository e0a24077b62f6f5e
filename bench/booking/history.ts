// Years of past bookings, loaded in bulk with INSERT ... SELECT generate_series, so that the availability
// query and the booking path run against tables and indexes of a realistic size rather than empty ones.
//
// 1,000,000 bookings at one centre would be 65 years of a 60-place day, so the history is spread over 20
// centres of one province (the bench centre and 19 siblings): 5 sessions a working day, 10 bookings a
// session, as many past working days as the total needs (1,000 days, four years, for a million). Every
// booking is over: attended, cancelled, no_show or cancelled_late. The triggers fire on these inserts as on
// any other; with statuses that are not live the capacity trigger changes nothing (taken stays 0, as it
// is for a past session once its meetings are attended), and each booking gets its lawyer row, as the app
// writes it, with live = false. History clients are synthetic roster rows (their sealed ID is a marker, not
// ciphertext; nothing in the measured paths reads it).
import pg from 'pg';
import type { Custos } from '../../src/composition.js';

export interface HistoryPlan {
  bookings: number;
  centres: number;
  sessionsPerDay: number;
  bookingsPerSession: number;
  detaineesPerCentre: number;
}

export function planHistory(bookings: number): HistoryPlan {
  return { bookings, centres: 20, sessionsPerDay: 5, bookingsPerSession: 10, detaineesPerCentre: 1000 };
}

export interface HistoryResult {
  bookings: number;
  sessions: number;
  days: number;
  loadSeconds: number;
  /** Of the load: the booking rows, and the booking_lawyer rows (whose limit trigger locks each booking). */
  bookingInsertSeconds: number;
  lawyerInsertSeconds: number;
  vacuumSeconds: number;
}

export async function loadHistory(
  custos: Custos,
  databaseUrl: string,
  benchCentreId: string,
  lawyerIds: readonly string[],
  plan: HistoryPlan,
  progress: (line: string) => void,
): Promise<HistoryResult> {
  const started = performance.now();
  const centreIds = [benchCentreId, ...(await siblingCentres(custos, benchCentreId, plan.centres - 1))];
  const perDay = plan.centres * plan.sessionsPerDay * plan.bookingsPerSession;
  const days = Math.ceil(plan.bookings / perDay);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TEMP TABLE h_centre (idx int PRIMARY KEY, unit_id uuid NOT NULL)`);
    await client.query(
      `INSERT INTO h_centre SELECT i - 1, id FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, i)`,
      [centreIds],
    );
    await client.query(
      `CREATE TEMP TABLE h_lawyer AS SELECT (i - 1)::int AS idx, id FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, i)`,
      [lawyerIds],
    );
    await client.query(`CREATE UNIQUE INDEX ON h_lawyer (idx)`);
    // Past working days (Monday to Friday), the most recent a week ago.
    await client.query(
      `CREATE TEMP TABLE h_day AS
         SELECT d::date AS date FROM generate_series(current_date - 7, current_date - 7 - $1::int * 2, interval '-1 day') d
          WHERE extract(isodow FROM d) < 6 ORDER BY d DESC LIMIT $1`,
      [days],
    );
    await client.query(
      `INSERT INTO detainee (unit_id, name, id_no_hash, id_no_sealed, id_no_tail, status, created_at, updated_at)
       SELECT c.unit_id, '历史在押人员' || c.idx || '-' || n, md5('bench-history:' || c.idx || ':' || n),
              'bench-history', lpad((n % 10000)::text, 4, '0'), 'released', now() - interval '5 years', now()
         FROM h_centre c CROSS JOIN generate_series(0, $1::int - 1) n`,
      [plan.detaineesPerCentre],
    );
    await client.query(
      `CREATE TEMP TABLE h_detainee AS
         SELECT c.idx AS centre_idx, (row_number() OVER (PARTITION BY d.unit_id ORDER BY d.id) - 1)::int AS idx, d.id
           FROM detainee d JOIN h_centre c ON c.unit_id = d.unit_id WHERE d.id_no_sealed = 'bench-history'`,
    );
    await client.query(`CREATE UNIQUE INDEX ON h_detainee (centre_idx, idx)`);
    await client.query(
      `CREATE TEMP TABLE h_session AS
         SELECT gen_random_uuid() AS id, c.idx AS centre_idx, c.unit_id, d.date,
                (d.date + s.t) AT TIME ZONE 'Asia/Shanghai' AS starts_at,
                (d.date + s.t + interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AS ends_at,
                (row_number() OVER ())::int AS n
           FROM h_centre c CROSS JOIN h_day d
          CROSS JOIN (VALUES (time '09:00'), ('10:00'), ('11:00'), ('14:00'), ('15:00')) s(t)`,
    );
    await client.query(`CREATE INDEX ON h_session (centre_idx)`);
    const sessions = await client.query(
      `INSERT INTO booking_session (id, unit_id, template_id, date, starts_at, ends_at, channel, online_places,
                                    walk_in_places, durations, room_id, taken)
       SELECT id, unit_id, NULL, date, starts_at, ends_at, 'in_person', 12, 3, '{30,45,60}', NULL, 0 FROM h_session`,
    );
    progress(
      `history: ${centreIds.length} centres, ${days} past working days, ${sessions.rowCount} sessions`,
    );

    let total = 0;
    let bookingInsertMs = 0;
    let lawyerInsertMs = 0;
    for (let c = 0; c < centreIds.length; c++) {
      // One centre per transaction: progress to watch, and no single million-row transaction.
      await client.query('BEGIN');
      const bookingsStarted = performance.now();
      const inserted = await client.query(
        `INSERT INTO booking (unit_id, session_id, detainee_id, booked_by, status, starts_at, ends_at,
                              duration_minutes, hold_expires_at, idempotency_key, created_at, confirmed_at,
                              cancelled_at, cancelled_by, cancel_reason)
         SELECT s.unit_id, s.id, d.id, l.id, st.status, s.starts_at, s.starts_at + interval '45 minutes', 45,
                NULL, NULL, s.starts_at - interval '3 days', s.starts_at - interval '3 days',
                CASE WHEN st.status LIKE 'cancelled%' THEN s.starts_at - interval '1 day' END,
                CASE WHEN st.status LIKE 'cancelled%' THEN l.id END, NULL
           FROM h_session s
          CROSS JOIN generate_series(0, $2::int - 1) k
           JOIN h_lawyer l ON l.idx = (s.n * $2::int + k) % $3::int
           JOIN h_detainee d ON d.centre_idx = s.centre_idx AND d.idx = (s.n * 7 + k * 131) % $4::int
          CROSS JOIN LATERAL (SELECT CASE WHEN (s.n + k) % 20 < 16 THEN 'attended'
                                          WHEN (s.n + k) % 20 < 18 THEN 'cancelled'
                                          WHEN (s.n + k) % 20 = 18 THEN 'no_show'
                                          ELSE 'cancelled_late' END AS status) st
          WHERE s.centre_idx = $1`,
        [c, plan.bookingsPerSession, lawyerIds.length, plan.detaineesPerCentre],
      );
      const lawyersStarted = performance.now();
      bookingInsertMs += lawyersStarted - bookingsStarted;
      await client.query(
        `INSERT INTO booking_lawyer (booking_id, lawyer_user_id, starts_at, ends_at, live)
         SELECT b.id, b.booked_by, b.starts_at, b.ends_at, false
           FROM booking b JOIN h_session s ON s.id = b.session_id
          WHERE s.centre_idx = $1`,
        [c],
      );
      lawyerInsertMs += performance.now() - lawyersStarted;
      await client.query('COMMIT');
      total += inserted.rowCount ?? 0;
      progress(`history: centre ${c + 1}/${centreIds.length}, ${total} bookings`);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    // A database that has lived through these years has been vacuumed and analysed by autovacuum; without
    // it the first readers would pay for setting hint bits and the planner would guess row counts.
    const vacuumStarted = performance.now();
    await client.query(`VACUUM (ANALYZE) booking, booking_lawyer, booking_session, detainee, app_user`);
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    return {
      bookings: total,
      sessions: sessions.rowCount ?? 0,
      days,
      loadSeconds,
      bookingInsertSeconds: bookingInsertMs / 1000,
      lawyerInsertSeconds: lawyerInsertMs / 1000,
      vacuumSeconds,
    };
  } finally {
    await client.end();
  }
}

/** Sibling detention centres under the bench centre's district, through the identity repository. */
async function siblingCentres(custos: Custos, benchCentreId: string, count: number): Promise<string[]> {
  const { identity } = custos.repositories;
  const centre = (await identity.unitById(custos.database.db, benchCentreId))!;
  const ids: string[] = [];
  await custos.tx.run(async (tx) => {
    for (let i = 1; i <= count; i++) {
      const unit = await identity.insertUnit(tx, {
        parentId: centre.parentId,
        kind: 'detention_centre',
        code: `BENCH-KSS-${String(i).padStart(2, '0')}`,
        name: `基准测试看守所${i}`,
        nameEn: `Bench Detention Centre ${i}`,
      });
      ids.push(unit.id);
    }
  });
  return ids;
}
