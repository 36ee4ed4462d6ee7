// The popup with the 10,000-contact benchmark data: time until it is usable (the first agenda item
// on screen), next to the same page's load without waiting for data (the floor).
import type { Extension } from '../e2e/harness';
import { median, type Figure } from './figures';

async function once(ext: Extension): Promise<{ ready: number; floor: number }> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __ready?: number };
    new MutationObserver((_m, obs) => {
      if (document.querySelector('[data-testid="agenda-item"], [data-testid="empty-day"]')) {
        w.__ready = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(ext.url('popup.html'));
  await page.waitForFunction(
    () => (window as unknown as { __ready?: number }).__ready !== undefined,
  );
  const result = await page.evaluate(() => ({
    ready: (window as unknown as { __ready: number }).__ready,
    floor: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd,
  }));
  await page.close();
  return result;
}

export async function popupFigures(ext: Extension): Promise<Figure[]> {
  await once(ext); // warm the browser's caches, as a user's second opening would be
  const runs: { ready: number; floor: number }[] = [];
  for (let i = 0; i < 5; i++) runs.push(await once(ext));
  return [
    {
      figure: 'popup usable with 10,000 contacts (first agenda item shown)',
      value: median(runs.map((r) => r.ready)),
      unit: 'ms',
      budget: 300,
      floor: median(runs.map((r) => r.floor)),
    },
  ];
}
