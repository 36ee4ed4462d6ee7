// The background's side of the panel Ports: who is connected for which tab, requests in, views out.
import { browser, type Browser } from 'wxt/browser';
import {
  PANEL_PORT_NAME,
  PanelToBackgroundSchema,
  parseMessage,
  type BackgroundToPanel,
  type PanelRequest,
  type PanelToBackground,
  type PanelView,
  type ReplyError,
} from '../messaging';

export interface HubDeps {
  /** The view for a tab (undefined: the tab is unknown, e.g. a side panel without active tab). */
  buildView(tabId: number | undefined): Promise<PanelView>;
  handle(
    request: PanelRequest,
    tabId: number | undefined,
  ): Promise<Omit<Extract<BackgroundToPanel, { type: 'bg:reply' }>, 'type' | 'id'>>;
  /** Resolve the tab a side panel belongs to (the active tab of the focused window). */
  activeTabId(): Promise<number | undefined>;
  /** The key of the panel frame Kundennah's content script inserted in a tab (none: undefined). */
  panelKey(tabId: number): Promise<string | undefined>;
}

interface Connection {
  port: Browser.runtime.Port;
  /** The tab of an injected panel; undefined for the browser's side panel (follows the active tab). */
  tabId: number | undefined;
  followsActiveTab: boolean;
}

/**
 * Only our own panel pages may connect. A content script's sender URL is the host page's; the
 * panel's is an extension URL (with `use_dynamic_url` its host is a per-session id, so the path and
 * the sender's extension id decide, not the host).
 */
export function isPanelSender(sender: Browser.runtime.MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return (
      (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') &&
      (url.pathname === '/panel.html' || url.pathname === '/sidepanel.html')
    );
  } catch {
    return false;
  }
}

/**
 * Whether a panel may write (issue 15, point 2; docs/security.md): every request is a write. The
 * browser's side panel is an extension page no web page can embed; a panel in a tab must present
 * the key the content script gave the frame it inserted, and must have seen itself visible. A page
 * that embeds panel.html itself (it is web-accessible on the four sites) has no key. Returns why
 * not, or null.
 */
export async function writeRefusal(
  c: Pick<Connection, 'tabId' | 'followsActiveTab'>,
  msg: Extract<PanelToBackground, { type: 'panel:request' }>,
  panelKey: (tabId: number) => Promise<string | undefined>,
): Promise<ReplyError | null> {
  if (c.followsActiveTab) return null;
  const expected = c.tabId === undefined ? undefined : await panelKey(c.tabId);
  if (!expected || msg.key !== expected)
    return { code: 'panel-foreign', message: 'This panel was not inserted by Kundennah.' };
  if (msg.visible !== true)
    return { code: 'panel-hidden', message: 'The panel was not visible when asked to write.' };
  return null;
}

/** The id of a panel request that did not parse, when it names one the panel could be waiting on. */
export function refusedRequestId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  return type === 'panel:request' && typeof id === 'string' && id.length > 0 && id.length <= 200
    ? id
    : undefined;
}

function invalidReply(id: string): BackgroundToPanel {
  return {
    type: 'bg:reply',
    id,
    ok: false,
    error: { code: 'invalid', message: 'The request was not understood; nothing was stored.' },
  };
}

export function createPanelHub(deps: HubDeps) {
  const connections = new Set<Connection>();

  async function tabOf(c: Connection): Promise<number | undefined> {
    return c.followsActiveTab ? deps.activeTabId() : c.tabId;
  }

  async function push(c: Connection): Promise<void> {
    try {
      const view = await deps.buildView(await tabOf(c));
      const message: BackgroundToPanel = { type: 'bg:view', view };
      c.port.postMessage(message);
    } catch (e) {
      console.warn('Kundennah: could not build the panel view', e);
    }
  }

  function onConnect(port: Browser.runtime.Port): void {
    if (port.name !== PANEL_PORT_NAME) return;
    if (!isPanelSender(port.sender)) {
      port.disconnect();
      return;
    }
    // The browser's side panel belongs to no tab: it follows the active one.
    const sidePanel = new URL(port.sender!.url!).pathname === '/sidepanel.html';
    const tabId = sidePanel ? undefined : port.sender?.tab?.id;
    const c: Connection = { port, tabId, followsActiveTab: sidePanel };
    connections.add(c);
    port.onDisconnect.addListener(() => connections.delete(c));
    port.onMessage.addListener((raw: unknown) => {
      const msg = parseMessage(PanelToBackgroundSchema, raw);
      if (!msg) {
        // A request the schema refuses still gets its answer: the panel waits for one.
        const id = refusedRequestId(raw);
        if (id) c.port.postMessage(invalidReply(id));
        return;
      }
      if (msg.type === 'panel:hello') {
        void push(c);
        return;
      }
      void (async () => {
        let reply: BackgroundToPanel;
        try {
          const refused = await writeRefusal(c, msg, deps.panelKey);
          if (refused) reply = { type: 'bg:reply', id: msg.id, ok: false, error: refused };
          else
            reply = {
              type: 'bg:reply',
              id: msg.id,
              ...(await deps.handle(msg.request, await tabOf(c))),
            };
        } catch (e) {
          reply = {
            type: 'bg:reply',
            id: msg.id,
            ok: false,
            error: { code: 'internal', message: e instanceof Error ? e.message : String(e) },
          };
        }
        try {
          c.port.postMessage(reply);
        } catch {
          // The panel went away meanwhile.
        }
      })();
    });
  }

  /** Push fresh views: to the panels of one tab, or to all (after a data change). */
  async function refresh(tabId?: number): Promise<void> {
    const targets = [...connections].filter(
      (c) => tabId === undefined || c.tabId === tabId || c.followsActiveTab,
    );
    await Promise.all(targets.map(push));
  }

  /** Tell the panels of a tab something; false when no panel is open for it. */
  function notice(tabId: number | undefined, text: string): boolean {
    const message: BackgroundToPanel = { type: 'bg:notice', text };
    let sent = false;
    for (const c of connections)
      if (c.tabId === tabId || c.followsActiveTab) {
        try {
          c.port.postMessage(message);
          sent = true;
        } catch {
          // Gone meanwhile.
        }
      }
    return sent;
  }

  return { onConnect, refresh, notice, size: () => connections.size };
}
