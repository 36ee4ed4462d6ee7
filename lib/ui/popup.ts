// The popup's data: today's agenda rows in the agenda order (read by their sortable rank, so 10,000
// contacts cost no more than a few hundred rows), counts per kind, the next touches for an empty
// day, and find-as-you-type over the indexed words of every contact.
import { useLiveQuery } from 'dexie-react-hooks';
import { SUGGESTION_KINDS, compareAgendaEntries, foldText, type SuggestionKind } from '../core';
import { getDb, getMeta, type AgendaRow, type DerivedState, type SummaryRow } from '../db';

export interface AgendaView {
  rows: AgendaRow[];
  total: number;
  counts: Record<SuggestionKind, number>;
  /** The day the rows were computed for (stale when it is not today). */
  day: string | undefined;
}

/** The first `limit` items of today's agenda (more when the last rank group is larger). */
export async function loadAgenda(limit: number, locale: string): Promise<AgendaView> {
  const db = getDb();
  return db.transaction('r', [db.agenda, db.meta], async () => {
    let rows = await db.agenda.orderBy('rank').limit(limit).toArray();
    const last = rows.at(-1);
    if (last && rows.length === limit) {
      // Names break ties within a rank: read the whole last rank so the order is exact.
      const tail = await db.agenda.where('rank').equals(last.rank).toArray();
      const seen = new Set(rows.map((r) => r.id));
      rows = [...rows, ...tail.filter((r) => !seen.has(r.id))];
    }
    rows.sort(compareAgendaEntries(locale));
    const counts = Object.fromEntries(
      await Promise.all(
        SUGGESTION_KINDS.map(async (k) => [k, await db.agenda.where('kind').equals(k).count()]),
      ),
    ) as Record<SuggestionKind, number>;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const state = await getMeta<DerivedState>(db, 'derived');
    return { rows, total, counts, day: state?.day };
  });
}

export function useAgenda(limit: number, locale: string): AgendaView | undefined {
  return useLiveQuery(() => loadAgenda(limit, locale), [limit, locale]);
}

/** The next touches after today, for a day with nothing due. */
export function useUpcoming(today: string, count = 5): SummaryRow[] | undefined {
  return useLiveQuery(
    () => getDb().summaries.where('nextDue').above(today).limit(count).toArray(),
    [today, count],
  );
}

/** Contacts whose name, company or e-mail has a word starting with each word of the query. */
export async function searchContacts(query: string, limit = 8): Promise<SummaryRow[]> {
  const words = foldText(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (!words.length) return [];
  const [first, ...rest] = words.sort((a, b) => b.length - a.length);
  const candidates = await getDb()
    .summaries.where('words')
    .startsWith(first!)
    .distinct()
    .limit(200)
    .toArray();
  return candidates
    .filter((s) => rest.every((w) => s.words.some((x) => x.startsWith(w))))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Find-as-you-type results that follow the data (a contact added a moment ago appears). */
export function useContactSearch(query: string): SummaryRow[] | undefined {
  return useLiveQuery(() => searchContacts(query), [query]);
}
