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
  findLatest,
  foundInstant,
  foundRecordId,
  idOf,
  isAfter,
  isLost,
  latestInteraction,
  listOf,
  lostDay,
  openCommitments,
  type Timed,
} from './records';
import { describeCandidate } from './describe';

/**
 * A candidate before it is put into words. A class with every field present, so that all
 * candidates share one shape and the optional fields cost no extra storage when set.
 */
export class RawCandidate {
  kind: SuggestionKind;
  priority: number;
  due: DayNumber;
  pressing: boolean;
  avoid: AvoidOutcome | undefined = undefined;
  commitment: Timed<Commitment> | undefined = undefined;
  feedback: Timed<Feedback> | undefined = undefined;
  /** complaint: true for "low satisfaction", false for an open complaint. */
  lowSatisfaction: boolean | undefined = undefined;
  openComplaints: number | undefined = undefined;
  purchase: Timed<Purchase> | undefined = undefined;
  followUp: Timed<FollowUp> | undefined = undefined;
  /** cadence / feedback: the day the interval counts from, and whether it is the creation day. */
  base: DayNumber | undefined = undefined;
  fromCreation: boolean | undefined = undefined;
  interval: number | undefined = undefined;
  ownInterval: boolean | undefined = undefined;
  birthday: DayOfYear | undefined = undefined;
  lostOn: DayNumber | undefined = undefined;

  constructor(kind: SuggestionKind, due: DayNumber, pressing: boolean) {
    this.kind = kind;
    this.priority = KIND_PRIORITY[kind];
    this.due = due;
    this.pressing = pressing;
  }
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
  const r = new RawCandidate(kind, due, pressing);
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
  const raws: RawCandidate[] = [];
  const last = collectCandidates(history, tierIn, ctx, pressingOnly, raws);
  return {
    raws,
    lastPersonal: last ? { rec: last, t: foundInstant(), id: foundRecordId() } : undefined,
  };
}

/**
 * `rawCandidates` appending to `raws`. Returns the latest personal interaction, with its instant
 * and id in `foundInstant()` / `foundRecordId()` until the next search. While reading the lists
 * only the best record of each kind is remembered (record, instant, id in locals): a `Timed`
 * wrapper is built only for a candidate that is kept.
 */
export function collectCandidates(
  history: ContactHistory,
  tierIn: Tier,
  ctx: CoreContext,
  pressingOnly: boolean,
  raws: RawCandidate[],
): Interaction | undefined {
  const contact = (history?.contact ?? {}) as Contact;
  const tier: Tier = isTier(tierIn) ? tierIn : 'C';
  if (!ctx.valid || !history) return undefined;
  const zone = ctx.zone;
  const today = ctx.today;
  const nowMs = ctx.nowMs;

  // Lost contacts get only the exit conversation, 7 days after they were lost.
  if (isLost(contact)) {
    if (!contact.lost?.exitConversationAt) {
      const on = lostDay(contact, ctx);
      const r = push(raws, 'exit-conversation', on + 7, ctx, pressingOnly);
      if (r) r.lostOn = on;
    }
    return undefined;
  }

  const last = findLatest(listOf(history.interactions), ctx, true);
  const lastT = last ? foundInstant() : NaN;
  const lastId = last ? foundRecordId() : '';
  const table = contact.avoid ? avoidTable(contact.avoid) : null;
  const avoid = table && table.any ? table : null;

  // commitment: the open one with the earliest dueAt; due then (keeps its day).
  let first: Commitment | undefined;
  let firstT = NaN;
  let firstId = '';
  const commitments = listOf(history.commitments);
  for (let i = 0; i < commitments.length; i++) {
    const c = commitments[i];
    if (!c || c.doneAt) continue;
    const t = zone.parse(c.dueAt);
    if (t !== t) continue;
    const id = idOf(c);
    if (!first || isAfter(firstT, firstId, t, id)) {
      first = c;
      firstT = t;
      firstId = id;
    }
  }
  if (first) {
    const r = push(raws, 'commitment', zone.dayOf(firstT), ctx, pressingOnly);
    if (r) r.commitment = { rec: first, t: firstT, id: firstId };
  }

  // complaint: an unresolved complaint stays open whatever happened since (earliest one counts);
  // otherwise the latest feedback, unresolved, rating ≤ 2, with no personal interaction after it.
  let open: Feedback | undefined;
  let openT = NaN;
  let openId = '';
  let latest: Feedback | undefined;
  let latestT = NaN;
  let latestId = '';
  let complaints = 0;
  const feedback = listOf(history.feedback);
  for (let i = 0; i < feedback.length; i++) {
    const f = feedback[i];
    if (!f) continue;
    const t = zone.parse(f.at);
    if (!(t <= nowMs)) continue;
    const id = idOf(f);
    if (!latest || isAfter(t, id, latestT, latestId)) {
      latest = f;
      latestT = t;
      latestId = id;
    }
    if (f.complaint === true && !f.resolvedAt) {
      complaints++;
      if (!open || isAfter(openT, openId, t, id)) {
        open = f;
        openT = t;
        openId = id;
      }
    }
  }
  let latestTimed: Timed<Feedback> | undefined;
  if (open) {
    const r = push(raws, 'complaint', zone.dayOf(openT), ctx, pressingOnly);
    if (r) {
      r.feedback = { rec: open, t: openT, id: openId };
      r.lowSatisfaction = false;
      r.openComplaints = complaints;
    }
  } else if (
    latest &&
    !latest.resolvedAt &&
    (isLow(latest.product) || isLow(latest.service)) &&
    !(last && isAfter(lastT, lastId, latestT, latestId))
  ) {
    const r = push(raws, 'complaint', zone.dayOf(latestT), ctx, pressingOnly);
    if (r) {
      r.feedback = latestTimed = { rec: latest, t: latestT, id: latestId };
      r.lowSatisfaction = true;
    }
  }

  // after-purchase: the latest purchase above 0 dated today or in the 30 days before, with no
  // personal interaction after it; due afterPurchaseDays after it.
  const windowStart = zone.startOfDay(today - 30);
  let purchase: Purchase | undefined;
  let purchaseT = NaN;
  let purchaseId = '';
  const purchases = listOf(history.purchases);
  for (let i = 0; i < purchases.length; i++) {
    const p = purchases[i];
    if (!p || !(typeof p.amount === 'number' && p.amount > 0)) continue;
    const t = zone.parse(p.at);
    if (!(t >= windowStart && t <= nowMs)) continue;
    const id = idOf(p);
    if (!purchase || isAfter(t, id, purchaseT, purchaseId)) {
      purchase = p;
      purchaseT = t;
      purchaseId = id;
    }
  }
  if (purchase && !(last && isAfter(lastT, lastId, purchaseT, purchaseId))) {
    const r = pushShifted(
      raws,
      'after-purchase',
      zone.dayOf(purchaseT) + ctx.s.afterPurchaseDays,
      ctx,
      pressingOnly,
      avoid,
    );
    if (r) r.purchase = { rec: purchase, t: purchaseT, id: purchaseId };
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

  // cadence: the contact interval after the last personal interaction, or after createdAt (the
  // creation day is read only when one of the two counts from it).
  const created = last && latest ? 0 : createdDay(contact, ctx);
  const cInterval = contactInterval(contact, tier, ctx.s);
  const cBase = last ? zone.dayOf(lastT) : created;
  const cadence = pushShifted(raws, 'cadence', cBase + cInterval, ctx, pressingOnly, avoid);
  if (cadence) {
    cadence.base = cBase;
    cadence.fromCreation = !last;
    cadence.interval = cInterval;
    cadence.ownInterval = validInterval(contact.plan?.contactEveryDays);
  }

  // feedback: the feedback interval after the latest feedback, or after createdAt.
  const fInterval = feedbackInterval(contact, tier, ctx.s);
  const fBase = latest ? zone.dayOf(latestT) : created;
  const fb = pushShifted(raws, 'feedback', fBase + fInterval, ctx, pressingOnly, avoid);
  if (fb) {
    fb.base = fBase;
    fb.fromCreation = !latest;
    fb.interval = fInterval;
    fb.ownInterval = validInterval(contact.plan?.feedbackEveryDays);
    fb.feedback = latest ? (latestTimed ?? { rec: latest, t: latestT, id: latestId }) : undefined;
  }

  // follow-up: the open one whose snoozedUntil ?? dueAt is earliest.
  let follow: FollowUp | undefined;
  let followT = NaN;
  let followId = '';
  const followUps = listOf(history.followUps);
  for (let i = 0; i < followUps.length; i++) {
    const f = followUps[i];
    if (!f || f.doneAt) continue;
    let t = zone.parse(f.snoozedUntil);
    if (t !== t) t = zone.parse(f.dueAt);
    if (t !== t) continue;
    const id = idOf(f);
    if (!follow || isAfter(followT, followId, t, id)) {
      follow = f;
      followT = t;
      followId = id;
    }
  }
  if (follow) {
    const r = pushShifted(raws, 'follow-up', zone.dayOf(followT), ctx, pressingOnly, avoid);
    if (r) r.followUp = { rec: follow, t: followT, id: followId };
  }
  return last;
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
