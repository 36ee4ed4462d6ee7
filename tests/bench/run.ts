// `npm run bench`: every performance figure of the project in one table; writes bench/results.json and
// exits non-zero when a budget is missed. Floors are measured in the same run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { syncFigures } from './sync';
import { coreFigures } from './node-core';
import { parseFigures } from './node-parse';
import { readPageFigures } from './node-read-page';
import { databaseFigures } from './chromium';
import { dashboardFigures } from './dashboard';
import { importFigures } from './import';
import { insightsFigures } from './insights';
import { contentScriptSizes, panelFigures, withFloorPage } from './panel';
import { popupFigures } from './popup';
import { withBenchProfile } from './profile';
import { passes, type Figure } from './figures';

const fmt = (n: number | undefined, unit = '') =>
  n === undefined || Number.isNaN(n)
    ? '—'
    : `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)}${unit}`;

function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    fmt(f.value, ` ${f.unit}`),
    [
      f.budget === undefined ? '' : fmt(f.budget, ` ${f.unit}`),
      f.ratioBudget === undefined ? '' : `${f.ratioBudget}× floor`,
    ]
      .filter(Boolean)
      .join(', ') || '—',
    fmt(f.floor, f.floor === undefined ? '' : ` ${f.unit}`),
    f.floor ? `${(f.value / f.floor).toFixed(1)}×` : '—',
    passes(f) ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'budget', 'floor', 'ratio', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    // The separator as Prettier writes it, so that docs/performance.md stays formatted.
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/**
 * `npm run bench -- --only=profile,dashboard` measures some parts while working on them (node,
 * profile, panel, dashboard, import); such a run prints its table and writes no file.
 */
function parts(): Set<string> | undefined {
  const arg = process.argv.find((a) => a.startsWith('--only='));
  return arg ? new Set(arg.slice('--only='.length).split(',')) : undefined;
}

async function main() {
  const now = new Date('2026-11-22T10:00:00.000Z');
  const started = performance.now();
  const only = parts();
  const wanted = (part: string) => !only || only.has(part);
  if (!process.argv.includes('--no-build')) execSync('npx wxt build', { stdio: 'ignore' });
  const figures: Figure[] = [];
  if (wanted('node')) {
    console.log('core, file parsing and page reading (Node)…');
    figures.push(...(await coreFigures(now)));
    figures.push(...(await parseFigures()));
    figures.push(...(await readPageFigures()));
    figures.push(...contentScriptSizes());
  }
  if (wanted('profile') || only?.has('panel')) {
    console.log('database, popup, panel and insights with 10,000 contacts (Chromium)…');
    // The panel's floor is an empty page of the extension, added to the build while it runs.
    await withFloorPage(() =>
      withBenchProfile(async (ext) => {
        const all = wanted('profile');
        if (all) figures.push(...(await databaseFigures(ext)));
        if (all) figures.push(...(await popupFigures(ext)));
        figures.push(...(await panelFigures(ext)));
        if (all) figures.push(...(await insightsFigures(ext)));
      }),
    );
  }
  if (wanted('dashboard')) {
    console.log('dashboard (Chromium)…');
    figures.push(...(await dashboardFigures()));
  }
  if (wanted('sync')) {
    console.log('sync with the benchmark data (Chromium, a local CouchDB stand-in)…');
    figures.push(...(await syncFigures(now)));
  }
  if (wanted('import')) {
    console.log('imports (Chromium)…');
    figures.push(...(await importFigures()));
  }

  const out = table(figures);
  console.log(`\n${out}\n`);
  if (only) return;
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, figures: figures.map((f) => ({ ...f, ratio: f.floor ? f.value / f.floor : null, pass: passes(f) })) }, null, 2)}\n`,
  );
  writeFileSync('bench/results.md', `${out}\n`);
  // docs/performance.md shows the latest table.
  const readme = readFileSync('docs/performance.md', 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (readme.includes(start) && readme.includes(end))
    writeFileSync(
      'docs/performance.md',
      `${readme.slice(0, readme.indexOf(start) + start.length)}\n\n${out}\n\n${readme.slice(readme.indexOf(end))}`,
    );
  console.log(
    `bench took ${Math.round((performance.now() - started) / 1000)} s; results in bench/results.json`,
  );
  const failed = figures.filter((f) => !passes(f));
  if (failed.length) {
    console.error(`${failed.length} budget(s) missed: ${failed.map((f) => f.figure).join('; ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
