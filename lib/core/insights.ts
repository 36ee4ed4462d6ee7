// Insights for the dashboard (PRODUCT.md "Dashboard"): A/B/C distribution, revenue Pareto, upcoming
// birthdays, and the last personal contact of a contact.

import type { Channel, ContactHistory, Interaction, Settings, Tier } from '../model';
import { nextOccurrence } from './candidate';
import { createContext, type CoreContext } from './context';
import { isoFromDayNumber } from './days';
import { nameCollator } from './collation';
import {
  isLost,
  latestInteraction,
  normalizeHistories,
  normalizeHistory,
  tierInputsOf,
} from './records';
import { analyzeTiersIn } from './tiers';

export interface TierBucket {
  /** Non-lost contacts with this tier (after overrides). */
  contacts: number;
  /** Their revenue (EUR) of the last 365 days, or their annual estimates. */
  revenue: number;
  /** Share of the total revenue of all non-lost contacts (0..1; 0 when there is none). */
  revenueShare: number;
}

export interface TierDistribution {
  tiers: Record<Tier, TierBucket>;
  totalRevenue: number;
  /** Lost contacts, counted apart: they take no part in the tiers. */
  lost: number;
}

/** Count and revenue share per tier, with the tiers computeTiers gives. */
export function tierDistribution(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): TierDistribution {
  const ctx = createContext(settings, now);
  const list = tierInputsOf(histories);
  const analysis = analyzeTiersIn(list, ctx, { persons: true, units: false });
  const cents: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const counts: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  let lost = 0;
  for (const h of list) {
    if (isLost(h.contact)) {
      lost++;
      continue;
    }
    const id = h.contact.id;
    const tier = analysis.tiers[id]?.tier ?? 'C';
    counts[tier]++;
    cents[tier] += analysis.persons.get(id)?.revenueCents ?? 0;
  }
  const total = cents.A + cents.B + cents.C;
  const bucket = (t: Tier): TierBucket => ({
    contacts: counts[t],
    revenue: cents[t] / 100,
    revenueShare: total > 0 ? cents[t] / total : 0,
  });
  return {
    tiers: { A: bucket('A'), B: bucket('B'), C: bucket('C') },
    totalRevenue: total / 100,
    lost,
  };
}

export interface ParetoPoint {
  /** Unit key: the company key, or "\u0000" + contact id for a person without company. */
  key: string;
  name: string;
  company?: string;
  contactIds: string[];
  /** The unit's figure in EUR: revenue, or customer value in value mode. */
  figure: number;
  share: number;
  cumulativeShare: number;
  /** The tier by the figures (overrides of single members are not reflected here). */
  tier: Tier;
}

/**
 * Customer units sorted by figure (largest first, equal figures by name) with their share and the
 * cumulative share of the total; units with a figure of 0 or less close the series with share 0.
 */
export function paretoSeries(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): ParetoPoint[] {
  const ctx = createContext(settings, now);
  const analysis = analyzeTiersIn(tierInputsOf(histories), ctx);
  const total = analysis.totalCents;
  let cum = 0;
  return analysis.units.map((u) => {
    const positive = u.figureCents > 0 ? u.figureCents : 0;
    cum += positive;
    return {
      key: u.key,
      name: u.name,
      company: u.company,
      contactIds: [...u.contactIds],
      figure: u.figureCents / 100,
      share: total > 0 ? positive / total : 0,
      cumulativeShare: total > 0 ? cum / total : 0,
      tier: u.tier,
    };
  });
}

export interface UpcomingBirthday {
  contactId: string;
  name: string;
  who: 'contact' | 'partner';
  /** The partner's name when `who` is partner. */
  partnerName?: string;
  /** `YYYY-MM-DD` of the next occurrence (29 February: 28 February in other years). */
  date: string;
  inDays: number;
  /** The age reached that day when the birth year is known. */
  turns?: number;
}

/**
 * Birthdays of contacts and their partners on today … today + days (both ends included), soonest
 * first, then by name. Lost contacts are left out: their only touch is the exit conversation.
 */
export function upcomingBirthdays(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
  days?: number,
): UpcomingBirthday[] {
  const ctx = createContext(settings, now);
  if (!ctx.valid) return [];
  const span =
    typeof days === 'number' && days >= 0 ? Math.floor(days) : ctx.s.birthdayLookaheadDays;
  const out: (UpcomingBirthday & { day: number })[] = [];
  for (const h of normalizeHistories(histories)) {
    const c = h.contact;
    if (isLost(c)) continue;
    const name = c.name;
    const add = (b: typeof c.birthday, who: 'contact' | 'partner') => {
      const day = nextOccurrence(b, ctx.today);
      if (!(day - ctx.today <= span)) return;
      const date = isoFromDayNumber(day);
      const turns = b?.year ? Number(date.slice(0, 4)) - b.year : undefined;
      out.push({
        contactId: c.id,
        name,
        who,
        ...(who === 'partner' ? { partnerName: c.partner?.name } : {}),
        date,
        inDays: day - ctx.today,
        ...(turns !== undefined && turns > 0 ? { turns } : {}),
        day,
      });
    };
    add(c.birthday, 'contact');
    if (c.partner) add(c.partner.birthday, 'partner');
  }
  const collator = nameCollator(ctx.s.locale);
  out.sort(
    (a, b) =>
      a.day - b.day ||
      collator.compare(a.name, b.name) ||
      (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0) ||
      (a.who === b.who ? 0 : a.who === 'contact' ? -1 : 1),
  );
  return out.map(({ day: _day, ...rest }) => rest);
}

export interface LastPersonalContact {
  interaction: Interaction;
  /** `YYYY-MM-DD` in settings.timeZone. */
  day: string;
  daysAgo: number;
  channel: Channel;
}

/** The latest personal interaction up to now (either direction), or null when there is none. */
export function lastPersonalContact(
  history: ContactHistory,
  settings: Settings,
  now: Date,
): LastPersonalContact | null {
  const h = normalizeHistory(history);
  return h ? lastPersonalContactIn(h, createContext(settings, now)) : null;
}

/** `lastPersonalContact` of a normalized history in one computation's context. */
export function lastPersonalContactIn(
  history: ContactHistory,
  ctx: CoreContext,
): LastPersonalContact | null {
  if (!ctx.valid) return null;
  const last = latestInteraction(history, ctx, 'personal');
  if (!last) return null;
  const day = ctx.zone.dayOf(last.t);
  return {
    interaction: last.rec,
    day: isoFromDayNumber(day),
    daysAgo: ctx.today - day,
    channel: last.rec.channel,
  };
}
