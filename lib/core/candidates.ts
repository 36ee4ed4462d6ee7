// Candidate touches of one contact (PRODUCT.md "Candidates", "Times to avoid", "Next personal
// touch"). Computing a candidate is cheap (numbers only); words are built only for the candidates a
// caller actually shows, so an agenda over 10,000 contacts stays fast.

import type {
  Commitment,
  Contact,
  ContactHistory,
  DayOfYear,
  Feedback,
  FollowUp,
  Purchase,
  Settings,
  Tier,
} from '../model';
import { createContext, isTier, type CoreContext } from './context';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  isLeap,
  monthLength,
  type DayNumber,
} from './days';
import { KIND_PRIORITY, type Candidate, type Suggestion, type SuggestionKind } from './kinds';
import {
  applyAvoid,
  avoidTable,
  contactInterval,
  feedbackInterval,
  validInterval,
  type AvoidOutcome,
} from './plan';
import {
  createdDay,
  idOf,
  interactionFacts,
  isAfter,
  isLost,
  latestFeedback,
  listOf,
  lostDay,
  openCommitments,
  openFollowUps,
  personalAfter,
  type InteractionFacts,
  type Timed,
} from './records';
import { describeCandidate } from './describe';

/** A candidate before it is put into words. */
export interface RawCandidate {
  kind: SuggestionKind;
  priority: number;
  due: DayNumber;
  pressing: boolean;
  avoid?: AvoidOutcome;
  commitment?: Timed<Commitment>;
  feedback?: Timed<Feedback>;
  /** complaint: true for "low satisfaction", false for an open complaint. */
  lowSatisfaction?: boolean;
  openComplaints?: number;
  purchase?: Timed<Purchase>;
  followUp?: Timed<FollowUp>;
  /** cadence / feedback: the day the interval counts from, and whether it is the creation day. */
  base?: DayNumber;
  fromCreation?: boolean;
  interval?: number;
  ownInterval?: boolean;
  birthday?: DayOfYear;
  lostOn?: DayNumber;
}

/** What describing a candidate needs besides the candidate. */
export interface Prepared {
  history: ContactHistory;
  contact: Contact;
  tier: Tier;
  ctx: CoreContext;
  facts: InteractionFacts;
  commitments: Timed<Commitment>[];
}

/**
 * Next occurrence (today counts) of a birthday; 29 February falls on 28 February in other years.
 * NaN for a day that no calendar has (the model refuses those; external callers might not).
 */
export function nextOccurrence(b: DayOfYear | undefined, today: DayNumber): DayNumber {
  if (!b || !Number.isInteger(b.month) || !Number.isInteger(b.day)) return NaN;
  const { month, day } = b;
  if (month < 1 || month > 12 || day < 1 || day > monthLength(2000, month)) return NaN;
  const year = civilFromDayNumber(today).year;
  for (let y = year; y <= year + 1; y++) {
    const d = month === 2 && day === 29 && !isLeap(y) ? 28 : day;
    const n = dayNumberFromCivil(y, month, d);
    if (n >= today) return n;
  }
  return NaN;
}

function raw(
  kind: SuggestionKind,
  due: DayNumber,
  ctx: CoreContext,
  extra: Partial<RawCandidate> = {},
): RawCandidate {
  const today = ctx.today;
  const pressing =
    due <= today ||
    ((kind === 'birthday' || kind === 'partner-birthday') &&
      due <= today + ctx.s.birthdayLookaheadDays) ||
    (kind === 'commitment' && due <= today + 2);
  return { kind, priority: KIND_PRIORITY[kind], due, pressing, ...extra };
}

function shifted(
  kind: SuggestionKind,
  due: DayNumber,
  ctx: CoreContext,
  contact: Contact,
  extra: Partial<RawCandidate>,
): RawCandidate {
  const table = avoidTable(contact.avoid);
  if (!table.any) return raw(kind, due, ctx, extra);
  const avoid = applyAvoid(due, ctx.today, table);
  return raw(kind, avoid.due, ctx, { ...extra, avoid });
}

/** All candidates of one contact, in priority order, as numbers (no words yet). */
export function rawCandidates(
  history: ContactHistory,
  tierIn: Tier,
  ctx: CoreContext,
): { raws: RawCandidate[]; prep: Prepared } {
  const contact = (history?.contact ?? {}) as Contact;
  const tier: Tier = isTier(tierIn) ? tierIn : 'C';
  const facts = interactionFacts(history, ctx);
  const commitments = openCommitments(history, ctx);
  const prep: Prepared = { history, contact, tier, ctx, facts, commitments };
  const raws: RawCandidate[] = [];
  if (!ctx.valid) return { raws, prep };
  const zone = ctx.zone;
  const today = ctx.today;

  // Lost contacts get only the exit conversation, 7 days after they were lost.
  if (isLost(contact)) {
    if (!contact.lost?.exitConversationAt) {
      const on = lostDay(contact, ctx);
      raws.push(raw('exit-conversation', on + 7, ctx, { lostOn: on }));
    }
    return { raws, prep };
  }

  // commitment: the open one with the earliest dueAt; due then (keeps its day).
  const first = commitments[0];
  if (first) raws.push(raw('commitment', zone.dayOf(first.t), ctx, { commitment: first }));

  // complaint: an unresolved complaint stays open whatever happened since (earliest one counts);
  // otherwise the latest feedback, unresolved, rating ≤ 2, with no personal interaction after it.
  let earliestOpen: Timed<Feedback> | undefined;
  let openCount = 0;
  for (const f of listOf(history.feedback)) {
    if (!f || f.complaint !== true || f.resolvedAt) continue;
    const t = zone.parse(f.at);
    if (!(t <= ctx.nowMs)) continue;
    openCount++;
    const id = idOf(f);
    if (!earliestOpen || isAfter(earliestOpen.t, earliestOpen.id, t, id))
      earliestOpen = { rec: f, t, id };
  }
  const latest = latestFeedback(history, ctx);
  if (earliestOpen) {
    raws.push(
      raw('complaint', zone.dayOf(earliestOpen.t), ctx, {
        feedback: earliestOpen,
        lowSatisfaction: false,
        openComplaints: openCount,
      }),
    );
  } else if (
    latest &&
    !latest.rec.resolvedAt &&
    (isLow(latest.rec.product) || isLow(latest.rec.service)) &&
    !personalAfter(facts, latest.t, latest.id)
  ) {
    raws.push(
      raw('complaint', zone.dayOf(latest.t), ctx, { feedback: latest, lowSatisfaction: true }),
    );
  }

  // after-purchase: the latest purchase above 0 dated today or in the 30 days before, with no
  // personal interaction after it; due afterPurchaseDays after it.
  const windowStart = zone.startOfDay(today - 30);
  let purchase: Timed<Purchase> | undefined;
  for (const p of listOf(history.purchases)) {
    if (!p || !(typeof p.amount === 'number' && p.amount > 0)) continue;
    const t = zone.parse(p.at);
    if (!(t >= windowStart && t <= ctx.nowMs)) continue;
    const id = idOf(p);
    if (!purchase || isAfter(t, id, purchase.t, purchase.id)) purchase = { rec: p, t, id };
  }
  if (purchase && !personalAfter(facts, purchase.t, purchase.id)) {
    raws.push(
      shifted('after-purchase', zone.dayOf(purchase.t) + ctx.s.afterPurchaseDays, ctx, contact, {
        purchase,
      }),
    );
  }

  // birthday / partner-birthday: the next occurrence, today counts.
  const bd = nextOccurrence(contact.birthday, today);
  if (bd === bd) raws.push(raw('birthday', bd, ctx, { birthday: contact.birthday }));
  const pbd = contact.partner ? nextOccurrence(contact.partner.birthday, today) : NaN;
  if (pbd === pbd)
    raws.push(raw('partner-birthday', pbd, ctx, { birthday: contact.partner?.birthday }));

  // cadence: the contact interval after the last personal interaction, or after createdAt.
  const created = createdDay(contact, ctx);
  const cInterval = contactInterval(contact, tier, ctx.s);
  const last = facts.lastPersonal;
  const cBase = last ? zone.dayOf(last.t) : created;
  raws.push(
    shifted('cadence', cBase + cInterval, ctx, contact, {
      base: cBase,
      fromCreation: !last,
      interval: cInterval,
      ownInterval: validInterval(contact.plan?.contactEveryDays),
    }),
  );

  // feedback: the feedback interval after the latest feedback, or after createdAt.
  const fInterval = feedbackInterval(contact, tier, ctx.s);
  const fBase = latest ? zone.dayOf(latest.t) : created;
  raws.push(
    shifted('feedback', fBase + fInterval, ctx, contact, {
      base: fBase,
      fromCreation: !latest,
      interval: fInterval,
      ownInterval: validInterval(contact.plan?.feedbackEveryDays),
      feedback: latest,
    }),
  );

  // follow-up: the open one whose snoozedUntil ?? dueAt is earliest.
  const follow = openFollowUps(history, ctx)[0];
  if (follow)
    raws.push(shifted('follow-up', zone.dayOf(follow.t), ctx, contact, { followUp: follow }));

  return { raws, prep };
}

function isLow(rating: unknown): boolean {
  return typeof rating === 'number' && rating <= 2;
}

/**
 * The rule of PRODUCT.md "Next personal touch": the pressing candidate of highest priority; with
 * none pressing, the candidate due first (ties by priority); undefined without candidates.
 */
export function pickNext(raws: RawCandidate[]): RawCandidate | undefined {
  let best: RawCandidate | undefined;
  for (const r of raws) if (r.pressing && (!best || r.priority < best.priority)) best = r;
  if (best) return best;
  for (const r of raws)
    if (!best || r.due < best.due || (r.due === best.due && r.priority < best.priority)) best = r;
  return best;
}

/** The next personal touch of a contact (ARCHITECTURE.md contract); null without candidates. */
export function suggestNextTouch(
  history: ContactHistory,
  tier: Tier,
  settings: Settings,
  now: Date,
): Suggestion | null {
  const ctx = createContext(settings, now);
  const { raws, prep } = rawCandidates(history, tier, ctx);
  const next = pickNext(raws);
  return next ? describeCandidate(next, prep) : null;
}

/**
 * Every candidate of a contact with its `pressing` flag, in priority order: the UI shows the
 * pressing ones as "to do", and the others as "next due touches" when nothing is pressing.
 */
export function listCandidates(
  history: ContactHistory,
  tier: Tier,
  settings: Settings,
  now: Date,
): Candidate[] {
  const ctx = createContext(settings, now);
  const { raws, prep } = rawCandidates(history, tier, ctx);
  return raws.map((r) => ({ ...describeCandidate(r, prep), pressing: r.pressing }));
}
