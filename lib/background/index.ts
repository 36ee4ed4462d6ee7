// The service worker: context broker for the panels, badge, alarms. Every listener is registered
// synchronously when the worker starts (MV3 wakes it for events); nothing that matters lives only in
// memory (tab contexts are in storage.session, data in IndexedDB).
import Dexie from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { DB_NAME, getDb, getSettings, requestPersistentStorage } from '../db';
import { RuntimeMessageSchema, parseMessage, type ContentReply } from '../messaging';
import type { Settings } from '../model';
import { handlePanelRequest } from './actions';
import { showBadgeCount } from './badge';
import { createDerived } from './derived';
import { createPanelHub } from './hub';
import { clearTabContext, getTabContext, lastContextTab, setTabContext } from './tab-contexts';
import { buildPanelView } from './view';

const REFRESH_ALARM = 'kundennah-refresh';

export function startBackground(deps: { now?: () => Date } = {}): void {
  const now = deps.now ?? (() => new Date());
  const db = getDb;
  const derived = createDerived(db);
  const settings = (): Promise<Settings> => getSettings(db(), browser.i18n.getUILanguage());

  /** The tab the side panel shows: the active one when it has a page context, else the tab that
   * most recently reported one (the side panel itself may be the focused page). */
  async function activeTabId(): Promise<number | undefined> {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined && (await getTabContext(tab.id))?.context) return tab.id;
    return lastContextTab();
  }

  const hub = createPanelHub({
    async buildView(tabId) {
      const tab = tabId === undefined ? undefined : await getTabContext(tabId);
      return buildPanelView(db(), derived, tab, await settings(), now());
    },
    async handle(request, tabId) {
      const tab = tabId === undefined ? undefined : await getTabContext(tabId);
      const s = await settings();
      return handlePanelRequest(request, {
        db: db(),
        now: now(),
        timeZone: s.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        context: tab?.context ?? null,
        url: tab?.url,
      });
    },
    activeTabId,
  });

  async function updateBadge(): Promise<void> {
    try {
      const items = await derived.agenda(await settings(), now());
      await showBadgeCount(items.length);
    } catch (e) {
      console.warn('Kundennah: badge not updated', e);
    }
  }

  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  function onDataChanged(): void {
    derived.invalidate();
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      void hub.refresh();
      void updateBadge();
    }, 50);
  }

  browser.runtime.onConnect.addListener(hub.onConnect);

  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
      const msg = parseMessage(RuntimeMessageSchema, raw);
      if (!msg) return undefined;
      switch (msg.type) {
        case 'content:context': {
          const tabId = sender.tab?.id;
          if (tabId === undefined || !sender.url) return undefined;
          return (async (): Promise<ContentReply> => {
            await setTabContext(tabId, {
              context: msg.context,
              url: sender.url ?? '',
              at: Date.now(),
            });
            void hub.refresh(tabId);
            const s = await settings();
            return { panel: msg.context ? s.panelMode[msg.context.site] : 'off' };
          })();
        }
        case 'page:data-changed':
          onDataChanged();
          return Promise.resolve({ ok: true });
      }
    },
  );

  // Writes from this worker, and from pages while it is awake (Dexie broadcasts them).
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => k.startsWith(`idb://${DB_NAME}/`))) onDataChanged();
  });

  browser.tabs.onRemoved.addListener((tabId) => void clearTabContext(tabId));
  browser.tabs.onActivated.addListener(() => void hub.refresh());

  browser.runtime.onInstalled.addListener(() => {
    void requestPersistentStorage();
    void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 30 });
    void updateBadge();
  });
  browser.runtime.onStartup.addListener(() => void updateBadge());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void updateBadge();
  });
}
