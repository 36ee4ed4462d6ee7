// One list of behaviours, two browsers: tests/e2e/browsers.spec.ts is written against the small
// `Driver` below, and the Playwright project decides which browser runs it (playwright.config.ts):
// Chromium through the Playwright harness, Firefox through puppeteer-core (tests/e2e/firefox.ts).
// Selectors are plain CSS, which both drivers understand the same way.
import { test as base, expect, type Frame, type Page } from '@playwright/test';
import { launchFirefox } from './firefox';
import { rmSync } from 'node:fs';
import { grantedBuild } from './granted-build';
import { launchExtension } from './harness';
import type { ExtensionPages } from './seed';
import { serveApp, type Route } from './sites';

export type Engine = 'chromium' | 'firefox';

/** A document to read and act on: an extension page, a site, or the panel inside a site. */
export interface View {
  /** The text of the first element matching `selector` ('' while there is none). */
  text(selector: string): Promise<string>;
  /** A real click, once the element is there, visible and enabled. */
  click(selector: string): Promise<void>;
  /** Type into a field, as a user would. */
  fill(selector: string, value: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface BrowserPage extends View {
  reload(): Promise<void>;
  close(): Promise<void>;
  /** The extension's panel iframe in this (site) page, once it is there. */
  panel(): Promise<View>;
}

/** A browser with the built extension installed, a fresh profile, and no network. */
export interface Driver extends ExtensionPages {
  name: Engine;
  /** The extension's origin (chrome-extension://… or moz-extension://…). */
  origin: string;
  openPage(path: string): Promise<BrowserPage>;
  /** Serve the fixture routes of one site on their real URLs and open `url` (the first route's). */
  openSite(routes: Route[], url?: string): Promise<BrowserPage>;
  /** Errors of the extension's pages, background and content scripts seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  /**
   * The browser lets Kundennah contact a sync server on this machine once the page asks: Firefox
   * grants a permission request without its dialog (a pref), Chromium, whose dialog no test can
   * answer, loads the build with that permission granted at install (granted-build.ts).
   */
  syncServer?: boolean;
}

export type LaunchDriver = (options?: LaunchOptions) => Promise<Driver>;

function view(target: Page | Frame): View {
  return {
    text: (selector) =>
      target.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector),
    click: (selector) => target.locator(selector).first().click(),
    fill: (selector, value) => target.locator(selector).first().fill(value),
    // Playwright's argument type (Unboxed<A>) is A for the plain data passed here.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      target.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
  };
}

export const launchChromium: LaunchDriver = async ({ locale = 'de-DE', syncServer } = {}) => {
  const build = syncServer ? grantedBuild() : undefined;
  const ext = await launchExtension({ locale, ...(build ? { extensionDir: build } : {}) });
  const wrap = (page: Page): BrowserPage => ({
    ...view(page),
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
    panel: async () => {
      const element = await page.waitForSelector('iframe[src*="panel.html"]');
      const frame = await element.contentFrame();
      if (!frame) throw new Error('the panel iframe has no frame');
      return view(frame);
    },
  });
  return {
    name: 'chromium',
    origin: `chrome-extension://${ext.extensionId}`,
    errors: ext.errors,
    openPage: async (path) => wrap(await ext.openPage(path)),
    async openSite(routes, url = routes[0]!.url) {
      await serveApp(ext.context, routes);
      const page = await ext.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    close: async () => {
      await ext.close();
      if (build) rmSync(build, { recursive: true, force: true });
    },
  };
};

export interface DriverOptions {
  engine: Engine;
  /** See LaunchOptions.syncServer. */
  syncServer: boolean;
}

/** The `kn` fixture: a fresh browser per test; fails the test on errors of the extension. */
export const test = base.extend<DriverOptions & { uiLocale: string; kn: Driver }>({
  engine: ['chromium', { option: true }],
  uiLocale: ['de-DE', { option: true }],
  syncServer: [false, { option: true }],
  kn: async ({ engine, uiLocale, syncServer }, use, testInfo) => {
    const launch = engine === 'firefox' ? launchFirefox : launchChromium;
    const kn = await launch({ locale: uiLocale, syncServer });
    try {
      await use(kn);
    } finally {
      await kn.close();
    }
    if (testInfo.status === testInfo.expectedStatus)
      expect(kn.errors, `errors of the extension in ${engine}`).toEqual([]);
  },
});

export { expect };
