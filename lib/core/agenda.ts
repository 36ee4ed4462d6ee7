// Today's agenda (PRODUCT.md "Agenda"): every pressing candidate of every contact, tiers from
// computeTiers over the same histories, ordered by priority, due date, tier (A first), name
// (Intl.Collator in settings.locale, base sensitivity), then id.

import type { ContactHistory, Settings, Tier } from '../model';
import { createContext } from './context';
import { collationKey, compareNames, nameCollator } from './format';
import { collectCandidates, type RawCandidate } from './candidates';
import { describeCandidateLazily } from './describe';
import { KIND_PRIORITY, type AgendaItem } from './kinds';
import { idOf, listOf } from './records';
import { analyzeTiersIn } from './tiers';

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

const INDEX_BITS = 2 ** 20;

/**
 * The order of `n` items by rank, then by `tie` within equal ranks: indexes into the caller's
 * arrays. The ranks go through a native numeric sort of a typed array (rank and index packed into
 * one exact double), so the comparator only runs inside groups of equal rank — a few thousand calls
 * instead of a few hundred thousand.
 */
function orderByRank(
  ranks: Float64Array,
  n: number,
  tie: (a: number, b: number) => number,
): ArrayLike<number> {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n >= INDEX_BITS) {
    return Array.from(order).sort(
      (a, b) => (ranks[a] as number) - (ranks[b] as number) || tie(a, b),
    );
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (ranks[i] as number) * INDEX_BITS + i;
  packed.sort();
  for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % INDEX_BITS;
  let start = 0;
  while (start < n) {
    const rank = ranks[order[start] as number] as number;
    let end = start + 1;
    while (end < n && ranks[order[end] as number] === rank) end++;
    if (end - start > 1) order.subarray(start, end).sort(tie);
    start = end;
  }
  return order;
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
  const tierAt = analyzeTiersIn(list, ctx, { reasons: false, units: false }).tierAt;
  // The pressing candidates of all contacts, each made an item right away while its contact is at
  // hand (reading the contacts again in agenda order would jump all over memory).
  const raws: RawCandidate[] = [];
  const items: AgendaItem[] = [];
  const names: string[] = [];
  const tiers: Tier[] = [];
  for (let k = 0; k < list.length; k++) {
    const h = list[k];
    if (!h?.contact) continue;
    const tier = tierAt[k] ?? 'C';
    const before = raws.length;
    collectCandidates(h, tier, ctx, true, raws);
    if (raws.length === before) continue;
    const id = idOf(h.contact);
    const name = typeof h.contact.name === 'string' ? h.contact.name : '';
    for (let j = before; j < raws.length; j++) {
      items.push({
        contactId: id,
        suggestion: describeCandidateLazily(raws[j] as RawCandidate, h, tier, ctx),
      });
      names.push(name);
      tiers.push(tier);
    }
  }
  const n = raws.length;
  // priority 0–8, due day (years 1–9999 lie within ±4·10⁶), tier 0–2: an exact integer.
  const ranks = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const raw = raws[j] as RawCandidate;
    ranks[j] = (raw.priority * 8_000_000 + (raw.due + 4_000_000)) * 4 + TIER_RANK[tiers[j] as Tier];
  }
  // Within equal ranks: by name (base sensitivity in the locale), then id; collation keys are
  // computed only for the names that meet there.
  const collator = nameCollator(ctx.s.locale);
  const keys: (string | null | undefined)[] = new Array<string | null | undefined>(n);
  const keyOf = (j: number): string | null => {
    let key = keys[j];
    if (key === undefined) keys[j] = key = collationKey(names[j] as string);
    return key;
  };
  const byName = (a: number, b: number): number => {
    const na = names[a] as string;
    const nb = names[b] as string;
    if (na !== nb) {
      const c = compareNames(na, keyOf(a), nb, keyOf(b), collator);
      if (c !== 0) return c;
    }
    const ia = (items[a] as AgendaItem).contactId;
    const ib = (items[b] as AgendaItem).contactId;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  const order = orderByRank(ranks, n, byName);
  const agenda: AgendaItem[] = new Array<AgendaItem>(n);
  for (let i = 0; i < n; i++) agenda[i] = items[order[i] as number] as AgendaItem;
  return agenda;
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
