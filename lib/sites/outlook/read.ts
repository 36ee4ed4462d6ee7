// Outlook on the web message -> PageContext. Pure: (doc, url) in, data out; never throws.
// Selectors: ./selectors.ts
import {
  attempt,
  attr,
  count,
  documentTitle,
  clean,
  findEmail,
  first,
  splitAddress,
  text,
  union,
  within,
} from '../dom';
import { addressOnEveryMessage, emptyMe, participants, type Me } from '../people';
import type { PageContext, Person } from '../page-context';
import { outlookItemIdFromUrl } from '../urls';
import * as S from './selectors';

export function readOutlook(doc: Document, url: string): PageContext | null {
  const urlId = attempt(() => outlookItemIdFromUrl(url));
  if (!urlId) return null; // folders, calendar, people, settings: no message
  const title = documentTitle(doc);
  const pane = attempt(() => first(doc, S.READING_PANE)) ?? doc;
  const me = attempt(() => signedInUser(doc, title)) ?? emptyMe();
  const found = attempt(() => candidates(pane)) ?? [];
  count('people', found.length); // a diagnosis tells "nobody readable" from "only the user"
  if (me.emails.size === 0) {
    const messages = attempt(() => union(pane, S.MESSAGE).map((m) => candidates(m))) ?? [];
    const mine = attempt(() => addressOnEveryMessage(messages));
    if (mine) me.emails.add(mine);
  }
  const context: PageContext = {
    site: 'outlook',
    kind: 'thread',
    people: attempt(() => participants(found, me)) ?? [],
  };
  const subject = attempt(() => subjectOf(pane)) || attempt(() => titleParts(title).subject);
  if (subject) context.subject = subject;
  context.threadId = urlId;
  return context;
}

const strip = (value: string): string => clean(value.replace(S.LABEL_PREFIX, ''));

/** One element may name one person ("Anna<anna@…>") or a whole line ("To: A; B <b@…>"). */
function peopleOf(el: Element): Person[] {
  const label = strip(attr(el, 'aria-label'));
  const shownRaw = strip(text(el));
  const shown = shownRaw.length <= 400 ? shownRaw : '';
  const extraEmail = findEmail(attr(el, 'title')) || findEmail(label);
  const pieces = (shown || label)
    .split(S.PEOPLE_SEPARATOR)
    .map(splitAddress)
    .filter((p) => p.name !== undefined || p.email !== undefined);
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (only && !only.email && extraEmail) only.email = extraEmail;
  if (pieces.length === 0 && extraEmail) pieces.push({ email: extraEmail });
  return pieces;
}

function candidates(root: Element | Document): Person[] {
  const out: Person[] = [];
  for (const el of union(root, [...S.PARTICIPANT, ...S.RECIPIENTS])) {
    if (within(el, S.NOT_PARTICIPANT)) continue;
    out.push(...peopleOf(el));
  }
  return out;
}

function signedInUser(doc: Document, title: string): Me {
  const me = emptyMe();
  const email = findEmail(text(first(doc, S.ME_EMAIL)));
  if (email) me.emails.add(email);
  const names = [
    text(first(doc, S.ME_NAME)),
    S.ME_BUTTON_LABEL.exec(attr(first(doc, S.ME_BUTTON), 'aria-label'))?.[1] ?? '',
    titleParts(title).account,
  ];
  for (const name of names) if (clean(name)) me.names.add(clean(name).toLowerCase());
  return me;
}

// The app's own view names, no subject: seen 2026-11 (hand-written fixtures); "メール" seen 2026-03,
// Outlook on the web, Japanese UI, message list with an empty reading pane (real capture).
const TITLE_VIEWS = new Set(['mail', 'e-mail', 'inbox', 'posteingang', 'outlook', 'メール']);

/** "Mail - Max Muster - Outlook"; a message opened on its own page may put its subject first. */
function titleParts(title: string): { subject: string; account: string } {
  const parts = title.split(/ [-–—] /).map(clean);
  if (parts.length < 3 || parts[parts.length - 1]?.toLowerCase() !== 'outlook') {
    return { subject: '', account: '' };
  }
  const account = parts[parts.length - 2] ?? '';
  const head = parts.slice(0, -2).join(' - ');
  return { subject: TITLE_VIEWS.has(head.toLowerCase()) ? '' : head, account };
}

function subjectOf(pane: Element | Document): string {
  const heading = first(pane, S.SUBJECT);
  if (!heading) return '';
  // The subject span carries the full subject in `title`; the heading may also hold buttons.
  const titled = heading.hasAttribute('title') ? heading : first(heading, S.SUBJECT_TITLED);
  return attr(titled, 'title') || text(first(heading, S.SUBJECT_TEXT)) || text(heading);
}
