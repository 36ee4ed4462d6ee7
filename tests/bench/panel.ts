// The content scripts and the panel on a Gmail-sized page (about 10,000 elements): bundle sizes, the
// time until the panel shows the contact's card after the thread appears, and the content script's
// main-thread time while the page mutates.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bigGmailPage } from '../fixtures/gmail/big';
import { serveSite, type Extension } from '../e2e/harness';
import { median, type Figure } from './figures';

const BIG = bigGmailPage();

/** The page renders its thread after a moment, as Gmail does; the moment is recorded. */
function lateDocument(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  return `<!doctype html><html><head>${head}</head><body><div id="app-root"></div>
<template id="thread">${body}</template>
<script>
setTimeout(() => {
  document.getElementById('app-root').append(document.getElementById('thread').content.cloneNode(true));
  window.__threadAt = performance.timeOrigin + performance.now();
}, 300);
new MutationObserver((m, obs) => {
  if (document.querySelector('iframe[src*="panel.html"]')) {
    window.__iframeAt = performance.timeOrigin + performance.now();
    obs.disconnect();
  }
}).observe(document.documentElement, { childList: true, subtree: true });
window.__mutate = async (batches) => {
  const root = document.getElementById('app-root');
  for (let i = 0; i < batches; i++) {
    const div = document.createElement('div');
    div.className = 'aXjCH';
    div.innerHTML = '<span class="bog">update ' + i + '</span><span class="y2">…</span>';
    root.append(div);
    if (i % 2) root.querySelector('.aXjCH')?.remove();
    await new Promise((r) => setTimeout(r, 0));
  }
};
</script></body></html>`;
}

export function contentScriptSizes(outDir = '.output/chrome-mv3'): Figure[] {
  const dir = join(outDir, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => ({
      figure: `content script ${f} (minified)`,
      value: statSync(join(dir, f)).size / 1024,
      unit: 'KB' as const,
      budget: 20,
    }));
}

/** Put the big page's correspondent into the database as a known contact. */
async function ensureContact(ext: Extension): Promise<void> {
  const person = BIG.expected.people[0]!;
  const page = await ext.openPage('options.html');
  await page.evaluate(
    `(async () => {
      const req = (q) => new Promise((res, rej) => { q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
      const db = await req(indexedDB.open('kundennah'));
      const tx = db.transaction(['contacts'], 'readwrite');
      tx.objectStore('contacts').put({ id: 'bench-panel-contact', name: ${JSON.stringify(person.name)},
        emails: [${JSON.stringify(person.email)}], phones: [], profileUrls: [], status: 'active',
        preferredChannels: [], interests: ['Segeln'], createdAt: '2025-01-15', updatedAt: '2025-01-15' });
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
      await chrome.runtime.sendMessage({ type: 'page:data-changed', contactIds: ['bench-panel-contact'], tables: ['contacts'] });
      await chrome.runtime.sendMessage({ type: 'page:ensure-fresh' });
    })()`,
  );
  await page.close();
}

async function panelOnce(ext: Extension): Promise<{ ready: number; floor: number }> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    new MutationObserver((_m, obs) => {
      if (document.querySelector('[data-testid="contact-card"]')) {
        (window as unknown as { __cardAt: number }).__cardAt =
          performance.timeOrigin + performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(BIG.url);
  const frame = page.frameLocator('iframe[src*="panel.html"]');
  await frame.locator('[data-testid="contact-card"]').waitFor({ timeout: 20_000 });
  const { threadAt, iframeAt } = await page.evaluate(() => ({
    threadAt: (window as unknown as { __threadAt: number }).__threadAt,
    iframeAt: (window as unknown as { __iframeAt: number }).__iframeAt,
  }));
  const panel = page.frames().find((f) => f.url().includes('/panel.html'))!;
  const inFrame = await panel.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      cardAt: (window as unknown as { __cardAt: number }).__cardAt,
      loadMs: nav.domContentLoadedEventEnd,
      origin: performance.timeOrigin,
    };
  });
  if (process.env.KN_BENCH_DEBUG)
    console.log({
      toIframe: iframeAt - threadAt,
      iframeNavStart: inFrame.origin - threadAt,
      iframeLoaded: inFrame.origin + inFrame.loadMs - threadAt,
      card: inFrame.cardAt - threadAt,
    });
  await page.close();
  return { ready: inFrame.cardAt - threadAt, floor: inFrame.loadMs };
}

async function scriptDuration(page: Page, run: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!
      .value;
  const before = await read();
  await run();
  const after = await read();
  await cdp.detach();
  return (after - before) * 1000;
}

/** Main-thread script time of 1,000 mutation batches, with and without our content script. */
async function mutationOnce(ext: Extension, url: string): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __threadAt?: number }).__threadAt);
  await page.waitForTimeout(600); // the first read and the panel are done
  const ms = await scriptDuration(page, () =>
    page.evaluate(() =>
      (window as unknown as { __mutate(n: number): Promise<void> }).__mutate(1000),
    ),
  );
  await page.waitForTimeout(400); // the last throttled read runs too
  await page.close();
  return ms;
}

export async function panelFigures(ext: Extension): Promise<Figure[]> {
  const doc = lateDocument(BIG.html);
  await serveSite(ext.context, 'https://mail.google.com', doc);
  // The same page where no content script runs: the floor of the mutation figure.
  await serveSite(ext.context, 'https://mail.example.com', doc);
  await ensureContact(ext);
  await panelOnce(ext); // warm up
  const panel: { ready: number; floor: number }[] = [];
  for (let i = 0; i < 5; i++) panel.push(await panelOnce(ext));
  const withScript: number[] = [];
  const without: number[] = [];
  const path = new URL(BIG.url).pathname + new URL(BIG.url).hash;
  for (let i = 0; i < 3; i++) {
    withScript.push(await mutationOnce(ext, BIG.url));
    without.push(await mutationOnce(ext, `https://mail.example.com${path}`));
  }
  const floor = median(without);
  return [
    {
      figure: 'panel shows the card after the thread appears (Gmail, 10,000 elements)',
      value: median(panel.map((p) => p.ready)),
      unit: 'ms',
      budget: 300,
      floor: median(panel.map((p) => p.floor)),
    },
    {
      figure: 'content script main-thread time, 1,000 mutation batches',
      value: Math.max(0, median(withScript) - floor),
      unit: 'ms',
      budget: 50,
    },
  ];
}
