// Import figures (issue 7): a 10,000-row LinkedIn CSV and a 10,000-card vCard file, parsed and
// imported (duplicate detection included, one transaction into IndexedDB) in an extension page of
// the built extension, each next to its floor: a plain IndexedDB put of the same new contacts (same
// indexes, one transaction). A whole import may take at most 1.35 times that (issue 16).
//
// Called from tests/bench/run.ts: `figures.push(...(await importFigures()))`; standalone (after
// `npx wxt build`): `npx tsx tests/bench/import.ts`.
import type { Page } from '@playwright/test';
import { bundleForPage, withExtension } from './chromium';
import { median, type Figure } from './figures';
import type { Kind, Steps } from './import-page';

const RUNS = 3;
const BUDGET_MS = 3000;
/** A whole import (reading, parsing, duplicates, writing) as a multiple of the plain put. */
const RATIO_BUDGET = 1.35;

type Bench = {
  firstImport(kind: Kind): Promise<Steps>;
  reimport(kind: Kind): Promise<Steps>;
  rawWrite(kind: Kind): Promise<number>;
};

const call = <K extends keyof Bench>(page: Page, fn: K, kind: Kind) =>
  page.evaluate(
    ([f, k]) =>
      (globalThis as unknown as { __knBench: Bench })['__knBench'][f as K](k as Kind) as Promise<
        Awaited<ReturnType<Bench[K]>>
      >,
    [fn, kind] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;

const round = (n: number) => Math.round(n);

function describeSteps(label: string, runs: Steps[]): string {
  const m = (k: keyof Steps) => round(median(runs.map((r) => r[k])));
  const s = runs[0]!;
  return (
    `  ${label}: total ${m('total')} ms = read ${m('read')} + parse ${m('parse')} + load stored ` +
    `${m('load')} + plan ${m('plan')} + write ${m('write')} ` +
    `(${s.contacts} entries: ${s.added} new, ${s.merged} merged, ${s.unchanged} already up to date, ` +
    `${s.similar} look-alikes added as new)`
  );
}

export async function importFigures(): Promise<Figure[]> {
  const code = await bundleForPage('tests/bench/import-page.ts');
  return withExtension(async (ext) => {
    const page = await ext.openPage('options.html');
    await page.evaluate(code);
    const figures: Figure[] = [];
    for (const kind of ['linkedin', 'vcard'] as const) {
      const label = kind === 'linkedin' ? 'LinkedIn CSV' : 'vCard file';
      const cold = await call(page, 'firstImport', kind);
      console.log(describeSteps(`${label}, first run (cold)`, [cold]));
      // Import and floor alternate, so that a slow moment of the machine falls on both.
      const runs: Steps[] = [];
      const raw: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await call(page, 'firstImport', kind));
        raw.push(await call(page, 'rawWrite', kind));
      }
      console.log(describeSteps(`${label}, median of ${RUNS}`, runs));
      console.log(
        `  ${label}: plain IndexedDB put of the same new contacts (same indexes, one transaction): ${round(median(raw))} ms`,
      );
      const again = await call(page, 'reimport', kind);
      console.log(describeSteps(`${label}, imported again into the filled database`, [again]));
      figures.push(
        {
          figure: `import a 10,000-row ${label}, first run in a fresh page (cold)`,
          value: cold.total,
          unit: 'ms',
          floor: median(raw),
        },
        {
          figure: `import a 10,000-row ${label} (parse, duplicates, write)`,
          value: median(runs.map((r) => r.total)),
          unit: 'ms',
          budget: BUDGET_MS,
          floor: median(raw),
          ratioBudget: RATIO_BUDGET,
        },
        {
          figure: `↳ of which the IndexedDB transaction`,
          value: median(runs.map((r) => r.write)),
          unit: 'ms',
          floor: median(raw),
        },
        {
          figure: `import the same ${label} again (10,000 stored, all up to date)`,
          value: again.total,
          unit: 'ms',
          budget: BUDGET_MS,
          floor: median(raw),
        },
      );
    }
    await page.close();
    return figures;
  });
}

// Standalone: print the figures.
if (process.argv[1]?.endsWith('import.ts'))
  importFigures().then(
    (f) => console.table(f),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
