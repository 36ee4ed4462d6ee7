// The content scripts and the panel on a Gmail-sized page (about 10,000 elements): bundle sizes, the
// time until the panel shows the contact's card after the thread appears, and the content script's
// main-thread time while the page mutates.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bigGmailPage } from '../fixtures/gmail/big';
import { EXTENSION_DIR, serveSite, type Extension } from '../e2e/harness';
import { median, type Figure } from './figures';

const BIG = bigGmailPage();

/**
 * The page renders its thread after a moment, as Gmail does; the moment is recorded. With
 * `floorUrl`, the page itself puts an iframe of that page into the thread at the same moment and
 * records when it has loaded.
 */
function lateDocument(html: string, floorUrl?: string, thread = true): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  return `<!doctype html><html><head>${head}</head><body><div id="app-root"></div>
<template id="thread">${body}</template>
<script>
setTimeout(() => {
  if (${thread}) document.getElementById('app-root').append(document.getElementById('thread').content.cloneNode(true));
  window.__threadAt = performance.timeOrigin + performance.now();
  const floorUrl = ${JSON.stringify(floorUrl ?? '')};
  if (floorUrl) {
    const frame = document.createElement('iframe');
    frame.onload = () => (window.__floorAt = performance.timeOrigin + performance.now());
    frame.src = floorUrl;
    document.getElementById('app-root').append(frame);
  }
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

/** An empty page of the extension: the floor of the panel figure. */
const FLOOR_PAGE = 'bench-floor.html';
/** Where the floor is measured: the same page on a host where no content script runs. */
const FLOOR_ORIGIN = 'https://bench-floor.example';

/**
 * Run `fn` with an empty page added to the built extension, which sites may load in an iframe (no
 * script, no style): the floor of the panel figure is that page shown in the same thread at the
 * moment it appears. The shipped extension has no such page: it is taken out again afterwards.
 */
export async function withFloorPage<T>(fn: () => Promise<T>, dir = EXTENSION_DIR): Promise<T> {
  const manifestFile = join(dir, 'manifest.json');
  const manifest = readFileSync(manifestFile, 'utf8');
  const patched = JSON.parse(manifest) as {
    web_accessible_resources: { resources: string[]; matches: string[] }[];
  };
  patched.web_accessible_resources.push({
    resources: [FLOOR_PAGE],
    matches: [`${FLOOR_ORIGIN}/*`],
  });
  writeFileSync(join(dir, FLOOR_PAGE), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(manifestFile, JSON.stringify(patched));
  try {
    return await fn();
  } finally {
    writeFileSync(manifestFile, manifest);
    rmSync(join(dir, FLOOR_PAGE), { force: true });
  }
}

/** The empty extension page shown in the thread the moment it appears: ms after the thread. */
async function floorOnce(ext: Extension): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(`${FLOOR_ORIGIN}/`);
  await page.waitForFunction(() => (window as unknown as { __floorAt?: number }).__floorAt, null, {
    timeout: 20_000,
  });
  const ms = await page.evaluate(() => {
    const w = window as unknown as { __floorAt: number; __threadAt: number };
    return w.__floorAt - w.__threadAt;
  });
  await page.close();
  return ms;
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

async function panelOnce(ext: Extension): Promise<number> {
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
  return inFrame.cardAt - threadAt;
}

/** Main-thread milliseconds spent in our content script while `run` goes on: the V8 sampling
 * profiler of the page (content scripts run on the page's thread, in their own world), summed over
 * the samples whose code comes from the extension's content-scripts/ files. */
async function contentScriptTime(page: Page, run: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const ours = new Set(
    profile.nodes.filter((n) => n.callFrame.url.includes('/content-scripts/')).map((n) => n.id),
  );
  let micros = 0;
  const byFn = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    if (!ours.has(id)) return;
    const d = profile.timeDeltas?.[i] ?? 0;
    micros += d;
    const n = profile.nodes.find((x) => x.id === id)!;
    const k = `${n.callFrame.functionName}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    byFn.set(k, (byFn.get(k) ?? 0) + d);
  });
  if (process.env.KN_BENCH_DEBUG) console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 12));
  return micros / 1000;
}

/** Our content script's main-thread time while the page goes through 1,000 mutation batches. */
async function mutationOnce(ext: Extension, url: string): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __threadAt?: number }).__threadAt);
  await page.waitForTimeout(600); // the first read and the panel are done
  const ms = await contentScriptTime(page, async () => {
    await page.evaluate(() =>
      (window as unknown as { __mutate(n: number): Promise<void> }).__mutate(1000),
    );
    await page.waitForTimeout(400); // the last throttled read runs too
  });
  await page.close();
  return ms;
}

export async function panelFigures(ext: Extension): Promise<Figure[]> {
  const doc = lateDocument(BIG.html);
  // The inbox: the same page whose thread never comes (nobody on it).
  const inbox = lateDocument(BIG.html, undefined, false);
  await serveSite(ext.context, 'https://mail.google.com', (url) =>
    url.searchParams.has('inbox') ? inbox : doc,
  );
  await serveSite(ext.context, FLOOR_ORIGIN, lateDocument(BIG.html, ext.url(FLOOR_PAGE)));
  await ensureContact(ext);
  await panelOnce(ext); // warm up
  await floorOnce(ext);
  // Alternating, so that a slow moment of the machine falls on both.
  const panel: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    panel.push(await panelOnce(ext));
    floor.push(await floorOnce(ext));
  }
  const mutation: number[] = [];
  const mutationInbox: number[] = [];
  const inboxUrl = BIG.url.replace('/mail/u/0/', '/mail/u/0/?inbox');
  for (let i = 0; i < 3; i++) {
    mutation.push(await mutationOnce(ext, BIG.url));
    mutationInbox.push(await mutationOnce(ext, inboxUrl));
  }
  return [
    {
      figure: 'panel shows the card after the thread appears (Gmail, 10,000 elements)',
      value: median(panel),
      unit: 'ms',
      budget: 200,
      floor: median(floor),
      ratioBudget: 1.5,
    },
    {
      figure: 'content script main-thread time, 1,000 mutation batches',
      value: median(mutation),
      unit: 'ms',
      budget: 50,
    },
    {
      // Read at the short pace (the thread the user opens next should show at once).
      figure: '↳ the same on a page with nobody on it (the inbox)',
      value: median(mutationInbox),
      unit: 'ms',
      budget: 50,
    },
  ];
}
