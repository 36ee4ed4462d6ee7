// Open an extension page and time it: when the first element matching `selector` appeared, and when
// the page's DOM was loaded (what opening it costs without waiting for data), both from navigation.
import type { Extension } from '../e2e/harness';

export async function timeUntilShown(
  ext: Extension,
  path: string,
  selector: string,
  timeout = 30_000,
): Promise<{ shown: number; domLoaded: number }> {
  const page = await ext.context.newPage();
  await page.addInitScript((sel) => {
    const w = window as unknown as { __shown?: number };
    new MutationObserver((_m, obs) => {
      if (document.querySelector(sel)) {
        w.__shown = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(ext.url(path));
  await page.waitForFunction(
    () => (window as unknown as { __shown?: number }).__shown !== undefined,
    undefined,
    { timeout },
  );
  const result = await page.evaluate(() => ({
    shown: (window as unknown as { __shown: number }).__shown,
    domLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd,
  }));
  await page.close();
  return result;
}
