// LinkedIn profile -> PageContext. Pure: (doc, url) in, data out; never throws.
// Selectors: ./selectors.ts
import { readProfile } from '../profile';
import type { PageContext } from '../page-context';
import { isLinkedInProfileUrl } from '../urls';
import { LINKEDIN } from './selectors';

export function readLinkedIn(doc: Document, url: string): PageContext | null {
  // The feed, search, messaging, company and job pages: no profile.
  if (!isLinkedInProfileUrl(url)) return null;
  return readProfile(doc, url, 'linkedin', LINKEDIN);
}
