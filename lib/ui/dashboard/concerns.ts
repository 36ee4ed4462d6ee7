// The contact page's side of "what to bring": the contact's concerns (Themen) in the order the user
// reads them, the occasions that can still be attached, and whom a contact recommended. Pure.
import { concernIsOpen } from '../../core';
import type { Concern, Contact, Occasion } from '../../model';
import { validityOf } from './occasions';

/** Where a concern stands today: open, past its end ("over"), or closed by the user. */
export type ConcernState = 'open' | 'over' | 'closed';

export interface ConcernRow {
  concern: Concern;
  state: ConcernState;
}

export function concernState(c: Concern, today: string): ConcernState {
  if (c.closedAt) return 'closed';
  return concernIsOpen(c, today) ? 'open' : 'over';
}

const STATE_ORDER: Record<ConcernState, number> = { open: 0, over: 1, closed: 2 };

/**
 * A contact's concerns as the page lists them: open ones first (the latest noted on top), then
 * those past their end, then closed ones (the latest closed on top).
 */
export function concernRows(concerns: readonly Concern[] | undefined, today: string): ConcernRow[] {
  const rows = (concerns ?? []).map((concern, index) => ({
    concern,
    state: concernState(concern, today),
    index,
  }));
  const day = (r: (typeof rows)[number]) =>
    r.state === 'closed' ? (r.concern.closedAt ?? '') : r.concern.notedAt;
  rows.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : b.index - a.index),
  );
  return rows.map(({ concern, state }) => ({ concern, state }));
}

/** The occasions attached to a contact, in the order attached (ids of deleted ones left out). */
export function plannedOccasionsOf(contact: Contact, occasions: readonly Occasion[]): Occasion[] {
  const byId = new Map(occasions.map((o) => [o.id, o]));
  const out: Occasion[] = [];
  for (const p of contact.plannedOccasions ?? []) {
    const o = byId.get(p.occasionId);
    if (o && !out.includes(o)) out.push(o);
  }
  return out;
}

/**
 * The occasions that can be attached to a contact: not expired, not attached already and not
 * brought to them before; current ones first, then those still to come, newest first in each.
 */
export function attachableOccasions(
  contact: Contact,
  occasions: readonly Occasion[],
  brought: ReadonlySet<string>,
  today: string,
): Occasion[] {
  const planned = new Set((contact.plannedOccasions ?? []).map((p) => p.occasionId));
  return occasions
    .filter((o) => !planned.has(o.id) && !brought.has(o.id))
    .map((o) => ({ o, v: validityOf(o, today) }))
    .filter(({ v }) => v !== 'expired')
    .sort(
      (a, b) =>
        (a.v === b.v ? 0 : a.v === 'current' ? -1 : 1) ||
        (a.o.createdAt < b.o.createdAt ? 1 : a.o.createdAt > b.o.createdAt ? -1 : 0),
    )
    .map(({ o }) => o);
}
