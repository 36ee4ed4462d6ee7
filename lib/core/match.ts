// Which contacts an occasion fits (issue "Something to bring to every touch", 2), and why: the
// occasion's keywords (and title) against what the user knows of each contact — open concerns,
// interests, what they bought, their position and company — German-aware and explainable. A fit is
// a list of the contact's own words that matched, never a hidden score: the user decides.
//
// Words are compared after folding (lower case, ä = ae, ß = ss: `foldText`) and stemming with the
// German Snowball stemmer (Porter's algorithm as maintained in @nlpjs/lang-de, rather than
// hand-made suffix rules). Two stems match
// - when they are equal ("Veranstaltungen" ~ "Veranstaltung"),
// - when one begins the other ("digital" ~ "Digitalisierung", "Förderung" ~ "Fördermittel"),
// - when one ends the other, a compound's head ("Umzug" ~ "Praxisumzug"),
// - or, more weakly, when two compounds share their first part ("Fördermittel" ~ "Förderprogramm").

import StemmerDe from '@nlpjs/lang-de/src/stemmer-de.js';
import type { Concern, Contact, Occasion, Purchase, Tier } from '../model';
import type { CoreContext } from './context';
import { type DayNumber } from './days';
import { foldText } from './duplicates';
import { contactInterval } from './plan';
import { createdDay } from './records';

/** Where a fit was found, in the order the explanation lists them. */
export const FIT_SOURCES = ['concern', 'interest', 'purchase', 'position', 'company'] as const;
export type FitSource = (typeof FIT_SOURCES)[number];

/** How much a fit in each place says about the person: what moves them now says most. */
const SOURCE_WEIGHT: Readonly<Record<FitSource, number>> = Object.freeze({
  concern: 3,
  interest: 2.5,
  purchase: 1.5,
  position: 1.5,
  company: 1,
});

/** How the tier weighs in the ranking (A is cared for first, never alone). */
const TIER_WEIGHT: Readonly<Record<Tier, number>> = Object.freeze({ A: 1.5, B: 1.2, C: 1 });

/** A contact fits when the weighted fits add up to at least this (one interest does). */
export const FIT_THRESHOLD = 1;

/** Match strengths. */
const SAME = 1;
const BEGINS = 0.8;
const HEAD = 0.7;
const SHARED_PART = 0.5;
/** Stems shorter than this only match when equal ("KI", "ERP"). */
const MIN_PART = 4;

// Words that carry no topic, folded (German and English). Not a full stop-word list: a keyword the
// user typed is meant, so only the glue of a title is dropped.
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber fur mit von vom zu zum zur ' +
    'im in am an auf aus bei bis nach uber unter vor ab als auch wie was wer wo ist sind war sein ' +
    'ihr ihre sie er es wir ich du man mein dein unser euer noch nur schon sehr mehr neu neue neuer ' +
    'neues jetzt heute so da dass nicht kein keine the a an and or of for to in on at by with from ' +
    'is are be new your our'
  )
    .split(' ')
    .map(foldText),
);

/** One word as compared: the stem, and the word as the user wrote it (for the explanation). */
interface Term {
  stem: string;
  word: string;
}

/**
 * An occasion's word. When the occasion has keywords, a word only of its title is not compared with
 * what the contact bought: a title also says how the occasion comes ("Kompaktworkshop"), and a
 * purchase that only shares the format ("Workshop Prozesslandkarte") is no reason to call.
 */
interface OccasionTerm extends Term {
  titleOnly: boolean;
}

/** The strength with which two stems match (0: not at all). */
export function stemMatch(a: string, b: string): number {
  if (a === b) return SAME;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_PART) return 0;
  if (long.startsWith(short)) return BEGINS;
  if (long.length >= short.length + 3 && long.endsWith(short)) return HEAD;
  let common = 0;
  while (common < short.length && short.charCodeAt(common) === long.charCodeAt(common)) common++;
  return common >= 5 && common * 2 >= short.length && short.length >= 8 ? SHARED_PART : 0;
}

/**
 * The words of one computation: a stemmer and what it already stemmed. Built per matching, never
 * kept in a module (the core keeps no state of its own).
 */
export class WordStems {
  private readonly stemmer = new StemmerDe();
  private readonly stems = new Map<string, string>();

  /** The stems of a text's words, without glue words. */
  terms(text: unknown): Term[] {
    if (typeof text !== 'string' || !text) return [];
    const out: Term[] = [];
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = m[0];
      const folded = foldText(word);
      if (folded.length < 2 || STOP_WORDS.has(folded)) continue;
      out.push({ stem: this.stem(folded), word });
    }
    return out;
  }

  stem(folded: string): string {
    let s = this.stems.get(folded);
    if (s === undefined) {
      s = folded.length > 3 ? this.stemmer.stemWord(folded) : folded;
      this.stems.set(folded, s);
    }
    return s;
  }
}

/** An occasion ready to be matched: its terms, and the best match each contact word has found. */
export class OccasionTerms {
  readonly occasion: Occasion;
  readonly terms: OccasionTerm[];
  private readonly words: WordStems;
  /** Contact word as written → best strength and the keyword it matched (memo of one computation). */
  private readonly best = new Map<string, { strength: number; keyword: string }>();

  constructor(occasion: Occasion, words: WordStems = new WordStems()) {
    this.occasion = occasion;
    this.words = words;
    const keywords = Array.isArray(occasion.keywords) ? occasion.keywords : [];
    // The keywords first (a word in both is a keyword); without keywords the title and the text
    // say what it is about.
    const texts: [unknown, boolean][] = keywords.length
      ? [...keywords.map((k): [unknown, boolean] => [k, false]), [occasion.title, true]]
      : [
          [occasion.title, false],
          [occasion.text, false],
        ];
    const seen = new Set<string>();
    this.terms = [];
    for (const [text, titleOnly] of texts)
      for (const t of words.terms(text))
        if (!seen.has(t.stem)) {
          seen.add(t.stem);
          this.terms.push({ ...t, titleOnly });
        }
  }

  /** Whole texts already looked at (interests, positions, products repeat across contacts); the
   * second map for texts compared with the keywords only (what was bought). */
  private readonly texts = new Map<string, { strength: number; keyword: string } | null>();
  private readonly keywordTexts = new Map<string, { strength: number; keyword: string } | null>();
  private readonly bestOfKeywords = new Map<string, { strength: number; keyword: string }>();

  /**
   * How well a text fits: the strongest of its words, with the keyword it matched. `bought`: the
   * text describes a purchase (compared with the keywords only, where there are keywords).
   */
  fit(text: unknown, bought = false): { strength: number; keyword: string } | null {
    if (typeof text !== 'string' || !text || !this.terms.length) return null;
    const memo = bought ? this.keywordTexts : this.texts;
    let found = memo.get(text);
    if (found !== undefined) return found;
    found = null;
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const b = this.wordFit(m[0], bought);
      if (b.strength > 0 && (!found || b.strength > found.strength)) found = b;
    }
    memo.set(text, found);
    return found;
  }

  /** The best match of one word as written (its folded form and stem looked up once). */
  private wordFit(word: string, bought: boolean): { strength: number; keyword: string } {
    const memo = bought ? this.bestOfKeywords : this.best;
    let b = memo.get(word);
    if (b) return b;
    const folded = foldText(word);
    b = { strength: 0, keyword: '' };
    if (folded.length >= 2 && !STOP_WORDS.has(folded)) {
      const stem = this.words.stem(folded);
      for (const t of this.terms) {
        if (bought && t.titleOnly) continue;
        const s = stemMatch(stem, t.stem);
        if (s > b.strength) b = { strength: s, keyword: t.word };
      }
    }
    memo.set(word, b);
    return b;
  }
}

/** One of the contact's own words that fits the occasion. */
export interface Fit {
  source: FitSource;
  /** The contact's text as stored ("ERP-Auswahl bis Q3"). */
  text: string;
  /** A concern: the day it was noted; a purchase: its day. */
  day?: DayNumber;
  /** The occasion's word it matched. */
  keyword: string;
  strength: number;
}

/** What matching reads of a contact. */
export interface MatchSubject {
  contact: Contact;
  purchases: readonly Purchase[];
  tier: Tier;
  /** Day (YYYY-MM-DD) of our latest personal touch, if any. */
  lastTouchDay?: string;
}

export interface OccasionMatch {
  contactId: string;
  name: string;
  tier: Tier;
  /** The weighted fits alone (what the threshold reads). */
  relevance: number;
  /** Relevance weighted by tier and by how overdue the relationship is: the ranking. */
  score: number;
  fits: Fit[];
  /** Days past the contact interval (0 when not overdue). */
  overdueDays: number;
  /** Already attached to this contact's next touch. */
  planned: boolean;
}

/** The open concerns of a contact (well-formed ones only), in the order noted. */
export function openConcerns(contact: Contact, todayIso: string): Concern[] {
  const list: unknown = contact?.concerns;
  if (!Array.isArray(list)) return [];
  return (list as Concern[]).filter(
    (c) =>
      !!c &&
      typeof c.text === 'string' &&
      c.text.trim() !== '' &&
      typeof c.notedAt === 'string' &&
      concernIsOpen(c, todayIso),
  );
}

/** The ids of the occasions attached to a contact (junk left out). */
export function plannedIds(contact: Contact): string[] {
  const list: unknown = contact?.plannedOccasions;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const p of list as unknown[])
    if (p && typeof (p as { occasionId?: unknown }).occasionId === 'string')
      out.push((p as { occasionId: string }).occasionId);
  return out;
}

/** Is a concern open today: not closed, and its end (if any) not passed? */
export function concernIsOpen(
  c: { closedAt?: string; until?: string } | undefined,
  todayIso: string,
): boolean {
  return !!c && !c.closedAt && !(c.until && c.until < todayIso);
}

/** The fits of one contact, strongest sources first (each text once). */
export function fitsOf(
  terms: OccasionTerms,
  contact: Contact,
  purchases: readonly Purchase[],
  ctx: CoreContext,
): Fit[] {
  const out: Fit[] = [];
  const seen = new Set<string>();
  const add = (source: FitSource, text: unknown, day?: DayNumber) => {
    if (typeof text !== 'string') return;
    const key = `${source}\u0000${text}`;
    if (seen.has(key)) return;
    const f = terms.fit(text, source === 'purchase');
    if (!f) return;
    seen.add(key);
    const fit: Fit = { source, text: text.trim(), keyword: f.keyword, strength: f.strength };
    if (day !== undefined && day === day) fit.day = day;
    out.push(fit);
  };
  for (const c of openConcerns(contact, ctx.todayIso))
    add('concern', c.text, ctx.zone.dayOfDate(c.notedAt));
  if (Array.isArray(contact.interests)) for (const i of contact.interests) add('interest', i);
  // A description that fits, with the day it was last bought.
  let latest: Map<string, number> | undefined;
  for (const p of purchases) {
    const d = p.description;
    if (typeof d !== 'string' || !terms.fit(d, true)) continue;
    const t = ctx.zone.parse(p.at);
    if (!(t <= ctx.nowMs)) continue;
    latest ??= new Map();
    if (!(t <= (latest.get(d) ?? -Infinity))) latest.set(d, t);
  }
  if (latest) for (const [d, t] of latest) add('purchase', d, ctx.zone.dayOf(t));
  add('position', contact.position);
  if (contact.headline !== contact.position) add('position', contact.headline);
  add('company', contact.company);
  return out;
}

/** The weighted sum of fits: a source counts with its two strongest fits. */
export function relevanceOf(fits: readonly Fit[]): number {
  let sum = 0;
  const used = new Map<FitSource, number>();
  const sorted = [...fits].sort((a, b) => b.strength - a.strength);
  for (const f of sorted) {
    const n = used.get(f.source) ?? 0;
    if (n >= 2) continue;
    used.set(f.source, n + 1);
    sum += SOURCE_WEIGHT[f.source] * f.strength;
  }
  return sum;
}

/** Is the occasion current on this day (within its validity)? */
export function occasionIsCurrent(o: Occasion, todayIso: string): boolean {
  return !(o.validFrom && o.validFrom > todayIso) && !(o.validUntil && o.validUntil < todayIso);
}

/** Days the contact is past its contact interval (0 when not). */
function overdueDays(s: MatchSubject, ctx: CoreContext): number {
  const last = s.lastTouchDay ? ctx.zone.dayOfDate(s.lastTouchDay) : NaN;
  const since = last === last ? last : createdDay(s.contact, ctx);
  return Math.max(0, ctx.today - (since + contactInterval(s.contact, s.tier, ctx.s)));
}

function scoreOf(relevance: number, tier: Tier, overdue: number, interval: number): number {
  return relevance * TIER_WEIGHT[tier] * (1 + 0.5 * Math.min(1, overdue / Math.max(1, interval)));
}

/**
 * The contacts an occasion fits, best first: lost contacts and those it was already brought to
 * (`brought`) are left out; those it is already attached to are marked `planned`.
 */
export function matchOccasion(
  occasion: Occasion,
  subjects: readonly MatchSubject[],
  ctx: CoreContext,
  brought: ReadonlySet<string> = new Set(),
): OccasionMatch[] {
  const terms = new OccasionTerms(occasion);
  const out: OccasionMatch[] = [];
  if (!terms.terms.length || !ctx.valid) return out;
  for (const s of subjects) {
    const c = s.contact;
    if (!c || c.status === 'lost' || brought.has(c.id)) continue;
    const fits = fitsOf(terms, c, s.purchases ?? [], ctx);
    if (!fits.length) continue;
    const relevance = relevanceOf(fits);
    if (relevance < FIT_THRESHOLD) continue;
    const overdue = overdueDays(s, ctx);
    out.push({
      contactId: c.id,
      name: c.name,
      tier: s.tier,
      relevance,
      score: scoreOf(relevance, s.tier, overdue, contactInterval(c, s.tier, ctx.s)),
      fits: fits.sort(
        (a, b) =>
          FIT_SOURCES.indexOf(a.source) - FIT_SOURCES.indexOf(b.source) || b.strength - a.strength,
      ),
      overdueDays: overdue,
      planned: plannedIds(c).includes(occasion.id),
    });
  }
  out.sort(
    (a, b) =>
      b.score - a.score || a.name.localeCompare(b.name) || (a.contactId < b.contactId ? -1 : 1),
  );
  return out;
}
