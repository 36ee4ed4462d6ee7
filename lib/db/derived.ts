// Derived data: per-contact summaries and today's agenda rows, computed with the core and stored so
// that the popup, the dashboard and the badge read a few rows instead of every history. The
// background is the only writer. What the rows hold is what the core computes — the next touch and
// the agenda entries of `contactTouches`, the same pipeline as `buildAgenda` — plus what the user
// said (dismissals). The background recomputes the contacts a write marked dirty (lib/db/changes.ts),
// and everything when the day, the settings or this code's version change.
import {
  analyzeTiersIn,
  contactTouches,
  createContext,
  foldText,
  insightPartIn,
  lastPersonalContactIn,
  nameSortKey,
  normalizeHistory,
  tierInsights,
  type CoreContext,
  type NamedInsightPart,
  type SuggestionKind,
  type TierInsights,
  type TouchEntry,
} from '../core';
import { historyOf, type ContactHistory, type Settings, type Tier } from '../model';
import { DIRTY_KEY, emptyMarks, type DirtyMarks } from './changes';
import { guardWrite } from './errors';
import { getMeta } from './meta';
import { getAllHistories, getHistory } from './repo';
import type {
  AgendaRow,
  DismissalRow,
  KundennahDB,
  StoredSuggestion,
  SummaryRow,
} from './database';

/** Bump when what is derived changes: every client recomputes once. */
export const DERIVED_VERSION = 5; // 4: insight parts; 5: the name sort key

export interface DerivedState {
  version: number;
  day: string;
  settingsKey: string;
}

export type TierMap = Record<string, { tier: Tier; reason: string }>;

export function settingsKey(settings: Settings): string {
  return JSON.stringify(settings);
}

const plain = (e: TouchEntry): StoredSuggestion => {
  const out: StoredSuggestion = {
    kind: e.suggestion.kind,
    channel: e.suggestion.channel,
    due: e.suggestion.due,
    reasons: [...e.suggestion.reasons],
    talkingPoints: [...e.suggestion.talkingPoints],
  };
  if (e.suggestion.occasionId) out.occasionId = e.suggestion.occasionId;
  return out;
};

/** Folded words for find-as-you-type: "Jürgen Müller-Lüdenscheidt, j.mueller@x.de" gives jurgen,
 * muller, ludenscheidt, muller-ludenscheidt, j.mueller@x.de, j, mueller ... (prefix search). */
export function searchWords(texts: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = foldText(text);
    for (const w of folded.split(/[\s,;()"'„“]+/)) {
      if (!w) continue;
      out.add(w);
      for (const part of w.split(/[-.@_/]+/)) if (part) out.add(part);
    }
  }
  return [...out];
}

/** Is an item hidden by what the user said (done for this due day, or snoozed until later)? */
export function isDismissed(
  item: { kind: string; due: string },
  d: DismissalRow | undefined,
  today: string,
): boolean {
  if (!d || d.kind !== item.kind) return false;
  if (d.until) return today < d.until;
  return d.due === item.due;
}

function withoutUndefined<T extends object>(row: T): T {
  for (const k of Object.keys(row) as (keyof T)[]) if (row[k] === undefined) delete row[k];
  return row;
}

/** Summary and agenda rows of one contact (pure), in the context of one recomputation. */
export function deriveContact(
  historyIn: ContactHistory,
  tier: { tier: Tier; reason: string },
  ctx: CoreContext,
  dismissals: DismissalRow[] = [],
): { summary: SummaryRow; agenda: AgendaRow[] } {
  const h = normalizeHistory(historyIn) as ContactHistory;
  const c = h.contact;
  const day = ctx.todayIso;
  const touches = contactTouches(h, tier.tier, ctx);
  const dismissedKinds = new Map(dismissals.map((d) => [d.kind, d]));
  const shown = touches.agenda.filter(
    (e) => !isDismissed(e.suggestion, dismissedKinds.get(e.suggestion.kind), day),
  );
  const next = touches.next;
  const last = lastPersonalContactIn(h, ctx);
  const part = insightPartIn(h, tier.tier, ctx);
  const summary: SummaryRow = withoutUndefined({
    contactId: c.id,
    name: c.name,
    sortName: nameSortKey(c.name),
    company: c.company,
    position: c.position,
    emails: c.emails,
    phones: c.phones,
    profileUrls: c.profileUrls,
    status: c.status,
    tier: tier.tier,
    tierReason: tier.reason,
    lastPersonalAt: last?.interaction.at,
    lastPersonalDay: last?.day,
    next: next ? plain(next) : null,
    nextDue: next?.suggestion.due,
    risks: part.risks.map((r) => ({ kind: r.kind, text: r.text })),
    brought: part.brought.length ? part.brought : undefined,
    birthday: c.birthday,
    referredBy: c.referredBy,
    words: searchWords([c.name, c.company, ...c.emails]),
    search: foldText(
      [c.name, c.company, ...c.emails, ...c.interests, c.notes, c.position]
        .filter(Boolean)
        .join(' '),
    ),
    day,
  });
  const agenda: AgendaRow[] = shown.map((e) =>
    withoutUndefined({
      ...plain(e),
      id: `${c.id}:${e.suggestion.kind}`,
      contactId: c.id,
      tier: tier.tier,
      name: c.name,
      company: c.company,
      email: c.emails[0],
      phone: c.phones[0],
      profileUrls: c.profileUrls,
      recordId: e.recordId,
      occasionId: e.suggestion.occasionId,
      rank: e.rank,
      day,
    }),
  );
  return { summary, agenda };
}

function groupBy(rows: DismissalRow[]): Map<string, DismissalRow[]> {
  const out = new Map<string, DismissalRow[]>();
  for (const r of rows) out.set(r.contactId, [...(out.get(r.contactId) ?? []), r]);
  return out;
}

/** Contacts with their purchases only: all the tier rule reads. */
export async function tierInputs(db: KundennahDB): Promise<ContactHistory[]> {
  const [contacts, purchases] = await Promise.all([db.contacts.toArray(), db.purchases.toArray()]);
  const byId = new Map<string, ContactHistory>();
  for (const contact of contacts) byId.set(contact.id, historyOf(contact));
  for (const p of purchases) byId.get(p.contactId)?.purchases.push(p);
  return [...byId.values()];
}

/** Tiers with their reasons, in the context of one recomputation. */
export function tiersIn(histories: ContactHistory[], ctx: CoreContext): TierMap {
  return analyzeTiersIn(histories, ctx, { units: false }).tiers;
}

export type AgendaCounts = Partial<Record<SuggestionKind, number>>;

/** Agenda items per kind, kept next to the rows (counting an index reads it all: too slow). */
export const AGENDA_COUNTS_KEY = 'agendaCounts';

/**
 * The insights page's rows (lib/core/insights.ts): what follows from contacts and purchases alone,
 * written whenever the tiers are computed, and the parts of the contacts with a warning or a
 * brought occasion, by contact id, written with their summaries. The page reads these two rows
 * instead of every history.
 */
export const INSIGHT_TIERS_KEY = 'insightTiers';
export const INSIGHT_PARTS_KEY = 'insightParts';
export type InsightParts = Record<string, NamedInsightPart>;

/** The meta rows the background derives (never backed up, never restored). */
export const DERIVED_META_KEYS: readonly string[] = [
  'derived',
  AGENDA_COUNTS_KEY,
  INSIGHT_TIERS_KEY,
  INSIGHT_PARTS_KEY,
];

/** A summary's insight part, when it has one worth keeping (a warning or a brought occasion). */
function partOf(s: SummaryRow): NamedInsightPart | undefined {
  if (!s.risks.length && !s.brought?.length) return undefined;
  return {
    contactId: s.contactId,
    name: s.name,
    ...(s.company ? { company: s.company } : {}),
    tier: s.tier,
    risks: s.risks as NamedInsightPart['risks'],
    brought: s.brought ?? [],
  };
}

function putParts(into: InsightParts, rows: readonly SummaryRow[]): InsightParts {
  for (const s of rows) {
    const p = partOf(s);
    if (p) into[s.contactId] = p;
  }
  return into;
}

function countKinds(rows: AgendaRow[], into: AgendaCounts = {}, sign = 1): AgendaCounts {
  for (const r of rows) into[r.kind] = (into[r.kind] ?? 0) + sign;
  return into;
}

/** The dirty marks a recomputation read before it started: cleared when its rows are written. */
export type Processed = DirtyMarks | 'none';

/**
 * Clear the marks a recomputation followed: a contact's mark only when no write came after the
 * snapshot `seen` (a newer mark stays for the next run). With `everything`, every mark up to the
 * snapshot goes.
 */
function clearMarks(current: DirtyMarks, seen: DirtyMarks, ids: string[], everything: boolean) {
  const out: DirtyMarks = { ...current, contacts: { ...current.contacts } };
  const ids2 = everything ? Object.keys(seen.contacts) : ids;
  for (const id of ids2) {
    const s = seen.contacts[id];
    const c = out.contacts[id];
    if (c !== undefined && s !== undefined && c <= s) delete out.contacts[id];
  }
  if (out.tiers <= seen.tiers) out.tiers = 0;
  if (everything && out.all <= seen.all) out.all = 0;
  return out;
}

async function writeRows(
  db: KundennahDB,
  contactIds: string[],
  summaries: SummaryRow[],
  agenda: AgendaRow[],
  replaceAll: boolean,
  seen: Processed,
  state?: DerivedState,
  tierPart?: TierInsights,
): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', [db.summaries, db.agenda, db.meta], async () => {
      let counts: AgendaCounts;
      let parts: InsightParts;
      if (replaceAll) {
        await db.summaries.clear();
        await db.agenda.clear();
        counts = countKinds(agenda);
        parts = {};
      } else {
        const storedParts = await getMeta<InsightParts>(db, INSIGHT_PARTS_KEY);
        parts = storedParts
          ? { ...storedParts }
          : putParts({}, (await db.summaries.toArray()) as SummaryRow[]);
        for (const id of contactIds) delete parts[id];
        const removed = await db.agenda.where('contactId').anyOf(contactIds).toArray();
        const stored = (await db.meta.get(AGENDA_COUNTS_KEY))?.value as AgendaCounts | undefined;
        counts = stored
          ? countKinds(agenda, countKinds(removed, { ...stored }, -1))
          : countKinds([
              ...(await db.agenda.toArray()).filter((r) => !contactIds.includes(r.contactId)),
              ...agenda,
            ]);
        await db.summaries.bulkDelete(contactIds);
        await db.agenda.bulkDelete(removed.map((r) => r.id));
      }
      await db.summaries.bulkPut(summaries);
      await db.agenda.bulkPut(agenda);
      await db.meta.put({ key: AGENDA_COUNTS_KEY, value: counts });
      await db.meta.put({ key: INSIGHT_PARTS_KEY, value: putParts(parts, summaries) });
      if (tierPart) await db.meta.put({ key: INSIGHT_TIERS_KEY, value: tierPart });
      if (state) await db.meta.put({ key: 'derived', value: state });
      if (seen !== 'none') {
        const current = (await getMeta<DirtyMarks>(db, DIRTY_KEY)) ?? emptyMarks();
        await db.meta.put({
          key: DIRTY_KEY,
          value: clearMarks(current, seen, contactIds, replaceAll),
        });
      }
    }),
  );
}

/** The marks of writes the derived rows have not followed yet. */
export async function dirtyMarks(db: KundennahDB): Promise<DirtyMarks> {
  return (await getMeta<DirtyMarks>(db, DIRTY_KEY)) ?? emptyMarks();
}

/** Everything, from scratch (new day, new settings, first start, after an upgrade). */
export async function recomputeAll(
  db: KundennahDB,
  settings: Settings,
  now: Date,
): Promise<TierMap> {
  const seen = await dirtyMarks(db);
  const histories = await getAllHistories(db);
  const ctx = createContext(settings, now, await db.occasions.toArray());
  const tiers = tiersIn(histories, ctx);
  const dismissals = groupBy(await db.dismissals.toArray());
  const summaries: SummaryRow[] = [];
  const agenda: AgendaRow[] = [];
  for (const h of histories) {
    const d = deriveContact(
      h,
      tiers[h.contact.id] ?? { tier: 'C', reason: '' },
      ctx,
      dismissals.get(h.contact.id),
    );
    summaries.push(d.summary);
    agenda.push(...d.agenda);
  }
  await writeRows(
    db,
    [],
    summaries,
    agenda,
    true,
    seen,
    { version: DERIVED_VERSION, day: ctx.todayIso, settingsKey: settingsKey(settings) },
    tierInsights(histories, settings, now),
  );
  return tiers;
}

/**
 * The contacts a write touched (and, when tiers moved, everyone whose tier changed). `tiers` are the
 * current tiers of everyone (the caller computes them when contacts or purchases changed). `seen` are
 * the dirty marks read before the histories were: the ones these rows follow are cleared. When the
 * tier inputs changed, `tierPart` is the insights' part computed from them (`tierInsights`).
 */
export async function recomputeContacts(
  db: KundennahDB,
  contactIds: Iterable<string>,
  tiers: TierMap,
  settings: Settings,
  now: Date,
  seen: Processed = 'none',
  tierPart?: TierInsights,
): Promise<void> {
  const ids = await withReferrers(db, new Set(contactIds));
  if (!ids.length && seen === 'none' && !tierPart) return;
  const ctx = createContext(settings, now, await db.occasions.toArray());
  const summaries: SummaryRow[] = [];
  const agenda: AgendaRow[] = [];
  for (const id of ids) {
    const h = await getHistory(db, id);
    if (!h) continue; // deleted: its rows go below
    const dismissals = await db.dismissals.where('contactId').equals(id).toArray();
    const d = deriveContact(h, tiers[id] ?? { tier: 'C', reason: '' }, ctx, dismissals);
    summaries.push(d.summary);
    agenda.push(...d.agenda);
  }
  await writeRows(db, ids, summaries, agenda, false, seen, undefined, tierPart);
}

/**
 * The contacts to recompute and those who recommended them, before and after the write (a
 * referral's first purchase is the referrer's thank-you; a changed "recommended by" moves it).
 */
async function withReferrers(db: KundennahDB, ids: Set<string>): Promise<string[]> {
  const list = [...ids];
  const [contacts, summaries] = await Promise.all([
    db.contacts.bulkGet(list),
    db.summaries.bulkGet(list),
  ]);
  for (const c of contacts) if (c?.referredBy) ids.add(c.referredBy);
  for (const s of summaries) if (s?.referredBy) ids.add(s.referredBy);
  return [...ids];
}

/** Contacts whose stored tier or reason differs from `tiers` (a purchase can move others too). */
export async function contactsWithChangedTier(db: KundennahDB, tiers: TierMap): Promise<string[]> {
  const stored = await db.summaries.toArray();
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const s of stored) {
    seen.add(s.contactId);
    const t = tiers[s.contactId];
    if (!t || t.tier !== s.tier || t.reason !== s.tierReason) changed.push(s.contactId);
  }
  for (const id of Object.keys(tiers)) if (!seen.has(id)) changed.push(id);
  return changed;
}

/**
 * Is what is stored computed for today, these settings and this code? (Writes not followed yet are
 * the dirty marks: `dirtyMarks`.)
 */
export async function derivedIsFresh(
  db: KundennahDB,
  settings: Settings,
  now: Date,
): Promise<boolean> {
  const state = await getMeta<DerivedState>(db, 'derived');
  return (
    !!state &&
    state.version === DERIVED_VERSION &&
    state.day === createContext(settings, now).todayIso &&
    state.settingsKey === settingsKey(settings)
  );
}
