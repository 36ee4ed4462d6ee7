// Demo and benchmark data: deterministic for a seed and `now`, every record valid for lib/model.
export { generateDemoData, type DemoOptions } from './demo';
export { generateBenchData, type BenchOptions } from './bench';
export { flattenHistories, type FlatTables } from './flatten';
export { DEFAULT_SEED, Rng, deriveSeed } from './random';
