// Demo data: pure, deterministic for a seed and `now`, every record valid for lib/model (tested
// against the schemas record by record). The benchmark's data at scale is built from the same parts
// in tests/support/bench-data.ts.
//
// generateDemoData: about 40 customers of a freelance consultant with two years of history, dated
//   relative to `now` (see cast.ts for who is who). With the default settings the agenda shows one
//   overdue promise, one due tomorrow, one open complaint, an after-purchase check-in, an exit
//   conversation, birthdays in the next days (one of a partner), a few overdue relationships and
//   two contacts due for feedback.
// flattenHistories: one array per table, for bulk loading.
export { generateDemo, generateDemoData, type DemoOptions } from './demo';
export { flattenHistories, type FlatTables } from './flatten';
export { DEFAULT_SEED, Rng, deriveSeed } from './random';
