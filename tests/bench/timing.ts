// Timing shared by the benchmarks: the median of warm runs.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of `runs` timed runs, after 3 untimed ones to warm caches and statements. */
export async function time(runs: number, task: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
