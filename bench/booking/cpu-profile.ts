// Optional (BENCH_CPU_PROFILE=file.cpuprofile): a V8 CPU profile of this process during the HTTP race,
// written for Chrome DevTools and summarised on stderr as self time per package, so "the event loop is
// saturated" comes with what it is saturated by. Off by default: the profiler itself slows the race.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function profiled<T>(
  file: string | undefined,
  run: () => Promise<T>,
): Promise<{ result: T; summary?: Record<string, number> }> {
  if (!file) return { result: await run() };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let result: T;
  let summary: Record<string, number>;
  try {
    result = await run();
  } finally {
    // Stopped and written even when the race fails, so the profile of a failure can be read too.
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    summary = summarise(profile.nodes);
  }
  return { result, summary };
}

/** Percent of samples whose innermost frame lies in each package (or part of the app), largest first. */
function summarise(
  nodes: readonly { callFrame: { url: string; functionName: string }; hitCount?: number }[],
): Record<string, number> {
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const n of nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    byPlace.set(placeOf(n.callFrame), (byPlace.get(placeOf(n.callFrame)) ?? 0) + hits);
  }
  const out: Record<string, number> = {};
  for (const [place, hits] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    out[place] = Math.round((hits / Math.max(1, total)) * 1000) / 10;
  }
  return out;
}

function placeOf(frame: { url: string; functionName: string }): string {
  const { url, functionName } = frame;
  if (!url)
    return functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)'
      ? functionName
      : `(native) ${functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/(src|bench)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}
