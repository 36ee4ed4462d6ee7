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

export async function setTabContext(tabId: number, value: TabContext): Promise<void> {
  await browser.storage.session.set({
    [key(tabId)]: value,
    ...(value.context ? { [LAST]: tabId } : {}),
  });
}

/** The tab that most recently reported a person on its page (the side panel falls back to it). */
export async function lastContextTab(): Promise<number | undefined> {
  const got = await browser.storage.session.get(LAST);
  return typeof got[LAST] === 'number' ? got[LAST] : undefined;
}

export async function getTabContext(tabId: number): Promise<TabContext | undefined> {
  const got = await browser.storage.session.get(key(tabId));
  return got[key(tabId)] as TabContext | undefined;
}

export async function clearTabContext(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
