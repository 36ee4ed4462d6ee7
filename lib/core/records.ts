// Reading one contact's history the way every rule needs it (PRODUCT.md "Days"):
// records dated after `now` are ignored, "after" compares timestamps strictly with equal timestamps
// ordered by id, a date-only timestamp stands for the start of that day. Optional fields and even
// missing arrays are tolerated, because external callers build histories by hand.

import type { Commitment, Contact, ContactHistory, Interaction, Purchase } from '../model';
import type { CoreContext } from './context';
import type { DayNumber } from './days';

/** `(t1, id1)` is strictly after `(t2, id2)`: later timestamp, or the same one and a larger id. */
export function isAfter(t1: number, id1: string, t2: number, id2: string): boolean {
  return t1 > t2 || (t1 === t2 && id1 > id2);
}

export function listOf<T>(value: T[] | undefined | null): T[] {
  return Array.isArray(value) ? value : [];
}

export function idOf(record: { id?: unknown }): string {
  return typeof record.id === 'string' ? record.id : String(record.id ?? '');
}

/** A contact is lost when its status says so (PRODUCT.md "Candidates"). */
export function isLost(contact: Contact): boolean {
  return contact?.status === 'lost';
}

/** The day it was lost: `lost.at`, else the `updatedAt` day, else the `createdAt` day. */
export function lostDay(contact: Contact, ctx: CoreContext): DayNumber {
  const at = ctx.zone.dayOfDate(contact.lost?.at);
  if (at === at) return at;
  const updated = ctx.zone.dayOfDate(contact.updatedAt);
  return updated === updated ? updated : createdDay(contact, ctx);
}

/**
 * The day the relationship started for the clock: `createdAt`, else `updatedAt`, else today. A
 * contact without a readable creation date is treated as new rather than as years overdue.
 */
export function createdDay(contact: Contact, ctx: CoreContext): DayNumber {
  const c = ctx.zone.dayOfDate(contact?.createdAt);
  if (c === c) return Math.min(c, ctx.today);
  const u = ctx.zone.dayOfDate(contact?.updatedAt);
  return u === u ? Math.min(u, ctx.today) : ctx.today;
}

export interface Timed<T> {
  rec: T;
  t: number;
  id: string;
}

/** The personal-contact facts of one history. */
export interface InteractionFacts {
  lastPersonal?: Timed<Interaction>;
}

// Where `findLatest` leaves the instant and id of the record it returns: the agenda reads the latest
// personal interaction of 10,000 contacts and keeps none of them, so nothing is allocated for it.
let foundT = NaN;
let foundId = '';

/** Instant of the record the last `findLatest` call returned. */
export function foundInstant(): number {
  return foundT;
}

/** Id of the record the last `findLatest` call returned. */
export function foundRecordId(): string {
  return foundId;
}

/**
 * The latest interaction up to now with the given `personal` flag, ties by id. This is the hottest
 * loop of the agenda (20 interactions per contact on average), so instants written the canonical
 * way (`…T09:30:00.000Z`) and date-only days are compared as text — the same order as comparing
 * their epochs — and only the winners are parsed.
 */
export function latestInteraction(
  history: ContactHistory,
  ctx: CoreContext,
  personal: boolean,
): Timed<Interaction> | undefined {
  const rec = findLatest(listOf(history.interactions), ctx, personal);
  return rec ? { rec, t: foundT, id: foundId } : undefined;
}

/** `latestInteraction` without the wrapper: the record, with its instant and id in `foundT`/`foundId`. */
export function findLatest(
  list: Interaction[],
  ctx: CoreContext,
  personal: boolean,
): Interaction | undefined {
  // First without looking at `now`: records are rarely dated in the future, and a bucket winner
  // that is not after now means no record of its bucket is. Otherwise read again, leaving them out.
  const rec = latestOf(list, ctx, personal, false);
  return rec === TOO_LATE ? latestOf(list, ctx, personal, true) : rec;
}

/** Returned by `latestOf` when a text winner lies after now and `now` was not looked at. */
const TOO_LATE = {} as Interaction;

function latestOf(
  list: Interaction[],
  ctx: CoreContext,
  personal: boolean,
  checkNow: boolean,
): Interaction | undefined {
  const nowIso = ctx.nowIso;
  const todayIso = ctx.todayIso;
  // Three buckets: canonical instants and date-only days are each compared as text (which orders
  // them like their epochs), anything else is parsed; the three winners are compared at the end.
  let canon: Interaction | undefined;
  let canonAt = '';
  let day: Interaction | undefined;
  let dayAt = '';
  let other: Interaction | undefined;
  let otherT = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (!rec || (rec.personal === true) !== personal) continue;
    const at = rec.at;
    if (typeof at === 'string' && nowIso !== '') {
      const len = at.length;
      if (
        len === 24 &&
        at.charCodeAt(23) === 90 &&
        at.charCodeAt(10) === 84 &&
        at.charCodeAt(19) === 46
      ) {
        // Not later than the best so far: skip (the common case, one comparison).
        if (canon && (at < canonAt || (at === canonAt && idOf(rec) <= idOf(canon)))) continue;
        if (checkNow && at > nowIso) continue; // after now
        canon = rec;
        canonAt = at;
        continue;
      }
      if (len === 10 && at.charCodeAt(4) === 45 && at.charCodeAt(7) === 45) {
        if (day && (at < dayAt || (at === dayAt && idOf(rec) <= idOf(day)))) continue;
        if (checkNow && at > todayIso) continue; // a later day starts after now
        day = rec;
        dayAt = at;
        continue;
      }
    }
    const t = ctx.zone.parse(at);
    if (!(t <= ctx.nowMs)) continue; // after now, or unreadable
    if (!other || isAfter(t, idOf(rec), otherT, idOf(other))) {
      other = rec;
      otherT = t;
    }
  }
  if (!checkNow && ((canon && canonAt > nowIso) || (day && dayAt > todayIso))) return TOO_LATE;
  let best = other;
  let bestT = otherT;
  let bestId = other ? idOf(other) : '';
  if (canon) {
    const t = ctx.zone.parse(canonAt);
    // A well-shaped but impossible date (month 13) won the text comparison: read them all.
    if (t !== t) return latestInteractionSlow(list, ctx, personal);
    const id = idOf(canon);
    if (!best || isAfter(t, id, bestT, bestId)) {
      best = canon;
      bestT = t;
      bestId = id;
    }
  }
  if (day) {
    const t = ctx.zone.parse(dayAt);
    if (t !== t) return latestInteractionSlow(list, ctx, personal);
    const id = idOf(day);
    if (!best || isAfter(t, id, bestT, bestId)) {
      best = day;
      bestT = t;
      bestId = id;
    }
  }
  foundT = bestT;
  foundId = bestId;
  return best;
}

function latestInteractionSlow(
  list: Interaction[],
  ctx: CoreContext,
  personal: boolean,
): Interaction | undefined {
  let best: Interaction | undefined;
  let bestT = NaN;
  let bestId = '';
  for (const rec of list) {
    if (!rec || (rec.personal === true) !== personal) continue;
    const t = ctx.zone.parse(rec.at);
    if (!(t <= ctx.nowMs)) continue;
    const id = idOf(rec);
    if (!best || isAfter(t, id, bestT, bestId)) {
      best = rec;
      bestT = t;
      bestId = id;
    }
  }
  foundT = bestT;
  foundId = bestId;
  return best;
}

export function interactionFacts(history: ContactHistory, ctx: CoreContext): InteractionFacts {
  return { lastPersonal: latestInteraction(history, ctx, true) };
}

/** Open commitments (no `doneAt`), earliest `dueAt` first (ties by id). */
export function openCommitments(history: ContactHistory, ctx: CoreContext): Timed<Commitment>[] {
  const out: Timed<Commitment>[] = [];
  for (const rec of listOf(history.commitments)) {
    if (!rec || rec.doneAt) continue;
    const t = ctx.zone.parse(rec.dueAt);
    if (t !== t) continue;
    out.push({ rec, t, id: idOf(rec) });
  }
  return out.sort(byTime);
}

export function byTime<T>(a: Timed<T>, b: Timed<T>): number {
  return a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Integer cents of an amount in EUR (PRODUCT.md: compare in integer cents). */
export function toCents(amount: unknown): number {
  return typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : 0;
}

/** Sum of purchases (cents) with `from <= at <= to` (epoch ms), and whether any purchase fell in. */
export function purchasesBetween(
  history: ContactHistory,
  ctx: CoreContext,
  from: number,
  to: number,
): { cents: number; any: boolean } {
  let cents = 0;
  let any = false;
  const list = listOf<Purchase>(history.purchases);
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!p) continue;
    const t = ctx.zone.parse(p.at);
    if (t >= from && t <= to && t <= ctx.nowMs) {
      if (typeof p.amount !== 'number' || !Number.isFinite(p.amount)) continue;
      cents += Math.round(p.amount * 100);
      any = true;
    }
  }
  return { cents, any };
}
