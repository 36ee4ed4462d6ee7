// Today's agenda (PRODUCT.md "Agenda"): every contact's agenda items (candidates.ts decides which),
// tiers from computeTiers over the same histories, ordered by rank — priority, due date, tier (A
// first), see `agendaRank` — then name (Intl.Collator in settings.locale, base sensitivity), then id.
// The background stores exactly these entries; the popup sorts stored rows with the same comparator.

import type { ContactHistory, Occasion, Settings } from '../model';
import { AgendaTouches } from './candidates';
import { createContext, type CoreContext } from './context';
import { collationKey, compareNames, nameCollator } from './collation';
import type { AgendaEntry, AgendaItem } from './kinds';
import { linkReferrals, normalizeHistories } from './records';
import { analyzeTiersIn } from './tiers';

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

/** What the agenda order reads of an entry: its rank, its contact's name and id. */
export interface AgendaSortable {
  rank: number;
  name: string;
  contactId: string;
}

/** Within one rank: name (base sensitivity in the locale), then contact id. */
function tieBreak(
  collator: Intl.Collator,
  keyOf: (name: string) => string | null,
): (a: AgendaSortable, b: AgendaSortable) => number {
  return (a, b) => {
    if (a.name !== b.name) {
      const c = compareNames(a.name, keyOf(a.name), b.name, keyOf(b.name), collator);
      if (c !== 0) return c;
    }
    return a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0;
  };
}

/** The agenda order of PRODUCT.md for entries already computed (stored agenda rows). */
export function compareAgendaEntries(
  locale: string,
): (a: AgendaSortable, b: AgendaSortable) => number {
  const tie = tieBreak(nameCollator(locale), collationKey);
  return (a, b) => a.rank - b.rank || tie(a, b);
}

/** Every agenda entry of every contact in the agenda order, in one computation's context. */
export function agendaEntriesIn(histories: ContactHistory[], ctx: CoreContext): AgendaEntry[] {
  if (!ctx.valid) return [];
  const list = linkReferrals(normalizeHistories(histories));
  const tierAt = analyzeTiersIn(list, ctx, { reasons: false, units: false }).tierAt;
  const entries: AgendaEntry[] = [];
  const touches = new AgendaTouches(ctx);
  for (let k = 0; k < list.length; k++)
    touches.add(list[k] as ContactHistory, tierAt[k] ?? 'C', entries);
  const n = entries.length;
  const ranks = new Float64Array(n);
  for (let j = 0; j < n; j++) ranks[j] = (entries[j] as AgendaEntry).rank;
  // Collation keys are computed only for the names that meet within a rank, once per name.
  const keys = new Map<string, string | null>();
  const keyOf = (name: string): string | null => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = collationKey(name)));
    return key;
  };
  const tie = tieBreak(nameCollator(ctx.s.locale), keyOf);
  const order = orderByRank(ranks, n, (a, b) =>
    tie(entries[a] as AgendaEntry, entries[b] as AgendaEntry),
  );
  const sorted: AgendaEntry[] = new Array<AgendaEntry>(n);
  for (let i = 0; i < n; i++) sorted[i] = entries[order[i] as number] as AgendaEntry;
  return sorted;
}

/** `agendaEntriesIn` with its own context. */
export function agendaEntries(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
  occasions: readonly Occasion[] = [],
): AgendaEntry[] {
  return agendaEntriesIn(histories, createContext(settings, now, occasions));
}

/** Every pressing candidate of every contact, in the agenda order (ARCHITECTURE.md contract). */
export function buildAgenda(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
  occasions: readonly Occasion[] = [],
): AgendaItem[] {
  const entries = agendaEntries(histories, settings, now, occasions);
  const items: AgendaItem[] = new Array<AgendaItem>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as AgendaEntry;
    items[i] = { contactId: e.contactId, suggestion: e.suggestion };
  }
  return items;
}
