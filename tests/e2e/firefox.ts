// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built Firefox add-on
// (.output/firefox-mv3) installed as a temporary add-on. Playwright's own Firefox does not speak to
// ESR, hence a second driver. What Firefox does differently, and how this file copes:
// - `--remote-allow-system-access`, or moz-extension:// pages cannot be opened;
// - the add-on's UUID (its origin) is fixed with a pref, since installing returns only the gecko id;
// - extension pages send no navigation events: open them without waiting for any, then wait for
//   their document to be ours;
// - extension pages report nothing to the driver's console events. Errors come from two places
//   instead: the browser's console service (uncaught errors, rejections and CSP violations, each
//   naming its source), read by a listener in the browser's own chrome window; and the browser's
//   stdout, where a pref prints every page's console.error().
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import type { BrowserPage, LaunchDriver, View } from './driver';
import { STRICT_CSP } from './harness';
import { appDocument, type Route } from './sites';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox's own console errors on stdout: its Remote Settings loader, which finds no network. */
const NOISE = [/^console\.error: RSLoader\b/];

/** A line of the browser's stdout that reports a console.error() of a page. The only pages in these
 * tests are the extension's and fixtures that log nothing, so every other one is the extension's. */
export const isConsoleError = (line: string) =>
  /^console\.error: /.test(line) && !NOISE.some((n) => n.test(line));

/**
 * Runs in the browser's chrome window (system principal): collects the console service's errors
 * whose source is the extension (its pages, background, panel and content scripts). Warnings and
 * Firefox's own messages are left out.
 */
const COLLECT_ERRORS = (origin: string) => `(() => {
  const errors = (globalThis.__knErrors = []);
  Services.console.registerListener({
    QueryInterface: ChromeUtils.generateQI(['nsIConsoleListener']),
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError)) return;
      if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
      if (!String(message.sourceName).startsWith(${JSON.stringify(origin)})) return;
      // Firefox's notes that a reply was still on its way when the page unloaded or went into the
      // back-forward cache (a reload): the page's scripts are gone, nobody could have handled it.
      if (/^Promise (resolved|rejected) (after context unloaded|while context is inactive)/.test(message.errorMessage)) return;
      errors.push(message.category + ': ' + message.errorMessage + ' (' + message.sourceName + ':' + message.lineNumber + ')');
    },
  });
  return true;
})()`;

/** puppeteer's WebDriver BiDi connection: not in its public types, but the only way to reach the
 * chrome window (which `--remote-allow-system-access` opens to the driver). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
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

export const launchFirefox: LaunchDriver = async ({ locale = 'de-DE', syncServer } = {}) => {
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
      // The user's "Allow" when the sync page asks for the server: the request itself still runs.
      ...(syncServer ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  const errors: string[] = [];
  let pending = '';
  let listening = true;
  const read = (chunk: Buffer) => {
    if (!listening) return;
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (isConsoleError(line)) errors.push(line.trim());
  };
  browser.process()?.stdout?.on('data', read);
  browser.process()?.stderr?.on('data', read);

  // The chrome window, where the console service listener runs (registered before the add-on
  // exists, so it sees all of the add-on's messages).
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  let chromeWindow: string | undefined;
  const inChrome = async (expression: string): Promise<unknown> => {
    const { result } = (await bidi.send('script.evaluate', {
      expression,
      target: { context: chromeWindow },
      awaitPromise: false,
    })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown } };
    if (result.type !== 'success')
      throw new Error(`chrome window script failed: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result?.value;
  };
  try {
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string }[] };
    };
    chromeWindow = tree.result.contexts[0]?.context;
    if (!chromeWindow) throw new Error('Firefox showed the driver no chrome window');
    await inChrome(COLLECT_ERRORS(origin));
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (e) {
    await browser.close();
    throw e;
  }

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
      const logged = await inChrome('JSON.stringify(globalThis.__knErrors)');
      errors.push(...(JSON.parse(String(logged)) as string[]));
      await browser.close();
    },
  };
};
