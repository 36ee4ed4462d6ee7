// The dashboard's insights with the 10,000-contact benchmark data: time until the page shows its
// figures (tiers, Pareto, at risk, lost, birthdays), next to reading every history with plain
// IndexedDB (the floor, from the database figures).
import type { Extension } from '../e2e/harness';
import { median, type Figure } from './figures';
import { timeUntilShown } from './shown';

export async function insightsFigures(ext: Extension, floorMs?: number): Promise<Figure[]> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++)
    runs.push(
      (await timeUntilShown(ext, 'options.html#/insights', '[data-testid="insights"]', 120_000))
        .shown,
    );
  return [
    {
      figure: 'dashboard: open the insights, 10,000 contacts, to figures shown',
      value: median(runs),
      unit: 'ms',
      ...(floorMs === undefined ? {} : { floor: floorMs }),
    },
  ];
}
