// The dashboard's insights with the 10,000-contact benchmark data: time until the page shows its
// figures (tiers, Pareto, at risk, lost, birthdays), next to reading every history with plain
// IndexedDB (the floor, from the database figures).
import type { Extension } from '../e2e/harness';
import { median, type Figure } from './figures';

async function once(ext: Extension): Promise<number> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __ready?: number };
    new MutationObserver((_m, obs) => {
      if (document.querySelector('[data-testid="insights"]')) {
        w.__ready = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(ext.url('options.html#/insights'));
  await page.waitForFunction(
    () => (window as unknown as { __ready?: number }).__ready !== undefined,
    undefined,
    { timeout: 120_000 },
  );
  const ready = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  await page.close();
  return ready;
}

export async function insightsFigures(ext: Extension, floorMs?: number): Promise<Figure[]> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await once(ext));
  return [
    {
      figure: 'dashboard: open the insights, 10,000 contacts, to figures shown',
      value: median(runs),
      unit: 'ms',
      ...(floorMs === undefined ? {} : { floor: floorMs }),
    },
  ];
}
