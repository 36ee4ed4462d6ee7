// Reading one contact's history the way every rule needs it (PRODUCT.md "Days"):
// records dated after `now` are ignored, "after" compares timestamps strictly with equal timestamps
// ordered by id, a date-only timestamp stands for the start of that day. External callers build
// histories by hand: `normalizeHistory` makes them whole once, where they enter the core, so that
// the rules read plain arrays and string ids.

import type {
  Commitment,
  Contact,
  ContactHistory,
  Feedback,
  FollowUp,
  Interaction,
  Purchase,
  ReferredHistory,
} from '../model';
import type { CoreContext } from './context';
import type { DayNumber } from './days';

/** `(t1, id1)` is strictly after `(t2, id2)`: later timestamp, or the same one and a larger id. */
export function isAfter(t1: number, id1: string, t2: number, id2: string): boolean {
  return t1 > t2 || (t1 === t2 && id1 > id2);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * A list as the rules read it: an array of objects (copied only when an entry is not one). Fields
 * are read as the rules need them; ids are compared as given (the model makes them strings).
 */
function normalizeList<T>(value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  for (let i = 0; i < value.length; i++) {
    const r: unknown = value[i];
    if (typeof r !== 'object' || r === null) return value.filter(isRecord) as T[];
  }
  return value as T[];
}

function normalizeContact(raw: Record<string, unknown>): Contact {
  if (
    typeof raw.id === 'string' &&
    typeof raw.name === 'string' &&
    Array.isArray(raw.emails) &&
    Array.isArray(raw.phones) &&
    Array.isArray(raw.profileUrls) &&
    Array.isArray(raw.preferredChannels) &&
    Array.isArray(raw.interests)
  )
    return raw as unknown as Contact;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    ...raw,
    id: typeof raw.id === 'string' ? raw.id : String(raw.id ?? ''),
    name: typeof raw.name === 'string' ? raw.name : String(raw.name ?? ''),
    emails: list(raw.emails),
    phones: list(raw.phones),
    profileUrls: list(raw.profileUrls),
    preferredChannels: list(raw.preferredChannels),
    interests: list(raw.interests),
  } as unknown as Contact;
}

/**
 * A history as every rule reads it, made once where it enters the core: the contact an object with
 * a string id and name and its lists present, the five record lists arrays of objects. External callers build histories by hand (ARCHITECTURE.md): what is missing is filled, and
 * nothing is copied when nothing is wrong. Null without a contact.
 */
export function normalizeHistory(history: unknown): ContactHistory | null {
  if (!isRecord(history) || !isRecord(history.contact)) return null;
  const h = history as unknown as ContactHistory;
  const contact = normalizeContact(history.contact);
  const interactions = normalizeList<Interaction>(h.interactions);
  const commitments = normalizeList<Commitment>(h.commitments);
  const feedback = normalizeList<Feedback>(h.feedback);
  const purchases = normalizeList<Purchase>(h.purchases);
  const followUps = normalizeList<FollowUp>(h.followUps);
  const referred = normalizeReferred(h.referred);
  if (
    contact === h.contact &&
    interactions === h.interactions &&
    commitments === h.commitments &&
    feedback === h.feedback &&
    purchases === h.purchases &&
    followUps === h.followUps &&
    referred === h.referred
  )
    return h;
  const out: ContactHistory = {
    contact,
    interactions,
    commitments,
    feedback,
    purchases,
    followUps,
  };
  if (referred) out.referred = referred;
  return out;
}

/** The referred contacts as the rules read them (undefined when there are none). */
function normalizeReferred(value: unknown): ReferredHistory[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return undefined;
  let same = true;
  const out: ReferredHistory[] = [];
  for (const r of value) {
    if (!isRecord(r) || !isRecord(r.contact)) {
      same = false;
      continue;
    }
    const contact = normalizeContact(r.contact);
    const purchases = normalizeList<Purchase>(r.purchases);
    if (contact !== r.contact || purchases !== r.purchases) same = false;
    out.push({ contact, purchases });
  }
  return same ? (value as ReferredHistory[]) : out;
}

/** What the tier rule reads of a history: the contact and its purchases. */
export type TierInput = Pick<ContactHistory, 'contact' | 'purchases'>;

/**
 * Every history with a contact, with the contact and the purchases normalized (as
 * `normalizeHistory` does): all the tier rule reads. The other lists are not looked at.
 */
export function tierInputsOf(histories: unknown): TierInput[] {
  if (!Array.isArray(histories)) return [];
  const out: TierInput[] = [];
  for (const h of histories) {
    if (!isRecord(h) || !isRecord(h.contact)) continue;
    const contact = normalizeContact(h.contact);
    const purchases = normalizeList<Purchase>(h.purchases);
    out.push(
      contact === h.contact && purchases === h.purchases
        ? (h as unknown as TierInput)
        : { contact, purchases },
    );
  }
  return out;
}

/** Every history with a contact, normalized (see `normalizeHistory`), in input order. */
export function normalizeHistories(histories: unknown): ContactHistory[] {
  if (!Array.isArray(histories)) return [];
  const out: ContactHistory[] = [];
  for (const h of histories) {
    const n = normalizeHistory(h);
    if (n) out.push(n);
  }
  return out;
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

/** Which interactions a search looks at (PRODUCT.md "Touches of ours"). */
export type InteractionKind =
  /** Every personal interaction, either direction (the last personal contact shown to people). */
  | 'personal'
  /** Newsletters and mass mailings: recorded, never personal. */
  | 'mass'
  /** A personal touch of ours: outgoing, or a conversation whatever its direction. */
  | 'touch'
  /** A personal message from the customer that waits for our answer (e-mail, XING, LinkedIn, …). */
  | 'incoming-message';

/** Is a channel a conversation — phone, meeting, visit, event, gift — whoever started it? */
export function isConversation(channel: unknown): boolean {
  switch (channel) {
    case 'phone':
    case 'meeting':
    case 'visit':
    case 'event':
    case 'gift':
      return true;
    default:
      return false;
  }
}

function matches(rec: Interaction, kind: InteractionKind): boolean {
  if (kind === 'mass') return rec.personal !== true;
  if (rec.personal !== true) return false;
  if (kind === 'personal') return true;
  const conversation = isConversation(rec.channel);
  if (kind === 'touch') return rec.direction === 'out' || conversation;
  return rec.direction === 'in' && !conversation;
}

/**
 * The latest interaction of a kind up to now, ties by id. This is the hottest loop of the agenda
 * (20 interactions per contact on average), so instants written the canonical way
 * (`…T09:30:00.000Z`) and date-only days are compared as text — the same order as comparing their
 * epochs — and only the winners are parsed.
 */
export function latestInteraction(
  history: ContactHistory,
  ctx: CoreContext,
  kind: InteractionKind,
): Timed<Interaction> | undefined {
  // First without looking at `now`: records are rarely dated in the future, and a bucket winner
  // that is not after now means no record of its bucket is. Otherwise read again, leaving them out.
  const list = history.interactions;
  const found = latestOf(list, ctx, kind, false);
  return found === TOO_LATE ? latestOf(list, ctx, kind, true) : found;
}

/** Returned by `latestOf` when a text winner lies after now and `now` was not looked at. */
const TOO_LATE: Timed<Interaction> = Object.freeze({ rec: {} as Interaction, t: NaN, id: '' });

function latestOf(
  list: Interaction[],
  ctx: CoreContext,
  kind: InteractionKind,
  checkNow: boolean,
): Timed<Interaction> | undefined {
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
    const rec = list[i] as Interaction;
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
        if (canon && (at < canonAt || (at === canonAt && rec.id <= canon.id))) continue;
        if (!matches(rec, kind)) continue;
        if (checkNow && at > nowIso) continue; // after now
        canon = rec;
        canonAt = at;
        continue;
      }
      if (len === 10 && at.charCodeAt(4) === 45 && at.charCodeAt(7) === 45) {
        if (day && (at < dayAt || (at === dayAt && rec.id <= day.id))) continue;
        if (!matches(rec, kind)) continue;
        if (checkNow && at > todayIso) continue; // a later day starts after now
        day = rec;
        dayAt = at;
        continue;
      }
    }
    if (!matches(rec, kind)) continue;
    const t = ctx.zone.parse(at);
    if (!(t <= ctx.nowMs)) continue; // after now, or unreadable
    if (!other || isAfter(t, rec.id, otherT, other.id)) {
      other = rec;
      otherT = t;
    }
  }
  if (!checkNow && ((canon && canonAt > nowIso) || (day && dayAt > todayIso))) return TOO_LATE;
  let best = other;
  let bestT = otherT;
  if (canon) {
    const t = ctx.zone.parse(canonAt);
    // A well-shaped but impossible date (month 13) won the text comparison: read them all.
    if (t !== t) return latestInteractionSlow(list, ctx, kind);
    if (!best || isAfter(t, canon.id, bestT, best.id)) {
      best = canon;
      bestT = t;
    }
  }
  if (day) {
    const t = ctx.zone.parse(dayAt);
    if (t !== t) return latestInteractionSlow(list, ctx, kind);
    if (!best || isAfter(t, day.id, bestT, best.id)) {
      best = day;
      bestT = t;
    }
  }
  return best ? { rec: best, t: bestT, id: best.id } : undefined;
}

/**
 * Our latest touch and the customer's latest message in one pass over the interactions (the agenda
 * needs both for every contact; the two kinds never overlap). Same order and tie rules as
 * `latestInteraction`, which answers for any other record shape the fast path does not read.
 */
export function latestTouchAndMessage(history: ContactHistory, ctx: CoreContext): TouchAndMessage {
  const list = history.interactions;
  const nowIso = ctx.nowIso;
  const todayIso = ctx.todayIso;
  // Only the shapes the app writes — canonical instants and date-only days, none after now, one
  // shape per kind (text compares like time only within a shape) — are read here; anything else
  // goes to the general search.
  let touch: Interaction | undefined;
  let touchAt = '';
  let message: Interaction | undefined;
  let messageAt = '';
  if (nowIso === '') return bothGeneral(history, ctx);
  for (let i = 0; i < list.length; i++) {
    const rec = list[i] as Interaction;
    if (rec.personal !== true) continue;
    const at = rec.at;
    if (typeof at !== 'string') return bothGeneral(history, ctx);
    const len = at.length;
    if (
      len === 24 &&
      at.charCodeAt(23) === 90 &&
      at.charCodeAt(10) === 84 &&
      at.charCodeAt(19) === 46
    ) {
      if (at > nowIso) return bothGeneral(history, ctx);
    } else if (len === 10 && at.charCodeAt(4) === 45 && at.charCodeAt(7) === 45) {
      if (at > todayIso) return bothGeneral(history, ctx);
    } else return bothGeneral(history, ctx);
    if (rec.direction === 'out' || isConversation(rec.channel)) {
      if (touch !== undefined && len !== touchAt.length) return bothGeneral(history, ctx);
      if (touch === undefined || at > touchAt || (at === touchAt && rec.id > touch.id)) {
        touch = rec;
        touchAt = at;
      }
    } else if (rec.direction === 'in') {
      if (message !== undefined && len !== messageAt.length) return bothGeneral(history, ctx);
      if (message === undefined || at > messageAt || (at === messageAt && rec.id > message.id)) {
        message = rec;
        messageAt = at;
      }
    }
  }
  const touchT = touch ? ctx.zone.parse(touchAt) : NaN;
  const messageT = message ? ctx.zone.parse(messageAt) : NaN;
  // A well-shaped but impossible date (month 13) cannot be parsed: read them all.
  if ((touch && touchT !== touchT) || (message && messageT !== messageT))
    return bothGeneral(history, ctx);
  return {
    touch: touch ? { rec: touch, t: touchT, id: touch.id } : undefined,
    message: message ? { rec: message, t: messageT, id: message.id } : undefined,
  };
}

export interface TouchAndMessage {
  touch: Timed<Interaction> | undefined;
  message: Timed<Interaction> | undefined;
}

function bothGeneral(history: ContactHistory, ctx: CoreContext): TouchAndMessage {
  return {
    touch: latestInteraction(history, ctx, 'touch'),
    message: latestInteraction(history, ctx, 'incoming-message'),
  };
}

function latestInteractionSlow(
  list: Interaction[],
  ctx: CoreContext,
  kind: InteractionKind,
): Timed<Interaction> | undefined {
  let best: Timed<Interaction> | undefined;
  for (const rec of list) {
    if (!matches(rec, kind)) continue;
    const t = ctx.zone.parse(rec.at);
    if (!(t <= ctx.nowMs)) continue;
    if (!best || isAfter(t, rec.id, best.t, best.id)) best = { rec, t, id: rec.id };
  }
  return best;
}

/** Open commitments (no `doneAt`), earliest `dueAt` first (ties by id). */
export function openCommitments(history: ContactHistory, ctx: CoreContext): Timed<Commitment>[] {
  const out: Timed<Commitment>[] = [];
  for (const rec of history.commitments) {
    if (rec.doneAt) continue;
    const t = ctx.zone.parse(rec.dueAt);
    if (t !== t) continue;
    out.push({ rec, t, id: rec.id });
  }
  return out.sort(byTime);
}

/** The open commitments of a normalized history, earliest due first: what the panel lists. */
export function openCommitmentsIn(history: ContactHistory, ctx: CoreContext): Commitment[] {
  return openCommitments(history, ctx).map((c) => c.rec);
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
  history: Pick<ContactHistory, 'purchases'>,
  ctx: CoreContext,
  from: number,
  to: number,
): { cents: number; any: boolean } {
  let cents = 0;
  let any = false;
  const list = history.purchases;
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as Purchase;
    const t = ctx.zone.parse(p.at);
    if (t >= from && t <= to && t <= ctx.nowMs) {
      if (typeof p.amount !== 'number' || !Number.isFinite(p.amount)) continue;
      cents += Math.round(p.amount * 100);
      any = true;
    }
  }
  return { cents, any };
}

/** The earliest purchase above 0 up to now: when someone became a customer. */
export function firstPurchase(
  purchases: readonly Purchase[],
  ctx: CoreContext,
): Timed<Purchase> | undefined {
  let first: Timed<Purchase> | undefined;
  for (const p of purchases) {
    if (!(typeof p.amount === 'number' && p.amount > 0)) continue;
    const t = ctx.zone.parse(p.at);
    if (!(t <= ctx.nowMs)) continue;
    if (!first || isAfter(first.t, first.id, t, p.id)) first = { rec: p, t, id: p.id };
  }
  return first;
}

/**
 * Each history given the contacts it recommended from the list itself (`referred`), where the
 * caller did not say: a list of every contact holds every referral. Histories without referrals
 * stay as they are; the others are shallow copies.
 */
export function linkReferrals(list: ContactHistory[]): ContactHistory[] {
  const byReferrer = new Map<string, ReferredHistory[]>();
  for (const h of list) {
    const by = h.contact.referredBy;
    if (typeof by !== 'string' || by === h.contact.id) continue;
    let refs = byReferrer.get(by);
    if (!refs) byReferrer.set(by, (refs = []));
    refs.push({ contact: h.contact, purchases: h.purchases });
  }
  if (!byReferrer.size) return list;
  return list.map((h) => {
    const refs = byReferrer.get(h.contact.id);
    return refs && h.referred === undefined ? { ...h, referred: refs } : h;
  });
}

/** A contact this one recommended, with what came of it. */
export interface Referral {
  contact: Contact;
  /** The referred contact's first purchase, if they bought. */
  first: Timed<Purchase> | undefined;
  /** Everything they bought up to now (refunds count), in cents. */
  revenueCents: number;
}

/** The contacts this one recommended (lost ones too: they were customers), oldest first. */
export function referralsOf(history: ContactHistory, ctx: CoreContext): Referral[] {
  const out: Referral[] = [];
  for (const r of history.referred ?? []) {
    if (r.contact.id === history.contact.id) continue;
    let cents = 0;
    for (const p of r.purchases) {
      const t = ctx.zone.parse(p.at);
      if (t <= ctx.nowMs) cents += toCents(p.amount);
    }
    out.push({ contact: r.contact, first: firstPurchase(r.purchases, ctx), revenueCents: cents });
  }
  return out.sort(
    (a, b) =>
      (a.first?.t ?? Infinity) - (b.first?.t ?? Infinity) || (a.contact.id < b.contact.id ? -1 : 1),
  );
}

/** The ids of the occasions already brought to this contact (a touch of ours recorded them). */
export function broughtOccasionIds(history: ContactHistory): Set<string> {
  const out = new Set<string>();
  for (const i of history.interactions) {
    const id = i.brought?.occasionId;
    if (typeof id === 'string') out.add(id);
  }
  return out;
}

/** The latest touch that brought something (an occasion, a tip, a favour, a gift), up to now. */
export function lastBrought(
  history: ContactHistory,
  ctx: CoreContext,
): Timed<Interaction> | undefined {
  let best: Timed<Interaction> | undefined;
  for (const i of history.interactions) {
    if (!i.brought) continue;
    const t = ctx.zone.parse(i.at);
    if (!(t <= ctx.nowMs)) continue;
    if (!best || isAfter(t, i.id, best.t, best.id)) best = { rec: i, t, id: i.id };
  }
  return best;
}
