// One row of the benchmark table.
export interface Figure {
  /** What was measured, in words. */
  figure: string;
  /** Median milliseconds (or bytes for sizes). */
  value: number;
  unit: 'ms' | 'KB';
  /** The budget; a figure above it fails the run. */
  budget?: number;
  /** The floor: the same work done the plainest possible way, measured in the same run. */
  floor?: number;
  /** The most the value may be as a multiple of the floor; above it the run fails. */
  ratioBudget?: number;
}

export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Run `fn` `runs` times after `warmup` runs; the median in milliseconds. */
export async function time(fn: () => unknown, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export const passes = (f: Figure) =>
  (f.budget === undefined || f.value <= f.budget) &&
  (f.ratioBudget === undefined || (!!f.floor && f.value <= f.ratioBudget * f.floor));
