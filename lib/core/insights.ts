// Insights for the dashboard (PRODUCT.md "Dashboard"): A/B/C distribution, revenue Pareto, upcoming
// birthdays, early warnings, lost customers, referrals, occasions, and the last personal contact of
// a contact. The page shows them from rows the background keeps (lib/db/derived.ts): what follows
// from contacts and purchases alone (`tierInsights`, computed with the tiers) and each contact's
// part (`insightPartIn`, kept with its summary), put together by `insightsFrom`; `insightsOf` does
// the same from every history at once.

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
import { analyzeLost, type LostAnalysis } from './lost';
import { riskReasonsIn, sortAtRisk, type AtRiskEntry, type RiskReason } from './risk';
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

/** An occasion first brought to one contact (up to now), and what followed within
 * OCCASION_FOLLOW_DAYS days: a purchase, a reply (a personal message or call of theirs). */
export interface OccasionBrought {
  occasionId: string;
  /** The title the touch recorded (kept for occasions deleted since). */
  title: string;
  purchase: boolean;
  reply: boolean;
}

/** The occasions brought to one normalized contact, each counted from the first time. */
export function occasionsBroughtIn(h: ContactHistory, ctx: CoreContext): OccasionBrought[] {
  if (!ctx.valid) return [];
  const window = OCCASION_FOLLOW_DAYS * DAY_MS;
  const first = new Map<string, { t: number; title: string }>();
  for (const i of h.interactions) {
    const id = i.brought?.occasionId;
    if (typeof id !== 'string') continue;
    const t = ctx.zone.parse(i.at);
    if (!(t <= ctx.nowMs)) continue;
    const seen = first.get(id);
    if (!seen || t < seen.t) first.set(id, { t, title: i.brought?.text ?? '' });
  }
  const out: OccasionBrought[] = [];
  for (const [occasionId, { t, title }] of first) {
    const within = (at: string) => {
      const x = ctx.zone.parse(at);
      return x > t && x <= t + window && x <= ctx.nowMs;
    };
    out.push({
      occasionId,
      title,
      purchase: h.purchases.some(
        (p) => typeof p.amount === 'number' && p.amount > 0 && within(p.at),
      ),
      reply: h.interactions.some((i) => i.direction === 'in' && i.personal && within(i.at)),
    });
  }
  return out;
}

/**
 * Each occasion with how often it was brought and what followed, from every contact's
 * `occasionsBroughtIn`; most brought first. Occasions deleted since keep the title the touch
 * recorded.
 */
export function occasionOutcomesFrom(
  occasions: readonly Occasion[],
  brought: Iterable<readonly OccasionBrought[]>,
  locale: string,
): OccasionOutcome[] {
  const byId = new Map<string, OccasionOutcome>();
  const outcome = (occasionId: string, title: string): OccasionOutcome => ({
    occasionId,
    title,
    brought: 0,
    followed: 0,
    purchases: 0,
    replies: 0,
  });
  for (const o of occasions) byId.set(o.id, outcome(o.id, o.title));
  for (const list of brought)
    for (const b of list) {
      let o = byId.get(b.occasionId);
      if (!o) {
        o = outcome(b.occasionId, b.title);
        byId.set(b.occasionId, o);
      }
      o.brought++;
      if (b.purchase) o.purchases++;
      if (b.reply) o.replies++;
      if (b.purchase || b.reply) o.followed++;
    }
  const collator = nameCollator(locale);
  return [...byId.values()].sort(
    (a, b) => b.brought - a.brought || collator.compare(a.title, b.title),
  );
}

/** Each occasion with how often it was brought and what followed (`occasionOutcomesFrom`). */
export function occasionOutcomes(
  occasions: readonly Occasion[],
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): OccasionOutcome[] {
  const ctx = createContext(settings, now);
  if (!ctx.valid) return [];
  return occasionOutcomesFrom(
    occasions,
    normalizeHistories(histories).map((h) => occasionsBroughtIn(h, ctx)),
    ctx.s.locale,
  );
}

// ---------------------------------------------------------------------------------------------
// The insights page as a whole

/** Upcoming birthdays are listed this many days ahead. */
export const BIRTHDAY_DAYS = 30;

/** What of the insights follows from contacts and purchases alone (the tier rule's inputs). */
export interface TierInsights {
  contacts: number;
  distribution: TierDistribution;
  pareto: ParetoPoint[];
  lost: LostAnalysis;
  birthdays: UpcomingBirthday[];
  /** Who recommended customers, with what their referrals bought; most revenue first. */
  referrers: ReferrerFigures[];
}

export function tierInsights(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): TierInsights {
  return {
    contacts: histories.length,
    distribution: tierDistribution(histories, settings, now),
    pareto: paretoSeries(histories, settings, now),
    lost: analyzeLost(histories, settings, now),
    birthdays: upcomingBirthdays(histories, settings, now, BIRTHDAY_DAYS),
    referrers: referrerFigures(histories, settings, now),
  };
}

/** One contact's part of the rest: its early warnings and the occasions brought to it. */
export interface InsightPart {
  risks: RiskReason[];
  brought: OccasionBrought[];
}

/** `InsightPart` of one normalized contact with its tier, in one computation's context. */
export function insightPartIn(h: ContactHistory, tier: Tier, ctx: CoreContext): InsightPart {
  return { risks: riskReasonsIn(h, tier, ctx), brought: occasionsBroughtIn(h, ctx) };
}

/** A contact's part with what the page shows of the contact. */
export interface NamedInsightPart extends InsightPart {
  contactId: string;
  name: string;
  company?: string;
  tier: Tier;
}

export interface Insights extends TierInsights {
  atRisk: (AtRiskEntry & { name: string; company?: string })[];
  /** Every occasion (and one deleted since that was brought), with what followed; most brought
   * first. */
  occasions: OccasionOutcome[];
}

/** The insights from the tier part and every contact's part (only contacts with a warning or a
 * brought occasion need to be passed). */
export function insightsFrom(
  tiers: TierInsights,
  parts: Iterable<NamedInsightPart>,
  occasions: readonly Occasion[],
  locale: string,
): Insights {
  const atRisk: Insights['atRisk'] = [];
  const brought: OccasionBrought[][] = [];
  for (const p of parts) {
    if (p.risks.length)
      atRisk.push({
        contactId: p.contactId,
        tier: p.tier,
        reasons: p.risks,
        name: p.name,
        ...(p.company ? { company: p.company } : {}),
      });
    if (p.brought.length) brought.push(p.brought);
  }
  return {
    ...tiers,
    atRisk: sortAtRisk(atRisk, locale),
    occasions: occasionOutcomesFrom(occasions, brought, locale),
  };
}

/** The insights from every history at once (what the stored rows must add up to). */
export function insightsOf(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
  occasions: readonly Occasion[] = [],
): Insights {
  const ctx = createContext(settings, now);
  const list = normalizeHistories(histories);
  const tiers = tierInsights(list, settings, now);
  if (!ctx.valid) return insightsFrom(tiers, [], occasions, ctx.s.locale);
  const tierAt = analyzeTiersIn(list, ctx, { reasons: false, units: false }).tierAt;
  const parts = list.map((h, k) => {
    const tier = tierAt[k] ?? 'C';
    return {
      contactId: h.contact.id,
      name: h.contact.name,
      company: h.contact.company,
      tier,
      ...insightPartIn(h, tier, ctx),
    };
  });
  return insightsFrom(tiers, parts, occasions, ctx.s.locale);
}
