// One candidate touch before and while it is put into words: the numbers the rules computed
// (`RawCandidate`) and what describing it needs besides (`Prepared`). Shared by the rules
// (candidates.ts) and the words (describe.ts), so that neither imports the other's module.

import type {
  Commitment,
  Contact,
  ContactHistory,
  DayOfYear,
  Feedback,
  FollowUp,
  Interaction,
  Purchase,
  Tier,
} from '../model';
import type { CoreContext } from './context';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  isLeap,
  monthLength,
  type DayNumber,
} from './days';
import { KIND_PRIORITY, agendaRank, type SuggestionKind } from './kinds';
import type { AvoidOutcome } from './plan';
import { latestInteraction, openCommitments, type Referral, type Timed } from './records';

/**
 * A candidate before it is put into words. A class with every field present, so that all
 * candidates share one shape and the optional fields cost no extra storage when set.
 */
export class RawCandidate {
  kind: SuggestionKind;
  priority: number;
  due: DayNumber;
  pressing: boolean;
  /** `agendaRank` of kind, due day and the contact's tier. */
  rank: number;
  /** The record the touch acts on (promise, complaint, purchase, follow-up). */
  recordId: string | undefined = undefined;
  avoid: AvoidOutcome | undefined = undefined;
  commitment: Timed<Commitment> | undefined = undefined;
  feedback: Timed<Feedback> | undefined = undefined;
  /** complaint: true for "low satisfaction", false for an open complaint. */
  lowSatisfaction: boolean | undefined = undefined;
  openComplaints: number | undefined = undefined;
  purchase: Timed<Purchase> | undefined = undefined;
  /** reply: the customer's message that waits for our answer. */
  message: Timed<Interaction> | undefined = undefined;
  /** cadence: feedback is due too and is asked in this conversation. */
  askFeedback = false;
  followUp: Timed<FollowUp> | undefined = undefined;
  /** cadence / feedback: the day the interval counts from, and whether it is the creation day. */
  base: DayNumber | undefined = undefined;
  fromCreation: boolean | undefined = undefined;
  interval: number | undefined = undefined;
  ownInterval: boolean | undefined = undefined;
  birthday: DayOfYear | undefined = undefined;
  lostOn: DayNumber | undefined = undefined;
  /** referral-thanks: the recommended contacts who became customers and were not thanked for. */
  referrals: Referral[] | undefined = undefined;
  /** anniversary: the first purchase, and the years completed on the due day. */
  years: number | undefined = undefined;

  constructor(kind: SuggestionKind, due: DayNumber, pressing: boolean, tier: Tier) {
    this.kind = kind;
    this.priority = KIND_PRIORITY[kind];
    this.due = due;
    this.pressing = pressing;
    this.rank = agendaRank(kind, due, tier);
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
  private touch: Timed<Interaction> | undefined | null;
  private last: Timed<Interaction> | undefined | null = null;
  private open: Timed<Commitment>[] | undefined;
  /** Talking points all touches of this contact share (filled by the describer). */
  common: unknown;

  constructor(
    history: ContactHistory,
    tier: Tier,
    ctx: CoreContext,
    lastTouch: Timed<Interaction> | undefined | null = null,
  ) {
    this.history = history;
    this.contact = history.contact;
    this.tier = tier;
    this.ctx = ctx;
    this.touch = lastTouch;
    this.open = undefined;
    this.common = undefined;
  }

  /** Our latest personal touch up to now (null in the constructor: not looked up yet). */
  lastTouch(): Timed<Interaction> | undefined {
    if (this.touch === null) this.touch = latestInteraction(this.history, this.ctx, 'touch');
    return this.touch;
  }

  /** The latest personal interaction up to now, either direction (what was talked about last). */
  lastPersonal(): Timed<Interaction> | undefined {
    if (this.last === null) this.last = latestInteraction(this.history, this.ctx, 'personal');
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

/**
 * PRODUCT.md "pressing": due by today; birthdays (and customer anniversaries, whose card must
 * arrive in time) within the look-ahead; promises within 2 days.
 */
export function isPressing(kind: SuggestionKind, due: DayNumber, ctx: CoreContext): boolean {
  const today = ctx.today;
  return (
    due <= today ||
    ((kind === 'birthday' || kind === 'partner-birthday' || kind === 'anniversary') &&
      due <= today + ctx.s.birthdayLookaheadDays) ||
    (kind === 'commitment' && due <= today + 2)
  );
}
