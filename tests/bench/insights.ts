// The dashboard's insights with the 10,000-contact benchmark data: time until the page shows its
// figures (tiers, Pareto, at risk, lost, birthdays, referrals, occasions), from the rows the
// background keeps for it. The floor: the same page's DOM loaded, without waiting for data.
import type { Extension } from '../e2e/harness';
import { median, type Figure } from './figures';
import { timeUntilShown } from './shown';

export async function insightsFigures(ext: Extension): Promise<Figure[]> {
  const open = () => timeUntilShown(ext, 'options.html#/insights', '[data-testid="insights"]');
  await open(); // warm the browser's caches, as a user's second visit would be
  const runs: { shown: number; domLoaded: number }[] = [];
  for (let i = 0; i < 5; i++) runs.push(await open());
  return [
    {
      figure: 'dashboard: open the insights, 10,000 contacts, to figures shown',
      value: median(runs.map((r) => r.shown)),
      unit: 'ms',
      budget: 500,
      floor: median(runs.map((r) => r.domLoaded)),
    },
  ];
}
