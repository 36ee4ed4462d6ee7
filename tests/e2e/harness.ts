// Shared set-up for the end-to-end tests: one fresh Chromium profile per test with the built
// extension loaded, console errors of every extension context collected (a test fails on them),
// and fixture pages served on the real sites' URLs without any network.
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Browser UI language (decides the extension's language until the user chooses). */
  locale?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** Use (and keep) this profile directory instead of a fresh temporary one. */
  profileDir?: string;
  /** Load this unpacked build instead of the one in .output/chrome-mv3. */
  extensionDir?: string;
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  /** The service worker; re-fetched on every call because it can be stopped and restarted. */
  sw(): Promise<Worker>;
  /** Errors seen in the console of the service worker or an extension page. */
  errors: string[];
  /**
   * Stop the service worker as the browser does after idling (MV3); the next event starts a fresh
   * one. Resolves once the old one has really gone (its memory is checked).
   */
  stopServiceWorker(): Promise<void>;
  url(path: string): string;
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<Extension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error('Build the extension first: npm run build');
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'kn-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'de-DE',
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.locale ?? 'de-DE'}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  const errors: string[] = [];
  // chrome-extension://invalid/ is where Chrome sends a blocked load of an extension resource from a
  // web page: the page's error, not ours.
  const isExtensionUrl = (u: string | undefined) =>
    !!u && u.startsWith('chrome-extension://') && !u.startsWith('chrome-extension://invalid/');
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    const page = msg.page()?.url();
    if (isExtensionUrl(where) || isExtensionUrl(page) || msg.worker())
      errors.push(`[console] ${msg.text()} (${where})`);
  });
  context.on('weberror', (e) => {
    const page = e.page()?.url();
    if (isExtensionUrl(page)) errors.push(`[pageerror] ${e.error().message} (${page})`);
  });

  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;

  const sw = async () => {
    const alive = context.serviceWorkers().find((w) => w.url().includes(extensionId));
    if (alive) return alive;
    // Wake the worker: opening an extension page sends it events.
    const waiter = context.waitForEvent('serviceworker');
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const worker = await waiter;
    await page.close();
    return worker;
  };

  // Playwright keeps DevTools attached, so the worker never idles out here: stop it the way a
  // developer would, from chrome://serviceworker-internals.
  const stopServiceWorker = async () => {
    const worker = await sw();
    await worker.evaluate(() => {
      (globalThis as unknown as { __knAlive?: boolean }).__knAlive = true;
    });
    const page = await context.newPage();
    await page.goto('chrome://serviceworker-internals/');
    await page.getByRole('button', { name: 'Stop' }).first().click();
    await expect(page.locator('body')).toContainText('Running Status: STOPPED');
    await page.close();
    const fresh = await sw();
    await expect
      .poll(() =>
        fresh
          .evaluate(() => (globalThis as unknown as { __knAlive?: boolean }).__knAlive ?? false)
          .catch(() => true),
      )
      .toBe(false);
  };

  return {
    context,
    extensionId,
    sw,
    errors,
    stopServiceWorker,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serve `html` for every document request on `origin` (https://mail.google.com ...); block the rest. */
export async function serveSite(
  context: BrowserContext,
  origin: string,
  html: string | ((url: URL) => string),
  options: { csp?: string } = {},
): Promise<void> {
  await context.route(`${origin}/**`, (route) => {
    const request = route.request();
    if (request.resourceType() !== 'document') return route.abort();
    const body = typeof html === 'function' ? html(new URL(request.url())) : html;
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: options.csp ? { 'content-security-policy': options.csp } : {},
      body,
    });
  });
}

/** A strict CSP like the real sites send: the extension's iframe must still work under it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";

/** The `ext` fixture: a fresh extension per test; fails the test on extension console errors. */
export const test = base.extend<{ ext: Extension; uiLocale: string }>({
  uiLocale: ['de-DE', { option: true }],
  ext: async ({ uiLocale }, use, testInfo) => {
    const ext = await launchExtension({ locale: uiLocale });
    await use(ext);
    const errors = [...ext.errors];
    await ext.close();
    if (testInfo.status === testInfo.expectedStatus)
      expect(errors, 'errors in the console of the extension').toEqual([]);
  },
});

export { expect };
