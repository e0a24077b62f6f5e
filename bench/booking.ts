// `npm run bench:booking`: 2,000+ lawyers race for one 60-place day over HTTP against the real app on
// PostgreSQL, beside a raw-SQL baseline run the same way; then the availability query with a million past
// bookings in the database. Progress goes to stderr; the last line on stdout is one JSON object with the
// figures. A benchmark, not a test: it prints what it measured and fails only if it cannot run.
// What each figure means, and the figures of recorded runs: bench/README.md.
import os from 'node:os';
import pg from 'pg';
import { startApp, type RunningApp } from './booking/app.js';
import { timeHttpAvailability, timeServiceAvailability } from './booking/availability-timing.js';
import { rawSqlBaseline } from './booking/baseline.js';
import { httpBurst, serviceBurst, type BurstResult } from './booking/booking-burst.js';
import { checkDay } from './booking/capacity-check.js';
import { addPudongTemplates, fullDays, PLACES_PER_DAY } from './booking/centre-day.js';
import { createBenchDatabase } from './booking/database.js';
import { loadHistory, planHistory } from './booking/history.js';
import { HttpClient } from './booking/http-client.js';
import { runConcurrently } from './booking/load.js';
import { addClients, createLawyers, fileDocuments, signInAll, staffActor } from './booking/people.js';
import { profiled } from './booking/cpu-profile.js';
import { countQueries, measureCpu, sampleWaits, type CpuReading, type QueryCount } from './booking/probes.js';
import { schemaBurst } from './booking/schema-burst.js';
import { round, summarise } from './booking/stats.js';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  process.stderr.write(
    'bench:booking needs PostgreSQL: set DATABASE_URL=postgres://user:password@host:5432/db (a role that may\n' +
      'CREATE DATABASE; the bench creates custos_bench_<random> beside it and drops it at the end).\n',
  );
  process.exit(2);
}

const intFromEnv = (name: string, fallback: number, min: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}`);
  return value;
};
const ATTEMPTS = intFromEnv('BENCH_ATTEMPTS', 2000, 100);
/** Requests in flight at once, and the client's socket count. */
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 200, 1);
const HISTORY = intFromEnv('BENCH_HISTORY', 1_000_000, 0);
const AVAILABILITY_CALLS = intFromEnv('BENCH_AVAILABILITY_CALLS', 500, 10);

const started = performance.now();
/** Set by Ctrl-C: the signal handler then owns the exit, after the bench database is dropped. */
let interrupted = false;
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

interface Probed<T> {
  result: T;
  cpu: CpuReading;
  backends: Record<string, number>;
  queries?: QueryCount;
}

/** Runs one race with the probes around it: CPU, backend states, and (for the app) the queries it made. */
async function probed<T>(
  databaseUrl: string,
  countAppQueries: boolean,
  run: () => Promise<T>,
): Promise<Probed<T>> {
  const sampler = new pg.Client({ connectionString: databaseUrl });
  await sampler.connect();
  try {
    const waits = sampleWaits(sampler);
    const counter = countAppQueries ? countQueries([sampler]) : undefined;
    const cpu = measureCpu();
    let result: T;
    let queries: QueryCount | undefined;
    let backends: Record<string, number>;
    try {
      result = await run();
    } finally {
      // Probes end even when the run fails: the query method is restored and the sampler stops.
      queries = counter?.stop();
      backends = await waits.stop();
    }
    return { result, cpu: cpu.stop(), backends, ...(queries ? { queries } : {}) };
  } finally {
    await sampler.end();
  }
}

function rateOf(r: { attempts: number; wallMs: number }): number {
  return r.attempts / (r.wallMs / 1000);
}

function otherCpu(c: CpuReading): number | null {
  if (c.machinePct === null || c.postgresPct === null) return null;
  return round(Math.max(0, c.machinePct - c.nodePct - c.postgresPct), 0);
}

function raceFigures(p: Probed<BurstResult>) {
  const s = summarise(p.result.latencies);
  return {
    per_s: round(rateOf(p.result), 1),
    p50_ms: round(s.p50),
    p99_ms: round(s.p99),
    max_ms: round(s.max),
    confirmed: p.result.confirmed,
    refused_full: p.result.full,
    other: p.result.other,
    node_cpu_pct: round(p.cpu.nodePct, 0),
    postgres_cpu_pct: p.cpu.postgresPct === null ? null : round(p.cpu.postgresPct, 0),
    // Busy CPU of everything else on the machine (other people's builds and tests share these cores).
    other_cpu_pct: otherCpu(p.cpu),
    event_loop_utilisation: round(p.cpu.eventLoopUtilisation),
    backends: p.backends,
    ...(p.queries
      ? {
          queries_per_attempt: round(p.queries.queries / p.result.attempts, 1),
          db_connections_busy: round(p.queries.busyMs / p.result.wallMs, 1),
          queries_by_kind_per_attempt: Object.fromEntries(
            Object.entries(p.queries.byKind).map(([k, n]) => [k, round(n / p.result.attempts)]),
          ),
        }
      : {}),
  };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(serverUrl!);
  log(`database ${db.name}`);
  let running: RunningApp | undefined;
  let http: HttpClient | undefined;
  // Ctrl-C must not leave a bench database behind. The signal reaches both tsx and this process (tsx relays
  // it), so only the first is acted on. The app is closed first: DROP ... WITH (FORCE) ends any connection
  // still open, and the app's pool has no 'error' listener, so an idle connection ended under it would crash
  // this process before the drop is done.
  process.on('SIGINT', () => {
    if (interrupted) return;
    interrupted = true;
    log(`interrupted: closing the app, then dropping ${db.name}`);
    http?.close();
    const closed = running?.close().catch(() => {}) ?? Promise.resolve();
    void Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))])
      .then(() => db.drop())
      .then(() => log(`dropped ${db.name}`))
      .catch((error: unknown) => log(`could not drop ${db.name}: ${String(error)}`))
      .finally(() => process.exit(130));
  });
  try {
    running = await startApp(db.url);
    const { custos, port, poolSize } = running;
    log(`app listening on 127.0.0.1:${port}, pg pool ${poolSize}`);
    const identity = custos.repositories.identity;
    const centre = (await identity.unitByCode(custos.database.db, '130102-KSS'))!;
    const staff = await staffActor(custos);
    await addPudongTemplates(custos, staff, centre.id);

    const setupStarted = performance.now();
    const people = await createLawyers(custos, ATTEMPTS);
    log(
      `${people.lawyers.length} lawyers (${people.provisioned} through provision at ${round(people.provisionMsEach, 1)} ms each, argon2 included)`,
    );
    await addClients(custos, staff, centre.id, people.lawyers);
    log(`${people.lawyers.length} clients on the roster`);
    await fileDocuments(custos, centre.id, people.lawyers);
    log(`${people.lawyers.length * 2} documents filed (a power of attorney and a firm letter each)`);
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const history = await loadHistory(
      custos,
      db.url,
      centre.id,
      people.lawyers.map((l) => l.userId),
      planHistory(HISTORY),
      log,
    );
    log(
      `history loaded in ${round(history.loadSeconds, 1)} s (booking rows ${round(history.bookingInsertSeconds, 1)} s, ` +
        `their lawyer rows ${round(history.lawyerInsertSeconds, 1)} s), vacuum analyse ${round(history.vacuumSeconds, 1)} s`,
    );

    const days = await fullDays(custos, centre.id);
    if (days.length === 0) throw new Error('the centre has no bookable day with all 60 places free');
    const [raceDay, serviceDay, schemaDay] = days;
    log(`race day ${raceDay!.date} (${days.length} untouched days in the window)`);

    const sessions = await signInAll(custos, people.lawyers);
    http = new HttpClient(port, CONCURRENCY);
    // Open every socket and compile the hot paths (session lookup, routing) before anything is timed.
    await runConcurrently(sessions.slice(0, CONCURRENCY * 2), CONCURRENCY, async (s) => {
      await http!.request('GET', `/api/centres/${centre.id}/availability`, { cookie: s.cookie });
    });
    log(`warm: ${http.openSockets()} keep-alive sockets open`);

    log(`HTTP race: ${ATTEMPTS} attempts, ${CONCURRENCY} in flight, for ${PLACES_PER_DAY} places`);
    let profile: Record<string, number> | undefined;
    const race = await probed(db.url, true, async () => {
      const run = await profiled(process.env.BENCH_CPU_PROFILE, () =>
        httpBurst(http!, people.lawyers, sessions, raceDay!, CONCURRENCY),
      );
      profile = run.summary;
      return run.result;
    });
    if (profile) log(`CPU profile of the HTTP race, self time % by place: ${JSON.stringify(profile)}`);
    const capacity = await checkDay(db.url, raceDay!.sessionIds);
    log(
      `HTTP race: ${race.result.confirmed} confirmed, ${race.result.full} full, ${round(rateOf(race.result), 1)}/s, overbooked ${capacity.overbooked}`,
    );

    log('baseline: raw capacity-guarded SQL');
    const baseline = await probed(db.url, false, () =>
      rawSqlBaseline(db.url, poolSize, ATTEMPTS, CONCURRENCY),
    );
    log(`baseline: ${baseline.result.confirmed} confirmed, ${round(rateOf(baseline.result), 1)}/s`);

    let service: Probed<BurstResult> | undefined;
    if (serviceDay) {
      service = await probed(db.url, true, () =>
        serviceBurst(custos, people.lawyers, serviceDay, CONCURRENCY),
      );
      log(`service race (no HTTP) on ${serviceDay.date}: ${round(rateOf(service.result), 1)}/s`);
    }
    let schema: Probed<BurstResult> | undefined;
    if (schemaDay) {
      schema = await probed(db.url, false, () =>
        schemaBurst(db.url, poolSize, centre.id, people.lawyers, schemaDay, CONCURRENCY),
      );
      log(`raw SQL on the real tables on ${schemaDay.date}: ${round(rateOf(schema.result), 1)}/s`);
    }
    const otherChecks = await Promise.all(
      [serviceDay, schemaDay].filter((d) => d !== undefined).map((d) => checkDay(db.url, d.sessionIds)),
    );

    log(`availability: ${AVAILABILITY_CALLS} calls over HTTP, then ${AVAILABILITY_CALLS} to the service`);
    const availabilityCounter = countQueries([]);
    const availabilityHttp = summarise(
      await timeHttpAvailability(http, sessions[0]!, centre.id, AVAILABILITY_CALLS),
    );
    const availabilityQueries = availabilityCounter.stop();
    const availabilityService = summarise(
      await timeServiceAvailability(custos, centre.id, AVAILABILITY_CALLS),
    );

    const versionClient = new pg.Client({ connectionString: db.url });
    await versionClient.connect();
    const postgres = (
      await versionClient.query<{ v: string }>("SELECT current_setting('server_version') AS v")
    ).rows[0]!.v;
    const bookingRows = (await versionClient.query<{ n: number }>('SELECT count(*)::int AS n FROM booking'))
      .rows[0]!.n;
    await versionClient.end();

    const raceLatency = summarise(race.result.latencies);
    const baselineLatency = summarise(baseline.result.latencies);
    const throughput = rateOf(race.result);
    const baselineRate = rateOf(baseline.result);
    const figures = {
      attempts: ATTEMPTS,
      places: capacity.places,
      confirmed: race.result.confirmed,
      refused_full: race.result.full,
      other_errors: race.result.other,
      overbooked: capacity.overbooked,
      taken_matches_live: capacity.takenMatchesLive,
      p50_ms: round(raceLatency.p50),
      p99_ms: round(raceLatency.p99),
      throughput_per_s: round(throughput, 1),
      baseline_per_s: round(baselineRate, 1),
      baseline_p50_ms: round(baselineLatency.p50),
      baseline_p99_ms: round(baselineLatency.p99),
      baseline_overbooked: baseline.result.overbooked,
      ratio: round(baselineRate / throughput),
      service_per_s: service ? round(rateOf(service.result), 1) : null,
      schema_sql_per_s: schema ? round(rateOf(schema.result), 1) : null,
      other_days_overbooked: otherChecks.reduce((n, c) => n + c.overbooked, 0),
      availability_p50_ms: round(availabilityHttp.p50),
      availability_p95_ms: round(availabilityHttp.p95),
      availability_service_p50_ms: round(availabilityService.p50),
      availability_service_p95_ms: round(availabilityService.p95),
      availability_calls: AVAILABILITY_CALLS,
      availability_queries_per_call: round(availabilityQueries.queries / AVAILABILITY_CALLS, 1),
      availability_queries_by_kind_per_call: Object.fromEntries(
        Object.entries(availabilityQueries.byKind).map(([k, n]) => [k, round(n / AVAILABILITY_CALLS)]),
      ),
      history_bookings: history.bookings,
      booking_rows: bookingRows,
      concurrency: CONCURRENCY,
      pool_size: poolSize,
      node: process.version,
      postgres,
      runs: {
        http: { ...raceFigures(race), ...(profile ? { cpu_profile_self_pct: profile } : {}) },
        baseline: {
          per_s: round(baselineRate, 1),
          p50_ms: round(baselineLatency.p50),
          p99_ms: round(baselineLatency.p99),
          confirmed: baseline.result.confirmed,
          node_cpu_pct: round(baseline.cpu.nodePct, 0),
          postgres_cpu_pct: baseline.cpu.postgresPct === null ? null : round(baseline.cpu.postgresPct, 0),
          other_cpu_pct: otherCpu(baseline.cpu),
          backends: baseline.backends,
        },
        ...(service ? { service: raceFigures(service) } : {}),
        ...(schema ? { schema_sql: raceFigures(schema) } : {}),
      },
      setup: {
        provision_ms_each: round(people.provisionMsEach, 1),
        lawyers_and_clients_s: round(setupSeconds, 1),
        history_load_s: round(history.loadSeconds, 1),
        history_booking_insert_s: round(history.bookingInsertSeconds, 1),
        history_lawyer_insert_s: round(history.lawyerInsertSeconds, 1),
        history_vacuum_s: round(history.vacuumSeconds, 1),
        cores: race.cpu.cores,
        load_average_at_end: os.loadavg().map((l) => round(l)),
      },
      runtime_s: round((performance.now() - started) / 1000, 1),
    };
    log('done');
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    // After Ctrl-C the signal handler closes and drops; doing it twice would only race with it.
    if (!interrupted) {
      http?.close();
      await running?.close().catch((error: unknown) => log(`closing the app failed: ${String(error)}`));
      await db.drop();
      log(`dropped ${db.name}`);
    }
  }
}

main().catch((error: unknown) => {
  // After Ctrl-C the run fails because its app was closed under it; the handler reports and exits.
  if (interrupted) return;
  process.stderr.write(
    `bench:booking failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
