// Derived data: per-contact summaries and today's agenda rows, computed with the core and stored so
// that the popup, the dashboard and the badge read a few rows instead of every history. The
// background is the only writer; it recomputes the contacts a write touched, and everything when the
// day, the settings or this code's version change.
import {
  KIND_PRIORITY,
  computeTiers,
  foldText,
  lastPersonalContact,
  listCandidates,
  riskReasons,
  todayIn,
  type Candidate,
} from '../core';
import { historyOf, type ContactHistory, type Settings, type Tier } from '../model';
import { guardWrite } from './errors';
import { getMeta, setMeta } from './meta';
import { getAllHistories, getHistory } from './repo';
import type { AgendaRow, DismissalRow, KundennahDB, StoredSuggestion, SummaryRow } from './schema';

/** Bump when what is derived changes: every client recomputes once. */
export const DERIVED_VERSION = 1;

export interface DerivedState {
  version: number;
  day: string;
  settingsKey: string;
}

export type TierMap = Record<string, { tier: Tier; reason: string }>;

export function settingsKey(settings: Settings): string {
  return JSON.stringify(settings);
}

const plain = (c: Candidate): StoredSuggestion => ({
  kind: c.kind,
  channel: c.channel,
  due: c.due,
  reasons: [...c.reasons],
  talkingPoints: [...c.talkingPoints],
});

/** The promise or follow-up a candidate is about (popup actions act on it). */
function recordOf(c: Candidate, h: ContactHistory): string | undefined {
  if (c.kind === 'commitment') {
    const open = h.commitments
      .filter((x) => !x.doneAt)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return open[0]?.id;
  }
  if (c.kind === 'follow-up') {
    const open = h.followUps
      .filter((x) => !x.doneAt)
      .sort((a, b) => (a.snoozedUntil ?? a.dueAt).localeCompare(b.snoozedUntil ?? b.dueAt));
    return open[0]?.id;
  }
  if (c.kind === 'complaint') {
    const open = h.feedback
      .filter((f) => f.complaint && !f.resolvedAt)
      .sort((a, b) => a.at.localeCompare(b.at));
    return open[0]?.id;
  }
  return undefined;
}

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

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

/** The sortable part of the agenda order (priority, due day, tier); names break ties in memory. */
export function agendaRank(kind: Candidate['kind'], due: string, tier: Tier): string {
  return `${KIND_PRIORITY[kind]}|${due}|${TIER_RANK[tier]}`;
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

/** Summary and agenda rows of one contact (pure). */
export function deriveContact(
  h: ContactHistory,
  tier: { tier: Tier; reason: string },
  settings: Settings,
  now: Date,
  dismissals: DismissalRow[] = [],
): { summary: SummaryRow; agenda: AgendaRow[] } {
  const c = h.contact;
  const day = todayIn(now, settings.timeZone);
  const candidates = listCandidates(h, tier.tier, settings, now);
  const pressing = candidates.filter((x) => x.pressing);
  const dismissedKinds = new Map(dismissals.map((d) => [d.kind, d]));
  const shown = pressing.filter((p) => !isDismissed(p, dismissedKinds.get(p.kind), day));
  // suggestNextTouch's rule (PRODUCT.md): the pressing one of highest priority, else the one due
  // first (ties by priority). listCandidates returns them in priority order.
  const next =
    pressing[0] ??
    [...candidates].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0] ??
    null;
  const last = lastPersonalContact(h, settings, now);
  const summary: SummaryRow = {
    contactId: c.id,
    name: c.name,
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
    nextDue: next?.due,
    risks: riskReasons(h, tier.tier, settings, now).map((r) => ({ kind: r.kind, text: r.text })),
    birthday: c.birthday,
    words: searchWords([c.name, c.company, ...c.emails]),
    search: foldText(
      [c.name, c.company, ...c.emails, ...c.interests, c.notes, c.position]
        .filter(Boolean)
        .join(' '),
    ),
    day,
  };
  for (const k of Object.keys(summary) as (keyof SummaryRow)[])
    if (summary[k] === undefined) delete summary[k];
  const agenda: AgendaRow[] = shown.map((p) => {
    const row: AgendaRow = {
      ...plain(p),
      id: `${c.id}:${p.kind}`,
      contactId: c.id,
      tier: tier.tier,
      name: c.name,
      company: c.company,
      email: c.emails[0],
      phone: c.phones[0],
      profileUrls: c.profileUrls,
      recordId: recordOf(p, h),
      rank: agendaRank(p.kind, p.due, tier.tier),
      day,
    };
    for (const k of Object.keys(row) as (keyof AgendaRow)[])
      if (row[k] === undefined) delete row[k];
    return row;
  });
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

export type AgendaCounts = Partial<Record<Candidate['kind'], number>>;

/** Agenda items per kind, kept next to the rows (counting an index reads it all: too slow). */
export const AGENDA_COUNTS_KEY = 'agendaCounts';

function countKinds(rows: AgendaRow[], into: AgendaCounts = {}, sign = 1): AgendaCounts {
  for (const r of rows) into[r.kind] = (into[r.kind] ?? 0) + sign;
  return into;
}

async function writeRows(
  db: KundennahDB,
  contactIds: string[],
  summaries: SummaryRow[],
  agenda: AgendaRow[],
  replaceAll: boolean,
): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', [db.summaries, db.agenda, db.meta], async () => {
      let counts: AgendaCounts;
      if (replaceAll) {
        await db.summaries.clear();
        await db.agenda.clear();
        counts = countKinds(agenda);
      } else {
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
    }),
  );
}

/** Everything, from scratch (new day, new settings, first start, after an upgrade). */
export async function recomputeAll(
  db: KundennahDB,
  settings: Settings,
  now: Date,
): Promise<TierMap> {
  const histories = await getAllHistories(db);
  const tiers = computeTiers(histories, settings, now);
  const dismissals = groupBy(await db.dismissals.toArray());
  const summaries: SummaryRow[] = [];
  const agenda: AgendaRow[] = [];
  for (const h of histories) {
    const d = deriveContact(
      h,
      tiers[h.contact.id] ?? { tier: 'C', reason: '' },
      settings,
      now,
      dismissals.get(h.contact.id),
    );
    summaries.push(d.summary);
    agenda.push(...d.agenda);
  }
  await writeRows(db, [], summaries, agenda, true);
  await setMeta(db, 'derived', {
    version: DERIVED_VERSION,
    day: todayIn(now, settings.timeZone),
    settingsKey: settingsKey(settings),
  } satisfies DerivedState);
  return tiers;
}

/**
 * The contacts a write touched (and, when tiers moved, everyone whose tier changed). `tiers` are the
 * current tiers of everyone (the caller computes them when contacts or purchases changed).
 */
export async function recomputeContacts(
  db: KundennahDB,
  contactIds: Iterable<string>,
  tiers: TierMap,
  settings: Settings,
  now: Date,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (!ids.length) return;
  const summaries: SummaryRow[] = [];
  const agenda: AgendaRow[] = [];
  for (const id of ids) {
    const h = await getHistory(db, id);
    if (!h) continue; // deleted: its rows go below
    const dismissals = await db.dismissals.where('contactId').equals(id).toArray();
    const d = deriveContact(h, tiers[id] ?? { tier: 'C', reason: '' }, settings, now, dismissals);
    summaries.push(d.summary);
    agenda.push(...d.agenda);
  }
  await writeRows(db, ids, summaries, agenda, false);
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

/** Is what is stored computed for today, these settings and this code? */
export async function derivedIsFresh(
  db: KundennahDB,
  settings: Settings,
  now: Date,
): Promise<boolean> {
  const state = await getMeta<DerivedState>(db, 'derived');
  return (
    !!state &&
    state.version === DERIVED_VERSION &&
    state.day === todayIn(now, settings.timeZone) &&
    state.settingsKey === settingsKey(settings)
  );
}
