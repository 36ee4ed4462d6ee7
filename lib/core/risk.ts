// Early warning (PRODUCT.md "Early warning / at risk" and "At risk"): each rule that fires gives a
// reason object, so the UI can show every signal and filter by kind.

import type { Commitment, ContactHistory, Feedback, Settings, Tier } from '../model';
import { createContext, isTier, type CoreContext } from './context';
import {
  daysWord,
  formatCents,
  formatDay,
  formatPercent,
  lostReasonName,
  translate,
} from '../i18n';
import { nameCollator } from './collation';
import { contactInterval } from './plan';
import {
  createdDay,
  isAfter,
  isLost,
  latestInteraction,
  lostDay,
  normalizeHistories,
  normalizeHistory,
  openCommitments,
  purchasesBetween,
  type Timed,
} from './records';
import { analyzeTiersIn } from './tiers';

export type RiskKind =
  | 'open-complaint'
  | 'low-satisfaction'
  | 'promise-overdue'
  | 'waiting-for-answer'
  | 'price-pressure'
  | 'falling-revenue'
  | 'silent'
  | 'no-exit-conversation';

/** How long a customer may wait for our answer before it is an early warning (days). */
const ANSWER_WITHIN_DAYS = 2;

export interface RiskReason {
  kind: RiskKind;
  text: string;
}

function rated(f: Feedback): boolean {
  return typeof f.product === 'number' || typeof f.service === 'number';
}

/** The early-warning reasons of one normalized contact in one computation's context. */
export function riskReasonsIn(
  history: ContactHistory,
  tierIn: Tier,
  ctx: CoreContext,
): RiskReason[] {
  const out: RiskReason[] = [];
  const contact = history.contact;
  if (!ctx.valid) return out;
  const L = ctx.s.locale;
  const zone = ctx.zone;
  const today = ctx.today;
  const day = (d: number) => formatDay(L, d, { weekday: true });

  // A lost customer is past risk: the one warning left is a missing exit conversation.
  if (isLost(contact)) {
    if (!contact.lost?.exitConversationAt) {
      out.push({
        kind: 'no-exit-conversation',
        text: translate(L, 'risk.exit', {
          day: day(lostDay(contact, ctx)),
          reason: lostReasonName(L, contact.lost?.reason),
        }),
      });
    }
    return out;
  }

  // Open complaint; and the latest feedback that carries a rating, when it rates ≤ 2.
  let firstOpen: Timed<Feedback> | undefined;
  let openCount = 0;
  let latestRated: Timed<Feedback> | undefined;
  for (const f of history.feedback) {
    const t = zone.parse(f.at);
    if (!(t <= ctx.nowMs)) continue;
    const id = f.id;
    if (f.complaint === true && !f.resolvedAt) {
      openCount++;
      if (!firstOpen || isAfter(firstOpen.t, firstOpen.id, t, id)) firstOpen = { rec: f, t, id };
    }
    if (rated(f) && (!latestRated || isAfter(t, id, latestRated.t, latestRated.id)))
      latestRated = { rec: f, t, id };
  }
  if (firstOpen) {
    const since = day(zone.dayOf(firstOpen.t));
    out.push({
      kind: 'open-complaint',
      text:
        openCount > 1
          ? translate(L, 'risk.complaints', { count: openCount, day: since })
          : translate(L, 'risk.complaint', { day: since }),
    });
  }
  if (latestRated) {
    const f = latestRated.rec;
    const low: string[] = [];
    if (typeof f.product === 'number' && f.product <= 2)
      low.push(translate(L, 'rating.product', { value: f.product }));
    if (typeof f.service === 'number' && f.service <= 2)
      low.push(translate(L, 'rating.service', { value: f.service }));
    if (low.length)
      out.push({
        kind: 'low-satisfaction',
        text: translate(L, 'risk.rating', {
          day: day(zone.dayOf(latestRated.t)),
          ratings: low.join(', '),
        }),
      });
  }

  const touch = latestInteraction(history, ctx, 'touch');
  const message = latestInteraction(history, ctx, 'incoming-message');

  // A promise overdue (seed 000: a broken promise does more harm than any magazine repairs); worse
  // when the customer wrote after its due day — they had to chase us.
  const overdue = openCommitments(history, ctx).filter((c) => zone.dayOf(c.t) < today);
  if (overdue.length) {
    const first = overdue[0] as Timed<Commitment>;
    const dueDay = zone.dayOf(first.t);
    const chased = !!message && zone.dayOf(message.t) > dueDay;
    out.push({
      kind: 'promise-overdue',
      text: translate(L, chased ? 'risk.promise.chased' : 'risk.promise', {
        count: overdue.length,
        text: first.rec.text,
        days: daysWord(L, today - dueDay),
      }),
    });
  }

  // A customer waiting more than two days for our answer (the reply rule: their latest message of
  // the last 30 days, no touch of ours after it).
  if (
    message &&
    message.t >= zone.startOfDay(today - 30) &&
    !(touch && isAfter(touch.t, touch.id, message.t, message.id))
  ) {
    const waited = today - zone.dayOf(message.t);
    if (waited > ANSWER_WITHIN_DAYS)
      out.push({
        kind: 'waiting-for-answer',
        text: translate(L, 'risk.waiting', {
          days: daysWord(L, waited),
          day: day(zone.dayOf(message.t)),
        }),
      });
  }

  // Harder price talks (seed 001's early-warning system): price pressure recorded twice within a
  // year.
  const yearAgo = zone.startOfDay(today - 364);
  let pressure = 0;
  for (const f of history.feedback)
    if (f.pricePressure === true) {
      const t = zone.parse(f.at);
      if (t >= yearAgo && t <= ctx.nowMs) pressure++;
    }
  if (pressure >= 2)
    out.push({ kind: 'price-pressure', text: translate(L, 'risk.price', { count: pressure }) });

  // Revenue of the last 365 days down by 30 % or more against the 365 days before (when that was
  // above 0).
  const startRecent = zone.startOfDay(today - 364);
  const startBefore = zone.startOfDay(today - 729);
  const recent = purchasesBetween(history, ctx, startRecent, ctx.nowMs).cents;
  const before = purchasesBetween(history, ctx, startBefore, startRecent - 1).cents;
  if (before > 0 && recent * 10 <= before * 7) {
    out.push({
      kind: 'falling-revenue',
      text: translate(L, 'risk.revenue', {
        recent: formatCents(L, recent),
        before: formatCents(L, before),
        share: formatPercent(L, Math.round(((before - recent) / before) * 100) / 100),
      }),
    });
  }

  // A customer silent for more than twice the contact interval: since our last personal touch, or
  // since the creation day when there has never been one (as the cadence counts). Every tier of a
  // customer; a prospect we never touched is not "silent".
  const tier: Tier = isTier(tierIn) ? tierIn : 'C';
  if (contact.status !== 'prospect' || touch) {
    const interval = contactInterval(contact, tier, ctx.s);
    const since = today - (touch ? zone.dayOf(touch.t) : createdDay(contact, ctx));
    if (since > 2 * interval) {
      out.push({
        kind: 'silent',
        text: translate(L, touch ? 'risk.silent' : 'risk.silent.never', {
          tier,
          days: daysWord(L, since),
          interval,
        }),
      });
    }
  }
  return out;
}

/** The early-warning reasons of one contact (empty when nothing is wrong). */
export function riskReasons(
  history: ContactHistory,
  tier: Tier,
  settings: Settings,
  now: Date,
): RiskReason[] {
  const h = normalizeHistory(history);
  return h ? riskReasonsIn(h, tier, createContext(settings, now)) : [];
}

export interface AtRiskEntry {
  contactId: string;
  tier: Tier;
  reasons: RiskReason[];
}

/**
 * Every contact with at least one warning, tiers from computeTiers: A first, then the number of
 * warnings (most first), then name and id — the order an account manager would work through them.
 */
export function atRiskContacts(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
): AtRiskEntry[] {
  const ctx = createContext(settings, now);
  if (!ctx.valid) return [];
  const list = normalizeHistories(histories);
  const tierAt = analyzeTiersIn(list, ctx, { reasons: false, units: false }).tierAt;
  const rows: (AtRiskEntry & { name: string })[] = [];
  for (let k = 0; k < list.length; k++) {
    const h = list[k] as ContactHistory;
    const tier = tierAt[k] ?? 'C';
    const reasons = riskReasonsIn(h, tier, ctx);
    if (reasons.length) rows.push({ contactId: h.contact.id, tier, reasons, name: h.contact.name });
  }
  return sortAtRisk(rows, ctx.s.locale).map(({ contactId, tier, reasons }) => ({
    contactId,
    tier,
    reasons,
  }));
}

/**
 * The at-risk order (A first, then the number of warnings, most first, then name and id), for the
 * list above and for the same list built from the rows the background keeps.
 */
export function sortAtRisk<T extends AtRiskEntry & { name: string }>(
  rows: T[],
  locale: string,
): T[] {
  const collator = nameCollator(locale);
  return rows.sort(
    (a, b) =>
      a.tier.localeCompare(b.tier) ||
      b.reasons.length - a.reasons.length ||
      collator.compare(a.name, b.name) ||
      (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0),
  );
}
