// What the injected panel checks before it asks the background to write (issue 15, point 2;
// docs/security.md): that it is the frame Kundennah's content script inserted (it holds the key
// the content script posted into it) and that the user could see it when acting (IntersectionObserver
// v2: not covered, not transparent, not transformed or filtered by the page).
import { panelKeyIn } from '../../panel-key';

/** How long the panel must have been seen before a write counts (a page cannot flash it in). */
export const VISIBLE_FOR_MS = 300;
/** How long to wait for the browser's first visibility report. */
const FIRST_REPORT_MS = 1500;

export interface PanelGuard {
  /** The key the content script handed to this frame (undefined: none yet, or not inserted by it). */
  key(): string | undefined;
  /** Resolves true when the panel is visible (and has been for VISIBLE_FOR_MS), else false. */
  visible(): Promise<boolean>;
}

interface VisibilityEntry extends IntersectionObserverEntry {
  readonly isVisible?: boolean;
}

/**
 * Start listening for the key and watching the visibility of `target`. Call it when the panel page
 * starts, before the frame has loaded: the content script posts the key on the frame's load event.
 */
export function startPanelGuard(target: Element, now: () => number = () => performance.now()) {
  let key: string | undefined;
  window.addEventListener('message', (e: MessageEvent) => {
    // From the embedding window only; which key is valid, the background decides.
    if (e.source !== window.parent || window.parent === window) return;
    key = panelKeyIn(e.data) ?? key;
  });

  /** undefined: no report yet; null: the browser cannot tell (no IntersectionObserver v2). */
  let visibleSince: number | undefined | null;
  let reported = false;
  const waiting = new Set<() => void>();
  const supported = 'isVisible' in IntersectionObserverEntry.prototype;
  if (!supported) visibleSince = null;
  else {
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as VisibilityEntry | undefined;
        if (!entry) return;
        reported = true;
        if (entry.isVisible !== true) visibleSince = undefined;
        else visibleSince ??= now();
        for (const w of waiting) w();
        waiting.clear();
      },
      // trackVisibility and delay are IntersectionObserver v2 (Chromium); the DOM types lack them.
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
  }

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function visible(): Promise<boolean> {
    // Firefox has no IntersectionObserver v2: the key alone must do (docs/security.md).
    if (visibleSince === null) return true;
    if (!reported)
      await Promise.race([
        new Promise<void>((resolve) => waiting.add(resolve)),
        sleep(FIRST_REPORT_MS),
      ]);
    const since = visibleSince;
    if (since === undefined || since === null) return since === null;
    const wait = since + VISIBLE_FOR_MS - now();
    if (wait > 0) {
      await sleep(wait);
      return visibleSince === since;
    }
    return true;
  }

  return { key: () => key, visible } satisfies PanelGuard;
}
