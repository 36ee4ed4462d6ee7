// Demo and benchmark data: pure, deterministic for a seed and `now`, every record valid for
// lib/model (the demo set is tested against the schemas record by record, the bench set by sample).
//
// generateDemoData: about 40 customers of a freelance consultant with two years of history, dated
//   relative to `now` (see cast.ts for who is who). With the default settings the agenda shows one
//   overdue promise, one due tomorrow, one open complaint, an after-purchase check-in, an exit
//   conversation, birthdays in the next days (one of a partner), a few overdue relationships and
//   two contacts due for feedback.
// generateBenchData: the same kind of data at scale (10,000 contacts, 200,000 interactions, 20,000
//   each of promises, feedback and purchases by default), built as plain objects.
// flattenHistories: one array per table, for bulk loading.
export { generateDemoData, type DemoOptions } from './demo';
export { generateBenchData, type BenchOptions } from './bench';
export { flattenHistories, type FlatTables } from './flatten';
export { DEFAULT_SEED, Rng, deriveSeed } from './random';
