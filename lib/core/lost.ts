// Learning from lost customers (PRODUCT.md point 6): who left, why, what they were worth, and whom
// nobody has called yet to find out.

import {
  LOST_REASONS,
  type ContactHistory,
  type LostReason,
  type Settings,
  type Tier,
} from '../model';
import { createContext, isTier } from './context';
import { isoFromDayNumber, type DayNumber } from './days';
import { isLost, lostDay, purchasesBetween, tierInputsOf, toCents } from './records';
import { analyzeTiersIn, tierForFigure } from './tiers';

export interface LostEntry {
  contactId: string;
  name: string;
  reason: LostReason;
  /** `YYYY-MM-DD`: `lost.at`, else the `updatedAt` day. */
  lostOn: string;
  /** Revenue (EUR) of the lost day and the 364 days before it. */
  revenueLost: number;
  /** What kind of customer we lost: `tierOverride`, else the tier that figure has among today's units. */
  tier: Tier;
  exitConversation: boolean;
  learned?: string;
}

export interface LostGroup {
  count: number;
  revenueLost: number;
}

export interface LostAnalysis {
  total: number;
  revenueLost: number;
  /** Reasons with at least one contact, most frequent first (then most revenue, then fixed order). */
  byReason: (LostGroup & { reason: LostReason })[];
  byTier: Record<Tier, LostGroup>;
  /** Ids of lost contacts without an exit conversation, longest waiting first. */
  withoutExitConversation: string[];
  /** All lost contacts, most recently lost first. */
  entries: LostEntry[];
}

const REASONS: ReadonlySet<string> = new Set<string>(LOST_REASONS);

/**
 * Lost customers by reason and by tier. "Revenue lost" is what they bought in the 365 days up to the
 * day they were lost (the same window as "the last 12 months", seen from that day) — the yearly
 * revenue that walked away. Purchases dated after now are ignored as everywhere.
 */
export function analyzeLost(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): LostAnalysis {
  const ctx = createContext(settings, now);
  const list = tierInputsOf(histories);
  const analysis = analyzeTiersIn(list, ctx, { units: false });
  const entries: (LostEntry & { day: DayNumber; cents: number })[] = [];
  if (ctx.valid)
    for (const h of list) {
      const c = h.contact;
      if (!isLost(c)) continue;
      const day = lostDay(c, ctx);
      const cents = purchasesBetween(
        h,
        ctx,
        ctx.zone.startOfDay(day - 364),
        ctx.zone.startOfDay(day + 1) - 1,
      ).cents;
      let tier: Tier;
      if (isTier(c.tierOverride)) tier = c.tierOverride;
      else if (ctx.s.tierMode === 'manual') tier = 'C';
      else {
        const figure =
          ctx.s.tierMode === 'value'
            ? Math.round(Math.max(cents, toCents(c.potential)) * ctx.s.valueHorizonYears)
            : cents;
        tier = tierForFigure(analysis, figure);
      }
      const reason = (
        REASONS.has(c.lost?.reason as string) ? c.lost?.reason : 'unknown'
      ) as LostReason;
      entries.push({
        contactId: c.id,
        name: c.name,
        reason,
        lostOn: isoFromDayNumber(day),
        revenueLost: cents / 100,
        tier,
        exitConversation: !!c.lost?.exitConversationAt,
        learned: c.lost?.learned,
        day,
        cents,
      });
    }
  const byTier: Record<Tier, LostGroup> = {
    A: { count: 0, revenueLost: 0 },
    B: { count: 0, revenueLost: 0 },
    C: { count: 0, revenueLost: 0 },
  };
  const reasonCents = new Map<LostReason, { count: number; cents: number }>();
  const tierCents: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  let totalCents = 0;
  for (const e of entries) {
    totalCents += e.cents;
    byTier[e.tier].count++;
    tierCents[e.tier] += e.cents;
    const g = reasonCents.get(e.reason) ?? { count: 0, cents: 0 };
    g.count++;
    g.cents += e.cents;
    reasonCents.set(e.reason, g);
  }
  for (const t of ['A', 'B', 'C'] as const) byTier[t].revenueLost = tierCents[t] / 100;
  const byReason = [...reasonCents]
    .map(([reason, g]) => ({ reason, count: g.count, revenueLost: g.cents / 100, cents: g.cents }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.cents - a.cents ||
        LOST_REASONS.indexOf(a.reason) - LOST_REASONS.indexOf(b.reason),
    )
    .map(({ reason, count, revenueLost }) => ({ reason, count, revenueLost }));
  const byDay = (a: { day: number; contactId: string }, b: { day: number; contactId: string }) =>
    a.day - b.day || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0);
  const withoutExitConversation = entries
    .filter((e) => !e.exitConversation)
    .sort(byDay)
    .map((e) => e.contactId);
  const sorted = [...entries].sort((a, b) => byDay(b, a));
  return {
    total: entries.length,
    revenueLost: totalCents / 100,
    byReason,
    byTier,
    withoutExitConversation,
    entries: sorted.map(({ day: _day, cents: _cents, ...e }) => e),
  };
}
