// XING profile -> PageContext. Pure: (doc, url) in, data out; never throws. Selectors: ./selectors.ts
import { readProfile } from '../profile';
import type { PageContext } from '../page-context';
import { isXingProfileUrl } from '../urls';
import { XING } from './selectors';

export function readXing(doc: Document, url: string): PageContext | null {
  // Search, jobs, company pages, the start page: no profile.
  if (!isXingProfileUrl(url)) return null;
  return readProfile(doc, url, 'xing', XING);
}
