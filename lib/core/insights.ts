// Insights for the dashboard (PRODUCT.md "Dashboard"): A/B/C distribution, revenue Pareto, upcoming
// birthdays, and the last personal contact of a contact.

import type { Channel, ContactHistory, Interaction, Occasion, Settings, Tier } from '../model';
import { nextOccurrence } from './candidate';
import { createContext, type CoreContext } from './context';
import { DAY_MS, isoFromDayNumber } from './days';
import { nameCollator } from './collation';
import {
  isLost,
  latestInteraction,
  linkReferrals,
  normalizeHistories,
  normalizeHistory,
  referralsOf,
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

// ---------------------------------------------------------------------------------------------
// Referrals and occasions (issue "Something to bring to every touch", 4)

export interface ReferrerFigures {
  contactId: string;
  name: string;
  /** Contacts they recommended. */
  referred: number;
  /** Of those, the ones who bought. */
  customers: number;
  /** What the recommended contacts bought up to now (refunds count), EUR. */
  revenue: number;
}

/** Everyone who recommended someone, with what their referrals brought; most revenue first. */
export function referrerFigures(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): ReferrerFigures[] {
  const ctx = createContext(settings, now);
  if (!ctx.valid) return [];
  const out: ReferrerFigures[] = [];
  for (const h of linkReferrals(normalizeHistories(histories))) {
    const refs = referralsOf(h, ctx);
    if (!refs.length) continue;
    out.push({
      contactId: h.contact.id,
      name: h.contact.name,
      referred: refs.length,
      customers: refs.filter((r) => r.first).length,
      revenue: refs.reduce((sum, r) => sum + r.revenueCents, 0) / 100,
    });
  }
  const collator = nameCollator(ctx.s.locale);
  return out.sort(
    (a, b) => b.revenue - a.revenue || b.referred - a.referred || collator.compare(a.name, b.name),
  );
}

/** Days after bringing an occasion in which a purchase or a reply counts as what followed. */
export const OCCASION_FOLLOW_DAYS = 60;

export interface OccasionOutcome {
  occasionId: string;
  title: string;
  /** The contacts it was brought to. */
  brought: number;
  /** Of those, the ones who bought or answered within OCCASION_FOLLOW_DAYS days. */
  followed: number;
  /** …who bought, and who answered (personal message or call of theirs). */
  purchases: number;
  replies: number;
}

/**
 * Each occasion with how often it was brought and what followed (a purchase, or a reply, within
 * OCCASION_FOLLOW_DAYS days of bringing it); most brought first. Occasions deleted since keep the
 * title the touch recorded.
 */
export function occasionOutcomes(
  occasions: readonly Occasion[],
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): OccasionOutcome[] {
  const ctx = createContext(settings, now);
  if (!ctx.valid) return [];
  const window = OCCASION_FOLLOW_DAYS * DAY_MS;
  const byId = new Map<string, OccasionOutcome>();
  for (const o of occasions)
    byId.set(o.id, {
      occasionId: o.id,
      title: o.title,
      brought: 0,
      followed: 0,
      purchases: 0,
      replies: 0,
    });
  for (const h of normalizeHistories(histories)) {
    // The first time each occasion was brought to this contact.
    const first = new Map<string, { t: number; title: string }>();
    for (const i of h.interactions) {
      const id = i.brought?.occasionId;
      if (typeof id !== 'string') continue;
      const t = ctx.zone.parse(i.at);
      if (!(t <= ctx.nowMs)) continue;
      const seen = first.get(id);
      if (!seen || t < seen.t) first.set(id, { t, title: i.brought?.text ?? '' });
    }
    for (const [id, { t, title }] of first) {
      let o = byId.get(id);
      if (!o) {
        o = { occasionId: id, title, brought: 0, followed: 0, purchases: 0, replies: 0 };
        byId.set(id, o);
      }
      o.brought++;
      const within = (at: string) => {
        const x = ctx.zone.parse(at);
        return x > t && x <= t + window && x <= ctx.nowMs;
      };
      const bought = h.purchases.some(
        (p) => typeof p.amount === 'number' && p.amount > 0 && within(p.at),
      );
      const replied = h.interactions.some(
        (i) => i.direction === 'in' && i.personal && within(i.at),
      );
      if (bought) o.purchases++;
      if (replied) o.replies++;
      if (bought || replied) o.followed++;
    }
  }
  const collator = nameCollator(ctx.s.locale);
  return [...byId.values()].sort(
    (a, b) => b.brought - a.brought || collator.compare(a.title, b.title),
  );
}
