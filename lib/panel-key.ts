// The key that proves a panel frame is the one Kundennah's content script inserted (issue 15,
// point 2; docs/security.md). Shared by the content script (no zod there) and the panel page.
//
// For every document loaded in its panel iframe the content script makes a fresh random key, tells
// the background (runtime messaging: bound to its tab, the page cannot send or read it), then posts
// the key into that iframe only (target origin: the extension's, so a frame the page navigated
// elsewhere gets nothing). A panel the page embedded itself never gets a key, and the background
// refuses its writes. The page can post a false key into a panel; that only makes writes fail,
// never land.

/** The `postMessage` type the panel listens for. Carries no extension id. */
export const PANEL_KEY_MESSAGE = 'kundennah:panel-key';

/** What a valid key looks like (a `crypto.randomUUID()`). */
export const PANEL_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function panelKeyIn(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, key } = data as { type?: unknown; key?: unknown };
  return type === PANEL_KEY_MESSAGE && typeof key === 'string' && PANEL_KEY_PATTERN.test(key)
    ? key
    : undefined;
}
