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
  /**
   * Threads: the messages of the open thread, oldest first, at most `MAX_THREAD_MESSAGES` (the
   * latest). Metadata only, never a body; a message whose date or direction cannot be read is left
   * out. Absent when no message could be read.
   */
  messages?: ThreadMessage[];
}

/** One message of a thread as the page shows it: when, and whether the signed-in user sent it. */
export interface ThreadMessage {
  /** The instant it was sent (ISO 8601, UTC), read from the app's full date in the user's zone. */
  at: string;
  /** 'out': sent by the signed-in user; 'in': by someone else. */
  direction: 'in' | 'out';
  /** The app's own id of the message, where the page has one. */
  id?: string;
  /** The sender's address (lower case), where the page shows it. */
  from?: string;
}

/** The most messages of one thread a reader returns (the latest ones). */
export const MAX_THREAD_MESSAGES = 50;

/** The most people a page context carries (a longer thread sends its first ones; issue 15). */
export const MAX_PEOPLE = 50;

/** One site's reader: pure, never throws, null when the page is no thread or profile. */
export type SiteReader = (doc: Document, url: string) => PageContext | null;
