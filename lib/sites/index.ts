// Site adapters: Document + URL -> PageContext (ARCHITECTURE.md, the `readPage` contract).
//
// Content scripts import their site's reader directly (e.g. `lib/sites/gmail/read`) to keep their
// bundle small. PageContextSchema is re-exported here for convenience; it is the only export that
// pulls in zod, so a bundle that imports this index for readPage alone still tree-shakes it away —
// prefer the direct imports in content scripts anyway.
import { readGmail } from './gmail/read';
import { readLinkedIn } from './linkedin/read';
import { readOutlook } from './outlook/read';
import type { PageContext, Site, SiteReader } from './types';
import { siteOfUrl } from './urls';
import { readXing } from './xing/read';

export type { PageContext, PageKind, Person, Site, SiteReader } from './types';
export { PageContextSchema, PersonSchema } from './schema';
export * from './urls';
export { readGmail, readLinkedIn, readOutlook, readXing };

export const READERS: Readonly<Record<Site, SiteReader>> = {
  gmail: readGmail,
  outlook: readOutlook,
  xing: readXing,
  linkedin: readLinkedIn,
};

/**
 * What the page shows: a thread or a profile, or null (lists, feed, search, other sites).
 * Never throws: a page the adapter does not understand yields partial data or null.
 */
export function readPage(doc: Document, url: string): PageContext | null {
  try {
    const site = siteOfUrl(url);
    return site ? READERS[site](doc, url) : null;
  } catch {
    return null;
  }
}
