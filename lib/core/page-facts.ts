// Keeping a contact fresh from the page it is met on (issue 14, 2 and 3): a new position seen on the
// person's XING or LinkedIn profile, the facts the advice needs and an A or B record lacks
// ("Man kennt sich ja" records are the ones that go stale, seed 001), a person named on a page
// without any address who has the name of a contact, and the order the panel shows people in.

import { translate, type Locale } from '../i18n';
import type { Contact, Tier } from '../model';
import { foldText, nameKey } from './duplicates';

/** A page value compared with a stored one: folded (case, umlauts) and whitespace collapsed. */
export function factKey(text: unknown): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

function present(text: unknown): string | undefined {
  return typeof text === 'string' && text.trim() ? text.replace(/\s+/g, ' ').trim() : undefined;
}

/** What a profile says the person does now. */
export interface PagePosition {
  headline?: string;
  company?: string;
}

/** A position the profile shows that the record does not have. */
export interface PositionChange extends PagePosition {
  /**
   * It replaces a stored headline, position or company (a new job: worth a congratulation); false
   * when it only fills what was never stored.
   */
  replaces: boolean;
}

/**
 * The profile's position when it differs from what is stored, else null. A value the page does not
 * show is no change; the headline is the same when it equals the stored headline or position; a
 * value the user declined for this contact ("Nein, stimmt nicht") is not offered again. The result
 * holds every value the page shows (taking it over stores them together) and whether it replaces
 * something stored or only fills a gap.
 */
export function positionChange(
  contact: Pick<Contact, 'headline' | 'position' | 'company' | 'positionDeclined'>,
  page: PagePosition,
): PositionChange | null {
  const headline = present(page.headline);
  const company = present(page.company);
  const declined = contact.positionDeclined;
  const headlineNew =
    !!headline &&
    factKey(headline) !== factKey(contact.headline) &&
    factKey(headline) !== factKey(contact.position) &&
    factKey(headline) !== factKey(declined?.headline);
  const companyNew =
    !!company &&
    factKey(company) !== factKey(contact.company) &&
    factKey(company) !== factKey(declined?.company);
  if (!headlineNew && !companyNew) return null;
  const out: PositionChange = {
    replaces:
      (headlineNew && !!(present(contact.headline) || present(contact.position))) ||
      (companyNew && !!present(contact.company)),
  };
  if (headline) out.headline = headline;
  if (company) out.company = company;
  return out;
}

/** Whether a headline already names the company ("Geschäftsführerin, Köhler Events GmbH"). */
export function headlineNamesCompany(headline: unknown, company: unknown): boolean {
  const c = factKey(company);
  return c !== '' && factKey(headline).includes(c);
}

/**
 * A position in words: "Leiterin Controlling bei Muster AG"; the headline alone when it already names
 * the company, the company alone without a headline.
 */
export function positionText(L: Locale, p: PagePosition): string {
  const position = present(p.headline);
  const company = present(p.company);
  if (position && company && !headlineNamesCompany(position, company))
    return translate(L, 'position.at', { position, company });
  return position ?? company ?? '';
}

/**
 * The soft facts the advice needs (PRODUCT.md "Next personal touch": the channel, the birthday, the
 * talking points, the form of address), in the order the card asks for them.
 */
export const ADVICE_FACTS = ['birthday', 'preferredChannels', 'interests', 'address'] as const;
export type AdviceFact = (typeof ADVICE_FACTS)[number];

/** The advice facts an A or B contact lacks (none for C and for lost contacts: care by tier). */
export function missingFacts(
  contact: Pick<Contact, 'birthday' | 'preferredChannels' | 'interests' | 'address' | 'status'>,
  tier: Tier,
): AdviceFact[] {
  if (tier === 'C' || contact.status === 'lost') return [];
  return ADVICE_FACTS.filter((f) => {
    const v = contact[f];
    return Array.isArray(v) ? v.length === 0 : v === undefined || v === null;
  });
}

/**
 * What the user said about a name shown on a page without any address: true (this contact), false
 * (someone else), undefined (never asked). The latest answer for the same name counts.
 */
export function pageNameVerdict(
  contact: Pick<Contact, 'pageNames'>,
  name: unknown,
): boolean | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  let verdict: { same: boolean; at: string } | undefined;
  for (const p of contact.pageNames ?? [])
    if (nameKey(p.name) === key && (!verdict || p.at >= verdict.at)) verdict = p;
  return verdict?.same;
}

/** Whether a person on a page is named only: no address, no profile link. */
export function nameOnly(person: { name?: string; email?: string; profileUrl?: string }): boolean {
  return !!person.name?.trim() && !person.email && !person.profileUrl;
}

/** How well the panel knows a person on the page: a contact (0), maybe a contact (1), nobody (2). */
export type Acquaintance = 0 | 1 | 2;

/**
 * The people of a page in the order the panel shows them: known contacts first, then people with a
 * contact of the same name to confirm, then the others — each group in the order of the page.
 */
export function knownFirst<T>(people: readonly T[], acquaintance: (p: T) => Acquaintance): T[] {
  return people
    .map((p, i) => ({ p, i, a: acquaintance(p) }))
    .sort((x, y) => x.a - y.a || x.i - y.i)
    .map((x) => x.p);
}
