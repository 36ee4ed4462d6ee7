// Planning an import (issue 7), pure: drafts from a file are planned against the stored contacts
// (drafts + existing contacts → plan), the user decides on look-alikes, and the decisions give the
// outcome that lib/db/import.ts writes in ONE transaction. PRODUCT.md "Duplicates": the same e-mail
// or the same canonical profile URL merges (the incoming entry only adds what is missing, it never
// overwrites what the user wrote); a very similar name at the same company is the user's decision,
// row by row; nothing becomes a silent duplicate.
import {
  companyMatchKey,
  nameSpelling,
  nameTokens,
  similarSpellings,
  type DuplicateReason,
  type NameSpelling,
} from '../core';
import { regexes } from 'zod';
import {
  ContactSchema,
  canonicalProfileUrl,
  compact,
  daysInMonth,
  isIsoDate,
  newId,
  normalizeProfileUrl,
  type Contact,
  type ContactDraft,
  type DayOfYear,
  type Status,
} from '../model';
import { issuesOf, type FieldIssue } from '../model';

/** A draft that will become a new contact. */
export interface NewRow {
  kind: 'new';
  index: number;
  draft: ContactDraft;
  /** The id it gets (planned now so that later rows of the same file can point to it). */
  id: string;
}

/** A draft that is certainly a known person (same e-mail or profile URL): it merges. */
export interface MergeRow {
  kind: 'merge';
  index: number;
  draft: ContactDraft;
  targetId: string;
  reasons: DuplicateReason[];
  /** The target is an earlier row of the same file, not a stored contact. */
  inFile: boolean;
}

export interface SimilarCandidate {
  contactId: string;
  reasons: DuplicateReason[];
  inFile: boolean;
}

/** A draft whose name is very similar to someone at the same company: the user decides. */
export interface SimilarRow {
  kind: 'similar';
  index: number;
  draft: ContactDraft;
  /** The id it gets when the user adds it as new. */
  id: string;
  candidates: SimilarCandidate[];
}

/** A draft the model refuses (should not happen with drafts from lib/io; kept, never thrown). */
export interface InvalidRow {
  kind: 'invalid';
  index: number;
  draft: ContactDraft;
  issues: FieldIssue[];
}

export type PlanRow = NewRow | MergeRow | SimilarRow | InvalidRow;

export interface ImportPlan {
  /** The instant of the import: createdAt/updatedAt of everything it writes, the batch's `at`. */
  stamp: string;
  status: Status;
  rows: PlanRow[];
  /** New contacts as they would be written (before merges of later rows of the file). */
  fresh: Map<string, Contact>;
  /** The stored contacts the plan refers to, as they were read. */
  existing: Map<string, Contact>;
  /** Per row (draft index) whose "Empfohlen von" names one person: that person's id. */
  referrals: Map<number, string>;
  /** Rows whose "Empfohlen von" names nobody or several: imported without it. */
  referralNotes: ReferralNote[];
}

/** An "Empfohlen von" the import could not link: the row is imported without it. */
export interface ReferralNote {
  /** The draft index. */
  index: number;
  /** The text as the file has it. */
  text: string;
  problem: 'not-found' | 'ambiguous' | 'self';
}

export interface PlanOptions {
  /** Status of contacts the import adds (default `active`). */
  status?: Status;
  /** Id factory (tests pass a counter). */
  newId?: () => string;
}

const emailKey = (e: string) => e.trim().toLowerCase();

// Parsing a URL is the dearest step per value; one import asks about each URL up to three times.
const profileKeys = new Map<string, string | null>();

/** Canonical XING/LinkedIn profile, lower-case; null for websites (a shared site is no match). */
function profileKey(url: string): string | null {
  let k = profileKeys.get(url);
  if (k === undefined) {
    const c = canonicalProfileUrl(url);
    k = c ? c.toLowerCase() : null;
    if (profileKeys.size > 50_000) profileKeys.clear();
    profileKeys.set(url, k);
  }
  return k;
}

/** Phone numbers compare by their digits, "0049" read as "+49" (as lib/core's merge does). */
function phoneKey(p: string): string {
  const s = p.trim().replace(/^00/, '+');
  return (s.startsWith('+') ? '+' : '') + s.replace(/\D/g, '');
}

const urlKey = (u: string) => profileKey(u) ?? u.trim().toLowerCase();

/** The token and, for tokens of five letters or more, each one-letter deletion: two words within
 * one edit (lib/core `withinOneEdit`) always share one of these. */
function variants(t: string): string[] {
  const out = [t];
  if (t.length >= 5) for (let i = 0; i < t.length; i++) out.push(t.slice(0, i) + t.slice(i + 1));
  return out;
}

/** What the name rule compares, computed once per person: the folded company and the name's
 * spellings (lib/core `nameSpelling`). */
interface NameKey extends NameSpelling {
  company: string;
}

interface Indexed {
  id: string;
  key: NameKey;
  inFile: boolean;
  /** The query that saw this person last (each person is compared once per query). */
  seen: number;
}

function push<K>(map: Map<K, Indexed[]>, k: K, e: Indexed) {
  const list = map.get(k);
  if (list) list.push(e);
  else map.set(k, [e]);
}

/**
 * The people at one company, filed so that every pair that lib/core's `similarNames` accepts
 * shares an entry, and few other pairs do. That rule needs the last names to agree: the two last
 * names equal or within one edit (`byLast`, reached through `lastNames`), or one's last name among
 * the other's middle names (`byMiddle` / `byLast`); or the same names in another order (`sorted`),
 * or the same letters joined (`joined`: "Hans-Peter" = "Hanspeter"). Only people at one company
 * are compared, so the maps are keyed by the words alone.
 */
class CompanyPeople {
  readonly joined = new Map<string, Indexed[]>();
  readonly sorted = new Map<string, Indexed[]>();
  readonly byLast = new Map<string, Indexed[]>();
  readonly byMiddle = new Map<string, Indexed[]>();
  /** Per one-letter deletion (or the word itself): the last names filed under it. Two levels, so
   * that a draft visits each person with a matching last name once, not once per shared
   * variant. */
  readonly lastNames = new Map<string, Set<string>>();
}

/** Who is who: e-mails, profiles and names at a company, of stored contacts and of earlier rows. */
class PeopleIndex {
  readonly byEmail = new Map<string, string>();
  readonly byProfile = new Map<string, string>();
  private readonly companies = new Map<string, CompanyPeople>();
  // Per import: the same company, name or last name comes up again and again.
  private readonly companyKeys = new Map<string, string>();
  private readonly nameKeys = new Map<string, Omit<NameKey, 'company'>>();
  private readonly lastVariants = new Map<string, string[]>();
  private query = 0;

  /** What the name rule compares of a person (`nameTokens`, `companyMatchKey` of lib/core). */
  keyOf(c: { name: string; company?: string | undefined }): NameKey {
    const raw = c.company ?? '';
    let company = this.companyKeys.get(raw);
    if (company === undefined) {
      company = companyMatchKey(c.company);
      this.companyKeys.set(raw, company);
    }
    let name = this.nameKeys.get(c.name);
    if (name === undefined) {
      name = nameSpelling(nameTokens(c.name));
      this.nameKeys.set(c.name, name);
    }
    return { company, ...name };
  }

  private variantsOf(last: string): string[] {
    let v = this.lastVariants.get(last);
    if (v === undefined) {
      v = variants(last);
      this.lastVariants.set(last, v);
    }
    return v;
  }

  add(
    id: string,
    c: Pick<Contact, 'name' | 'emails' | 'profileUrls' | 'company'>,
    inFile: boolean,
    key: NameKey = this.keyOf(c),
  ) {
    for (const e of c.emails) {
      const k = emailKey(e);
      if (!this.byEmail.has(k)) this.byEmail.set(k, id);
    }
    for (const u of c.profileUrls) {
      const k = profileKey(u);
      if (k && !this.byProfile.has(k)) this.byProfile.set(k, id);
    }
    const tokens = key.tokens;
    if (key.company === '' || tokens.length === 0) return;
    let co = this.companies.get(key.company);
    if (!co) {
      co = new CompanyPeople();
      this.companies.set(key.company, co);
    }
    const entry: Indexed = { id, key, inFile, seen: 0 };
    push(co.joined, key.joined, entry);
    push(co.sorted, key.sorted, entry);
    if (tokens.length < 2) return;
    const last = tokens[tokens.length - 1] as string;
    push(co.byLast, last, entry);
    for (let k = 1; k < tokens.length - 1; k++) {
      const t = tokens[k] as string;
      if (tokens.indexOf(t, 1) === k) push(co.byMiddle, t, entry); // each middle name once
    }
    for (const v of this.variantsOf(last)) {
      const set = co.lastNames.get(v);
      if (set) set.add(last);
      else co.lastNames.set(v, new Set([last]));
    }
  }

  private visit(list: Indexed[] | undefined, key: NameKey, out: Indexed[]) {
    if (!list) return;
    const q = this.query;
    for (const e of list) {
      if (e.seen === q) continue;
      e.seen = q;
      if (similarSpellings(key, e.key)) out.push(e);
    }
  }

  /** People with a very similar name at the same company (lib/core `similarNames`), in the order
   * the keys J, S, N, T name them (each list in filing order). */
  similar(key: NameKey): Indexed[] {
    const out: Indexed[] = [];
    const tokens = key.tokens;
    if (key.company === '' || tokens.length === 0) return out;
    const co = this.companies.get(key.company);
    if (!co) return out;
    this.query++;
    this.visit(co.joined.get(key.joined), key, out);
    this.visit(co.sorted.get(key.sorted), key, out);
    if (tokens.length < 2) return out;
    const last = tokens[tokens.length - 1] as string;
    this.visit(co.byMiddle.get(last), key, out);
    for (let k = 1; k < tokens.length - 1; k++)
      this.visit(co.byLast.get(tokens[k] as string), key, out);
    for (const v of this.variantsOf(last)) {
      const names = co.lastNames.get(v);
      if (names) for (const l of names) this.visit(co.byLast.get(l), key, out);
    }
    return out;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** Distinct values, first occurrence first, in a new array. */
const distinct = (list: string[]): string[] =>
  list.length < 2 ? list.slice() : [...new Set(list)];

// An import stamps every contact with one instant: checked once, not once per row.
let checkedStamp: string | undefined;

/**
 * The contact a clean draft becomes, built directly: the same output as ContactSchema for a draft
 * whose values are already in the model's form (what lib/io produces), checked value by value
 * with the model's own rules; null for anything else (then the schema decides and reports). Zod runs
 * without its compiled fast path in extension pages (their CSP forbids eval), where parsing 10,000
 * contacts through the schema costs most of a second (tests/bench/import.ts); a property test keeps
 * the two paths equal.
 */
export function cleanContactFromDraft(
  draft: ContactDraft,
  id: string,
  stamp: string,
  status: Status,
): Contact | null {
  const { name, emails, phones = [], profileUrls = [], company, position, birthday } = draft;
  if (!isText(name) || name.trim() !== name || name === '') return null;
  if (!Array.isArray(emails) || !Array.isArray(phones) || !Array.isArray(profileUrls)) return null;
  for (const e of emails)
    if (!isText(e) || e.trim().toLowerCase() !== e || !regexes.email.test(e)) return null;
  for (const p of phones) if (!isText(p) || p.trim() !== p || p === '') return null;
  const urls: string[] = [];
  for (const u of profileUrls) {
    if (!isText(u)) return null;
    const n = normalizeProfileUrl(u);
    if (n === null) return null;
    urls.push(n);
  }
  for (const t of [company, position]) if (t !== undefined && !isText(t)) return null;
  let day: DayOfYear | undefined;
  if (birthday !== undefined) {
    const { month, day: d, year } = birthday as Partial<DayOfYear>;
    const int = (v: unknown, min: number, max: number) =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    if (!int(month, 1, 12) || !int(d, 1, 31)) return null;
    if (year !== undefined && !int(year, 1000, 9999)) return null;
    if ((d as number) > daysInMonth(year ?? 2000, month as number)) return null;
    day =
      year === undefined
        ? { month: month as number, day: d as number }
        : { month: month as number, day: d as number, year };
  }
  const at = stamp.trim();
  if (at !== checkedStamp) {
    if (!isIsoDate(at)) return null;
    checkedStamp = at;
  }
  const contact: Contact = {
    id,
    name,
    emails: distinct(emails),
    phones: distinct(phones),
    profileUrls: urls.length < 2 ? urls : [...new Set(urls)],
    status,
    preferredChannels: [],
    interests: [],
    createdAt: at,
    updatedAt: at,
  };
  const co = company?.trim();
  if (co) contact.company = co;
  const po = position?.trim();
  if (po) contact.position = po;
  if (day) contact.birthday = day;
  return contact;
}

/** The contact a draft becomes (validated by the model; issues instead of a throw). */
export function contactFromDraft(
  draft: ContactDraft,
  id: string,
  stamp: string,
  status: Status,
): { ok: true; contact: Contact } | { ok: false; issues: FieldIssue[] } {
  const clean = cleanContactFromDraft(draft, id, stamp, status);
  if (clean) return { ok: true, contact: clean };
  const r = ContactSchema.safeParse({
    id,
    name: draft.name,
    emails: draft.emails,
    phones: draft.phones ?? [],
    company: draft.company,
    position: draft.position,
    birthday: draft.birthday,
    profileUrls: draft.profileUrls ?? [],
    status,
    preferredChannels: [],
    interests: [],
    createdAt: stamp,
    updatedAt: stamp,
  });
  return r.success
    ? { ok: true, contact: compact(r.data) }
    : { ok: false, issues: issuesOf(r.error) };
}

/**
 * Sort drafts into new, merge (same e-mail, then same profile URL: stored contacts first, then
 * earlier rows of the same file), similar (same company, very similar name: the user decides) and
 * invalid. Indexed, so 10,000 drafts against 10,000 contacts stay fast.
 */
export function planImport(
  drafts: readonly ContactDraft[],
  existing: readonly Contact[],
  now: Date,
  options: PlanOptions = {},
): ImportPlan {
  const stamp = now.toISOString();
  const status = options.status ?? 'active';
  const makeId = options.newId ?? newId;
  const index = new PeopleIndex();
  const stored = new Map<string, Contact>();
  for (const c of existing) {
    stored.set(c.id, c);
    index.add(c.id, c, false);
  }
  const fresh = new Map<string, Contact>();
  const referenced = new Map<string, Contact>();
  const rows: PlanRow[] = [];

  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i] as ContactDraft;
    // Sure matches: e-mail first, then profile URL; a stored contact beats an earlier row.
    let sure: string[] | undefined;
    for (const e of draft.emails) {
      const owner = index.byEmail.get(emailKey(e));
      if (owner) (sure ??= []).push(owner);
    }
    const emailHits = sure?.length ?? 0;
    for (const u of draft.profileUrls ?? []) {
      const k = profileKey(u);
      const owner = k ? index.byProfile.get(k) : undefined;
      if (owner) (sure ??= []).push(owner);
    }
    if (sure) {
      const targetId = sure.find((id) => stored.has(id)) ?? (sure[0] as string);
      // Every stored owner is referenced: resolving must know who owns what (no new duplicate).
      for (const id of sure) if (stored.has(id)) referenced.set(id, stored.get(id) as Contact);
      const reasons: DuplicateReason[] = [];
      const at = sure.indexOf(targetId);
      if (at < emailHits) reasons.push('email');
      if (sure.lastIndexOf(targetId) >= emailHits) reasons.push('profile-url');
      const inFile = !stored.has(targetId);
      rows.push({ kind: 'merge', index: i, draft, targetId, reasons, inFile });
      continue;
    }
    const id = makeId();
    const made = contactFromDraft(draft, id, stamp, status);
    if (!made.ok) {
      rows.push({ kind: 'invalid', index: i, draft, issues: made.issues });
      continue;
    }
    const key = index.keyOf(draft);
    const similar = index.similar(key);
    fresh.set(id, made.contact);
    index.add(id, made.contact, true, key);
    if (similar.length) {
      const candidates = similar
        .map((s) => ({
          contactId: s.id,
          reasons: ['name-company'] as DuplicateReason[],
          inFile: s.inFile,
        }))
        // Stored contacts first, then the file's order.
        .sort((a, b) => Number(a.inFile) - Number(b.inFile));
      for (const c of candidates)
        if (!c.inFile) referenced.set(c.contactId, stored.get(c.contactId) as Contact);
      rows.push({ kind: 'similar', index: i, draft, id, candidates });
    } else rows.push({ kind: 'new', index: i, draft, id });
  }
  const { referrals, referralNotes } = linkReferrers(rows, index, stored, fresh, referenced);
  return { stamp, status, rows, fresh, existing: referenced, referrals, referralNotes };
}

/** "Dr. Andreas Müller (Müller Bau GmbH)": the name, and the company in brackets if given. */
function referrerText(text: string): { name: string; company?: string; email?: string } {
  const t = text.trim();
  const email = /^[^\s@]+@[^\s@]+$/.test(t) ? t.toLowerCase() : undefined;
  if (email) return { name: '', email };
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(t);
  return m && m[1] ? { name: m[1], company: m[2] } : { name: t };
}

/**
 * Each row's "Empfohlen von" linked to one person: by e-mail, else by name as the duplicate rules
 * compare names (titles, case and accents aside), among the stored contacts and the file's own
 * rows; a company in brackets picks among namesakes. Nobody, several, or the person themself: the
 * row is imported without it and the preview says so.
 */
function linkReferrers(
  rows: readonly PlanRow[],
  index: PeopleIndex,
  stored: ReadonlyMap<string, Contact>,
  fresh: ReadonlyMap<string, Contact>,
  referenced: Map<string, Contact>,
): Pick<ImportPlan, 'referrals' | 'referralNotes'> {
  const referrals = new Map<number, string>();
  const referralNotes: ReferralNote[] = [];
  if (!rows.some((r) => r.draft.referredBy)) return { referrals, referralNotes };
  const byName = new Map<string, string[]>();
  const file = (c: Contact) => {
    const key = nameTokens(c.name).join(' ');
    if (!key) return;
    const ids = byName.get(key);
    if (!ids) byName.set(key, [c.id]);
    else if (!ids.includes(c.id)) ids.push(c.id);
  };
  for (const c of stored.values()) file(c);
  for (const c of fresh.values()) file(c);
  const personOf = (id: string) => stored.get(id) ?? fresh.get(id);
  // A row that looks like a stored contact (same company, very similar name) is most likely that
  // person: it does not make the name ambiguous.
  const lookAlikes = new Map<string, string[]>();
  for (const r of rows)
    if (r.kind === 'similar')
      lookAlikes.set(
        r.id,
        r.candidates.map((c) => c.contactId),
      );
  const distinctPeople = (ids: string[]) =>
    ids.length < 2
      ? ids
      : ids.filter((id) => !(lookAlikes.get(id) ?? []).some((other) => ids.includes(other)));
  for (const row of rows) {
    const text = row.draft.referredBy?.trim();
    if (!text || row.kind === 'invalid') continue;
    const self = row.kind === 'merge' ? row.targetId : row.id;
    const wanted = referrerText(text);
    let found: string[];
    if (wanted.email) {
      const owner = index.byEmail.get(wanted.email);
      found = owner ? [owner] : [];
    } else {
      found = distinctPeople(byName.get(nameTokens(wanted.name).join(' ')) ?? []);
      if (found.length > 1 && wanted.company) {
        const company = companyMatchKey(wanted.company);
        found = found.filter((id) => companyMatchKey(personOf(id)?.company) === company);
      }
    }
    const problem: ReferralNote['problem'] | undefined =
      found.length === 0 ? 'not-found' : found.length > 1 ? 'ambiguous' : undefined;
    if (problem) referralNotes.push({ index: row.index, text, problem });
    else if (found[0] === self) referralNotes.push({ index: row.index, text, problem: 'self' });
    else {
      const id = found[0] as string;
      referrals.set(row.index, id);
      const c = stored.get(id);
      if (c) referenced.set(id, c);
    }
  }
  return { referrals, referralNotes };
}

// ---------------------------------------------------------------------------------------------
// Decisions → what will be written

/** Per similar row (by its `index`): `'new'`, or the id of the contact to merge into. */
export type ImportDecisions = Readonly<Record<number, string>>;

/** What merging added to a contact (shown in the preview next to the stored contact). */
export interface Additions {
  emails: string[];
  phones: string[];
  profileUrls: string[];
  company?: string;
  position?: string;
  birthday?: DayOfYear;
  /** Who recommended them (a contact id), where nobody was recorded. */
  referredBy?: string;
}

export interface MergedContact {
  before: Contact;
  after: Contact;
  added: Additions;
  /** The draft indexes that went into it. */
  rows: number[];
}

export interface ImportOutcome {
  stamp: string;
  /** New contacts, complete (rows of the file that are the same person folded in). */
  added: Contact[];
  /** Stored contacts that change. */
  merged: MergedContact[];
  /** Stored contacts the file names but that gain nothing (already up to date). */
  unchanged: { contact: Contact; rows: number[] }[];
  /** Rows folded into a new contact of the same file (the file lists that person twice). */
  combined: number[];
  /** Similar rows still waiting for a decision. */
  pending: number[];
  invalid: InvalidRow[];
  /** Rows whose "Empfohlen von" could not be linked (imported without it). */
  referralNotes: ReferralNote[];
}

const hasAny = (a: Additions) =>
  a.emails.length > 0 ||
  a.phones.length > 0 ||
  a.profileUrls.length > 0 ||
  a.company !== undefined ||
  a.position !== undefined ||
  a.birthday !== undefined ||
  a.referredBy !== undefined;

interface Owners {
  email: Map<string, string>;
  profile: Map<string, string>;
}

/**
 * Fold a draft into a contact: e-mails, phones and profile URLs are added (never one that another
 * contact owns: that would make a duplicate), company, position and birthday fill gaps only (a
 * birthday without year takes the draft's year when day and month agree). The name and everything
 * the user wrote stay as they are.
 */
export function mergeDraftInto(
  contact: Contact,
  draft: ContactDraft,
  owners?: Owners,
): { contact: Contact; added: Additions } {
  const added: Additions = { emails: [], phones: [], profileUrls: [] };
  const next: Contact = {
    ...contact,
    emails: [...contact.emails],
    phones: [...contact.phones],
    profileUrls: [...contact.profileUrls],
  };
  const emails = new Set(next.emails.map(emailKey));
  for (const raw of draft.emails) {
    const e = emailKey(raw);
    if (!e || emails.has(e)) continue;
    const owner = owners?.email.get(e);
    if (owner !== undefined && owner !== contact.id) continue;
    emails.add(e);
    next.emails.push(e);
    added.emails.push(e);
  }
  const phones = new Set(next.phones.map(phoneKey));
  for (const raw of draft.phones ?? []) {
    const p = raw.trim();
    const k = phoneKey(p);
    if (!p || phones.has(k)) continue;
    phones.add(k);
    next.phones.push(p);
    added.phones.push(p);
  }
  const urls = new Set(next.profileUrls.map(urlKey));
  for (const raw of draft.profileUrls ?? []) {
    const u = raw.trim();
    const k = urlKey(u);
    if (!u || urls.has(k)) continue;
    const pk = profileKey(u);
    const owner = pk ? owners?.profile.get(pk) : undefined;
    if (owner !== undefined && owner !== contact.id) continue;
    urls.add(k);
    next.profileUrls.push(u);
    added.profileUrls.push(u);
  }
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (blank(next.company) && draft.company?.trim()) {
    next.company = draft.company.trim();
    added.company = next.company;
  }
  if (blank(next.position) && draft.position?.trim()) {
    next.position = draft.position.trim();
    added.position = next.position;
  }
  if (draft.birthday) {
    const b = next.birthday;
    if (!b) {
      next.birthday = draft.birthday;
      added.birthday = draft.birthday;
    } else if (
      b.year === undefined &&
      draft.birthday.year !== undefined &&
      b.month === draft.birthday.month &&
      b.day === draft.birthday.day
    ) {
      next.birthday = { ...b, year: draft.birthday.year };
      added.birthday = next.birthday;
    }
  }
  return { contact: next, added };
}

function diff(before: Contact, after: Contact): Additions {
  const out: Additions = {
    emails: after.emails.filter((e) => !before.emails.includes(e)),
    phones: after.phones.filter((p) => !before.phones.includes(p)),
    profileUrls: after.profileUrls.filter((u) => !before.profileUrls.includes(u)),
  };
  if (after.company !== before.company && after.company !== undefined) out.company = after.company;
  if (after.position !== before.position && after.position !== undefined)
    out.position = after.position;
  if (after.birthday && JSON.stringify(after.birthday) !== JSON.stringify(before.birthday))
    out.birthday = after.birthday;
  if (after.referredBy !== before.referredBy && after.referredBy !== undefined)
    out.referredBy = after.referredBy;
  return out;
}

/**
 * Apply the user's decisions to a plan: the contacts to add and the stored contacts to change,
 * nothing written yet. Rows are taken in file order, so several rows about one person add up.
 */
export function resolveImport(plan: ImportPlan, decisions: ImportDecisions = {}): ImportOutcome {
  const working = new Map<string, Contact>();
  const rowsOf = new Map<string, number[]>();
  const alias = new Map<string, string>();
  const follow = (id: string) => {
    let x = id;
    for (let n = alias.get(x); n !== undefined; n = alias.get(x)) x = n;
    return x;
  };
  const owners: Owners = { email: new Map(), profile: new Map() };
  const own = (c: Contact) => {
    for (const e of c.emails)
      if (!owners.email.has(emailKey(e))) owners.email.set(emailKey(e), c.id);
    for (const u of c.profileUrls) {
      const k = profileKey(u);
      if (k && !owners.profile.has(k)) owners.profile.set(k, c.id);
    }
  };
  for (const c of plan.existing.values()) own(c);
  const combined: number[] = [];
  const pending: number[] = [];
  const invalid: InvalidRow[] = [];
  const rowContact = new Map<number, string>();
  const note = (id: string, row: number) => {
    const list = rowsOf.get(id);
    if (list) list.push(row);
    else rowsOf.set(id, [row]);
    rowContact.set(row, id);
  };

  const create = (id: string, row: number) => {
    const c = plan.fresh.get(id);
    if (!c) return;
    working.set(id, c);
    own(c);
    note(id, row);
  };
  const mergeInto = (targetId: string, draft: ContactDraft, row: number) => {
    const id = follow(targetId);
    const base = working.get(id) ?? plan.existing.get(id);
    if (!base) return false;
    const { contact } = mergeDraftInto(base, draft, owners);
    working.set(id, contact);
    own(contact);
    note(id, row);
    if (plan.fresh.has(id)) combined.push(row);
    return true;
  };

  for (const row of plan.rows) {
    switch (row.kind) {
      case 'invalid':
        invalid.push(row);
        break;
      case 'new':
        create(row.id, row.index);
        break;
      case 'merge':
        mergeInto(row.targetId, row.draft, row.index);
        break;
      case 'similar': {
        const choice = decisions[row.index];
        if (choice === undefined) pending.push(row.index);
        else if (choice === 'new') create(row.id, row.index);
        else if (row.candidates.some((c) => c.contactId === choice)) {
          if (mergeInto(choice, row.draft, row.index)) alias.set(row.id, follow(choice));
        } else pending.push(row.index);
        break;
      }
    }
  }

  // "Empfohlen von": on the contact each row became, where nobody was recorded yet; a referrer
  // that is a row still waiting for a decision (or folded into this very person) is left out.
  for (const [row, referrerId] of plan.referrals) {
    const contactId = rowContact.get(row);
    if (contactId === undefined) continue;
    const id = follow(contactId);
    const by = follow(referrerId);
    if (by === id || !(working.has(by) || plan.existing.has(by))) continue;
    const c = working.get(id);
    if (c && c.referredBy === undefined) working.set(id, { ...c, referredBy: by });
  }

  const added: Contact[] = [];
  const merged: MergedContact[] = [];
  const unchanged: ImportOutcome['unchanged'] = [];
  for (const [id, contact] of working) {
    const rows = rowsOf.get(id) ?? [];
    if (plan.fresh.has(id)) {
      // Validated when planned; validated again only when a later row of the file added to it.
      added.push(rows.length > 1 ? compact(ContactSchema.parse(contact)) : contact);
      continue;
    }
    const before = plan.existing.get(id) as Contact;
    const added_ = diff(before, contact);
    if (!hasAny(added_)) unchanged.push({ contact: before, rows });
    else
      merged.push({
        before,
        after: compact({ ...ContactSchema.parse(contact), updatedAt: plan.stamp }),
        added: added_,
        rows,
      });
  }
  return {
    stamp: plan.stamp,
    added,
    merged,
    unchanged,
    combined,
    pending,
    invalid,
    referralNotes: plan.referralNotes,
  };
}
