// The load shape every run shares: all attempts queued at once, at most `concurrency` in flight, each
// worker taking the next attempt as soon as its previous one answered. This is the "concurrent" of the
// issue: 2,000 attempts in flight through a bounded number of connections, as a real client fleet behind a
// proxy would be, rather than 2,000 sockets opened at once.

export interface LoadResult {
  wallMs: number;
  /** Per attempt, in attempt order: from the call to its answer (ms). */
  latencies: number[];
}

export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  attempt: (item: T, index: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies = new Array<number>(items.length).fill(Number.NaN);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      const started = performance.now();
      try {
        await attempt(items[index]!, index);
      } finally {
        latencies[index] = performance.now() - started;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { wallMs: performance.now() - started, latencies };
}
