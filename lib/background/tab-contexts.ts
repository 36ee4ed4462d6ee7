// What each tab shows, kept in storage.session: it survives the service worker being stopped (MV3)
// and is gone with the browser session. Content scripts cannot read storage.session (trusted
// contexts only by default), so one site never sees another tab's context.
import { browser } from 'wxt/browser';
import type { Diagnosis } from '../messaging';
import type { PageContext } from '../sites/page-context-schema';

const key = (tabId: number) => `tab:${tabId}`;

export interface TabContext {
  context: PageContext | null;
  url: string;
  at: number;
  /** Nobody on this thread or profile could be read: what the reader matched (the panel's report). */
  unreadable?: Diagnosis;
}

const LAST = 'tab:last';

/** Reports being stored, per tab: whoever asks for that tab's context meanwhile waits for them. */
const storing = new Map<number, Promise<void>>();

/**
 * Store what a tab shows. The content script is answered without waiting for this (its panel frame
 * loads meanwhile); a panel that asks before the write is done gets the new context all the same.
 */
export function setTabContext(tabId: number, value: TabContext): Promise<void> {
  const done: Promise<void> = browser.storage.session
    .set({
      [key(tabId)]: value,
      ...(value.context ? { [LAST]: tabId } : {}),
    })
    .finally(() => {
      if (storing.get(tabId) === done) storing.delete(tabId);
    });
  storing.set(tabId, done);
  return done;
}

/** The tab that most recently reported a person on its page (the side panel falls back to it). */
export async function lastContextTab(): Promise<number | undefined> {
  const got = await browser.storage.session.get(LAST);
  return typeof got[LAST] === 'number' ? got[LAST] : undefined;
}

export async function getTabContext(tabId: number): Promise<TabContext | undefined> {
  await storing.get(tabId)?.catch(() => undefined);
  const got = await browser.storage.session.get(key(tabId));
  return got[key(tabId)] as TabContext | undefined;
}

export async function clearTabContext(tabId: number): Promise<void> {
  await browser.storage.session.remove([key(tabId), panelKeyKey(tabId)]);
}

// The key of the panel document Kundennah's content script inserted in a tab (lib/panel-key.ts).
// One per tab: a new panel document replaces the old one's key.
const panelKeyKey = (tabId: number) => `panel-key:${tabId}`;

export async function setPanelKey(tabId: number, panelKey: string): Promise<void> {
  await browser.storage.session.set({ [panelKeyKey(tabId)]: panelKey });
}

export async function getPanelKey(tabId: number): Promise<string | undefined> {
  const got = await browser.storage.session.get(panelKeyKey(tabId));
  const value = got[panelKeyKey(tabId)];
  return typeof value === 'string' ? value : undefined;
}

/** Every tab whose content script has reported, with what it reported last. */
export async function allTabContexts(): Promise<Map<number, TabContext>> {
  const all = await browser.storage.session.get(null);
  const out = new Map<number, TabContext>();
  for (const [k, v] of Object.entries(all)) {
    const m = /^tab:(\d+)$/.exec(k);
    if (m) out.set(Number(m[1]), v as TabContext);
  }
  return out;
}
