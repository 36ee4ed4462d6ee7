// The whole content-script behaviour, shared by the four sites. Thin by design (STYLE.md): no React,
// no database, no customer data in the host page. It reads the page, tells the background, and
// mounts the extension-origin panel iframe whose content the host page cannot read.
import { browser } from 'wxt/browser';
import type { ContentReply, ContentToBackground } from '../messaging';
import type { VersionMarkers } from '../sites/dom';
import { MAX_PEOPLE, type PageContext } from '../sites/page-context';
import type { ContentContext } from './context';
import { UNREADABLE_MS, diagnose, nobodyOn, type Diagnosis } from './diagnose';
import { mountHandle, type Handle } from './handle';
import { createPanelFrame, type PanelFrame } from './panel-frame';

export interface SiteScript {
  site: PageContext['site'];
  read(doc: Document, url: string): PageContext | null;
  /** Where the panel sits so that it does not cover the site's own controls (px). */
  layout: { top: number; right: number; bottom: number };
  /** Where the app shows its own build (the site's selectors.ts), for the diagnostic report. */
  markers: VersionMarkers;
}

const PANEL_WIDTH = 340;
// The page is read soon after it changes (the panel should follow within a blink), but at most once
// per `gap` while the app keeps changing its DOM (Gmail mutates constantly). While reads keep finding
// the same people the gap grows up to MAX_GAP_MS; a different result or a navigation sets it to
// MIN_GAP_MS. A page without anybody on it is read every EMPTY_GAP_MS while it changes: the thread
// or profile it is about to show should have its panel at once (reading a page with nobody on it
// costs little: the readers find no thread). Our own panel and handle coming and going are no change
// of the page (`unobserved`).
const FIRST_READ_MS = 30;
const EMPTY_GAP_MS = 100;
const MIN_GAP_MS = 250;
const MAX_GAP_MS = 2000;
// Reading `location.href` costs more than the rest of a DOM-change callback; it is compared at most
// once per HREF_CHECK_MS there (a single-page navigation brings many changes), and at every read.
const HREF_CHECK_MS = 50;
// Where the browser reports navigations itself (the Navigation API, which WXT turns into
// `wxt:locationchange` as the navigation starts), DOM changes are not watched while a read is due:
// that read sees them all, and a page that changes every few milliseconds (Gmail's inbox) costs one
// callback per read instead of one per change. Without it, changes are watched throughout: a
// navigation by pushState shows only in the URL.
const NAVIGATION_REPORTED =
  typeof (globalThis as { navigation?: EventTarget }).navigation?.addEventListener === 'function';

export function runSite(ctx: ContentContext, script: SiteScript): void {
  let lastSent: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Runs while a thread or profile shows nobody; after UNREADABLE_MS the page counts as unreadable. */
  let stuck: ReturnType<typeof setTimeout> | undefined;
  /** The page last reported unreadable (its context's key) and what the reader matched on it. */
  let unreadable: [string, Diagnosis] | undefined;
  let lastRead = -Infinity;
  let gap = MIN_GAP_MS;
  let lastHref = '';
  let hrefCheckAt = 0;
  let ui: PanelFrame | undefined;
  let handle: Handle | undefined;
  let collapsed = false;
  let wantPanel = false;
  const collapsedKey = `panel.collapsed.${script.site}`;

  const readSafely = (): PageContext | null => {
    try {
      return script.read(document, location.href);
    } catch {
      // A page whose DOM changed beyond our fallbacks: no panel rather than a broken host page.
      return null;
    }
  };

  function applyLayout() {
    if (!ui) return;
    const { wrapper, iframe } = ui;
    Object.assign(wrapper.style, {
      position: 'fixed',
      top: `${script.layout.top}px`,
      right: `${script.layout.right}px`,
      bottom: `${script.layout.bottom}px`,
      width: collapsed ? '0' : `${PANEL_WIDTH}px`,
      zIndex: '2147483000',
      display: collapsed ? 'none' : 'block',
    });
    Object.assign(iframe.style, {
      width: '100%',
      height: '100%',
      border: '0',
      borderLeft: '1px solid #dedbd4',
      boxShadow: '-2px 0 12px rgb(0 0 0 / 0.12)',
      background: '#f6f5f2',
      colorScheme: 'normal',
    });
    iframe.title = 'Kundennah';
    handle?.update({
      collapsed,
      top: script.layout.top,
      right: script.layout.right,
      width: PANEL_WIDTH,
    });
  }

  /**
   * Change our own elements in the host page without taking that for a change of the page: the
   * page's changes so far are read as usual, ours are dropped (at no cost per page mutation).
   */
  function unobserved(change: () => void) {
    if (observer.takeRecords().length) schedule();
    change();
    observer.takeRecords();
  }

  function showPanel() {
    unobserved(mountPanel);
  }

  function mountPanel() {
    // A single-page app may have thrown our wrapper away with its own DOM: mount it again.
    if (ui && !ui.wrapper.isConnected) ui.mount();
    if (!ui) {
      ui = createPanelFrame(ctx);
      ui.mount();
      handle = mountHandle(ctx, () => setCollapsed(!collapsed));
    }
    applyLayout();
  }

  function hidePanel() {
    unobserved(() => {
      ui?.remove();
      ui = undefined;
      handle?.remove();
      handle = undefined;
    });
  }

  function setCollapsed(value: boolean) {
    collapsed = value;
    void browser.storage.local.set({ [collapsedKey]: value });
    applyLayout();
  }

  async function report() {
    timer = undefined;
    watch();
    lastRead = performance.now();
    lastHref = location.href;
    if (ctx.isInvalid || document.hidden) return;
    const read = readSafely();
    // The background takes at most MAX_PEOPLE people: a long thread shows its first ones.
    const context =
      read && read.people.length > MAX_PEOPLE
        ? { ...read, people: read.people.slice(0, MAX_PEOPLE) }
        : read;
    const key = JSON.stringify(context);
    if (key === lastSent) {
      // The same people again: the app only churns, so look less often. A page without anybody on
      // it keeps the short gap: the thread or profile the user opens next should show at once.
      gap = context?.people.length ? Math.min(MAX_GAP_MS, gap * 2) : EMPTY_GAP_MS;
      // The app may have thrown our iframe away with its own DOM.
      if (wantPanel && ui && !ui.wrapper.isConnected) showPanel();
      return;
    }
    gap = context?.people.length ? MIN_GAP_MS : EMPTY_GAP_MS;
    lastSent = key;
    // A new page (or somebody on it) starts the wait for "nobody readable" afresh; the same
    // unreadable page sent again (the background forgot the tab) keeps its report.
    const known = unreadable?.[0] === key ? unreadable[1] : undefined;
    clearTimeout(stuck);
    if (!known && nobodyOn(context))
      stuck = setTimeout(() => checkUnreadable(context), UNREADABLE_MS);
    await send(context, known);
  }

  /** Still nobody on the same page: tell the background, with what the reader matched. */
  function checkUnreadable(context: PageContext | null) {
    const diagnosis = diagnose(script.read, script.markers, document, location.href, lastSent);
    if (!diagnosis) return;
    unreadable = [lastSent!, diagnosis];
    void send(context, diagnosis);
  }

  async function send(context: PageContext | null, diagnosis?: Diagnosis) {
    const message: ContentToBackground = {
      type: 'content:context',
      context,
      ...(diagnosis ? { unreadable: diagnosis } : {}),
    };
    let reply: ContentReply | undefined;
    try {
      reply = (await browser.runtime.sendMessage(message)) as ContentReply | undefined;
    } catch {
      // Extension reloaded: this script is orphaned; its context ends (lib/content/context.ts).
      return;
    }
    wantPanel = !!context && reply?.panel === 'injected';
    if (wantPanel) showPanel();
    else hidePanel();
  }

  const schedule = () => {
    // An app that navigates with pushState says so only through its URL.
    if (lastHref) {
      const t = performance.now();
      if (t >= hrefCheckAt) {
        hrefCheckAt = t + HREF_CHECK_MS;
        if (location.href !== lastHref) {
          lastHref = '';
          navigated();
          return;
        }
      }
    }
    if (timer !== undefined || ctx.isInvalid) return;
    const wait = Math.max(FIRST_READ_MS, lastRead + gap - performance.now());
    timer = setTimeout(() => void report(), wait);
    if (NAVIGATION_REPORTED && watching) {
      observer.disconnect();
      watching = false;
    }
  };

  /** A navigation: read right away, whatever the pace was. */
  const navigated = () => {
    gap = MIN_GAP_MS;
    clearTimeout(timer);
    timer = undefined;
    lastRead = -Infinity;
    schedule();
  };

  // DOM changes: the callback only schedules; reading happens at most once per gap.
  const observer = new MutationObserver(schedule);
  let watching = false;
  function watch() {
    if (watching || ctx.isInvalid) return;
    observer.observe(document.documentElement, { childList: true, subtree: true });
    watching = true;
  }
  watch();
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(stuck);
  });
  ctx.addEventListener(window, 'wxt:locationchange', navigated);
  ctx.addEventListener(window, 'hashchange', navigated);
  ctx.addEventListener(window, 'popstate', navigated);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden) {
      lastSent = undefined; // the background may have forgotten this tab meanwhile
      schedule();
    }
  });

  // Keyboard toggle on the page (Alt+Shift+K); the same key as a browser command reaches us through
  // the background when the browser handles it first.
  // Only a real key press: the page can dispatch keyboard events of its own.
  ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
    if (e.isTrusted && e.altKey && e.shiftKey && e.code === 'KeyK' && ui) {
      e.preventDefault();
      setCollapsed(!collapsed);
    }
  });

  // Keyboard toggle and "settings changed" come from the background.
  const onMessage = (raw: unknown) => {
    const msg = raw as { type?: string } | undefined;
    if (msg?.type === 'bg:toggle-panel' && ui) setCollapsed(!collapsed);
    if (msg?.type === 'bg:recheck') {
      lastSent = undefined;
      schedule();
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  void browser.storage.local.get(collapsedKey).then((got) => {
    collapsed = got[collapsedKey] === true;
    if (ui) applyLayout();
  });
  schedule();
}
