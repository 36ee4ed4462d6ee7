// Gmail thread -> PageContext. Pure: (doc, url) in, data out; never throws. Selectors: ./selectors.ts
import {
  attempt,
  attr,
  count,
  documentTitle,
  clean,
  findEmail,
  first,
  isEmail,
  queryAll,
  record,
  text,
  union,
  within,
} from '../dom';
import { parseMessageDate } from '../message-date';
import { addressOnEveryMessage, emptyMe, participants, type Me } from '../people';
import {
  MAX_THREAD_MESSAGES,
  type PageContext,
  type Person,
  type ThreadMessage,
} from '../page-context';
import { gmailLegacyThreadId, gmailThreadIdFromUrl } from '../urls';
import * as S from './selectors';

const ME_WORDS: ReadonlySet<string> = new Set(S.ME_WORDS);

export function readGmail(doc: Document, url: string): PageContext | null {
  const urlThreadId = attempt(() => gmailThreadIdFromUrl(url));
  if (!urlThreadId) return null; // inbox, label and search lists, settings: no thread
  const title = documentTitle(doc);
  // Gmail keeps threads opened before in the DOM: the one the URL names wins, else the visible one.
  const urlLegacyId = attempt(() => gmailLegacyThreadId(urlThreadId));
  const heading =
    // Queried directly: a diagnosis must not record a selector that holds the thread's id.
    (urlLegacyId ? attempt(() => doc.querySelector(S.headingOfThread(urlLegacyId))) : undefined) ??
    attempt(() => visibleFirst(doc, S.THREAD_HEADING));
  const root = attempt(() => threadRoot(doc, heading ?? null)) ?? doc;
  const me = attempt(() => signedInUser(doc, title)) ?? emptyMe();
  const found = attempt(() => candidates(root, me)) ?? [];
  count('people', found.length); // a diagnosis tells "nobody readable" from "only the user"
  if (me.emails.size === 0) {
    const mine = attempt(() => addressOnEveryMessage(messagePeople(root, me)));
    if (mine) me.emails.add(mine);
  }
  const context: PageContext = {
    site: 'gmail',
    kind: 'thread',
    people: attempt(() => participants(found, me)) ?? [],
  };
  const subject = attempt(() => text(heading)) || attempt(() => subjectFromTitle(title));
  if (subject) context.subject = subject;
  context.threadId = attempt(() => threadIdOf(heading)) || urlLegacyId || urlThreadId;
  const messages = attempt(() => threadMessages(root, me));
  if (messages?.length) context.messages = messages;
  return context;
}

/** Who sent a message: the user ('out'), someone else ('in'), or null when the user is unknown. */
function directionOf(sender: Element, me: Me): Pick<ThreadMessage, 'direction' | 'from'> | null {
  const { meWord, name = '', email = '' } = personOf(sender);
  if (meWord || me.emails.has(email) || (!email && me.names.has(name.toLowerCase())))
    return { direction: 'out' };
  // Without the user's address "not the user" cannot be told: left out rather than guessed.
  if (!me.emails.size) return null;
  return { direction: 'in', from: email || undefined };
}

/** The thread's messages, oldest first: date, direction and id, never a body. */
function threadMessages(root: Element | Document, me: Me): ThreadMessage[] {
  const out: ThreadMessage[] = [];
  for (const dateEl of union(root, S.MESSAGE_DATE)) {
    const at = parseMessageDate(attr(dateEl, 'title'));
    const message = dateEl.closest(S.MESSAGE.join(','));
    const sender = first(message, S.MESSAGE_SENDER);
    const who = !within(dateEl, S.HIDDEN) && sender && directionOf(sender, me);
    if (!at || !who) continue;
    out.push({ at, ...who, id: attr(message, S.MESSAGE_ID_ATTR) || undefined });
  }
  // Gmail lists a conversation oldest first, always (Outlook can show the newest on top).
  return out.slice(-MAX_THREAD_MESSAGES);
}

function visibleFirst(doc: Document, selectors: readonly string[]): Element | null {
  let hiddenMatch: Element | null = null;
  record(doc, selectors);
  for (const selector of selectors) {
    for (const el of queryAll(doc, selector)) {
      if (!within(el, S.HIDDEN)) return el;
      hiddenMatch ??= el;
    }
  }
  return hiddenMatch;
}

function threadRoot(doc: Document, heading: Element | null): Element | Document {
  for (const selector of S.THREAD_ROOT) {
    const root = heading ? attempt(() => heading.closest(selector)) : null;
    if (root) return root;
  }
  // No heading (renamed, not rendered yet): the visible main region that holds messages.
  record(doc, S.THREAD_ROOT);
  for (const selector of S.THREAD_ROOT) {
    for (const el of queryAll(doc, selector)) {
      if (!within(el, S.HIDDEN) && first(el, S.MESSAGE)) return el;
    }
  }
  return doc;
}

function personOf(el: Element): Person & { meWord: boolean } {
  let email = '';
  for (const name of S.EMAIL_ATTRS) email ||= findEmail(attr(el, name));
  // An avatar's `name` is an element id (":o6"), its `data-name` the person's name.
  const nameAttrs = within(el, S.AVATAR) ? S.AVATAR_NAME_ATTRS : S.NAME_ATTRS;
  let name = '';
  for (const a of nameAttrs) if (!name && isDisplayName(attr(el, a), el)) name = attr(el, a);
  const shown = text(el);
  if (!name && isDisplayName(shown, el)) name = shown;
  const person: Person & { meWord: boolean } = { meWord: ME_WORDS.has(shown.toLowerCase()) };
  if (name) person.name = name;
  if (email) person.email = email;
  return person;
}

/** A name as a person reads it: no address, no generated id such as ":o6" or the element's id. */
function isDisplayName(value: string, el: Element): boolean {
  if (!value || isEmail(value) || findEmail(value)) return false;
  if (S.GENERATED_ID.test(value)) return false;
  const id = attr(el, 'id');
  return !id || (value !== id && !id.startsWith(`${value}_`));
}

function candidates(root: Element | Document, me: Me): Person[] {
  const out: Person[] = [];
  for (const el of union(root, S.PARTICIPANT)) {
    if (within(el, S.NOT_PARTICIPANT) || within(el, S.HIDDEN)) continue;
    const { meWord, ...person } = personOf(el);
    // "to me", "an mich": Gmail's own word for the user names their address.
    if (meWord && person.email) me.emails.add(person.email);
    if (meWord || ME_WORDS.has((person.name ?? '').toLowerCase())) {
      if (person.name) me.names.add(person.name.toLowerCase());
      continue;
    }
    out.push(person);
  }
  return out;
}

function messagePeople(root: Element | Document, me: Me): Person[][] {
  const messages = union(root, S.MESSAGE).filter((m) => !within(m, S.HIDDEN));
  return messages.map((m) => candidates(m, me));
}

const ACCOUNT_LABEL = /:\s*([^()]*?)\s*\(\s*([^()\s]+@[^()\s]+)\s*\)/;

function signedInUser(doc: Document, title: string): Me {
  const me: Me = { emails: new Set(), names: new Set(ME_WORDS) };
  const label = attr(first(doc, S.ACCOUNT), 'aria-label');
  const parsed = ACCOUNT_LABEL.exec(label);
  if (parsed) {
    const name = clean(parsed[1]);
    if (name) me.names.add(name.toLowerCase());
    if (findEmail(parsed[2])) me.emails.add(findEmail(parsed[2]));
  } else if (findEmail(label)) {
    me.emails.add(findEmail(label));
  }
  const fromTitle = titleParts(title);
  if (fromTitle) me.emails.add(fromTitle.account);
  return me;
}

/** "Subject - max@gmail.com - Gmail" (Workspace: "… - max@firma.de - Firma GmbH Mail"). */
function titleParts(title: string): { subject: string; account: string } | null {
  const parts = title.split(' - ');
  for (let i = parts.length - 1; i > 0; i--) {
    const part = clean(parts[i]);
    if (isEmail(part))
      return { subject: clean(parts.slice(0, i).join(' - ')), account: part.toLowerCase() };
  }
  return null;
}

function subjectFromTitle(title: string): string {
  return titleParts(title)?.subject ?? '';
}

function threadIdOf(heading: Element | null | undefined): string {
  if (!heading) return '';
  const legacy = attr(heading, S.LEGACY_THREAD_ID_ATTR);
  if (legacy) return legacy;
  // "thread-f:<decimal>" is the same id as the legacy hex one, written in decimal.
  const perm = /^thread-f:(\d+)$/.exec(attr(heading, S.PERM_THREAD_ID_ATTR));
  return perm?.[1] ? BigInt(perm[1]).toString(16) : '';
}
