// The content scripts' lifetime, in place of WXT's `ContentScriptContext` (wxt.config.ts points the
// content-script build's import of `wxt/utils/content-script-context` here).
//
// Why not WXT's (issue 15, point 1; upstream wxt-dev/wxt issue 1752): its constructor announces a
// started script to the host page — a `window.postMessage` and a `document` event whose names carry
// the extension's id — and it stops itself when the page dispatches an event of that name. Any page
// (the id of a store extension is public) could switch Kundennah off until reload. This context says
// nothing to the page and listens to nothing the page can send: it ends only when the extension is
// gone (reloaded, updated, removed: `runtime.id` disappears), which the browser decides, not the page.
// A second copy of a script in one page cannot happen here: the manifest injects each script once
// and nothing injects it again.
import { browser } from 'wxt/browser';

type Listener = (event: Event) => void;

/** What the content scripts use of their context (WXT's type matches it too). */
export interface ContentContext {
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
  addEventListener<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void;
}

/** The Navigation API where the browser has it (Chromium); Firefox falls back to a 1 s check. */
interface NavigationLike extends EventTarget {
  readonly currentEntry?: { url?: string | null } | null;
}

export class ContentScriptContext implements ContentContext {
  private readonly controller = new AbortController();
  private readonly locationListeners = new Set<Listener>();
  private watching = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension that injected this script is gone (checked on every call). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** `cb` runs once when the context ends; returns a function that unregisters it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /**
   * A listener that goes with the context. `wxt:locationchange` (an app navigating without a page
   * load) is watched inside this script and never dispatched as a DOM event the page could see.
   */
  addEventListener<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = handler as Listener;
    if (type === 'wxt:locationchange') {
      this.locationListeners.add(listener);
      this.watchLocation();
      return;
    }
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.controller.abort('Kundennah: content script context invalidated');
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  private watchLocation(): void {
    if (this.watching || this.signal.aborted) return;
    this.watching = true;
    let last = location.href;
    const check = () => {
      if (location.href === last) return;
      last = location.href;
      const event = new Event('locationchange');
      for (const l of this.locationListeners) l(event);
    };
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      // After the URL changed (`navigatesuccess`, or the entry change of a same-document
      // navigation); only the browser's own events count, never one the page dispatched.
      const onEvent = (e: Event) => {
        if (e.isTrusted) queueMicrotask(check);
      };
      navigation.addEventListener('currententrychange', onEvent, { signal: this.signal });
      navigation.addEventListener('navigatesuccess', onEvent, { signal: this.signal });
    } else {
      const timer = setInterval(check, 1000);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}
