// The kinds of touches, their priority, the tier order and the agenda order (PRODUCT.md
// "Candidates", "Agenda"): the one place these lists live. The popup's groups, the stored agenda rows
// and the message schemas derive from here.

import { OCCASION_KINDS, TIERS, type Channel, type OccasionKind, type Tier } from '../model';
import type { DayNumber } from './days';

/** Priority order, highest first (PRODUCT.md: commitment, complaint, after-purchase, …). */
export const SUGGESTION_KINDS = [
  'commitment',
  'complaint',
  'reply',
  'after-purchase',
  'referral-thanks',
  'congratulation',
  'exit-conversation',
  'birthday',
  'partner-birthday',
  'anniversary',
  'cadence',
  'feedback',
  'follow-up',
] as const;

export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** 0 = highest priority. */
export const KIND_PRIORITY: Readonly<Record<SuggestionKind, number>> = Object.freeze(
  Object.fromEntries(SUGGESTION_KINDS.map((k, i) => [k, i])) as Record<SuggestionKind, number>,
);

/**
 * The popup's groups, in priority order: every kind is its own group, except that a partner's
 * birthday is shown with the birthdays.
 */
export const AGENDA_GROUPS: readonly { id: SuggestionKind; kinds: readonly SuggestionKind[] }[] =
  Object.freeze(
    SUGGESTION_KINDS.filter((k) => k !== 'partner-birthday').map((id) => ({
      id,
      kinds: id === 'birthday' ? (['birthday', 'partner-birthday'] as const) : [id],
    })),
  );

/**
 * The touches that bring an attached occasion (issue "Something to bring to every touch", 3), with
 * the occasion kinds each may carry (and be offered when one fits): the regular touches any; the
 * call after a purchase no new product — it asks whether what was bought works, it does not sell
 * the next thing (seed 001); a birthday only what is personal — on that day the person comes
 * first, not business. Promises, complaints, replies, exit conversations and thank-yous carry
 * nothing.
 */
export const OCCASION_CARRIERS: Readonly<Partial<Record<SuggestionKind, readonly OccasionKind[]>>> =
  Object.freeze({
    cadence: OCCASION_KINDS,
    feedback: OCCASION_KINDS,
    'after-purchase': OCCASION_KINDS.filter((k) => k !== 'product'),
    'follow-up': OCCASION_KINDS,
    birthday: ['tip', 'event', 'season'],
    'partner-birthday': ['tip', 'event', 'season'],
  });

/** The thank-you touches: never an offer, a gift or letter for A and B. */
export const THANKS_KINDS: readonly SuggestionKind[] = Object.freeze([
  'referral-thanks',
  'anniversary',
] as const);

/** 0 for A, 1 for B, 2 for C: the order tiers are listed and worked through (A first). */
export function tierRank(tier: Tier): number {
  const i = TIERS.indexOf(tier);
  return i < 0 ? TIERS.length - 1 : i;
}

/**
 * The sortable part of the agenda order as one exact integer: priority, then due day, then tier.
 * Names and ids break ties (see `compareAgendaEntries`). Day numbers of the years 1–9999 lie within
 * ±4·10⁶, so the three parts never overlap.
 */
export function agendaRank(kind: SuggestionKind, due: DayNumber, tier: Tier): number {
  return (KIND_PRIORITY[kind] * 8_000_000 + (due + 4_000_000)) * 4 + tierRank(tier);
}

/** The next personal touch (ARCHITECTURE.md contract). */
export interface Suggestion {
  kind: SuggestionKind;
  channel: Channel;
  /** `YYYY-MM-DD` in settings.timeZone, after times to avoid. */
  due: string;
  reasons: string[];
  talkingPoints: string[];
  /** The occasion this touch brings (attached with "Vormerken"), when it carries one. */
  occasionId?: string;
}

/** One candidate touch of a contact; `pressing` decides whether it belongs on today's agenda. */
export interface Candidate extends Suggestion {
  pressing: boolean;
}

export interface AgendaItem {
  contactId: string;
  suggestion: Suggestion;
}

/** One touch with what the agenda order and the actions need besides its words. */
export interface TouchEntry {
  suggestion: Suggestion;
  /** `agendaRank` of kind, due day and tier. */
  rank: number;
  /** The record the touch acts on: the promise, the complaint, the purchase, the follow-up. */
  recordId?: string;
}

/** An agenda item with its place in the agenda order and the record it acts on. */
export interface AgendaEntry extends TouchEntry {
  contactId: string;
  name: string;
  tier: Tier;
}
