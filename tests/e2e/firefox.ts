// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built Firefox add-on
// (.output/firefox-mv3) installed as a temporary add-on. Playwright's own Firefox does not speak to
// ESR, hence a second driver. What Firefox does differently, and how this file copes:
// - `--remote-allow-system-access`, or moz-extension:// pages cannot be opened;
// - the add-on's UUID (its origin) is fixed with a pref, since installing returns only the gecko id;
// - extension pages send no navigation events: open them without waiting for any, then wait for
//   their document to be ours;
// - extension pages report nothing to the driver's console events: the browser prints every page's
//   console to its stdout instead (a pref), and errors of our scripts name our origin.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import type { BrowserPage, LaunchDriver, View } from './driver';
import { STRICT_CSP } from './harness';
import { appDocument, type Route } from './sites';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox's own chatter that can contain words we look for; none of it comes from Kundennah. */
const NOISE = [/RSLoader/, /\[GFX1-\]/, /NavigationManager/, /Script terminated by timeout/];

/** A line of the browser's output that reports an error of the extension. */
export function isExtensionError(line: string, origin: string): boolean {
  if (NOISE.some((n) => n.test(line))) return false;
  // console.error() of any page: the only pages in these tests are ours and quiet fixtures.
  if (/^console\.error: /.test(line)) return true;
  // Uncaught errors and rejections name the script they came from.
  return /^JavaScript error: /.test(line) && line.includes(origin);
}

/** Firefox's UI language pref for a BCP 47 tag: 'de-DE' → 'de-DE, de'. */
const acceptLanguages = (locale: string) => {
  const base = locale.split('-')[0]!;
  return base === locale ? locale : `${locale}, ${base}`;
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function view(target: Page | Frame): View {
  return {
    text: (selector) =>
      target.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector),
    click: async (selector) => {
      await target.locator(selector).click();
    },
    fill: async (selector, value) => {
      await target.locator(selector).fill(value);
    },
    // puppeteer's argument type (FlattenHandle<A>) is A for the plain data passed here.
    evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await target.evaluate(fn as (arg: unknown) => unknown, arg)) as R,
  };
}

export const launchFirefox: LaunchDriver = async ({ locale = 'de-DE' } = {}) => {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error('Build the extension first: npm run build');
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'devtools.console.stdout.content': true,
      'intl.accept_languages': acceptLanguages(locale),
    },
  });
  const errors: string[] = [];
  let pending = '';
  let listening = true;
  const read = (chunk: Buffer) => {
    if (!listening) return;
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (isExtensionError(line, origin)) errors.push(line.trim());
  };
  browser.process()?.stdout?.on('data', read);
  browser.process()?.stderr?.on('data', read);
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const wrap = (page: Page, reload: () => Promise<void>): BrowserPage => ({
    ...view(page),
    reload,
    close: () => page.close(),
    panel: async () => {
      const element = await page.waitForSelector('iframe[src*="panel.html"]');
      const frame = await element?.contentFrame();
      if (!frame) throw new Error('the panel iframe has no frame');
      return view(frame);
    },
  });

  // Extension pages: no load events come, so wait until the document is ours and parsed.
  const loaded = (page: Page, url: string) =>
    page.waitForFunction(
      (u) => location.href === u && document.readyState === 'complete',
      { polling: 50 },
      url,
    );

  return {
    name: 'firefox',
    origin,
    errors,
    async openPage(path) {
      const page = await browser.newPage();
      const url = `${origin}/${path.replace(/^\//, '')}`;
      await page.goto(url, { waitUntil: [] });
      await loaded(page, url);
      return wrap(page, async () => {
        const href = await page.evaluate(() => location.href);
        await page.evaluate(() => {
          // Marks this document: a reload replaces it.
          (window as unknown as { __knOld?: boolean }).__knOld = true;
          location.reload();
        });
        await page.waitForFunction(
          (u) =>
            !(window as unknown as { __knOld?: boolean }).__knOld &&
            location.href === u &&
            document.readyState === 'complete',
          { polling: 50 },
          href,
        );
      });
    },
    async openSite(routes: Route[], url = routes[0]!.url) {
      const page = await browser.newPage();
      const site = new URL(routes[0]!.url).origin;
      const html = appDocument(routes);
      await page.setRequestInterception(true);
      page.on('request', (req: HTTPRequest) => {
        const u = req.url();
        if (u.startsWith(`${site}/`) && req.isNavigationRequest())
          return void req.respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': STRICT_CSP },
            body: html,
          });
        if (u.startsWith(origin) || u.startsWith('data:')) return void req.continue();
        return void req.abort();
      });
      await page.goto(url);
      return wrap(page, async () => {
        await page.reload();
      });
    },
    async close() {
      // Output still in the pipe belongs to the test that just ran.
      await wait(200);
      listening = false;
      await browser.close();
    },
  };
};
