// Merging two records of one person (PRODUCT.md "Duplicates": merge keeps every interaction,
// promise, feedback and purchase). Pure: the database layer writes what this returns.

import { profileUrlKey, type Contact, type ContactHistory } from '../model';
import { foldText, nameKey } from './duplicates';
import { zoneFor } from './days';
import { translate, type Locale } from '../i18n';
import { normalizeHistory } from './records';

export interface MergedRecords {
  interactions: ContactHistory['interactions'];
  commitments: ContactHistory['commitments'];
  feedback: ContactHistory['feedback'];
  purchases: ContactHistory['purchases'];
  followUps: ContactHistory['followUps'];
}

export interface MergeResult {
  /** The merged contact, with the survivor's id. */
  contact: Contact;
  /** The merged history: every record of both, all pointing to the survivor. */
  history: ContactHistory;
  /** The other contact's records re-pointed to the survivor: what the database must rewrite. */
  moved: MergedRecords;
  /** The id to delete (the other contact), or null when both histories are the same contact. */
  deleteId: string | null;
}

function present(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}

function union<T>(a: unknown, b: unknown, key: (x: T) => string): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const list of [a, b])
    for (const x of Array.isArray(list) ? (list as T[]) : []) {
      if (x === undefined || x === null) continue;
      const k = key(x);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(x);
    }
  return out;
}

/** Phone numbers compare by their digits, "0049" read as "+49". */
function phoneKey(p: string): string {
  const s = String(p).trim().replace(/^00/, '+');
  return (s.startsWith('+') ? '+' : '') + s.replace(/\D/g, '');
}

/** Survivor's value where it has one, else the other's; nested objects field by field. */
function fill<T extends object>(survivor: T | undefined, other: T | undefined): T | undefined {
  if (!survivor) return other;
  if (!other) return survivor;
  const out: Record<string, unknown> = { ...(other as Record<string, unknown>) };
  for (const [k, v] of Object.entries(survivor)) if (present(v)) out[k] = v;
  return out as T;
}

function dayOfYear(b: Contact['birthday']): string {
  if (!b) return '';
  const dm = `${String(b.day).padStart(2, '0')}.${String(b.month).padStart(2, '0')}.`;
  return b.year ? `${dm}${b.year}` : dm;
}

/**
 * Merge `other` into `survivor`. Lists are united (e-mails, phones, profile URLs, interests,
 * preferred channels; survivor's order first), the survivor's fields win and the other's fill gaps,
 * notes are concatenated, and every value of the other that lost a conflict is written into the
 * notes — so nothing is lost. Decisions where the rule is open: `createdAt` becomes the earlier of
 * both (we have known the person since then); a prospect merged with an active customer is active;
 * `updatedAt` is `now`.
 */
export function mergeContacts(
  survivorIn: ContactHistory,
  otherIn: ContactHistory,
  now: Date,
  options: { locale?: Locale; timeZone?: string } = {},
): MergeResult {
  const L: Locale = options.locale === 'en' ? 'en' : 'de';
  // Without a contact (external callers), a side counts as an empty contact rather than throwing.
  const empty = { contact: {} };
  const survivor = (normalizeHistory(survivorIn) ?? normalizeHistory(empty)) as ContactHistory;
  const other = (normalizeHistory(otherIn) ?? normalizeHistory(empty)) as ContactHistory;
  const s = survivor.contact;
  const o = other.contact;
  const id = s.id;
  const same = o.id === s.id;

  const base: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  for (const [k, v] of Object.entries(s)) if (present(v)) base[k] = v;
  const merged = base as Contact;
  merged.id = id;
  merged.name = present(s.name) ? s.name : o.name;
  merged.emails = union<string>(s.emails, o.emails, (e) => e.trim().toLowerCase());
  merged.phones = union<string>(s.phones, o.phones, phoneKey);
  merged.profileUrls = union<string>(s.profileUrls, o.profileUrls, profileUrlKey);
  // Interests differ by case only when they are the same topic; "Bär" and "Bar" are not.
  merged.interests = union<string>(s.interests, o.interests, (i) =>
    String(i).trim().normalize('NFC').toLowerCase(),
  );
  merged.preferredChannels = union<Contact['preferredChannels'][number]>(
    s.preferredChannels,
    o.preferredChannels,
    (c) => c,
  );
  // What moves them and what to bring: both lists, the survivor's first, each concern and each
  // attached occasion once. "Recommended by" the survivor's, else the other's — never one of the two.
  const concerns = union<NonNullable<Contact['concerns']>[number]>(s.concerns, o.concerns, (c) =>
    foldText(c?.text),
  );
  if (concerns.length) merged.concerns = concerns;
  else delete merged.concerns;
  const planned = union<NonNullable<Contact['plannedOccasions']>[number]>(
    s.plannedOccasions,
    o.plannedOccasions,
    (p) => String(p?.occasionId),
  );
  if (planned.length) merged.plannedOccasions = planned;
  else delete merged.plannedOccasions;
  // What the user said about names shown on pages: both, the latest answer per name.
  const answers = new Map<string, NonNullable<Contact['pageNames']>[number]>();
  for (const p of [...(s.pageNames ?? []), ...(o.pageNames ?? [])]) {
    const key = nameKey(p?.name);
    const had = answers.get(key);
    if (key && (!had || p.at > had.at)) answers.set(key, p);
  }
  if (answers.size) merged.pageNames = [...answers.values()];
  else delete merged.pageNames;
  const referredBy = [s.referredBy, o.referredBy].find(
    (r) => typeof r === 'string' && r !== s.id && r !== o.id,
  );
  if (referredBy) merged.referredBy = referredBy;
  else delete merged.referredBy;
  const avoid = fill(s.avoid, o.avoid);
  if (avoid) merged.avoid = avoid;
  const plan = fill(s.plan, o.plan);
  if (plan) merged.plan = plan;
  if (s.partner && o.partner && foldText(s.partner.name) === foldText(o.partner.name))
    merged.partner = fill(s.partner, o.partner);
  if (s.status === 'prospect' && o.status === 'active') merged.status = 'active';
  if (merged.status === 'lost') {
    const lost = fill(s.lost, o.lost);
    if (lost) merged.lost = lost;
  } else if (!s.lost) delete merged.lost;

  const zone = zoneFor(options.timeZone);
  const cs = zone.parse(s.createdAt);
  const co = zone.parse(o.createdAt);
  if (co === co && (cs !== cs || co < cs)) merged.createdAt = o.createdAt;
  merged.updatedAt =
    now instanceof Date && Number.isFinite(now.getTime()) ? now.toISOString() : s.updatedAt;

  // Values of the other that lost a conflict go into the notes.
  const lab = (field: string) => translate(L, `merge.${field}`);
  const conflicts: string[] = [];
  const differs = (a: unknown, b: unknown) =>
    present(a) && present(b) && String(a).trim() !== String(b).trim();
  if (differs(s.name, o.name)) conflicts.push(`${lab('name')}: ${o.name}`);
  for (const k of [
    'company',
    'position',
    'headline',
    'preferences',
    'howWeMet',
    'address',
    'tierOverride',
  ] as const)
    if (differs(merged[k], o[k])) conflicts.push(`${lab(k)}: ${String(o[k])}`);
  for (const k of ['potential', 'annualRevenueEstimate'] as const)
    if (typeof o[k] === 'number' && merged[k] !== o[k]) conflicts.push(`${lab(k)}: ${o[k]}`);
  if (o.birthday && dayOfYear(merged.birthday) !== dayOfYear(o.birthday))
    conflicts.push(`${lab('birthday')}: ${dayOfYear(o.birthday)}`);
  if (
    o.partner &&
    merged.partner !== o.partner &&
    foldText(merged.partner?.name) !== foldText(o.partner.name)
  )
    conflicts.push(
      `${lab('partner')}: ${o.partner.name}${o.partner.birthday ? ` (${dayOfYear(o.partner.birthday)})` : ''}`,
    );
  if (present(o.status) && merged.status !== o.status)
    conflicts.push(`${lab('status')}: ${o.status}`);
  if (o.lost && merged.lost !== o.lost && !(merged.lost && merged.lost.at === o.lost.at)) {
    const parts = [o.lost.at, o.lost.reason, o.lost.note, o.lost.learned].filter(present);
    conflicts.push(`${lab('lost')}: ${parts.join(', ')}`);
  }
  const notes: string[] = [];
  if (present(s.notes)) notes.push(String(s.notes).trim());
  if (present(o.notes) && String(o.notes).trim() !== String(s.notes ?? '').trim())
    notes.push(String(o.notes).trim());
  if (!same && conflicts.length)
    notes.push(
      `${lab('intro')} ${translate(L, 'merge.quoted', { name: o.name })}: ${conflicts.join('; ')}`,
    );
  if (notes.length) merged.notes = notes.join('\n\n');
  else delete merged.notes;

  const repoint = <T extends { contactId: string }>(list: T[]): T[] =>
    list.map((r) => (r.contactId === id ? r : { ...r, contactId: id }));
  const moved: MergedRecords = same
    ? { interactions: [], commitments: [], feedback: [], purchases: [], followUps: [] }
    : {
        interactions: repoint(other.interactions),
        commitments: repoint(other.commitments),
        feedback: repoint(other.feedback),
        purchases: repoint(other.purchases),
        followUps: repoint(other.followUps),
      };
  const history: ContactHistory = {
    contact: merged,
    interactions: [...repoint(survivor.interactions), ...moved.interactions],
    commitments: [...repoint(survivor.commitments), ...moved.commitments],
    feedback: [...repoint(survivor.feedback), ...moved.feedback],
    purchases: [...repoint(survivor.purchases), ...moved.purchases],
    followUps: [...repoint(survivor.followUps), ...moved.followUps],
  };
  return { contact: merged, history, moved, deleteId: same ? null : o.id };
}
