import { browser } from 'wxt/browser';

const action = () =>
  browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** The toolbar badge: how many touches are pressing today (empty when none). */
export async function showBadgeCount(count: number): Promise<void> {
  await action().setBadgeBackgroundColor({ color: '#0f6e5c' });
  await action().setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
  await action().setTitle({ title: 'Kundennah' });
}

/** A short sign with a tooltip (the shortcut's answer when no panel is open). */
export async function showBadgeText(text: string, title: string): Promise<void> {
  await action().setBadgeText({ text });
  await action().setTitle({ title });
}
