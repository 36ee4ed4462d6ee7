// The `readPage` contract (ARCHITECTURE.md, "Contracts that tests outside the project rely on").
// Plain types only: content scripts import these without pulling in zod (see page-context-schema.ts).

export type Site = 'gmail' | 'outlook' | 'xing' | 'linkedin';
export type PageKind = 'thread' | 'profile';

export interface Person {
  name?: string;
  email?: string;
  profileUrl?: string;
}

export interface PageContext {
  site: Site;
  kind: PageKind;
  /** Threads: the other participants in order of appearance. Profiles: exactly the profile's person. */
  people: Person[];
  subject?: string;
  threadId?: string;
  headline?: string;
  company?: string;
}

/** The most people a page context carries (a longer thread sends its first ones; issue 15). */
export const MAX_PEOPLE = 50;

/** One site's reader: pure, never throws, null when the page is no thread or profile. */
export type SiteReader = (doc: Document, url: string) => PageContext | null;
