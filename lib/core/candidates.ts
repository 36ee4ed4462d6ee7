// Candidate touches of one contact (PRODUCT.md "Candidates", "Times to avoid", "Next personal
// touch") and what becomes of them: the next personal touch and the contact's agenda items. This is
// the one pipeline: `buildAgenda`, `suggestNextTouch` and the rows the background stores all come
// from `collectCandidates`, `pickNext` and `agendaSelection` below. Computing a candidate is cheap
// (numbers only); words are built only for the candidates a caller actually shows.

import type {
  Commitment,
  ContactHistory,
  Feedback,
  FollowUp,
  Interaction,
  Occasion,
  Purchase,
  Settings,
  Tier,
} from '../model';
import { Prepared, RawCandidate, isPressing, nextOccurrence } from './candidate';
import { createContext, isTier, type CoreContext } from './context';
import { civilFromDayNumber, isoFromDayNumber, type DayNumber } from './days';
import { describeCandidate, describeCandidateLazily } from './describe';
import type { AgendaEntry, Candidate, Suggestion, SuggestionKind, TouchEntry } from './kinds';
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
  firstPurchase,
  isAfter,
  isLost,
  latestTouchAndMessage,
  lostDay,
  normalizeHistory,
  referralsOf,
  type Timed,
} from './records';

/** Customer anniversaries are thanked for every this many years (5, 10, 15 …). */
export const ANNIVERSARY_EVERY_YEARS = 5;

/** A thank-you for a referral is suggested for this many days after the first purchase. */
export const REFERRAL_THANKS_DAYS = 60;

/** A congratulation on a new position is suggested for this many days after it was taken over. */
export const CONGRATULATION_DAYS = 30;

export { nextOccurrence };

/** Where the candidates of one contact are collected (the caller owns it and may reuse it). */
interface Collector {
  raws: RawCandidate[];
  ctx: CoreContext;
  tier: Tier;
  /** Only pressing candidates are built (the agenda). */
  pressingOnly: boolean;
}

function push(
  c: Collector,
  kind: SuggestionKind,
  due: DayNumber,
  avoid?: AvoidOutcome,
): RawCandidate | null {
  const pressing = isPressing(kind, due, c.ctx);
  if (c.pressingOnly && !pressing) return null;
  const r = new RawCandidate(kind, due, pressing, c.tier);
  if (avoid) r.avoid = avoid;
  c.raws.push(r);
  return r;
}

/** Times to avoid move cadence, feedback, after-purchase and follow-up; nothing else. */
function pushShifted(
  c: Collector,
  kind: SuggestionKind,
  due: DayNumber,
  avoid: AvoidTable | null,
): RawCandidate | null {
  if (!avoid) return push(c, kind, due);
  const a = applyAvoid(due, c.ctx.today, avoid, c.ctx.calendar());
  return push(c, kind, a.due, a.moved || a.gaveUp ? a : undefined);
}

/**
 * A touch of the communication plan (cadence, feedback): `interval` days after the day of `since`,
 * or after the creation day when there is no such record yet.
 */
function pushPlanned(
  c: Collector,
  kind: 'cadence' | 'feedback',
  since: Timed<unknown> | undefined,
  created: DayNumber,
  interval: number,
  avoid: AvoidTable | null,
  plan: { own: boolean },
): RawCandidate | null {
  const base = since ? c.ctx.zone.dayOf(since.t) : created;
  const r = pushShifted(c, kind, base + interval, avoid);
  if (r) {
    r.base = base;
    r.fromCreation = !since;
    r.interval = interval;
    r.ownInterval = plan.own;
  }
  return r;
}

/** The open promise with the earliest `dueAt` (ties by id), with its instant. */
function earliestOpenCommitment(
  list: Commitment[],
  ctx: CoreContext,
): Timed<Commitment> | undefined {
  let best: Commitment | undefined;
  let bestT = NaN;
  for (let i = 0; i < list.length; i++) {
    const rec = list[i] as Commitment;
    if (rec.doneAt) continue;
    const t = ctx.zone.parse(rec.dueAt);
    if (t !== t) continue;
    if (!best || isAfter(bestT, best.id, t, rec.id)) {
      best = rec;
      bestT = t;
    }
  }
  return best ? { rec: best, t: bestT, id: best.id } : undefined;
}

/** The open follow-up whose `snoozedUntil ?? dueAt` is earliest (ties by id), with that instant. */
function earliestOpenFollowUp(list: FollowUp[], ctx: CoreContext): Timed<FollowUp> | undefined {
  let best: FollowUp | undefined;
  let bestT = NaN;
  for (let i = 0; i < list.length; i++) {
    const rec = list[i] as FollowUp;
    if (rec.doneAt) continue;
    let t = ctx.zone.parse(rec.snoozedUntil);
    if (t !== t) t = ctx.zone.parse(rec.dueAt);
    if (t !== t) continue;
    if (!best || isAfter(bestT, best.id, t, rec.id)) {
      best = rec;
      bestT = t;
    }
  }
  return best ? { rec: best, t: bestT, id: best.id } : undefined;
}

function isLow(rating: unknown): boolean {
  return typeof rating === 'number' && rating <= 2;
}

/**
 * All candidates of one (normalized) contact, in priority order, as numbers (no words yet),
 * appended to `c.raws`. Returns the latest personal interaction found on the way (describing needs
 * it too). While reading the lists only the best record of each kind is kept.
 */
function collect(history: ContactHistory, c: Collector): Timed<Interaction> | undefined {
  const { ctx } = c;
  const contact = history.contact;
  const zone = ctx.zone;
  const today = ctx.today;
  const nowMs = ctx.nowMs;

  // Lost contacts get only the exit conversation, 7 days after they were lost.
  if (isLost(contact)) {
    if (!contact.lost?.exitConversationAt) {
      const on = lostDay(contact, ctx);
      const r = push(c, 'exit-conversation', on + 7);
      if (r) r.lostOn = on;
    }
    return undefined;
  }

  // The latest personal touch of ours (PRODUCT.md "Touches of ours"): a customer who writes to
  // chase us has not been cared for.
  const scanned = latestTouchAndMessage(history, ctx);
  const last = scanned.touch;
  const prospect = contact.status === 'prospect';
  const table = contact.avoid ? avoidTable(contact.avoid) : null;
  const avoid = table && table.any ? table : null;

  // commitment: the open one with the earliest dueAt; due then (keeps its day).
  const first = earliestOpenCommitment(history.commitments, ctx);
  if (first) {
    const r = push(c, 'commitment', zone.dayOf(first.t));
    if (r) {
      r.commitment = first;
      r.recordId = first.id;
    }
  }

  // complaint: an unresolved complaint stays open whatever happened since (earliest one counts);
  // otherwise the latest feedback, unresolved, rating ≤ 2, with no touch of ours after it.
  let openRec: Feedback | undefined;
  let openT = NaN;
  let latestRec: Feedback | undefined;
  let latestT = NaN;
  let complaints = 0;
  const feedback = history.feedback;
  for (let i = 0; i < feedback.length; i++) {
    const f = feedback[i] as Feedback;
    const t = zone.parse(f.at);
    if (!(t <= nowMs)) continue;
    if (!latestRec || isAfter(t, f.id, latestT, latestRec.id)) {
      latestRec = f;
      latestT = t;
    }
    if (f.complaint === true && !f.resolvedAt) {
      complaints++;
      if (!openRec || isAfter(openT, openRec.id, t, f.id)) {
        openRec = f;
        openT = t;
      }
    }
  }
  const open: Timed<Feedback> | undefined = openRec && { rec: openRec, t: openT, id: openRec.id };
  const latest: Timed<Feedback> | undefined = latestRec && {
    rec: latestRec,
    t: latestT,
    id: latestRec.id,
  };
  if (open) {
    const r = push(c, 'complaint', zone.dayOf(open.t));
    if (r) {
      r.feedback = open;
      r.recordId = open.id;
      r.lowSatisfaction = false;
      r.openComplaints = complaints;
    }
  } else if (
    latest &&
    !latest.rec.resolvedAt &&
    (isLow(latest.rec.product) || isLow(latest.rec.service)) &&
    !(last && isAfter(last.t, last.id, latest.t, latest.id))
  ) {
    const r = push(c, 'complaint', zone.dayOf(latest.t));
    if (r) {
      r.feedback = latest;
      r.recordId = latest.id;
      r.lowSatisfaction = true;
    }
  }

  // reply: the customer's latest personal message of today or the 30 days before, with no touch of
  // ours after it; due the day it came (PRODUCT.md "Candidates").
  const windowStart = zone.startOfDay(today - 30);
  const message = scanned.message;
  if (
    message &&
    message.t >= windowStart &&
    !(last && isAfter(last.t, last.id, message.t, message.id))
  ) {
    const r = push(c, 'reply', zone.dayOf(message.t));
    if (r) {
      r.message = message;
      r.recordId = message.id;
    }
  }

  // after-purchase: the latest purchase above 0 dated today or in the 30 days before, with no
  // touch of ours after it; due afterPurchaseDays after it.
  let purchase: Timed<Purchase> | undefined;
  const purchases = history.purchases;
  for (let i = 0; i < purchases.length; i++) {
    const p = purchases[i] as Purchase;
    if (!(typeof p.amount === 'number' && p.amount > 0)) continue;
    const t = zone.parse(p.at);
    if (!(t >= windowStart && t <= nowMs)) continue;
    if (!purchase || isAfter(t, p.id, purchase.t, purchase.id)) purchase = { rec: p, t, id: p.id };
  }
  if (purchase && !(last && isAfter(last.t, last.id, purchase.t, purchase.id))) {
    const r = pushShifted(
      c,
      'after-purchase',
      zone.dayOf(purchase.t) + ctx.s.afterPurchaseDays,
      avoid,
    );
    if (r) {
      r.purchase = purchase;
      r.recordId = purchase.id;
    }
  }

  // referral-thanks: contacts this one recommended who bought for the first time in the last
  // REFERRAL_THANKS_DAYS days, with no touch of ours to the referrer since; due the day of the
  // earliest such purchase. Thanks, never an offer (seed 002: "Eine Hand wäscht die andere").
  if (history.referred && history.referred.length) {
    const from = zone.startOfDay(today - REFERRAL_THANKS_DAYS);
    const open = referralsOf(history, ctx).filter(
      (ref) =>
        ref.first &&
        ref.first.t >= from &&
        !(last && isAfter(last.t, last.id, ref.first.t, ref.first.id)),
    );
    const earliest = open[0]?.first;
    if (earliest) {
      const r = push(c, 'referral-thanks', zone.dayOf(earliest.t));
      if (r) {
        r.referrals = open;
        r.recordId = open[0]?.contact.id;
      }
    }
  }

  // congratulation: a new position taken over from the person's profile today or in the
  // CONGRATULATION_DAYS before, with no touch of ours since; due that day. A congratulation, no
  // offer (issue 14, 2: the page keeps the record fresh, seed 001).
  const change = contact.jobChange;
  if (change && typeof change.at === 'string') {
    const t = zone.parse(change.at);
    if (t >= zone.startOfDay(today - CONGRATULATION_DAYS) && t <= nowMs && !(last && last.t > t))
      push(c, 'congratulation', zone.dayOf(t));
  }

  // birthday / partner-birthday: the next occurrence, today counts — only where there is a
  // relationship: a touch of ours in the last year, or the contact marked close (a wish from
  // someone the customer never hears from is not credible).
  const related = contact.close === true || (!!last && last.t >= zone.startOfDay(today - 364));
  if (related) {
    const bd = nextOccurrence(contact.birthday, today, ctx.year);
    if (bd === bd) {
      const r = push(c, 'birthday', bd);
      if (r) r.birthday = contact.birthday;
    }
    const pbd = contact.partner ? nextOccurrence(contact.partner.birthday, today, ctx.year) : NaN;
    if (pbd === pbd) {
      const r = push(c, 'partner-birthday', pbd);
      if (r) r.birthday = contact.partner?.birthday;
    }
  }

  // anniversary (A and B): every ANNIVERSARY_EVERY_YEARS years since the first purchase, on its
  // day (today counts) — a thank-you, no offer.
  if (c.tier !== 'C') {
    const first = firstPurchase(history.purchases, ctx);
    if (first) {
      const since = civilFromDayNumber(zone.dayOf(first.t));
      const day = nextOccurrence({ month: since.month, day: since.day }, today, ctx.year);
      const years = day === day ? civilFromDayNumber(day).year - since.year : 0;
      if (years > 0 && years % ANNIVERSARY_EVERY_YEARS === 0) {
        const r = push(c, 'anniversary', day);
        if (r) {
          r.years = years;
          r.purchase = first;
        }
      }
    }
  }

  // cadence: the contact interval after our last personal touch, or after createdAt (the creation
  // day is read only when one of the two counts from it). A prospect we never touched gets none
  // unless a plan of its own says so: 800 imported prospects must not all fall due on one day.
  const created = last && latest ? 0 : createdDay(contact, ctx);
  const ownCadence = validInterval(contact.plan?.contactEveryDays);
  const cadence =
    prospect && !last && !ownCadence
      ? null
      : pushPlanned(c, 'cadence', last, created, contactInterval(contact, c.tier, ctx.s), avoid, {
          own: ownCadence,
        });

  // feedback (never for a prospect): the feedback interval after the latest feedback, or after
  // createdAt. Due together with the cadence, it is asked in that conversation.
  if (!prospect) {
    const fb = pushPlanned(
      c,
      'feedback',
      latest,
      created,
      feedbackInterval(contact, c.tier, ctx.s),
      avoid,
      { own: validInterval(contact.plan?.feedbackEveryDays) },
    );
    if (fb) {
      fb.feedback = latest;
      if (cadence && cadence.pressing && fb.pressing) cadence.askFeedback = true;
    }
  }

  // follow-up: the open one whose snoozedUntil ?? dueAt is earliest.
  const follow = earliestOpenFollowUp(history.followUps, ctx);
  if (follow) {
    const r = pushShifted(c, 'follow-up', zone.dayOf(follow.t), avoid);
    if (r) {
      r.followUp = follow;
      r.recordId = follow.id;
    }
  }
  return last;
}

/**
 * The rule of PRODUCT.md "Next personal touch": the pressing candidate of highest priority; with
 * none pressing, the candidate due first (ties by priority); undefined without candidates.
 */
export function pickNext(raws: readonly RawCandidate[]): RawCandidate | undefined {
  let best: RawCandidate | undefined;
  for (const r of raws) if (r.pressing && (!best || r.priority < best.priority)) best = r;
  if (best) return best;
  for (const r of raws)
    if (!best || r.due < best.due || (r.due === best.due && r.priority < best.priority)) best = r;
  return best;
}

/** What waits while a complaint is open: nothing that looks like business as usual. */
const WAITS_FOR_COMPLAINT: ReadonlySet<SuggestionKind> = new Set<SuggestionKind>([
  'after-purchase',
  'referral-thanks',
  'congratulation',
  'birthday',
  'partner-birthday',
  'anniversary',
  'cadence',
  'feedback',
]);

/** What is pressing among a contact's candidates, as far as the agenda's selection asks. */
function pressingKinds(raws: readonly RawCandidate[]): { complaint: boolean; cadence: boolean } {
  let complaint = false;
  let cadence = false;
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as RawCandidate;
    if (!r.pressing) continue;
    if (r.kind === 'complaint') complaint = true;
    else if (r.kind === 'cadence') cadence = true;
  }
  return { complaint, cadence };
}

/** Whether the agenda keeps a pressing candidate, given what else of the contact is pressing. */
function keptOnAgenda(r: RawCandidate, pressing: { complaint: boolean; cadence: boolean }) {
  return (
    r.pressing &&
    !(pressing.complaint && WAITS_FOR_COMPLAINT.has(r.kind)) &&
    !(pressing.cadence && r.kind === 'feedback')
  );
}

/**
 * The contact's items on today's agenda (PRODUCT.md "Agenda"): every pressing candidate, except
 * that while a complaint is pressing its after-purchase, birthday, cadence and feedback items wait,
 * and that feedback due with the cadence is asked in that conversation. `raws` are the contact's
 * candidates in priority order; the result keeps that order.
 */
export function agendaSelection(raws: readonly RawCandidate[]): RawCandidate[] {
  const pressing = pressingKinds(raws);
  return raws.filter((r) => keptOnAgenda(r, pressing));
}

/** The candidates of one normalized contact (the tier checked by the caller). */
export function collectCandidates(
  history: ContactHistory,
  tier: Tier,
  ctx: CoreContext,
  pressingOnly: boolean,
): { raws: RawCandidate[]; lastTouch: Timed<Interaction> | undefined } {
  const c: Collector = { raws: [], ctx, tier, pressingOnly };
  const lastTouch = ctx.valid ? collect(history, c) : undefined;
  return { raws: c.raws, lastTouch };
}

/**
 * Since when the customer's message waits for our answer, by the `reply` rule itself (PRODUCT.md
 * "Candidates"): the day (`YYYY-MM-DD`) the rule's message came, when that message is `messageId`
 * — a stored interaction, or one a page shows that is added to the history for this question
 * (`extra`, not stored). Null when the rule finds nothing, or another message.
 */
export function replyWaitingSince(
  historyIn: ContactHistory,
  messageId: string,
  ctx: CoreContext,
  extra?: Interaction,
): string | null {
  const normal = normalizeHistory(historyIn);
  if (!normal || !ctx.valid) return null;
  const history = extra ? { ...normal, interactions: [...normal.interactions, extra] } : normal;
  const { raws } = collectCandidates(history, 'C', ctx, false);
  const reply = raws.find((r) => r.kind === 'reply');
  return reply && reply.message?.id === messageId ? isoFromDayNumber(reply.due) : null;
}

const entryOf = (r: RawCandidate, suggestion: Suggestion): TouchEntry =>
  r.recordId === undefined
    ? { suggestion, rank: r.rank }
    : { suggestion, rank: r.rank, recordId: r.recordId };

/** What the background stores of one contact: its next personal touch and its agenda items. */
export interface ContactTouches {
  next: TouchEntry | null;
  agenda: TouchEntry[];
}

/** The next personal touch and today's agenda items of one contact, in words. */
export function contactTouches(
  historyIn: ContactHistory,
  tierIn: Tier,
  ctx: CoreContext,
): ContactTouches {
  const history = normalizeHistory(historyIn);
  if (!history || !ctx.valid) return { next: null, agenda: [] };
  const tier: Tier = isTier(tierIn) ? tierIn : 'C';
  const { raws, lastTouch } = collectCandidates(history, tier, ctx, false);
  const prep = new Prepared(history, tier, ctx, lastTouch);
  const described = new Map<RawCandidate, TouchEntry>();
  const entry = (r: RawCandidate): TouchEntry => {
    let e = described.get(r);
    if (!e) described.set(r, (e = entryOf(r, describeCandidate(r, prep))));
    return e;
  };
  const next = pickNext(raws);
  return { next: next ? entry(next) : null, agenda: agendaSelection(raws).map(entry) };
}

/**
 * The agenda entries of many normalized contacts of one computation, with lazily described words
 * (the agenda over 10,000 contacts reads the words of a few). One collector serves every contact.
 */
export class AgendaTouches {
  private readonly c: Collector;

  constructor(ctx: CoreContext) {
    this.c = { raws: [], ctx, tier: 'C', pressingOnly: true };
  }

  /** The agenda entries of one contact, appended to `out`. */
  add(history: ContactHistory, tier: Tier, out: AgendaEntry[]): void {
    const c = this.c;
    if (!c.ctx.valid) return;
    const raws = c.raws;
    raws.length = 0;
    c.tier = tier;
    collect(history, c);
    if (!raws.length) return;
    const pressing = pressingKinds(raws);
    const { id, name } = history.contact;
    for (let i = 0; i < raws.length; i++) {
      const r = raws[i] as RawCandidate;
      if (!keptOnAgenda(r, pressing)) continue;
      const e: AgendaEntry = {
        contactId: id,
        name,
        tier,
        suggestion: describeCandidateLazily(r, history, tier, c.ctx),
        rank: r.rank,
      };
      if (r.recordId !== undefined) e.recordId = r.recordId;
      out.push(e);
    }
  }
}

/** The next personal touch of a contact (ARCHITECTURE.md contract); null without candidates. */
export function suggestNextTouch(
  historyIn: ContactHistory,
  tier: Tier,
  settings: Settings,
  now: Date,
  occasions: readonly Occasion[] = [],
): Suggestion | null {
  const ctx = createContext(settings, now, occasions);
  const history = normalizeHistory(historyIn);
  if (!history || !ctx.valid) return null;
  const t: Tier = isTier(tier) ? tier : 'C';
  const { raws, lastTouch } = collectCandidates(history, t, ctx, false);
  const next = pickNext(raws);
  return next ? describeCandidate(next, new Prepared(history, t, ctx, lastTouch)) : null;
}

/**
 * Every candidate of a contact with its `pressing` flag, in priority order: the UI shows the
 * pressing ones as "to do", and the others as "next due touches" when nothing is pressing.
 */
export function listCandidates(
  historyIn: ContactHistory,
  tier: Tier,
  settings: Settings,
  now: Date,
  occasions: readonly Occasion[] = [],
): Candidate[] {
  const ctx = createContext(settings, now, occasions);
  const history = normalizeHistory(historyIn);
  if (!history || !ctx.valid) return [];
  const t: Tier = isTier(tier) ? tier : 'C';
  const { raws, lastTouch } = collectCandidates(history, t, ctx, false);
  const prep = new Prepared(history, t, ctx, lastTouch);
  return raws.map((r) => ({ ...describeCandidate(r, prep), pressing: r.pressing }));
}
