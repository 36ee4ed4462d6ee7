// What the insights page shows, put together from the two rows the background keeps for it
// (lib/db/derived.ts) and from today's agenda rows (overdue relationships): no history is read.
// Pure.
import { insightsFrom, tierRank, type Insights, type TierInsights } from '../../core';
import type { AgendaRow, InsightParts } from '../../db';
import { todayIn } from '../format';
import type { Occasion } from '../../model';

export { BIRTHDAY_DAYS, type Insights } from '../../core';

/** What the background keeps for the insights page (null before it first derived them). */
export interface StoredInsights {
  tiers: TierInsights;
  parts: InsightParts;
}

/** The insights from the stored rows, with the occasions as they are now. */
export function insightsFromStored(
  stored: StoredInsights,
  occasions: readonly Occasion[],
  locale: string,
): Insights {
  return insightsFrom(stored.tiers, Object.values(stored.parts), occasions, locale);
}

/** Relationships whose regular personal contact is overdue (due before today): A first, then the
 * longest overdue. From the agenda the background keeps, so no history is read. */
export function overdueRelationships(
  agenda: AgendaRow[],
  now: Date,
  timeZone?: string,
): AgendaRow[] {
  const today = todayIn(now, timeZone);
  return agenda
    .filter((r) => r.kind === 'cadence' && r.due < today)
    .sort(
      (a, b) =>
        tierRank(a.tier) - tierRank(b.tier) ||
        (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
        a.name.localeCompare(b.name),
    );
}
