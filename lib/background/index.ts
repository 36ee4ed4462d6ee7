// The service worker: context broker for the panels, badge, alarms. Every listener is registered
// synchronously when the worker starts (MV3 wakes it for events); nothing that matters lives only in
// memory (tab contexts are in storage.session, data in IndexedDB).
import { browser, type Browser } from 'wxt/browser';
import {
  AGENDA_COUNTS_KEY,
  getDb,
  getMeta,
  getSettings,
  requestPersistentStorage,
  type AgendaCounts,
} from '../db';
import {
  RuntimeMessageSchema,
  parseMessage,
  type BackgroundToContent,
  type ContentReply,
} from '../messaging';
import { followPanelModes } from './panel-modes';
import { openSidePanel } from './sidepanel';
import type { Settings } from '../model';
import { watchDataChanges } from '../db/backup-status';
import { handlePanelRequest } from './actions';
import { setupAutoBackup } from './auto-backup';
import { showBadgeCount, showBadgeText } from './badge';
import { createMenus, onMenuClick } from './menus';
import {
  nextReminderAt,
  REMINDER_ALARM,
  REMINDER_NOTIFICATION,
  openToday,
  scheduleReminder,
  showReminder,
} from './reminder';
import { logFromShortcut } from './shortcut';
import { createDeriver } from './deriver';
import { createPanelHub } from './hub';
import { setupSync } from './sync';
import { MembersFailure } from '../sync/members';
import { contentSenderSite, isExtensionPageSender } from './senders';
import {
  clearTabContext,
  getPanelKey,
  getTabContext,
  lastContextTab,
  setPanelKey,
  setTabContext,
} from './tab-contexts';
import { buildPanelView } from './view';

const REFRESH_ALARM = 'kundennah-refresh';
const MIDNIGHT_ALARM = 'kundennah-midnight';
const FLASH_MS = 3000;

export function startBackground(deps: { now?: () => Date } = {}): void {
  const now = deps.now ?? (() => new Date());
  const db = getDb;
  // The same source of the browser's language as the pages (popup, dashboard) use, so that the
  // panel never speaks another language than they do.
  const settings = (): Promise<Settings> => getSettings(db(), navigator.language);

  /** The tab the side panel shows: the active one when it has a page context, else the tab that
   * most recently reported one (the side panel itself may be the focused page). */
  async function activeTabId(): Promise<number | undefined> {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined && (await getTabContext(tab.id))?.context) return tab.id;
    return lastContextTab();
  }

  /** Where the site of a tab shows its panel, known from the last context report (in memory, so
   * that a keyboard command can open the side panel while the key press still counts). */
  const sideModeTabs = new Set<number>();
  async function openSidePanelIfChosen(tab: { id?: number; windowId?: number }) {
    if (tab.id !== undefined && sideModeTabs.has(tab.id)) await openSidePanel(tab);
  }

  const hub = createPanelHub({
    async buildView(tabId) {
      const tab = tabId === undefined ? undefined : await getTabContext(tabId);
      return buildPanelView(db(), tab, await settings(), now());
    },
    async handle(request, tabId) {
      const tab = tabId === undefined ? undefined : await getTabContext(tabId);
      const s = await settings();
      return handlePanelRequest(request, {
        db: db(),
        now: now(),
        timeZone: s.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale: s.locale,
        context: tab?.context ?? null,
        url: tab?.url,
      });
    },
    activeTabId,
    panelKey: getPanelKey,
  });

  /** While the badge shows the shortcut's answer, the count waits (then comes back). */
  let flashUntil = 0;

  async function updateBadge(): Promise<void> {
    if (Date.now() < flashUntil) return;
    try {
      const counts = (await getMeta<AgendaCounts>(db(), AGENDA_COUNTS_KEY)) ?? {};
      await showBadgeCount(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0));
    } catch (e) {
      console.warn('Kundennah: badge not updated', e);
    }
  }

  const deriver = createDeriver({
    db,
    settings,
    now,
    onUpdated() {
      void hub.refresh();
      void updateBadge();
    },
  });
  // Writes made by this worker (the panel's requests): derived rows, and "data changed since the
  // last backup" for the backup reminder.
  const sync = setupSync({ db, now, holdDerived: () => deriver.hold() });
  /** Changed settings: open tabs, the reminder and the menus follow at once. */
  const followSettings = () =>
    void settings()
      .then(async (s) => {
        await followPanelModes(s.panelMode);
        await scheduleReminder(s, now());
        await createMenus(s.locale);
      })
      .catch((e) => console.warn('Kundennah: settings not followed', e));
  db().onChange((change) => {
    deriver.note(change);
    sync.noteWrite(change);
    // Sync brought the user's settings from another device (language, time zone …).
    if (change.tables.includes('settings')) followSettings();
  });
  watchDataChanges(db(), now);
  setupAutoBackup({ db, now });

  browser.runtime.onConnect.addListener(hub.onConnect);

  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
      const msg = parseMessage(RuntimeMessageSchema, raw);
      if (!msg) return undefined;
      switch (msg.type) {
        case 'content:context': {
          // Bound to where the script runs: its tab, the top frame, and the site of its page.
          const site = contentSenderSite(sender);
          const tabId = sender.tab?.id;
          if (!site || tabId === undefined || (msg.context && msg.context.site !== site))
            return undefined;
          return (async (): Promise<ContentReply> => {
            // The answer does not wait for the write: the panel frame loads meanwhile, and its
            // first request for the tab's context waits for the write (tab-contexts.ts).
            void setTabContext(tabId, {
              context: msg.context,
              url: sender.url ?? '',
              at: Date.now(),
              ...(msg.context && msg.unreadable ? { unreadable: msg.unreadable } : {}),
            }).then(
              () => hub.refresh(tabId),
              (e) => console.warn('Kundennah: page context not stored', e),
            );
            const s = await settings();
            const panel = msg.context ? s.panelMode[msg.context.site] : 'off';
            if (panel === 'sidepanel') sideModeTabs.add(tabId);
            else sideModeTabs.delete(tabId);
            return { panel };
          })();
        }
        case 'content:panel-key': {
          const tabId = sender.tab?.id;
          if (!contentSenderSite(sender) || tabId === undefined) return undefined;
          return setPanelKey(tabId, msg.key).then(() => ({ ok: true }));
        }
        case 'page:data-changed':
          // Only our own pages say that they wrote; a content script has nothing to say here.
          if (!isExtensionPageSender(sender)) return undefined;
          deriver.note(msg);
          sync.noteWrite(msg);
          if (msg.tables.includes('settings')) followSettings();
          return Promise.resolve({ ok: true });
        case 'page:ensure-fresh':
          if (!isExtensionPageSender(sender)) return undefined;
          return deriver.ensureFresh().then(() => ({ ok: true }));
        case 'page:space-members':
          if (!isExtensionPageSender(sender)) return undefined;
          return sync.members(msg.space, msg.names).then(
            (members) => ({ ok: true, members }),
            (e: unknown) => ({
              ok: false,
              error: e instanceof MembersFailure ? e.reason : 'other',
            }),
          );
        case 'page:sync':
          // The account and its password come only from the extension's own pages.
          if (!isExtensionPageSender(sender)) return undefined;
          return sync.handle(msg.request).then(
            (status) => ({ ok: true, status }),
            (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
          );
      }
    },
  );

  /** A short sign on the toolbar icon when no panel can say it (then back to the count). */
  async function flashBadge(ok: boolean, text: string) {
    flashUntil = Date.now() + FLASH_MS;
    await showBadgeText(ok ? '✓' : '?', text);
    setTimeout(() => void updateBadge(), FLASH_MS + 50);
  }

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'log-contact') {
      void (async () => {
        const active =
          tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
        const known = active?.id === undefined ? undefined : await getTabContext(active.id);
        const s = await settings();
        const result = await logFromShortcut({
          db: db(),
          now: now(),
          timeZone: s.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          locale: s.locale,
          context: known?.context ?? null,
          url: known?.url,
        });
        if (!hub.notice(active?.id, result.text)) await flashBadge(result.ok, result.text);
      })();
      return;
    }
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    // Call sidePanel.open before any await: the browser accepts it only while handling the key.
    const tabId = tab.id;
    void getTabContext(tabId).then(async (known) => {
      const mode = known?.context ? (await settings()).panelMode[known.context.site] : 'sidepanel';
      if (mode === 'injected') {
        const message: BackgroundToContent = { type: 'bg:toggle-panel' };
        await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
      }
    });
    void openSidePanelIfChosen(tab);
  });

  browser.tabs.onRemoved.addListener((tabId) => void clearTabContext(tabId));
  browser.tabs.onActivated.addListener(() => void hub.refresh());

  browser.runtime.onInstalled.addListener(() => {
    void requestPersistentStorage();
    void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 30 });
    void settings().then(async (s) => {
      await createMenus(s.locale);
      await scheduleReminder(s, now());
    });
  });
  browser.runtime.onStartup.addListener(() => {
    void settings().then((s) => scheduleReminder(s, now()));
  });
  browser.contextMenus.onClicked.addListener((info) => void onMenuClick(db(), info));
  // Notifications are optional: listen now if granted, else as soon as the user grants them.
  const onNotificationClick = (id: string) => {
    if (id === REMINDER_NOTIFICATION) void openToday();
  };
  const listenToNotifications = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onNotificationClick))
      browser.notifications.onClicked.addListener(onNotificationClick);
  };
  listenToNotifications();
  browser.permissions.onAdded.addListener(listenToNotifications);
  // Every wake-up checks that the derived rows are today's (cheap when they are); the alarm catches
  // midnight while the browser is open.
  void deriver.ensureFresh().then(updateBadge);
  // A new day starts a new agenda (and the badge with it) at the user's midnight.
  const armMidnight = async () => {
    const s = await settings();
    await browser.alarms.create(MIDNIGHT_ALARM, {
      when: nextReminderAt('00:00', now(), s.timeZone) + 1000,
    });
  };
  void armMidnight();
  browser.alarms.onAlarm.addListener((alarm) => {
    sync.onAlarm(alarm.name);
    if (alarm.name === REFRESH_ALARM) void deriver.ensureFresh().then(updateBadge);
    if (alarm.name === MIDNIGHT_ALARM)
      void deriver.ensureFresh().then(updateBadge).then(armMidnight);
    if (alarm.name === REMINDER_ALARM)
      void (async () => {
        await deriver.ensureFresh();
        const s = await settings();
        const rows = await db().agenda.orderBy('rank').limit(3).toArray();
        const counts = (await getMeta<AgendaCounts>(db(), AGENDA_COUNTS_KEY)) ?? {};
        const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
        await showReminder(rows, total, s.locale);
        await scheduleReminder(s, now());
      })();
  });
}
