// Site adapters: Document + URL -> PageContext (ARCHITECTURE.md, the `readPage` contract).
//
// Content scripts import their site's reader directly (e.g. `lib/sites/gmail/read`): one site's
// reader is about 5 KB minified, all four behind readPage about 15 KB. PageContextSchema is
// re-exported here for the contract; its schemas are built in pure-annotated calls, so importing
// readPage from this index does not bundle zod (tests/unit/sites/conventions.test.ts checks both).
import { readGmail } from './gmail/read';
import { readLinkedIn } from './linkedin/read';
import { readOutlook } from './outlook/read';
import type { PageContext, Site, SiteReader } from './page-context';
import { siteOfUrl } from './urls';
import { readXing } from './xing/read';

export type { PageContext, PageKind, Person, Site, SiteReader } from './page-context';
export { PageContextSchema, PersonSchema } from './page-context-schema';
export * from './urls';
export { readGmail, readLinkedIn, readOutlook, readXing };

export const READERS: Readonly<Record<Site, SiteReader>> = {
  gmail: readGmail,
  outlook: readOutlook,
  xing: readXing,
  linkedin: readLinkedIn,
};

/**
 * What the page shows, as the content scripts read it: a thread or a profile, or null (lists, feed,
 * search, other sites), with the thread's messages where the site shows them. Never throws: a page
 * the adapter does not understand yields partial data or null.
 */
export function readPageWithMessages(doc: Document, url: string): PageContext | null {
  try {
    const site = siteOfUrl(url);
    return site ? READERS[site](doc, url) : null;
  } catch {
    return null;
  }
}

/**
 * The `readPage` contract (ARCHITECTURE.md): exactly its fields, so a caller comparing whole results
 * is not surprised by the messages only the panel uses (`readPageWithMessages` has them).
 */
export function readPage(doc: Document, url: string): PageContext | null {
  const context = readPageWithMessages(doc, url);
  if (!context) return null;
  const { messages: _messages, ...contract } = context;
  return contract;
}
