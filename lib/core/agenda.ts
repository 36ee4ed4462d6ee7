// Today's agenda (PRODUCT.md "Agenda"): every pressing candidate of every contact, tiers from
// computeTiers over the same histories, ordered by priority, due date, tier (A first), name
// (Intl.Collator in settings.locale, base sensitivity), then id.

import type { ContactHistory, Settings, Tier } from '../model';
import { createContext } from './context';
import { nameCollator } from './format';
import { rawCandidates, type Prepared, type RawCandidate } from './candidates';
import { describeCandidate } from './describe';
import type { AgendaItem } from './kinds';
import { idOf, listOf } from './records';
import { analyzeTiersIn } from './tiers';

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

interface Entry {
  raw: RawCandidate;
  prep: Prepared;
  tierRank: number;
  name: string;
  id: string;
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
  const tiers = analyzeTiersIn(list, ctx).tiers;
  const entries: Entry[] = [];
  for (const h of list) {
    if (!h?.contact) continue;
    const id = idOf(h.contact);
    const tier = tiers[id]?.tier ?? 'C';
    const { raws, prep } = rawCandidates(h, tier, ctx);
    const name = typeof h.contact.name === 'string' ? h.contact.name : '';
    for (const raw of raws)
      if (raw.pressing) entries.push({ raw, prep, tierRank: TIER_RANK[tier], name, id });
  }
  const collator = nameCollator(ctx.s.locale);
  entries.sort(
    (a, b) =>
      a.raw.priority - b.raw.priority ||
      a.raw.due - b.raw.due ||
      a.tierRank - b.tierRank ||
      (a.name === b.name ? 0 : collator.compare(a.name, b.name)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return entries.map((e) => ({ contactId: e.id, suggestion: describeCandidate(e.raw, e.prep) }));
}
