// A/B/C tiers (PRODUCT.md "Tiers"): Pareto over customer units by revenue of the last 365 days or by
// customer value, or manual; `tierOverride` wins for its contact; lost contacts take no part.

import type { ContactHistory, Purchase, Settings, Tier } from '../model';
import { createContext, isTier, type CoreContext } from './context';
import { formatCents, formatNumber, formatPercent, translate, type Locale } from '../i18n';
import { isLost, tierInputsOf, toCents, type TierInput } from './records';

export interface TierResult {
  tier: Tier;
  reason: string;
}

/** Where a person's revenue figure came from: purchases, the annual estimate, or nothing. */
export type RevenueSource = 'purchases' | 'estimate' | 'none';

export interface PersonFigures {
  contactId: string;
  /** Purchases of the last 365 days (today and the 364 days before), or the annual estimate. */
  revenueCents: number;
  source: RevenueSource;
  /** The figure the person adds to its unit in the current mode (revenue, or customer value). */
  figureCents: number;
}

/** A customer unit: a company (trimmed, inner spaces collapsed, case-insensitive) or one person. */
export interface CustomerUnit {
  key: string;
  /** The company as first written by a member, or undefined for a person unit. */
  company?: string;
  /** Display name: the company, or the person's name. */
  name: string;
  contactIds: string[];
  figureCents: number;
  /** The tier by the figures (before any `tierOverride`; in manual mode for insights only). */
  tier: Tier;
  estimated: 'none' | 'some' | 'all';
  /** How many members contribute an annual estimate instead of purchases. */
  estimates: number;
}

export interface TierAnalysis {
  mode: 'revenue' | 'value' | 'manual';
  /** Units of non-lost contacts, largest figure first (ties by name, then key). */
  units: CustomerUnit[];
  /** Sum of the positive unit figures: the Pareto total. */
  totalCents: number;
  /** How many positive units each tier holds (for "one of 3 customers"). */
  unitCounts: Record<Tier, number>;
  /** Figures per contact id (lost contacts too); filled only when asked for (`withPersons`). */
  persons: Map<string, PersonFigures>;
  /** Tier and reason by contact id (empty when reasons were not asked for). */
  tiers: Record<string, TierResult>;
  /** The tier of each history, in input order (C for entries without contact). */
  tierAt: Tier[];
  /**
   * The smallest figure that still makes a unit A / B (Infinity when no unit has that tier): used to
   * place a figure that is not among the units, e.g. the revenue of a lost customer.
   */
  cutoffs: { A: number; B: number };
}

const PLAIN_COMPANY = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Company key of a unit: trimmed, inner white space collapsed, case-insensitive; '' when blank. */
export function companyKey(company: unknown): string {
  if (typeof company !== 'string') return '';
  // The common spelling (ASCII, single spaces inside, nothing to trim) needs only its case folded.
  if (PLAIN_COMPANY.test(company)) return company.toLowerCase();
  let k = company.trim().replace(/\s+/g, ' ').toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(k)) k = k.normalize('NFC');
  return k;
}

const SCALE = 1_000_000;

/** `cum < share × total` exactly, in integer arithmetic (shares have at most 6 decimals). */
/** The tier of the next figure down, when the larger ones add up to `cum` of `total`. */
function tierAt(figure: number, cum: number, ctx: CoreContext, total: number): Tier {
  if (figure <= 0) return 'C';
  if (below(cum, ctx.s.paretoA, total)) return 'A';
  return below(cum, ctx.s.paretoB, total) ? 'B' : 'C';
}

function below(cum: number, share: number, total: number): boolean {
  const s = Math.round(share * SCALE);
  const left = cum * SCALE;
  const right = s * total;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right;
  return BigInt(cum) * BigInt(SCALE) < BigInt(s) * BigInt(total);
}

/** A company as a unit shows it: trimmed, inner white space collapsed. */
function companyName(company: unknown): string {
  return String(company).trim().replace(/\s+/g, ' ');
}

/**
 * The customer units of one computation as parallel arrays, one slot per unit in the order of their
 * first member: no objects per unit, so the tiers alone cost little more than reading the records.
 */
interface Grouping {
  /** The unit of each history; -1 for entries without contact and for lost contacts. */
  unitOf: Int32Array;
  count: number;
  figure: Float64Array;
  members: Int32Array;
  /** Members contributing an annual estimate instead of purchases. */
  estimates: Int32Array;
  /** History index of the first member (its spelling of the company, its name and id). */
  first: Int32Array;
  /** Company key, or '' for a person unit. */
  keys: string[];
  /** The members' recorded potential (cents per year), summed: a C customer's reason names it. */
  potential: Float64Array;
  /** Value mode: the horizon in years of the first member, and whether members differ in it. */
  years: Float64Array;
  mixedYears: Uint8Array;
}

function groupUnits(
  histories: TierInput[],
  ctx: CoreContext,
  persons: Map<string, PersonFigures> | null,
): Grouping {
  // Revenue window: today and the 364 days before, from the start of that day in the user's zone.
  const from = ctx.zone.startOfDay(ctx.today - 364);
  const nowMs = ctx.nowMs;
  const zone = ctx.zone;
  const value = ctx.s.tierMode === 'value';
  const years = ctx.s.valueHorizonYears;
  const n = histories.length;
  const g: Grouping = {
    unitOf: new Int32Array(n).fill(-1),
    count: 0,
    figure: new Float64Array(n),
    members: new Int32Array(n),
    estimates: new Int32Array(n),
    first: new Int32Array(n),
    keys: [],
    potential: new Float64Array(n),
    years: new Float64Array(n),
    mixedYears: new Uint8Array(n),
  };
  const byKey = new Map<string, number>();
  // Company spellings repeat across contacts: each is folded once per computation.
  const keyOfSpelling = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const h = histories[i] as TierInput;
    const contact = h.contact;
    // A person's revenue: purchases of the window (refunds count), else the annual estimate.
    let cents = 0;
    let any = false;
    const list = h.purchases;
    for (let k = 0; k < list.length; k++) {
      const p = list[k] as Purchase;
      const amount = p.amount;
      if (typeof amount !== 'number' || !Number.isFinite(amount)) continue;
      const t = zone.parse(p.at);
      if (t >= from && t <= nowMs) {
        cents += Math.round(amount * 100);
        any = true;
      }
    }
    let estimate = false;
    if (!any && typeof contact.annualRevenueEstimate === 'number') {
      cents = toCents(contact.annualRevenueEstimate);
      estimate = true;
    }
    // Customer value: the horizon is the relationship's expected remaining years where the contact
    // records them, else the setting's (one horizon for all would change no tier).
    const own = contact.expectedYears;
    const horizon = typeof own === 'number' && Number.isFinite(own) && own > 0 ? own : years;
    const potential = toCents(contact.potential);
    const figure = value ? Math.round(Math.max(cents, potential) * horizon) : cents;
    if (persons) {
      const id = contact.id;
      const source: RevenueSource = any ? 'purchases' : estimate ? 'estimate' : 'none';
      persons.set(id, { contactId: id, revenueCents: cents, source, figureCents: figure });
    }
    if (isLost(contact)) continue; // lost contacts take no part in units and totals
    const spelling = contact.company;
    let ck = '';
    if (typeof spelling === 'string') {
      const known = keyOfSpelling.get(spelling);
      if (known === undefined) keyOfSpelling.set(spelling, (ck = companyKey(spelling)));
      else ck = known;
    }
    let u = ck === '' ? undefined : byKey.get(ck);
    if (u === undefined) {
      u = g.count++;
      g.first[u] = i;
      g.keys.push(ck);
      if (ck !== '') byKey.set(ck, u);
      g.years[u] = horizon;
    } else if (g.years[u] !== horizon) g.mixedYears[u] = 1;
    if (potential > 0) (g.potential[u] as number) += potential;
    (g.members[u] as number)++;
    // Figures are computed in manual mode too: insights (Pareto) still show revenue there.
    (g.figure[u] as number) += figure;
    if (estimate) (g.estimates[u] as number)++;
    g.unitOf[i] = u;
  }
  return g;
}

/** The Pareto outcome: the tier of each unit by the figures, counts, total and cutoffs. */
interface Pareto {
  tierOf: Tier[];
  totalCents: number;
  unitCounts: Record<Tier, number>;
  cutoffs: { A: number; B: number };
}

/**
 * A while the cumulative figure *before* the unit is below paretoA × total, B below paretoB ×
 * total, else C; equal figures share the tier of the first of them; figures ≤ 0 are C.
 *
 * Only the figures decide, and the tier never rises as the cumulative figure grows: so sorting the
 * bare figures (a native numeric sort) finds the smallest A and B figures, and those two cutoffs
 * give every unit its tier. Null when a figure is not finite (the general sort decides then).
 */
function paretoByFigures(g: Grouping, ctx: CoreContext): Pareto | null {
  const n = g.count;
  const sorted = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const f = g.figure[u] as number;
    if (!Number.isFinite(f)) return null;
    sorted[u] = f;
  }
  sorted.sort();
  let totalCents = 0;
  for (let i = n - 1; i >= 0; i--) {
    const f = sorted[i] as number;
    if (f > 0) totalCents += f;
  }
  const unitCounts: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const cutoffs = { A: Infinity, B: Infinity };
  let cum = 0;
  let i = n - 1;
  while (i >= 0) {
    const figure = sorted[i] as number;
    const tier = tierAt(figure, cum, ctx, totalCents);
    while (i >= 0 && sorted[i] === figure) {
      if (figure > 0) {
        cum += figure;
        unitCounts[tier]++;
        if (tier === 'A' || tier === 'B') cutoffs[tier] = Math.min(cutoffs[tier], figure);
      }
      i--;
    }
  }
  const tierOf: Tier[] = new Array<Tier>(n);
  for (let u = 0; u < n; u++) {
    const f = g.figure[u] as number;
    tierOf[u] = f <= 0 ? 'C' : f >= cutoffs.A ? 'A' : f >= cutoffs.B ? 'B' : 'C';
  }
  return { tierOf, totalCents, unitCounts, cutoffs };
}

/** The units as objects, sorted largest figure first (ties by name, then key), with their tiers. */
function sortedUnits(
  histories: TierInput[],
  g: Grouping,
  ctx: CoreContext,
): { units: CustomerUnit[]; byIndex: CustomerUnit[]; pareto: Pareto } {
  const byIndex: CustomerUnit[] = new Array<CustomerUnit>(g.count);
  for (let u = 0; u < g.count; u++) {
    const contact = (histories[g.first[u] as number] as TierInput).contact;
    const ck = g.keys[u] as string;
    const company = ck === '' ? undefined : companyName(contact.company);
    const estimates = g.estimates[u] as number;
    const members = g.members[u] as number;
    byIndex[u] = {
      key: ck === '' ? `\u0000${contact.id}` : ck,
      company,
      name: company ?? contact.name.trim(),
      contactIds: [],
      figureCents: g.figure[u] as number,
      tier: 'C',
      estimated: estimates === 0 ? 'none' : estimates === members ? 'all' : 'some',
      estimates,
    };
  }
  for (let i = 0; i < histories.length; i++) {
    const u = g.unitOf[i] as number;
    if (u >= 0)
      (byIndex[u] as CustomerUnit).contactIds.push((histories[i] as TierInput).contact.id);
  }
  const units = byIndex.slice();
  units.sort(
    (a, b) =>
      b.figureCents - a.figureCents ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  let totalCents = 0;
  for (const u of units) if (u.figureCents > 0) totalCents += u.figureCents;
  const unitCounts: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const cutoffs = { A: Infinity, B: Infinity };
  let cum = 0;
  let i = 0;
  while (i < units.length) {
    const figure = (units[i] as CustomerUnit).figureCents;
    const tier = tierAt(figure, cum, ctx, totalCents);
    while (i < units.length && (units[i] as CustomerUnit).figureCents === figure) {
      const u = units[i] as CustomerUnit;
      u.tier = tier;
      if (figure > 0) {
        cum += figure;
        unitCounts[tier]++;
        if (tier === 'A' || tier === 'B') cutoffs[tier] = Math.min(cutoffs[tier], figure);
      }
      i++;
    }
  }
  const tierOf = byIndex.map((u) => u.tier);
  return { units, byIndex, pareto: { tierOf, totalCents, unitCounts, cutoffs } };
}

/**
 * The tier analysis of normalized histories (`tierInputsOf`, `normalizeHistories`). `persons` fills the figures per contact, `reasons: false` leaves out the
 * records with reasons (the agenda needs only `tierAt`), `units: false` leaves `units` empty: the
 * tiers are then found from the sorted figures alone, without a unit object or a name comparison.
 */
export function analyzeTiersIn(
  histories: TierInput[],
  ctx: CoreContext,
  opts: { persons?: boolean; reasons?: boolean; units?: boolean } = {},
): TierAnalysis {
  const withPersons = opts.persons === true;
  const withReasons = opts.reasons !== false;
  const mode = ctx.s.tierMode;
  const persons = new Map<string, PersonFigures>();
  const tiers: Record<string, TierResult> = {};
  if (!ctx.valid)
    return {
      mode,
      units: [],
      totalCents: 0,
      unitCounts: { A: 0, B: 0, C: 0 },
      persons,
      tiers,
      tierAt: [],
      cutoffs: { A: Infinity, B: Infinity },
    };
  const g = groupUnits(histories, ctx, withPersons ? persons : null);
  let units: CustomerUnit[] = [];
  let byIndex: CustomerUnit[] | null = null;
  let pareto = opts.units === false ? paretoByFigures(g, ctx) : null;
  if (!pareto) {
    const sorted = sortedUnits(histories, g, ctx);
    units = sorted.units;
    byIndex = sorted.byIndex;
    pareto = sorted.pareto;
  }
  const { tierOf, totalCents, unitCounts, cutoffs } = pareto;

  const unitReasons: (string | undefined)[] = new Array<string | undefined>(g.count);
  const words = withReasons && mode !== 'manual' ? new ReasonWords(ctx, unitCounts) : null;
  const L = ctx.s.locale;
  const tierAt: Tier[] = new Array<Tier>(histories.length);
  for (let k = 0; k < histories.length; k++) {
    tierAt[k] = 'C';
    const contact = (histories[k] as TierInput).contact;
    const override = isTier(contact.tierOverride) ? contact.tierOverride : undefined;
    const u = g.unitOf[k] as number;
    // The agenda needs only the tiers, in input order: no record, no sentences.
    tierAt[k] = override ?? (u < 0 || mode === 'manual' ? 'C' : (tierOf[u] as Tier));
    if (!withReasons) continue;
    const id = contact.id;
    if (u < 0) {
      tiers[id] = { tier: override ?? 'C', reason: lostReason(override, L) };
      continue;
    }
    if (mode === 'manual') {
      tiers[id] = { tier: override ?? 'C', reason: manualReason(override, L) };
      continue;
    }
    const tier = tierOf[u] as Tier;
    if (override) {
      tiers[id] = { tier: override, reason: overrideReason(override, tier, mode, L) };
      continue;
    }
    let reason = unitReasons[u];
    if (reason === undefined) {
      const members = g.members[u] as number;
      const estimates = g.estimates[u] as number;
      // "Shares the tier of …" when the company has at least two people, in the first one's spelling.
      const shared =
        g.keys[u] !== '' && members > 1
          ? (byIndex?.[u]?.company ??
            companyName((histories[g.first[u] as number] as TierInput).contact.company))
          : undefined;
      reason = (words as ReasonWords).unit(
        tier,
        g.figure[u] as number,
        estimates === 0 ? 'none' : estimates === members ? 'all' : 'some',
        shared,
        totalCents,
        {
          potentialCents: g.potential[u] as number,
          years: g.mixedYears[u] ? null : (g.years[u] as number),
        },
      );
      unitReasons[u] = reason;
    }
    tiers[id] = { tier, reason };
  }
  return { mode, units, totalCents, unitCounts, persons, tiers, tierAt, cutoffs };
}

/**
 * Tiers of all contacts, keyed by contact id, each with its reason in `settings.locale`
 * (ARCHITECTURE.md contract).
 */
export function computeTiers(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): Record<string, TierResult> {
  return analyzeTiersIn(tierInputsOf(histories), createContext(settings, now), {
    units: false,
  }).tiers;
}

/** The tier a figure would have among today's units (e.g. what a lost customer used to be worth). */
export function tierForFigure(analysis: TierAnalysis, figureCents: number): Tier {
  if (analysis.mode === 'manual' || figureCents <= 0) return 'C';
  if (figureCents >= analysis.cutoffs.A) return 'A';
  if (figureCents >= analysis.cutoffs.B) return 'B';
  return 'C';
}

// ---------------------------------------------------------------------------------------------------
// Reasons

function lostReason(override: Tier | undefined, L: Locale): string {
  return override
    ? translate(L, 'tier.lost.override', { tier: override })
    : translate(L, 'tier.lost');
}

function manualReason(override: Tier | undefined, L: Locale): string {
  return override
    ? translate(L, 'tier.manual.override', { tier: override })
    : translate(L, 'tier.manual');
}

function overrideReason(
  override: Tier,
  byFigures: Tier,
  mode: 'revenue' | 'value',
  L: Locale,
): string {
  const basis = translate(L, mode === 'value' ? 'tier.basis.value' : 'tier.basis.revenue');
  return translate(L, 'tier.override', { tier: override, basis, byFigures });
}

function yearsText(years: number, L: Locale): string {
  return translate(L, 'tier.years', { count: years, years: formatNumber(L, years, 1) });
}

/** The words of unit reasons; what depends only on the tier is put together once per computation. */
class ReasonWords {
  private readonly ctx: CoreContext;
  private readonly counts: Record<Tier, number>;
  private readonly phrases: Partial<Record<Tier, string>> = {};

  constructor(ctx: CoreContext, counts: Record<Tier, number>) {
    this.ctx = ctx;
    this.counts = counts;
  }

  /** The reason of a unit; `sharedCompany` is the company when at least two people share it. */
  unit(
    tier: Tier,
    figureCents: number,
    estimated: CustomerUnit['estimated'],
    sharedCompany: string | undefined,
    total: number,
    unit: { potentialCents: number; years: number | null },
  ): string {
    const L = this.ctx.s.locale;
    const value = this.ctx.s.tierMode === 'value';
    const sharePrefix =
      sharedCompany !== undefined ? translate(L, 'tier.shares', { company: sharedCompany }) : '';
    const money = formatCents(L, figureCents);
    // In revenue mode a C customer with recorded potential says so: a small customer with high
    // potential is no passer-by (PRODUCT.md point 3).
    const potential =
      !value && tier === 'C' && unit.potentialCents > 0
        ? translate(L, 'tier.potential', { money: formatCents(L, unit.potentialCents) })
        : '';
    if (figureCents <= 0 || total <= 0) {
      const what = value
        ? translate(L, 'tier.none.value')
        : figureCents < 0
          ? translate(L, 'tier.none.refunds', { money })
          : translate(L, 'tier.none.revenue');
      return `C: ${sharePrefix}${what}${potential}`;
    }
    let detail: string;
    if (value) {
      const years =
        unit.years === null ? translate(L, 'tier.years.mixed') : yearsText(unit.years, L);
      detail = translate(L, 'tier.detail.value', { money, years });
    } else
      detail = translate(
        L,
        estimated === 'all'
          ? 'tier.detail.estimated'
          : estimated === 'some'
            ? 'tier.detail.partly'
            : 'tier.detail.revenue',
        { money },
      );
    const phrase = (this.phrases[tier] ??= this.phrase(tier));
    return `${tier}: ${sharePrefix}${phrase} ${detail}${potential}`;
  }

  /** "one of 3 customers who bring 80% of revenue" and the like. */
  private phrase(tier: Tier): string {
    const L = this.ctx.s.locale;
    const value = this.ctx.s.tierMode === 'value';
    const count = this.counts[tier];
    const { paretoA, paretoB } = this.ctx.s;
    const of = translate(L, value ? 'tier.of.value' : 'tier.of.revenue');
    if (tier === 'C') return translate(L, 'tier.smallest', { count, of });
    const part =
      tier === 'A'
        ? formatPercent(L, paretoA)
        : translate(L, 'tier.next', { share: formatPercent(L, paretoB - paretoA) });
    return translate(L, value ? 'tier.share.value' : 'tier.share.revenue', {
      count,
      part,
      of,
    });
  }
}
