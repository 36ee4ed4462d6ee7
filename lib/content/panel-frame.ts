// The panel iframe the content script inserts (in place of WXT's createIframeUi, which brings
// auto-mounting we do not use), and the key that makes it the only panel frame allowed to write
// (issue 15, point 2; lib/panel-key.ts, docs/security.md).
import { browser } from 'wxt/browser';
import type { ContentToBackground } from '../messaging';
import { PANEL_KEY_MESSAGE } from '../panel-key';
import type { ContentContext } from './context';

export interface PanelFrame {
  wrapper: HTMLDivElement;
  iframe: HTMLIFrameElement;
  /** Append to the page (again, after an app threw it away: the frame then loads anew). */
  mount(): void;
  remove(): void;
}

export function createPanelFrame(ctx: ContentContext): PanelFrame {
  const wrapper = document.createElement('div');
  const iframe = document.createElement('iframe');
  const src = browser.runtime.getURL('/panel.html');
  iframe.src = src;
  // The extension's origins only: the key goes to no other document (a frame the page navigated
  // elsewhere). Chrome gives the content script a per-session URL (`use_dynamic_url`) but loads the
  // panel on the extension's own id, so both are ours.
  const scheme = src.slice(0, src.indexOf('//') + 2);
  const origins = new Set([
    src.slice(0, src.indexOf('/', scheme.length)),
    ...(scheme === 'chrome-extension://' ? [scheme + browser.runtime.id] : []),
  ]);
  wrapper.append(iframe);
  // Each document loaded in the frame gets a fresh key, registered before it is handed over.
  const handKey = async () => {
    const key = crypto.randomUUID();
    const message: ContentToBackground = { type: 'content:panel-key', key };
    try {
      await browser.runtime.sendMessage(message);
    } catch {
      return; // the extension was reloaded: this script is orphaned
    }
    for (const origin of origins)
      iframe.contentWindow?.postMessage({ type: PANEL_KEY_MESSAGE, key }, origin);
  };
  ctx.addEventListener(iframe, 'load', () => void handKey());
  const remove = () => wrapper.remove();
  ctx.onInvalidated(remove);
  return { wrapper, iframe, mount: () => document.body.append(wrapper), remove };
}
