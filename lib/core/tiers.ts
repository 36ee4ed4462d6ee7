// A/B/C tiers (PRODUCT.md "Tiers"): Pareto over customer units by revenue of the last 365 days or by
// customer value, or manual; `tierOverride` wins for its contact; lost contacts take no part.

import type { ContactHistory, Settings, Tier } from '../model';
import { createContext, isTier, type CoreContext } from './context';
import { formatMoney, formatPercent, type Locale } from './format';
import { idOf, isLost, listOf, toCents } from './records';

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

const companyKeys = new Map<string, string>();

/** Company key of a unit: trimmed, inner white space collapsed, case-insensitive; '' when blank. */
export function companyKey(company: unknown): string {
  if (typeof company !== 'string') return '';
  // Cached: 10,000 contacts share a few thousand company spellings.
  let k = companyKeys.get(company);
  if (k === undefined) {
    k = company.trim().replace(/\s+/g, ' ').toLowerCase();
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(k)) k = k.normalize('NFC');
    if (companyKeys.size > 100_000) companyKeys.clear();
    companyKeys.set(company, k);
  }
  return k;
}

const SCALE = 1_000_000;

/** `cum < share × total` exactly, in integer arithmetic (shares have at most 6 decimals). */
function below(cum: number, share: number, total: number): boolean {
  const s = Math.round(share * SCALE);
  const left = cum * SCALE;
  const right = s * total;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right;
  return BigInt(cum) * BigInt(SCALE) < BigInt(s) * BigInt(total);
}

/** Everything behind the tiers: person figures, units, Pareto tiers, reasons. */
export function analyzeTiers(
  histories: ContactHistory[],
  settings: Partial<Settings>,
  now: Date,
): TierAnalysis {
  return analyzeTiersIn(listOf(histories), createContext(settings, now), { persons: true });
}

export function analyzeTiersIn(
  histories: ContactHistory[],
  ctx: CoreContext,
  opts: { persons?: boolean; reasons?: boolean } = {},
): TierAnalysis {
  const withPersons = opts.persons === true;
  const withReasons = opts.reasons !== false;
  const mode = ctx.s.tierMode;
  const persons = new Map<string, PersonFigures>();
  const byKey = new Map<string, CustomerUnit>();
  const units: CustomerUnit[] = [];
  const tiers: Record<string, TierResult> = {};
  const unitCounts: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const cutoffs = { A: Infinity, B: Infinity };
  if (!ctx.valid)
    return { mode, units, totalCents: 0, unitCounts, persons, tiers, tierAt: [], cutoffs };
  // Revenue window: today and the 364 days before, from the start of that day in the user's zone.
  const from = ctx.zone.startOfDay(ctx.today - 364);
  const nowMs = ctx.nowMs;
  const zone = ctx.zone;
  const value = mode === 'value';
  const years = ctx.s.valueHorizonYears;
  const unitAt: (CustomerUnit | null)[] = new Array<CustomerUnit | null>(histories.length);

  for (let i = 0; i < histories.length; i++) {
    unitAt[i] = null;
    const h = histories[i];
    const contact = h?.contact;
    if (!contact) continue;
    const id = idOf(contact);
    // A person's revenue: purchases of the window (refunds count), else the annual estimate.
    let cents = 0;
    let any = false;
    const list = listOf(h.purchases);
    for (let k = 0; k < list.length; k++) {
      const p = list[k];
      if (!p) continue;
      const amount = p.amount;
      if (typeof amount !== 'number' || !Number.isFinite(amount)) continue;
      const t = zone.parse(p.at);
      if (t >= from && t <= nowMs) {
        cents += Math.round(amount * 100);
        any = true;
      }
    }
    let source: RevenueSource = any ? 'purchases' : 'none';
    if (!any && typeof contact.annualRevenueEstimate === 'number') {
      cents = toCents(contact.annualRevenueEstimate);
      source = 'estimate';
    }
    const figure = value ? Math.round(Math.max(cents, toCents(contact.potential)) * years) : cents;
    if (withPersons)
      persons.set(id, { contactId: id, revenueCents: cents, source, figureCents: figure });
    if (isLost(contact)) continue; // lost contacts take no part in units and totals
    const ck = companyKey(contact.company);
    let unit = ck === '' ? undefined : byKey.get(ck);
    if (!unit) {
      const company = ck === '' ? undefined : String(contact.company).trim().replace(/\s+/g, ' ');
      unit = {
        key: ck === '' ? `\u0000${id}` : ck,
        company,
        name: company ?? String(contact.name ?? '').trim(),
        contactIds: [],
        figureCents: 0,
        tier: 'C',
        estimated: 'none',
        estimates: 0,
      };
      if (ck !== '') byKey.set(ck, unit);
      units.push(unit);
    }
    unit.contactIds.push(id);
    // Figures are computed in manual mode too: insights (Pareto) still show revenue there.
    unit.figureCents += figure;
    if (source === 'estimate') unit.estimates++;
    unitAt[i] = unit;
  }

  for (const u of units)
    u.estimated = u.estimates === 0 ? 'none' : u.estimates === u.contactIds.length ? 'all' : 'some';
  units.sort(
    (a, b) =>
      b.figureCents - a.figureCents ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  let totalCents = 0;
  for (const u of units) if (u.figureCents > 0) totalCents += u.figureCents;
  // A while the cumulative figure *before* the unit is below paretoA × total, B below paretoB ×
  // total, else C; equal figures share the tier of the first of them; figures ≤ 0 are C.
  let cum = 0;
  let i = 0;
  while (i < units.length) {
    const figure = (units[i] as CustomerUnit).figureCents;
    const tier: Tier =
      figure <= 0
        ? 'C'
        : below(cum, ctx.s.paretoA, totalCents)
          ? 'A'
          : below(cum, ctx.s.paretoB, totalCents)
            ? 'B'
            : 'C';
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

  const unitReasons = new Map<CustomerUnit, string>();
  const L = ctx.s.locale;
  const tierAt: Tier[] = new Array<Tier>(histories.length);
  for (let k = 0; k < histories.length; k++) {
    tierAt[k] = 'C';
    const contact = histories[k]?.contact;
    if (!contact) continue;
    const override = isTier(contact.tierOverride) ? contact.tierOverride : undefined;
    const unit = unitAt[k];
    // The agenda needs only the tiers, in input order: no record, no sentences.
    tierAt[k] = override ?? (!unit || mode === 'manual' ? 'C' : unit.tier);
    if (!withReasons) continue;
    const id = idOf(contact);
    if (!unit) {
      tiers[id] = { tier: override ?? 'C', reason: lostReason(override, L) };
      continue;
    }
    if (mode === 'manual') {
      tiers[id] = { tier: override ?? 'C', reason: manualReason(override, L) };
      continue;
    }
    if (override) {
      tiers[id] = { tier: override, reason: overrideReason(override, unit.tier, mode, L) };
      continue;
    }
    let reason = unitReasons.get(unit);
    if (reason === undefined) {
      reason = unitReason(unit, ctx, unitCounts, totalCents);
      unitReasons.set(unit, reason);
    }
    tiers[id] = { tier: unit.tier, reason };
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
  return analyzeTiers(histories, settings, now).tiers;
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
  if (L === 'de')
    return override
      ? `${override}: verlorener Kunde, Stufe von Hand festgelegt`
      : 'C: verlorener Kunde, wird nicht mehr eingestuft';
  return override
    ? `${override}: lost customer, tier set by hand`
    : 'C: lost customer, no longer ranked';
}

function manualReason(override: Tier | undefined, L: Locale): string {
  if (L === 'de')
    return override ? `${override}: von Hand festgelegt` : 'C: keine Stufe von Hand festgelegt';
  return override ? `${override}: set by hand` : 'C: no tier set by hand';
}

function overrideReason(
  override: Tier,
  byFigures: Tier,
  mode: 'revenue' | 'value',
  L: Locale,
): string {
  if (L === 'de') {
    const basis = mode === 'value' ? 'nach Kundenwert' : 'nach Umsatz';
    return `${override}: von Hand festgelegt (${basis}: ${byFigures})`;
  }
  const basis = mode === 'value' ? 'by customer value' : 'by revenue';
  return `${override}: set by hand (${basis}: ${byFigures})`;
}

function yearsText(years: number, L: Locale): string {
  const n = Number.isInteger(years) ? String(years) : String(Math.round(years * 10) / 10);
  const shown = L === 'de' ? n.replace('.', ',') : n;
  if (L === 'de') return years === 1 ? '1 Jahr' : `${shown} Jahre`;
  return years === 1 ? '1 year' : `${shown} years`;
}

function unitReason(
  unit: CustomerUnit,
  ctx: CoreContext,
  counts: Record<Tier, number>,
  total: number,
): string {
  const L = ctx.s.locale;
  const value = ctx.s.tierMode === 'value';
  const shares = unit.company !== undefined && unit.contactIds.length > 1;
  const sharePrefix = shares
    ? L === 'de'
      ? `teilt die Stufe von ${unit.company} – `
      : `shares the tier of ${unit.company}, `
    : '';
  const money = formatMoney(unit.figureCents, L);
  if (unit.figureCents <= 0 || total <= 0) {
    let what: string;
    if (value)
      what =
        L === 'de' ? 'weder Umsatz noch Potenzial erfasst' : 'no revenue and no potential recorded';
    else if (unit.figureCents < 0)
      what =
        L === 'de'
          ? `Gutschriften übersteigen den Umsatz der letzten 12 Monate (${money})`
          : `refunds exceed revenue in the last 12 months (${money})`;
    else
      what =
        L === 'de' ? 'kein Umsatz in den letzten 12 Monaten' : 'no revenue in the last 12 months';
    return `C: ${sharePrefix}${what}`;
  }
  const n = counts[unit.tier];
  const { paretoA, paretoB } = ctx.s;
  let detail: string;
  if (value) {
    detail =
      L === 'de'
        ? `(Kundenwert ${money}: höherer Wert aus Umsatz und Potenzial × ${yearsText(ctx.s.valueHorizonYears, L)})`
        : `(customer value ${money}: the higher of revenue and potential × ${yearsText(ctx.s.valueHorizonYears, L)})`;
  } else if (unit.estimated === 'all') {
    detail = L === 'de' ? `(${money} geschätzt pro Jahr)` : `(${money} estimated per year)`;
  } else if (unit.estimated === 'some') {
    detail =
      L === 'de'
        ? `(${money} in den letzten 12 Monaten, teils geschätzt)`
        : `(${money} in the last 12 months, partly estimated)`;
  } else {
    detail =
      L === 'de' ? `(${money} in den letzten 12 Monaten)` : `(${money} in the last 12 months)`;
  }
  let phrase: string;
  if (L === 'de') {
    const of = value ? 'des Kundenwerts' : 'des Umsatzes';
    const verb1 = value ? 'ausmacht' : 'bringt';
    const verbN = value ? 'ausmachen' : 'bringen';
    const part =
      unit.tier === 'A'
        ? formatPercent(paretoA, L)
        : unit.tier === 'B'
          ? `die nächsten ${formatPercent(paretoB - paretoA, L)}`
          : null;
    if (part === null)
      phrase =
        n === 1
          ? `der eine Kunde mit dem kleinsten Anteil ${of}`
          : `einer von ${n} Kunden mit dem kleinsten Anteil ${of}`;
    else
      phrase =
        n === 1
          ? `der eine Kunde, der ${part} ${of} ${verb1}`
          : `einer von ${n} Kunden, die ${part} ${of} ${verbN}`;
  } else {
    const of = value ? 'of customer value' : 'of revenue';
    const part =
      unit.tier === 'A'
        ? formatPercent(paretoA, L)
        : unit.tier === 'B'
          ? `the next ${formatPercent(paretoB - paretoA, L)}`
          : null;
    const verb1 = value ? 'makes up' : 'brings';
    const verbN = value ? 'make up' : 'bring';
    if (part === null)
      phrase =
        n === 1
          ? `the one customer with the smallest share ${of}`
          : `one of ${n} customers with the smallest share ${of}`;
    else
      phrase =
        n === 1
          ? `the one customer who ${verb1} ${part} ${of}`
          : `one of ${n} customers who ${verbN} ${part} ${of}`;
  }
  return `${unit.tier}: ${sharePrefix}${phrase} ${detail}`;
}
