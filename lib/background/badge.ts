import { browser } from 'wxt/browser';

/** The toolbar badge: how many touches are pressing today (empty when none). */
export async function showBadgeCount(count: number): Promise<void> {
  const action =
    browser.action ??
    (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ color: '#0f6e5c' });
  await action.setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
}
