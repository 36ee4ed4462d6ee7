// One conversation per customer (issue "Rules v2", 2): today's agenda rows of one person become one
// card, placed where that person's first row stands in the agenda order, under the heading of that
// row's group. Pure: rows in, cards and sections out; components only render them.
import { AGENDA_GROUPS, type SuggestionKind } from '../../core';
import type { AgendaRow } from '../../db';
import { translate, type Locale } from '../../i18n';
import type { Channel } from '../../model';

/** One person's items of today, in the agenda order. */
export interface AgendaCard {
  /** The contact's id: one card per person. */
  contactId: string;
  /** The person's items (at least one), the first the most pressing. */
  items: AgendaRow[];
}

export interface AgendaSection {
  /** The group of the first item of each card in it (`AGENDA_GROUPS`). */
  id: SuggestionKind;
  cards: AgendaCard[];
  /** Cards shown, plus items of the group's kinds that are not loaded yet. */
  count: number;
  /** Items of the group's kinds that are not loaded yet ("+N more in the dashboard"). */
  more: number;
}

/**
 * Group agenda rows (already in the agenda order) by person: each card takes the place of its
 * person's first row and holds all of that person's rows, in order.
 */
export function groupByPerson(rows: readonly AgendaRow[]): AgendaCard[] {
  const cards: AgendaCard[] = [];
  const byContact = new Map<string, AgendaCard>();
  for (const row of rows) {
    const card = byContact.get(row.contactId);
    if (card) card.items.push(row);
    else {
      const fresh = { contactId: row.contactId, items: [row] };
      byContact.set(row.contactId, fresh);
      cards.push(fresh);
    }
  }
  return cards;
}

/** The group a kind is shown under (a partner's birthday with the birthdays). */
export function groupOf(kind: SuggestionKind): SuggestionKind {
  return AGENDA_GROUPS.find((g) => g.kinds.includes(kind))?.id ?? kind;
}

/**
 * The popup's sections: the agenda groups in order, each with the cards whose first item belongs
 * to it. `counts` are the stored counts of every item per kind (rows load a page at a time): a
 * group keeps its heading while items of its kinds wait to be loaded. Empty groups are left out.
 */
export function agendaSections(
  rows: readonly AgendaRow[],
  counts: Readonly<Record<SuggestionKind, number>>,
): AgendaSection[] {
  const cards = groupByPerson(rows);
  const loaded = new Map<SuggestionKind, number>();
  for (const r of rows) loaded.set(r.kind, (loaded.get(r.kind) ?? 0) + 1);
  const sections: AgendaSection[] = [];
  for (const g of AGENDA_GROUPS) {
    const mine = cards.filter((c) => groupOf(c.items[0]!.kind) === g.id);
    const more = g.kinds.reduce(
      (n, k) => n + Math.max(0, (counts[k] ?? 0) - (loaded.get(k) ?? 0)),
      0,
    );
    if (!mine.length && !more) continue;
    sections.push({ id: g.id, cards: mine, count: mine.length + more, more });
  }
  return sections;
}

/** A conversation in person or by voice: done asks for the after-call note. */
export const CALL_CHANNELS: readonly Channel[] = ['phone', 'meeting', 'visit'];

export function isCall(channel: Channel): boolean {
  return CALL_CHANNELS.includes(channel);
}

/**
 * What "done" asks before it writes: `settle` for a complaint (what was agreed, a goodwill gesture),
 * `note` for a conversation by phone, in a meeting or on a visit, and for asked feedback (its
 * ratings), else nothing (done at once). Items done together ask once, for all of them.
 */
export type DoneForm = { settle: boolean; note: boolean };

export function doneFormOf(items: readonly AgendaRow[]): DoneForm {
  const first = items[0];
  const settle = items.some((i) => i.kind === 'complaint');
  const note =
    !!first &&
    (items.some((i) => i.kind === 'feedback') ||
      (items.some((i) => i.kind !== 'complaint') && isCall(first.channel)));
  return { settle, note };
}

/**
 * What the card's touch brings (issue "Something to bring to every touch", 3): the core's talking
 * point "Mitbringen: …" of the first item that carries an attached occasion, shown on the card
 * itself rather than folded into the talking points. Undefined when no item carries one.
 */
export function bringPointOf(items: readonly AgendaRow[], locale: Locale): string | undefined {
  const prefix = translate(locale, 'point.bring', { title: '' });
  for (const item of items) {
    if (!item.occasionId) continue;
    const point = item.talkingPoints.find((p) => p.startsWith(prefix));
    if (point) return point;
  }
  return undefined;
}
