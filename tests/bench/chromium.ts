// Figures measured in headless Chromium with the built extension loaded: the extension's own origin,
// real IndexedDB.
import { build } from 'esbuild';
import { launchExtension, type Extension } from '../e2e/harness';
import type { Figure } from './figures';

/** Bundle a module of browser-side benchmark code into an expression that evaluates to its exports. */
export async function bundleForPage(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__knBench',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  return `${out.outputFiles[0]!.text};globalThis.__knBench = __knBench;`;
}

export async function withExtension<T>(fn: (ext: Extension) => Promise<T>): Promise<T> {
  const ext = await launchExtension();
  try {
    return await fn(ext);
  } finally {
    await ext.close();
  }
}

export async function databaseFigures(ext: Extension): Promise<Figure[]> {
  const page = await ext.openPage('options.html');
  await page.evaluate(await bundleForPage('tests/bench/browser-db.ts'));
  const m = await page.evaluate(() =>
    (
      globalThis as unknown as {
        __knBench: {
          measure(runs: number): Promise<{
            lookup: number;
            lookupFloor: number;
            profileLookup: number;
            all: number;
            allFloor: number;
          }>;
        };
      }
    ).__knBench.measure(5),
  );
  await page.close();
  return [
    {
      figure: 'e-mail lookup among 10,000 contacts',
      value: m.lookup,
      unit: 'ms',
      budget: 10,
      floor: m.lookupFloor,
    },
    {
      figure: 'profile URL lookup among 10,000 contacts',
      value: m.profileLookup,
      unit: 'ms',
      budget: 20,
      floor: m.lookupFloor,
    },
    {
      figure: 'load all histories (10,000 contacts, 270,000 records)',
      value: m.all,
      unit: 'ms',
      floor: m.allFloor,
    },
  ];
}
