// The panel's only way to data: a runtime Port to the background (ARCHITECTURE.md). The panel never
// opens IndexedDB (in a third-party frame its storage can be partitioned or denied) and never reads
// window.postMessage from the host page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import {
  BackgroundToPanelSchema,
  PANEL_PORT_NAME,
  parseMessage,
  type BackgroundToPanel,
  type PanelRequest,
  type PanelToBackground,
  type PanelView,
} from '../../messaging';
import type { PanelGuard } from './guard';

type Reply = Extract<BackgroundToPanel, { type: 'bg:reply' }>;

export interface PanelConnection {
  view: PanelView | undefined;
  /** The latest notice from the background (with a fresh id each time). */
  notice: { id: string; text: string } | undefined;
  connected: boolean;
  request(request: PanelRequest): Promise<Reply>;
}

const RECONNECT_MS = 300;
/** A request whose reply was lost is sent again this often, after the port is back. */
const RETRIES = 2;
const RETRY_WAIT_MS = 5_000;
const LOST = 'disconnected';
const NOT_CONNECTED = 'not connected';

/** No reply came: the port closed (the worker stopped) before or after the write committed. */
const lostReply = (reply: Reply) =>
  !reply.ok &&
  reply.error?.code === 'internal' &&
  (reply.error.message === LOST || reply.error.message === NOT_CONNECTED);

/** `guard`: the injected panel's key and visibility check (the side panel has none). */
export function usePanelConnection(guard?: PanelGuard): PanelConnection {
  const [view, setView] = useState<PanelView>();
  const [connected, setConnected] = useState(false);
  const [notice, setNotice] = useState<{ id: string; text: string }>();
  const portRef = useRef<Browser.runtime.Port | undefined>(undefined);
  const pending = useRef(new Map<string, (reply: Reply) => void>());

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      if (stopped) return;
      let port: Browser.runtime.Port;
      try {
        port = browser.runtime.connect({ name: PANEL_PORT_NAME });
      } catch {
        // The extension was reloaded or updated: this page is orphaned and stays as it is.
        return;
      }
      portRef.current = port;
      port.onMessage.addListener((raw: unknown) => {
        const msg = parseMessage(BackgroundToPanelSchema, raw);
        if (!msg) return;
        if (msg.type === 'bg:view') {
          setView(msg.view);
          setConnected(true);
        } else if (msg.type === 'bg:notice') {
          setNotice({ id: crypto.randomUUID(), text: msg.text });
        } else {
          pending.current.get(msg.id)?.(msg);
          pending.current.delete(msg.id);
        }
      });
      port.onDisconnect.addListener(() => {
        // MV3 stops an idle service worker; connecting again wakes it and brings a fresh view.
        setConnected(false);
        portRef.current = undefined;
        for (const [id, resolve] of pending.current)
          resolve({
            type: 'bg:reply',
            id,
            ok: false,
            error: { code: 'internal', message: LOST },
          });
        pending.current.clear();
        timer = setTimeout(connect, RECONNECT_MS);
      });
      const hello: PanelToBackground = { type: 'panel:hello' };
      port.postMessage(hello);
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      portRef.current?.disconnect();
    };
  }, []);

  const sendOnce = useCallback(
    (req: PanelRequest): Promise<Reply> => {
      const id = crypto.randomUUID();
      return new Promise((resolve) => {
        const port = portRef.current;
        if (!port) {
          resolve({
            type: 'bg:reply',
            id,
            ok: false,
            error: { code: 'internal', message: NOT_CONNECTED },
          });
          return;
        }
        pending.current.set(id, resolve);
        const message: PanelToBackground = {
          type: 'panel:request',
          id,
          request: req,
          // The injected panel's key and its word that the user could see it (issue 15, point 2).
          ...(guard ? { key: guard.key(), visible: true } : {}),
        };
        port.postMessage(message);
      });
    },
    [guard],
  );

  /**
   * Send a write and get its reply. It carries one request id, the same on every retry: when the
   * port closes before the reply comes (the service worker stopped, perhaps after the write
   * committed), it is sent again once the port is back, and the background answers a known id with
   * the first reply instead of writing twice (lib/db/requests.ts).
   */
  const request = useCallback(
    async (req: PanelRequest): Promise<Reply> => {
      // Every request writes: only while the user can see the panel (issue 15, point 2).
      if (guard && !(await guard.visible()))
        return {
          type: 'bg:reply',
          id: crypto.randomUUID(),
          ok: false,
          error: { code: 'panel-hidden', message: 'The panel is not visible.' },
        };
      const once: PanelRequest = req.requestId ? req : { ...req, requestId: crypto.randomUUID() };
      let reply = await sendOnce(once);
      for (let attempt = 0; attempt < RETRIES && lostReply(reply); attempt++) {
        const deadline = Date.now() + RETRY_WAIT_MS;
        while (!portRef.current && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, RECONNECT_MS / 3));
        reply = await sendOnce(once);
      }
      return reply;
    },
    [sendOnce, guard],
  );

  return { view, connected, notice, request };
}
