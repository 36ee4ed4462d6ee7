// The shared part of the profile readers (XING, LinkedIn): the strategies and their order. Each site
// supplies its selectors as data (./xing/selectors.ts, ./linkedin/selectors.ts).
import { canonicalProfileUrl } from '../model/profile-url';
import {
  all,
  attempt,
  documentTitle,
  attr,
  clean,
  findEmail,
  first,
  firstText,
  jsonLd,
  meta,
  text,
  union,
  type Selectors,
} from './dom';
import type { PageContext, Person } from './page-context';

export interface ProfileSelectors {
  /** The profile's own content (keeps the signed-in user's menu and suggestions out). */
  SCOPE: Selectors;
  /** Elements whose first text is the name, found by stable attributes. */
  NAME: Selectors;
  /** Elements whose aria-label is the profile's name (when the heading itself is gone). */
  NAME_LABEL: Selectors;
  /** The tagline under the name. */
  HEADLINE: Selectors;
  /** Elements whose aria-label names the current employer ("Current company: Acme GmbH. …"). */
  COMPANY_LABEL: Selectors;
  COMPANY_LABEL_PATTERN?: RegExp;
  /** Elements whose text is the current employer (possibly "Acme GmbH · Full-time"). */
  COMPANY: Selectors;
  /** Contact details shared with the user: mailto links (specific enough for the whole page). */
  EMAIL: Selectors;
  /** Visible headings, the last resort for the name. */
  HEADINGS: Selectors;
  /** "… | LinkedIn": the site's name at the end of the title, and section names that precede it. */
  TITLE_SITE: string;
  SECTION_WORDS: readonly string[];
  /** Words that are no employer (employment types) when a company line is split at " · ". */
  NOT_COMPANY: readonly string[];
  /**
   * Reading by structure, for layouts whose class names are hashed per build: the heading that shows
   * the name, the card around it (its first lines are headline and "employer · school"), and the
   * card's tiles (employer and school with their logos) that confirm the employer. Optional.
   */
  STRUCTURE?: {
    NAME_HEADING: Selectors;
    CARD: Selectors;
    TILE: Selectors;
    /** The elements that make one line of text (the text nodes of one of them are one line). */
    LINE: Selectors;
    /** Lines under the name that are no headline: degree badges ("· 2nd"), pronouns. */
    NOT_HEADLINE: RegExp;
  };
}

const JSON_LD = 'script[type="application/ld+json"]'; // seen 2026-11 (XING and LinkedIn public profiles)

export function readProfile(
  doc: Document,
  url: string,
  site: 'xing' | 'linkedin',
  S: ProfileSelectors,
): PageContext | null {
  const profileUrl = attempt(() => canonicalProfileUrl(url));
  if (!profileUrl) return null;
  const scope = attempt(() => first(doc, S.SCOPE)) ?? doc;
  const person: Person = {};
  const ld = attempt(() => personLd(doc));
  const name =
    attempt(() => firstText(first(scope, S.NAME))) ||
    attempt(() => attr(first(scope, S.NAME_LABEL), 'aria-label')) ||
    attempt(() => nameFromTitle(doc, S)) ||
    attempt(() => nameFromMeta(doc, ld)) ||
    attempt(() => firstText(first(scope, S.HEADINGS)));
  if (name) person.name = name;
  // The contact-info overlay is a dialog outside the main content: looked up in the whole page.
  const email = attempt(() => findEmail(attr(first(doc, S.EMAIL), 'href')));
  if (email) person.email = email;
  person.profileUrl = profileUrl;

  const context: PageContext = { site, kind: 'profile', people: [person] };
  // Read by structure only when the selectors find nothing (the walk is the dearest strategy).
  let card: { headline: string; company: string } | undefined;
  const byStructure = () =>
    (card ??= (name && attempt(() => cardUnderName(scope, name, S))) || {
      headline: '',
      company: '',
    });
  const headline =
    attempt(() => text(first(scope, S.HEADLINE))) ||
    byStructure().headline ||
    attempt(() => ldText(ld?.jobTitle));
  if (headline) context.headline = headline;
  const company =
    attempt(() => companyFromLabel(scope, S)) ||
    attempt(() => companyFromText(scope, S)) ||
    byStructure().company ||
    attempt(() => ldText(ld?.worksFor));
  if (company) context.company = company;
  return context;
}

function personLd(doc: Document): Record<string, unknown> | undefined {
  return jsonLd(doc, JSON_LD).find((item) => item['@type'] === 'Person');
}

/** A JSON-LD value as text: "x", ["x", …], { name: "x" } or [{ name: "x" }, …]. */
function ldText(value: unknown): string {
  const one = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof one === 'string') return clean(one);
  if (one && typeof one === 'object') return ldText((one as Record<string, unknown>).name);
  return '';
}

function nameFromTitle(doc: Document, S: ProfileSelectors): string {
  const title = documentTitle(doc).replace(/^\(\d+\+?\)\s*/, '');
  const parts = title.split(' | ').map(clean);
  if (parts.length < 2 || parts[parts.length - 1]?.toLowerCase() !== S.TITLE_SITE.toLowerCase()) {
    return '';
  }
  const sections = new Set(S.SECTION_WORDS.map((w) => w.toLowerCase()));
  const part = parts.slice(0, -1).find((p) => p && !sections.has(p.toLowerCase())) ?? '';
  // Public pages: "Anna Schmidt – Senior Consultant – Acme GmbH | LinkedIn".
  return clean(part.split(/ [-–—] /)[0]);
}

function nameFromMeta(doc: Document, ld: Record<string, unknown> | undefined): string {
  const ldName = ldText(ld?.name);
  if (ldName) return ldName;
  const given = meta(doc, ['profile:first_name']);
  const family = meta(doc, ['profile:last_name']);
  if (given || family) return clean(`${given} ${family}`);
  return clean(meta(doc, ['og:title']).split(/ [-–—|] /)[0]);
}

function companyFromLabel(scope: Element | Document, S: ProfileSelectors): string {
  const label = attr(first(scope, S.COMPANY_LABEL), 'aria-label');
  return clean(S.COMPANY_LABEL_PATTERN?.exec(label)?.[1]);
}

function companyFromText(scope: Element | Document, S: ProfileSelectors): string {
  // "Acme GmbH · Full-time": the employer comes first; a line that starts with an employment type
  // belongs to a grouped entry whose employer is elsewhere.
  const value = clean(text(first(scope, S.COMPANY)).split(' · ')[0]);
  const notCompany = new Set(S.NOT_COMPANY.map((w) => w.toLowerCase()));
  return notCompany.has(value.toLowerCase()) ? '' : value;
}

/** The most lines read under the name, and text nodes looked at for them (a card is small). */
const CARD_LINES = 8;
const CARD_NODES = 400;

/**
 * The profile's card read by structure: the heading that shows the name, the line right under it
 * (headline) and the next one ("Acme GmbH · TU Darmstadt"), whose first part is the employer when a
 * tile of the card (employer and school, each with its logo) confirms it.
 */
function cardUnderName(
  scope: Element | Document,
  name: string,
  S: ProfileSelectors,
): { headline: string; company: string } | undefined {
  const X = S.STRUCTURE;
  if (!X) return undefined;
  const wanted = name.toLowerCase();
  const heading = union(scope, X.NAME_HEADING).find((h) => text(h).toLowerCase() === wanted);
  const card = heading && attempt(() => heading.closest(X.CARD.join(',')));
  if (!heading || !card) return undefined;
  const lines = linesAfter(card, heading, X.LINE).filter(
    (line) =>
      line.toLowerCase() !== wanted && !X.NOT_HEADLINE.test(line) && /[\p{L}\p{N}]/u.test(line),
  );
  const headline = lines[0] ?? '';
  const tiles = new Set(all(card, X.TILE).map((tile) => text(tile).toLowerCase()));
  const employer = clean((lines[1] ?? '').split(' · ')[0]);
  const company = employer && tiles.has(employer.toLowerCase()) ? employer : '';
  return { headline, company };
}

/** The text lines that follow the heading inside the card, one per block element, in order. */
function linesAfter(card: Element, heading: Element, line: Selectors): string[] {
  const doc = card.ownerDocument;
  const walker = doc.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  const lines: string[] = [];
  let block: Element | null = null;
  let budget = CARD_NODES;
  while (walker.nextNode() && budget-- > 0 && lines.length <= CARD_LINES) {
    const node = walker.currentNode;
    const value = clean(node.nodeValue);
    if (!value || heading.contains(node)) continue;
    if (!(heading.compareDocumentPosition(node) & 4 /* FOLLOWING */)) continue;
    const owner = attempt(() => node.parentElement?.closest(line.join(','))) ?? null;
    if (owner && owner === block) lines[lines.length - 1] += ` ${value}`;
    else lines.push(value);
    block = owner;
  }
  return lines.map(clean);
}
