// Kinds of touches and their priority (PRODUCT.md "Candidates"), and the contract types.

import type { Channel } from '../model';

/** Priority order, highest first (PRODUCT.md: commitment, complaint, after-purchase, …). */
export const SUGGESTION_KINDS = [
  'commitment',
  'complaint',
  'after-purchase',
  'exit-conversation',
  'birthday',
  'partner-birthday',
  'cadence',
  'feedback',
  'follow-up',
] as const;

export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** 0 = highest priority. */
export const KIND_PRIORITY: Readonly<Record<SuggestionKind, number>> = Object.fromEntries(
  SUGGESTION_KINDS.map((k, i) => [k, i]),
) as Record<SuggestionKind, number>;

/** The next personal touch (ARCHITECTURE.md contract). */
export interface Suggestion {
  kind: SuggestionKind;
  channel: Channel;
  /** `YYYY-MM-DD` in settings.timeZone, after times to avoid. */
  due: string;
  reasons: string[];
  talkingPoints: string[];
}

/** One candidate touch of a contact; `pressing` decides whether it belongs on today's agenda. */
export interface Candidate extends Suggestion {
  pressing: boolean;
}

export interface AgendaItem {
  contactId: string;
  suggestion: Suggestion;
}
