// Reading one contact's history the way every rule needs it (PRODUCT.md "Days"):
// records dated after `now` are ignored, "after" compares timestamps strictly with equal timestamps
// ordered by id, a date-only timestamp stands for the start of that day. Optional fields and even
// missing arrays are tolerated, because external callers build histories by hand.

import type {
  Commitment,
  Contact,
  ContactHistory,
  Feedback,
  FollowUp,
  Interaction,
  Purchase,
} from '../model';
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

/** The personal-contact facts of one history, computed in one pass over its interactions. */
export interface InteractionFacts {
  lastPersonal?: Timed<Interaction>;
  /** The latest non-personal interaction (newsletter, mass mailing): recorded, never a contact. */
  lastMass?: Timed<Interaction>;
}

export function interactionFacts(history: ContactHistory, ctx: CoreContext): InteractionFacts {
  let lastPersonal: Timed<Interaction> | undefined;
  let lastMass: Timed<Interaction> | undefined;
  const list = listOf(history.interactions);
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (!rec) continue;
    const t = ctx.zone.parse(rec.at);
    if (!(t <= ctx.nowMs)) continue; // after now, or unreadable
    const id = idOf(rec);
    if (rec.personal === true) {
      if (!lastPersonal || isAfter(t, id, lastPersonal.t, lastPersonal.id))
        lastPersonal = { rec, t, id };
    } else if (!lastMass || isAfter(t, id, lastMass.t, lastMass.id)) {
      lastMass = { rec, t, id };
    }
  }
  return { lastPersonal, lastMass };
}

/** A personal interaction (either direction) came strictly after the given record. */
export function personalAfter(facts: InteractionFacts, t: number, id: string): boolean {
  const p = facts.lastPersonal;
  return !!p && isAfter(p.t, p.id, t, id);
}

/** The latest feedback dated up to now (ties by id), or undefined. */
export function latestFeedback(
  history: ContactHistory,
  ctx: CoreContext,
): Timed<Feedback> | undefined {
  let best: Timed<Feedback> | undefined;
  for (const rec of listOf(history.feedback)) {
    if (!rec) continue;
    const t = ctx.zone.parse(rec.at);
    if (!(t <= ctx.nowMs)) continue;
    const id = idOf(rec);
    if (!best || isAfter(t, id, best.t, best.id)) best = { rec, t, id };
  }
  return best;
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

/** Open follow-ups (no `doneAt`) by `snoozedUntil ?? dueAt`, earliest first (ties by id). */
export function openFollowUps(history: ContactHistory, ctx: CoreContext): Timed<FollowUp>[] {
  const out: Timed<FollowUp>[] = [];
  for (const rec of listOf(history.followUps)) {
    if (!rec || rec.doneAt) continue;
    let t = ctx.zone.parse(rec.snoozedUntil);
    if (t !== t) t = ctx.zone.parse(rec.dueAt);
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
