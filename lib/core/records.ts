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
  const list = listOf(history.interactions);
  const nowIso = ctx.nowIso;
  const todayIso = ctx.todayIso;
  // Three buckets: canonical instants and date-only days are each compared as text (which orders
  // them like their epochs), anything else is parsed; the three winners are compared at the end.
  let canon: Interaction | undefined;
  let day: Interaction | undefined;
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
        if (canon && (at < canon.at || (at === canon.at && idOf(rec) <= idOf(canon)))) continue;
        if (at > nowIso) continue; // after now
        canon = rec;
        continue;
      }
      if (len === 10 && at.charCodeAt(4) === 45 && at.charCodeAt(7) === 45) {
        if (day && (at < day.at || (at === day.at && idOf(rec) <= idOf(day)))) continue;
        if (at > todayIso) continue; // a later day starts after now
        day = rec;
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
  let best: Timed<Interaction> | undefined = other
    ? { rec: other, t: otherT, id: idOf(other) }
    : undefined;
  for (const winner of [canon, day]) {
    if (!winner) continue;
    const t = ctx.zone.parse(winner.at);
    // A well-shaped but impossible date (month 13) won the text comparison: read them all.
    if (t !== t) return latestInteractionSlow(list, ctx, personal);
    const id = idOf(winner);
    if (!best || isAfter(t, id, best.t, best.id)) best = { rec: winner, t, id };
  }
  return best;
}

function latestInteractionSlow(
  list: Interaction[],
  ctx: CoreContext,
  personal: boolean,
): Timed<Interaction> | undefined {
  let best: Timed<Interaction> | undefined;
  for (const rec of list) {
    if (!rec || (rec.personal === true) !== personal) continue;
    const t = ctx.zone.parse(rec.at);
    if (!(t <= ctx.nowMs)) continue;
    const id = idOf(rec);
    if (!best || isAfter(t, id, best.t, best.id)) best = { rec, t, id };
  }
  return best;
}

export function interactionFacts(history: ContactHistory, ctx: CoreContext): InteractionFacts {
  return { lastPersonal: latestInteraction(history, ctx, true) };
}

/** A personal interaction (either direction) came strictly after the given record. */
export function personalAfter(facts: InteractionFacts, t: number, id: string): boolean {
  const p = facts.lastPersonal;
  return !!p && isAfter(p.t, p.id, t, id);
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
