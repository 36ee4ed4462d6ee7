// What the insights page shows, computed with the core from every history (read once per visit)
// and from today's agenda rows (overdue relationships). Pure.
import {
  analyzeLost,
  atRiskContacts,
  occasionOutcomes,
  paretoSeries,
  referrerFigures,
  tierDistribution,
  upcomingBirthdays,
  type AtRiskEntry,
  type LostAnalysis,
  type OccasionOutcome,
  type ParetoPoint,
  type ReferrerFigures,
  type TierDistribution,
  type UpcomingBirthday,
  tierRank,
} from '../../core';
import type { AgendaRow } from '../../db';
import { todayIn } from '../format';
import type { ContactHistory, Occasion, Settings } from '../../model';

export const BIRTHDAY_DAYS = 30;

export interface Insights {
  distribution: TierDistribution;
  pareto: ParetoPoint[];
  atRisk: (AtRiskEntry & { name: string; company?: string })[];
  lost: LostAnalysis;
  birthdays: UpcomingBirthday[];
  /** Who recommended customers, with what their referrals bought; most revenue first. */
  referrers: ReferrerFigures[];
  /** Every occasion (and one deleted since that was brought), with what followed; most brought
   * first. */
  occasions: OccasionOutcome[];
  contacts: number;
}

export function buildInsights(
  histories: ContactHistory[],
  settings: Settings,
  now: Date,
  occasions: readonly Occasion[] = [],
): Insights {
  const byId = new Map(histories.map((h) => [h.contact.id, h.contact]));
  return {
    distribution: tierDistribution(histories, settings, now),
    pareto: paretoSeries(histories, settings, now),
    atRisk: atRiskContacts(histories, settings, now).map((e) => ({
      ...e,
      name: byId.get(e.contactId)?.name ?? '',
      company: byId.get(e.contactId)?.company,
    })),
    lost: analyzeLost(histories, settings, now),
    birthdays: upcomingBirthdays(histories, settings, now, BIRTHDAY_DAYS),
    referrers: referrerFigures(histories, settings, now),
    occasions: occasionOutcomes(occasions, histories, settings, now),
    contacts: histories.length,
  };
}

/** Relationships whose regular personal contact is overdue (due before today): A first, then the
 * longest overdue. From the agenda the background keeps, so no history is read. */
export function overdueRelationships(
  agenda: AgendaRow[],
  now: Date,
  timeZone?: string,
): AgendaRow[] {
  const today = todayIn(now, timeZone);
  return agenda
    .filter((r) => r.kind === 'cadence' && r.due < today)
    .sort(
      (a, b) =>
        tierRank(a.tier) - tierRank(b.tier) ||
        (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
        a.name.localeCompare(b.name),
    );
}
