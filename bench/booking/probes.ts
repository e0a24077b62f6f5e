// Where the time goes, measured beside each run rather than guessed afterwards:
// - database round trips the app makes per attempt, and how long a pg connection was busy with them
//   (the pg client's query method wrapped for the run; the app's code is untouched);
// - what the database's backends were doing, sampled from pg_stat_activity (running, waiting on a row
//   lock, waiting for the WAL flush ...);
// - CPU of this Node process (event-loop utilisation, user+system time) and of all postgres processes,
//   against the machine's cores.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

type QueryMethod = (this: object, ...args: unknown[]) => unknown;

export interface QueryCount {
  queries: number;
  /** Queries by their first words (the statement's shape), most frequent first. */
  byKind: Record<string, number>;
  /** Sum over all queries of call-to-answer time: divided by the wall time, the connections kept busy. */
  busyMs: number;
}

/** Counts queries on every pg client but the ignored ones (the probes' own) until stopped. */
export function countQueries(ignored: readonly object[]): { stop(): QueryCount } {
  const proto = pg.Client.prototype as unknown as { query: QueryMethod };
  const original = proto.query;
  const skip = new Set<object>(ignored);
  const state = { queries: 0, busyMs: 0 };
  const kinds = new Map<string, number>();
  proto.query = function (this: object, ...args: unknown[]): unknown {
    if (skip.has(this)) return original.apply(this, args);
    state.queries++;
    const kind = kindOf(args[0]);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const started = performance.now();
    const done = () => {
      state.busyMs += performance.now() - started;
    };
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      // pg.Pool.query hands the client a callback rather than taking a promise.
      args[last] = (...results: unknown[]) => {
        done();
        return (callback as (...a: unknown[]) => unknown)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.then(done, done);
    return result;
  };
  return {
    stop() {
      proto.query = original;
      const byKind: Record<string, number> = {};
      for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) byKind[kind] = n;
      return { ...state, byKind };
    },
  };
}

/** A statement's shape: its verb and first table, e.g. 'select booking_session' or 'begin'. */
function kindOf(query: unknown): string {
  const text = typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? '?');
  const flat = text.replace(/\s+/g, ' ').trim();
  const verb = /^(select|insert into|update|delete from|begin|commit|rollback)\b/i
    .exec(flat)?.[1]
    ?.toLowerCase();
  if (!verb) return flat.slice(0, 40);
  if (verb === 'begin' || verb === 'commit' || verb === 'rollback') return verb;
  const table =
    verb === 'select' ? /\bfrom "?(\w+)"?/i.exec(flat) : /^\w+(?: into| from)? "?(\w+)"?/i.exec(flat);
  return `${verb} ${table?.[1] ?? '?'}`;
}

/** Mean number of this database's backends in each state while sampling ran ("CPU" = running). */
export function sampleWaits(client: pg.Client, everyMs = 20): { stop(): Promise<Record<string, number>> } {
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ what: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS what, count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
          GROUP BY 1`,
      );
      samples++;
      for (const r of rows) totals.set(r.what, (totals.get(r.what) ?? 0) + r.n);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })().catch(() => {
    // A failed sample ends sampling; the figures so far stand.
  });
  return {
    async stop() {
      running = false;
      await loop;
      const out: Record<string, number> = {};
      for (const [what, n] of [...totals].sort((a, b) => b[1] - a[1])) {
        out[what] = Math.round((n / Math.max(1, samples)) * 100) / 100;
      }
      return out;
    },
  };
}

export interface CpuReading {
  /** Percent of one core: 100 = one core fully used. */
  nodePct: number;
  postgresPct: number | null;
  /** The whole machine's busy time (all processes), in the same unit: 100 x cores is every core busy. */
  machinePct: number | null;
  cores: number;
  eventLoopUtilisation: number;
}

/** Starts a CPU measurement; stop() gives the shares over the interval. */
export function measureCpu(): { stop(): CpuReading } {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const eluStart = performance.eventLoopUtilization();
  const pgStart = postgresCpuTicks();
  const machineStart = machineBusyTicks();
  return {
    stop() {
      const wallS = (performance.now() - wallStart) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const pgEnd = postgresCpuTicks();
      const machineEnd = machineBusyTicks();
      return {
        nodePct: ((cpu.user + cpu.system) / 1e6 / wallS) * 100,
        // Linux's clock tick is 100 Hz on every distribution this runs on.
        postgresPct: pgStart === null || pgEnd === null ? null : ((pgEnd - pgStart) / 100 / wallS) * 100,
        machinePct:
          machineStart === null || machineEnd === null
            ? null
            : ((machineEnd - machineStart) / 100 / wallS) * 100,
        cores: os.cpus().length,
        eventLoopUtilisation: performance.eventLoopUtilization(eluStart).utilization,
      };
    },
  };
}

/** Busy clock ticks of all cores (everything but idle and iowait), from /proc/stat; null off Linux. */
function machineBusyTicks(): number | null {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...: guest time is already counted in user.
    return cpu.slice(0, 8).reduce((a, b) => a + b, 0) - cpu[3]! - cpu[4]!;
  } catch {
    return null;
  }
}

/** User+system clock ticks of every running postgres process, from /proc; null where /proc is not Linux's. */
function postgresCpuTicks(): number | null {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of entries) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks;
}
