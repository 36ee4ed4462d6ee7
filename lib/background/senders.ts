// Who may send the background which runtime message (issue 15, point 3; docs/security.md). Web
// pages cannot send runtime messages at all; content scripts can, and run inside pages that may be
// hostile or hijacked, so what a content script says is bound to where it runs.
import { browser, type Browser } from 'wxt/browser';
import { siteOfMatches } from '../sites/matches';
import type { Site } from '../sites/page-context';

type Sender = Browser.runtime.MessageSender | undefined;

/**
 * The site of a content script's page: our extension, in a tab, in the top frame, on a page of one
 * of the four sites (by the manifest's own match patterns). Null for anything else.
 */
export function contentSenderSite(sender: Sender): Site | null {
  if (!sender || sender.id !== browser.runtime.id) return null;
  if (sender.tab?.id === undefined || sender.frameId !== 0) return null;
  return siteOfMatches(sender.url);
}

/**
 * One of our own extension pages (popup, dashboard): an extension URL, and either in no tab (the
 * popup) or the tab's top document (the dashboard in a tab). A panel iframe inside a web page is an
 * extension page too, but not a tab's top document: it only talks to the background over its Port.
 */
export function isExtensionPageSender(sender: Sender): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return false;
  if (!sender.url.startsWith(browser.runtime.getURL('/'))) return false;
  return sender.tab === undefined || sender.frameId === 0;
}
