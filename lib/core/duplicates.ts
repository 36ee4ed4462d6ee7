// Likely duplicates (PRODUCT.md "Duplicates", point 2: clean customer data, no duplicates): the same
// e-mail (case-insensitive), the same canonical XING/LinkedIn profile URL, or a very similar name at
// the same company. Import and "add from page" ask `findDraftDuplicates` first, so no duplicate is
// ever created silently; the duplicate finder lists `findDuplicates`.

import { canonicalProfileUrl, type Contact } from '../model';

export type DuplicateReason = 'email' | 'profile-url' | 'name-company';

const REASON_ORDER: Record<DuplicateReason, number> = {
  email: 0,
  'profile-url': 1,
  'name-company': 2,
};

// ---------------------------------------------------------------------------------------------------
// Folding names so that spellings of one person compare equal.

/**
 * Lower case, umlauts and their transliterations made equal (ä = ae = a, ö = oe = o, ü = ue = u,
 * ß = ss), accents dropped (é = e). This is a comparison key, never shown: "Michael" becomes
 * "michal", which is harmless because both sides are folded alike and a name match also needs the
 * same company.
 */
export function foldText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

// Academic titles, salutations and name suffixes that say nothing about who the person is.
const NAME_NOISE: ReadonlySet<string> = new Set([
  'dr',
  'prof',
  'professor',
  'med',
  'dent',
  'rer',
  'nat',
  'pol',
  'oec',
  'phil',
  'jur',
  'hc',
  'habil',
  'dipl',
  'ing',
  'kfm',
  'kffr',
  'mag',
  'mba',
  'msc',
  'bsc',
  'llm',
  'phd',
  'herr',
  'hr',
  'frau',
  'fr',
  'mr',
  'mrs',
  'ms',
  'jr',
  'sr',
]);

/** Name tokens without titles, "Müller, Jürgen" read as "Jürgen Müller". */
export function nameTokens(name: unknown): string[] {
  if (typeof name !== 'string') return [];
  const tokens = (s: string) =>
    foldText(s)
      .split(/[^a-z0-9]+/)
      .filter((t) => t !== '' && !NAME_NOISE.has(t));
  const comma = name.indexOf(',');
  if (comma < 0) return tokens(name);
  const before = tokens(name.slice(0, comma));
  const after = tokens(name.slice(comma + 1));
  // "Jürgen Müller, MBA" has only noise after the comma; "Müller, Jürgen" has the first name there.
  return after.length ? [...after, ...before] : before;
}

/** True when `a` and `b` differ by at most one insertion, deletion, substitution or transposition. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function similarToken(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a); // an initial: "H. Müller"
  if (b.length === 1) return a.startsWith(b);
  return a.length >= 5 && b.length >= 5 && withinOneEdit(a, b);
}

/** A name's tokens with the two spellings `similarNames` compares whole, made once per person. */
export interface NameSpelling {
  tokens: string[];
  /** The tokens joined: "Hans-Peter" = "Hanspeter". */
  joined: string;
  /** The tokens sorted: the same names in another order. */
  sorted: string;
}

export function nameSpelling(tokens: string[]): NameSpelling {
  if (tokens.length === 2) {
    const [a, b] = tokens as [string, string];
    return { tokens, joined: a + b, sorted: a <= b ? `${a} ${b}` : `${b} ${a}` };
  }
  return { tokens, joined: tokens.join(''), sorted: [...tokens].sort().join(' ') };
}

/**
 * One key per name as the duplicate rules read it: folded, titles dropped, "Müller, Jürgen" turned
 * round, the tokens in a fixed order. Two names with the same key are the same name ('' for none).
 */
export function nameKey(name: unknown): string {
  return nameSpelling(nameTokens(name)).sorted;
}

/** `list.slice(from, list.length - dropEnd).includes(x)` without the copy. */
function hasToken(list: string[], x: string, from: number, dropEnd: number): boolean {
  for (let k = from; k < list.length - dropEnd; k++) if (list[k] === x) return true;
  return false;
}

/**
 * Very similar names: after folding and dropping titles, the first names agree (equal, an initial,
 * one typo in a long name, or one is the other's middle name) and the last names agree (equal, one
 * typo in a long name, or one part of a double name); or the same tokens in another order.
 */
export function similarNames(a: string[], b: string[]): boolean {
  return similarSpellings(nameSpelling(a), nameSpelling(b));
}

/** `similarNames` for spellings made once per person (an import compares each name many times). */
export function similarSpellings(a: NameSpelling, b: NameSpelling): boolean {
  const at = a.tokens;
  const bt = b.tokens;
  if (at.length === 0 || bt.length === 0) return false;
  if (a.joined === b.joined) return true;
  if (at.length === 1 || bt.length === 1) return false;
  if (at.length === bt.length && a.sorted === b.sorted) return true;
  const af = at[0] as string;
  const bf = bt[0] as string;
  const al = at[at.length - 1] as string;
  const bl = bt[bt.length - 1] as string;
  if (af.length === 1 && bf.length === 1) return false; // two initials say too little
  if (al.length <= 1 || bl.length <= 1) return false;
  const lastOk = similarToken(al, bl) || hasToken(at, bl, 1, 0) || hasToken(bt, al, 1, 0);
  return lastOk && (similarToken(af, bf) || hasToken(at, bf, 1, 1) || hasToken(bt, af, 1, 1));
}

// Legal forms that differ between the spellings of one company ("Müller GmbH", "Müller GmbH & Co. KG").
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'co',
  'ohg',
  'gbr',
  'ug',
  'ek',
  'e',
  'k',
  'eg',
  'ev',
  'v',
  'se',
  'haftungsbeschrankt',
  'ltd',
  'llc',
  'inc',
  'corp',
  'plc',
  'sa',
  'sarl',
  'bv',
  'nv',
  'gesmbh',
]);

/** Company key for duplicates: folded, punctuation and legal forms dropped; '' when blank. */
export function companyMatchKey(company: unknown): string {
  const words = foldText(company)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const core = words.filter((w) => !LEGAL_FORMS.has(w));
  return (core.length ? core : words).join(' ');
}

function emailKey(email: unknown): string {
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** Canonical XING/LinkedIn URL, lower-cased; null for other URLs (a shared website is no match). */
function profileKey(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const c = canonicalProfileUrl(url);
  return c ? c.toLowerCase() : null;
}

// ---------------------------------------------------------------------------------------------------

/** What a draft from an import or a page knows about a person. */
export interface PersonDraft {
  name: string;
  emails?: string[];
  profileUrls?: string[];
  company?: string;
}

export interface DuplicateMatch {
  contactId: string;
  reasons: DuplicateReason[];
}

export interface DuplicatePair {
  /** The smaller id of the two. */
  a: string;
  b: string;
  reasons: DuplicateReason[];
}

interface Keys {
  id: string;
  emails: string[];
  profiles: string[];
  company: string;
  name: NameSpelling;
}

function keysOf(c: {
  id?: unknown;
  name?: unknown;
  emails?: unknown;
  profileUrls?: unknown;
  company?: unknown;
}): Keys {
  const emails = (Array.isArray(c.emails) ? c.emails : []).map(emailKey).filter(Boolean);
  const profiles = (Array.isArray(c.profileUrls) ? c.profileUrls : [])
    .map(profileKey)
    .filter((k): k is string => !!k);
  return {
    id: typeof c.id === 'string' ? c.id : String(c.id ?? ''),
    emails: [...new Set(emails)],
    profiles: [...new Set(profiles)],
    company: companyMatchKey(c.company),
    name: nameSpelling(nameTokens(c.name)),
  };
}

function sortReasons(r: Set<DuplicateReason>): DuplicateReason[] {
  return [...r].sort((x, y) => REASON_ORDER[x] - REASON_ORDER[y]);
}

/**
 * Existing contacts that a draft would duplicate, strongest evidence first (e-mail, profile URL,
 * name at the same company), then by id.
 */
export function findDraftDuplicates(draft: PersonDraft, contacts: Contact[]): DuplicateMatch[] {
  const d = keysOf({ ...draft, id: '' });
  const out: { id: string; reasons: Set<DuplicateReason> }[] = [];
  for (const c of Array.isArray(contacts) ? contacts : []) {
    if (!c) continue;
    const k = keysOf(c);
    const reasons = new Set<DuplicateReason>();
    if (k.emails.some((e) => d.emails.includes(e))) reasons.add('email');
    if (k.profiles.some((p) => d.profiles.includes(p))) reasons.add('profile-url');
    if (d.company !== '' && k.company === d.company && similarSpellings(d.name, k.name))
      reasons.add('name-company');
    if (reasons.size) out.push({ id: k.id, reasons });
  }
  return out
    .map((m) => ({ contactId: m.id, reasons: sortReasons(m.reasons) }))
    .sort(
      (x, y) =>
        REASON_ORDER[x.reasons[0] as DuplicateReason] -
          REASON_ORDER[y.reasons[0] as DuplicateReason] ||
        y.reasons.length - x.reasons.length ||
        (x.contactId < y.contactId ? -1 : x.contactId > y.contactId ? 1 : 0),
    );
}

/**
 * Every pair of likely duplicates among the contacts. Indexed by e-mail, profile URL and company, so
 * 10,000 contacts need no 50 million comparisons: names are compared only within one company.
 */
export function findDuplicates(contacts: Contact[]): DuplicatePair[] {
  const keys = (Array.isArray(contacts) ? contacts : []).filter(Boolean).map(keysOf);
  const pairs = new Map<string, { a: string; b: string; reasons: Set<DuplicateReason> }>();
  const add = (x: string, y: string, reason: DuplicateReason) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let p = pairs.get(key);
    if (!p) {
      p = { a, b, reasons: new Set() };
      pairs.set(key, p);
    }
    p.reasons.add(reason);
  };
  const index = (get: (k: Keys) => string[], reason: DuplicateReason) => {
    const by = new Map<string, string[]>();
    for (const k of keys)
      for (const v of get(k)) {
        const ids = by.get(v);
        if (ids) {
          for (const other of ids) add(other, k.id, reason);
          ids.push(k.id);
        } else by.set(v, [k.id]);
      }
  };
  index((k) => k.emails, 'email');
  index((k) => k.profiles, 'profile-url');
  const byCompany = new Map<string, Keys[]>();
  for (const k of keys) {
    if (k.company === '') continue;
    const list = byCompany.get(k.company);
    if (list) list.push(k);
    else byCompany.set(k.company, [k]);
  }
  for (const list of byCompany.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i] as Keys;
        const y = list[j] as Keys;
        if (similarSpellings(x.name, y.name)) add(x.id, y.id, 'name-company');
      }
  return [...pairs.values()]
    .map((p) => ({ a: p.a, b: p.b, reasons: sortReasons(p.reasons) }))
    .sort(
      (x, y) =>
        REASON_ORDER[x.reasons[0] as DuplicateReason] -
          REASON_ORDER[y.reasons[0] as DuplicateReason] ||
        (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) ||
        (x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
    );
}

/** Pairs joined into groups of contacts that are all one person (each group's ids sorted). */
export function duplicateGroups(pairs: DuplicatePair[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    for (const id of [p.a, p.b]) if (!parent.has(id)) parent.set(id, id);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  return [...groups.values()]
    .map((g) => g.sort())
    .sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1));
}
