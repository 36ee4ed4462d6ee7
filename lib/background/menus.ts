// The context menu on a selected e-mail address or a mailto link: "Add to Kundennah" / "Show in
// Kundennah". Both do the right thing whether or not the person is known.
import { browser } from 'wxt/browser';
import { findByEmail, type KundennahDB } from '../db';
import { translate, type Locale } from '../i18n';
import { contactHash, dashboardPath } from '../ui/route';

export const MENU_ADD = 'kundennah-add';
export const MENU_SHOW = 'kundennah-show';

const EMAIL = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

/** The e-mail address in a selection or a mailto link, if any (pure). */
export function emailFrom(info: { selectionText?: string; linkUrl?: string }): string | undefined {
  if (info.linkUrl?.toLowerCase().startsWith('mailto:')) {
    const address = decodeURIComponent(info.linkUrl.slice(7).split('?')[0] ?? '');
    const m = EMAIL.exec(address);
    if (m) return m[0].toLowerCase();
  }
  const m = EMAIL.exec(info.selectionText ?? '');
  return m ? m[0].toLowerCase() : undefined;
}

export async function createMenus(locale: Locale): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const [id, key] of [
    [MENU_ADD, 'bg.menuAdd'],
    [MENU_SHOW, 'bg.menuShow'],
  ] as const) {
    browser.contextMenus.create({
      id: `${id}-selection`,
      title: translate(locale, key),
      contexts: ['selection'],
    });
    browser.contextMenus.create({
      id: `${id}-link`,
      title: translate(locale, key),
      contexts: ['link'],
      targetUrlPatterns: ['mailto:*'],
    });
  }
}

/** Known: the contact in the dashboard. Unknown: a small window to add them, prefilled. */
export async function onMenuClick(
  db: KundennahDB,
  info: { menuItemId: string | number; selectionText?: string; linkUrl?: string },
): Promise<void> {
  const id = String(info.menuItemId);
  if (!id.startsWith(MENU_ADD) && !id.startsWith(MENU_SHOW)) return;
  const email = emailFrom(info);
  const known = email ? (await findByEmail(db, email))[0] : undefined;
  if (known) {
    await browser.tabs.create({
      url: browser.runtime.getURL(dashboardPath(contactHash(known.id))),
    });
    return;
  }
  const params = new URLSearchParams(
    email ? { email } : { name: (info.selectionText ?? '').trim().slice(0, 120) },
  );
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html#/add?${params.toString()}`),
    type: 'popup',
    width: 440,
    height: 640,
  });
}
