// Today's agenda (PRODUCT.md "Agenda"): every pressing candidate of every contact, tiers from
// computeTiers over the same histories, ordered by priority, due date, tier (A first), name
// (Intl.Collator in settings.locale, base sensitivity), then id.

import type { ContactHistory, Settings, Tier } from '../model';
import { createContext } from './context';
import { collationKey, compareNames, nameCollator } from './format';
import { rawCandidates, type RawCandidate } from './candidates';
import { describeCandidateLazily } from './describe';
import { KIND_PRIORITY, type AgendaItem } from './kinds';
import { idOf, listOf } from './records';
import { analyzeTiersIn } from './tiers';

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

interface Entry {
  raw: RawCandidate;
  history: ContactHistory;
  tier: Tier;
  /** Priority, due day and tier in one number, so most comparisons are one subtraction. */
  rank: number;
  name: string;
  /** Collation key of the name, computed on first comparison (undefined: not yet). */
  key: string | null | undefined;
  id: string;
}

function keyOf(e: Entry): string | null {
  return e.key === undefined ? (e.key = collationKey(e.name)) : e.key;
}

const INDEX_BITS = 2 ** 20;

/**
 * Sort by rank, then by `tie` within equal ranks. The ranks go through a native numeric sort of a
 * typed array (rank and index packed into one exact double), so the comparator only runs inside
 * groups of equal rank — a few thousand calls instead of a few hundred thousand.
 */
function sortEntries(entries: Entry[], tie: (a: Entry, b: Entry) => number): void {
  const n = entries.length;
  if (n >= INDEX_BITS) {
    entries.sort((a, b) => a.rank - b.rank || tie(a, b));
    return;
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (entries[i] as Entry).rank * INDEX_BITS + i;
  packed.sort();
  const sorted: Entry[] = new Array<Entry>(n);
  for (let i = 0; i < n; i++) sorted[i] = entries[(packed[i] as number) % INDEX_BITS] as Entry;
  let start = 0;
  while (start < n) {
    const rank = (sorted[start] as Entry).rank;
    let end = start + 1;
    while (end < n && (sorted[end] as Entry).rank === rank) end++;
    if (end - start > 1) {
      const group = sorted.slice(start, end).sort(tie);
      for (let i = 0; i < group.length; i++) sorted[start + i] = group[i] as Entry;
    }
    start = end;
  }
  for (let i = 0; i < n; i++) entries[i] = sorted[i] as Entry;
}

/** Every pressing candidate of every contact, in the agenda order (ARCHITECTURE.md contract). */
export function buildAgenda(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): AgendaItem[] {
  const ctx = createContext(settings, now);
  if (!ctx.valid) return [];
  const list = listOf(histories);
  const tierAt = analyzeTiersIn(list, ctx, { reasons: false }).tierAt;
  const entries: Entry[] = [];
  for (let k = 0; k < list.length; k++) {
    const h = list[k];
    if (!h?.contact) continue;
    const id = idOf(h.contact);
    const tier = tierAt[k] ?? 'C';
    const { raws } = rawCandidates(h, tier, ctx, true);
    const name = typeof h.contact.name === 'string' ? h.contact.name : '';
    for (const raw of raws)
      if (raw.pressing)
        entries.push({
          raw,
          history: h,
          tier,
          // priority 0–8, due day (years 1–9999 lie within ±4·10⁶), tier 0–2: an exact integer.
          rank: (raw.priority * 8_000_000 + (raw.due + 4_000_000)) * 4 + TIER_RANK[tier],
          name,
          key: undefined,
          id,
        });
  }
  const collator = nameCollator(ctx.s.locale);
  const byName = (a: Entry, b: Entry) =>
    (a.name === b.name ? 0 : compareNames(a.name, keyOf(a), b.name, keyOf(b), collator)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  sortEntries(entries, byName);
  return entries.map((e) => ({
    contactId: e.id,
    suggestion: describeCandidateLazily(e.raw, e.history, e.tier, ctx),
  }));
}

/** What the agenda order reads of an item that was computed earlier (stored agenda rows). */
export interface AgendaSortable {
  kind: AgendaItem['suggestion']['kind'];
  due: string;
  tier: Tier;
  name: string;
  contactId: string;
}

/**
 * The agenda order of PRODUCT.md for items already computed: priority, due day, tier (A first),
 * name (base sensitivity in the locale), id. `buildAgenda` sorts the same way, faster.
 */
export function compareAgendaEntries(
  locale: string,
): (a: AgendaSortable, b: AgendaSortable) => number {
  const collator = nameCollator(locale);
  return (a, b) =>
    KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind] ||
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    collator.compare(a.name, b.name) ||
    (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0);
}
