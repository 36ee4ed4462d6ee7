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
  Interaction,
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
  type AvoidTable,
} from './plan';
import {
  createdDay,
  idOf,
  isAfter,
  isLost,
  latestInteraction,
  listOf,
  lostDay,
  openCommitments,
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

/**
 * What describing a candidate needs besides the candidate. The lists are built on first use: an
 * agenda keeps tens of thousands of items whose words may never be read.
 */
export class Prepared {
  readonly history: ContactHistory;
  readonly contact: Contact;
  readonly tier: Tier;
  readonly ctx: CoreContext;
  private last: Timed<Interaction> | undefined | null;
  private open: Timed<Commitment>[] | undefined;
  /** Talking points all touches of this contact share (filled by the describer). */
  common: unknown;

  constructor(
    history: ContactHistory,
    tier: Tier,
    ctx: CoreContext,
    lastPersonal: Timed<Interaction> | undefined | null = null,
  ) {
    this.history = history;
    this.contact = (history?.contact ?? {}) as Contact;
    this.tier = tier;
    this.ctx = ctx;
    this.last = lastPersonal;
    this.open = undefined;
    this.common = undefined;
  }

  /** The latest personal interaction up to now (null in the constructor: not looked up yet). */
  lastPersonal(): Timed<Interaction> | undefined {
    if (this.last === null) this.last = latestInteraction(this.history, this.ctx, true);
    return this.last;
  }

  /** Open commitments, earliest first. */
  commitments(): Timed<Commitment>[] {
    return (this.open ??= openCommitments(this.history, this.ctx));
  }
}

/**
 * Next occurrence (today counts) of a birthday; 29 February falls on 28 February in other years.
 * NaN for a day that no calendar has (the model refuses those; external callers might not).
 */
export function nextOccurrence(
  b: DayOfYear | undefined,
  today: DayNumber,
  year = civilFromDayNumber(today).year,
): DayNumber {
  if (!b || !Number.isInteger(b.month) || !Number.isInteger(b.day)) return NaN;
  const { month, day } = b;
  if (month < 1 || month > 12 || day < 1 || day > monthLength(2000, month)) return NaN;
  for (let y = year; y <= year + 1; y++) {
    const d = month === 2 && day === 29 && !isLeap(y) ? 28 : day;
    const n = dayNumberFromCivil(y, month, d);
    if (n >= today) return n;
  }
  return NaN;
}

/** PRODUCT.md "pressing": due by today; birthdays within the look-ahead; promises within 2 days. */
export function isPressing(kind: SuggestionKind, due: DayNumber, ctx: CoreContext): boolean {
  const today = ctx.today;
  return (
    due <= today ||
    ((kind === 'birthday' || kind === 'partner-birthday') &&
      due <= today + ctx.s.birthdayLookaheadDays) ||
    (kind === 'commitment' && due <= today + 2)
  );
}

function push(
  raws: RawCandidate[],
  kind: SuggestionKind,
  due: DayNumber,
  ctx: CoreContext,
  pressingOnly: boolean,
  avoid?: AvoidOutcome,
): RawCandidate | null {
  const pressing = isPressing(kind, due, ctx);
  if (pressingOnly && !pressing) return null; // the agenda wants only pressing ones
  const r: RawCandidate = { kind, priority: KIND_PRIORITY[kind], due, pressing };
  if (avoid) r.avoid = avoid;
  raws.push(r);
  return r;
}

/** Times to avoid move cadence, feedback, after-purchase and follow-up; nothing else. */
function pushShifted(
  raws: RawCandidate[],
  kind: SuggestionKind,
  due: DayNumber,
  ctx: CoreContext,
  pressingOnly: boolean,
  avoid: AvoidTable | null,
): RawCandidate | null {
  if (!avoid) return push(raws, kind, due, ctx, pressingOnly);
  const a = applyAvoid(due, ctx.today, avoid);
  return push(raws, kind, a.due, ctx, pressingOnly, a.moved || a.gaveUp ? a : undefined);
}

export interface RawCandidates {
  raws: RawCandidate[];
  /** The latest personal interaction, found on the way (describing needs it too). */
  lastPersonal: Timed<Interaction> | undefined;
}

/**
 * All candidates of one contact, in priority order, as numbers (no words yet). With
 * `pressingOnly` the others are not even built (the agenda).
 */
export function rawCandidates(
  history: ContactHistory,
  tierIn: Tier,
  ctx: CoreContext,
  pressingOnly = false,
): RawCandidates {
  const contact = (history?.contact ?? {}) as Contact;
  const tier: Tier = isTier(tierIn) ? tierIn : 'C';
  const raws: RawCandidate[] = [];
  if (!ctx.valid || !history) return { raws, lastPersonal: undefined };
  const zone = ctx.zone;
  const today = ctx.today;

  // Lost contacts get only the exit conversation, 7 days after they were lost.
  if (isLost(contact)) {
    if (!contact.lost?.exitConversationAt) {
      const on = lostDay(contact, ctx);
      const r = push(raws, 'exit-conversation', on + 7, ctx, pressingOnly);
      if (r) r.lostOn = on;
    }
    return { raws, lastPersonal: undefined };
  }

  const lastPersonal = latestInteraction(history, ctx, true);
  const facts: InteractionFacts = { lastPersonal };
  const table = contact.avoid ? avoidTable(contact.avoid) : null;
  const avoid = table && table.any ? table : null;

  // commitment: the open one with the earliest dueAt; due then (keeps its day).
  let first: Timed<Commitment> | undefined;
  for (const c of listOf(history.commitments)) {
    if (!c || c.doneAt) continue;
    const t = zone.parse(c.dueAt);
    if (t !== t) continue;
    const id = idOf(c);
    if (!first || isAfter(first.t, first.id, t, id)) first = { rec: c, t, id };
  }
  if (first) {
    const r = push(raws, 'commitment', zone.dayOf(first.t), ctx, pressingOnly);
    if (r) r.commitment = first;
  }

  // complaint: an unresolved complaint stays open whatever happened since (earliest one counts);
  // otherwise the latest feedback, unresolved, rating ≤ 2, with no personal interaction after it.
  let earliestOpen: Timed<Feedback> | undefined;
  let latest: Timed<Feedback> | undefined;
  let complaints = 0;
  for (const f of listOf(history.feedback)) {
    if (!f) continue;
    const t = zone.parse(f.at);
    if (!(t <= ctx.nowMs)) continue;
    const id = idOf(f);
    if (!latest || isAfter(t, id, latest.t, latest.id)) latest = { rec: f, t, id };
    if (f.complaint === true && !f.resolvedAt) {
      complaints++;
      if (!earliestOpen || isAfter(earliestOpen.t, earliestOpen.id, t, id))
        earliestOpen = { rec: f, t, id };
    }
  }
  if (earliestOpen) {
    const r = push(raws, 'complaint', zone.dayOf(earliestOpen.t), ctx, pressingOnly);
    if (r) {
      r.feedback = earliestOpen;
      r.lowSatisfaction = false;
      r.openComplaints = complaints;
    }
  } else if (
    latest &&
    !latest.rec.resolvedAt &&
    (isLow(latest.rec.product) || isLow(latest.rec.service)) &&
    !personalAfter(facts, latest.t, latest.id)
  ) {
    const r = push(raws, 'complaint', zone.dayOf(latest.t), ctx, pressingOnly);
    if (r) {
      r.feedback = latest;
      r.lowSatisfaction = true;
    }
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
    const r = pushShifted(
      raws,
      'after-purchase',
      zone.dayOf(purchase.t) + ctx.s.afterPurchaseDays,
      ctx,
      pressingOnly,
      avoid,
    );
    if (r) r.purchase = purchase;
  }

  // birthday / partner-birthday: the next occurrence, today counts.
  const bd = nextOccurrence(contact.birthday, today, ctx.year);
  if (bd === bd) {
    const r = push(raws, 'birthday', bd, ctx, pressingOnly);
    if (r) r.birthday = contact.birthday;
  }
  const pbd = contact.partner ? nextOccurrence(contact.partner.birthday, today, ctx.year) : NaN;
  if (pbd === pbd) {
    const r = push(raws, 'partner-birthday', pbd, ctx, pressingOnly);
    if (r) r.birthday = contact.partner?.birthday;
  }

  // cadence: the contact interval after the last personal interaction, or after createdAt.
  const created = createdDay(contact, ctx);
  const cInterval = contactInterval(contact, tier, ctx.s);
  const cBase = lastPersonal ? zone.dayOf(lastPersonal.t) : created;
  const cadence = pushShifted(raws, 'cadence', cBase + cInterval, ctx, pressingOnly, avoid);
  if (cadence) {
    cadence.base = cBase;
    cadence.fromCreation = !lastPersonal;
    cadence.interval = cInterval;
    cadence.ownInterval = validInterval(contact.plan?.contactEveryDays);
  }

  // feedback: the feedback interval after the latest feedback, or after createdAt.
  const fInterval = feedbackInterval(contact, tier, ctx.s);
  const fBase = latest ? zone.dayOf(latest.t) : created;
  const fb = pushShifted(raws, 'feedback', fBase + fInterval, ctx, pressingOnly, avoid);
  if (fb) {
    fb.base = fBase;
    fb.fromCreation = !latest;
    fb.interval = fInterval;
    fb.ownInterval = validInterval(contact.plan?.feedbackEveryDays);
    fb.feedback = latest;
  }

  // follow-up: the open one whose snoozedUntil ?? dueAt is earliest.
  let follow: Timed<FollowUp> | undefined;
  for (const f of listOf(history.followUps)) {
    if (!f || f.doneAt) continue;
    let t = zone.parse(f.snoozedUntil);
    if (t !== t) t = zone.parse(f.dueAt);
    if (t !== t) continue;
    const id = idOf(f);
    if (!follow || isAfter(follow.t, follow.id, t, id)) follow = { rec: f, t, id };
  }
  if (follow) {
    const r = pushShifted(raws, 'follow-up', zone.dayOf(follow.t), ctx, pressingOnly, avoid);
    if (r) r.followUp = follow;
  }
  return { raws, lastPersonal };
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
  const { raws, lastPersonal } = rawCandidates(history, tier, ctx);
  const next = pickNext(raws);
  return next
    ? describeCandidate(next, new Prepared(history, isTier(tier) ? tier : 'C', ctx, lastPersonal))
    : null;
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
  const { raws, lastPersonal } = rawCandidates(history, tier, ctx);
  const prep = new Prepared(history, isTier(tier) ? tier : 'C', ctx, lastPersonal);
  return raws.map((r) => ({ ...describeCandidate(r, prep), pressing: r.pressing }));
}
