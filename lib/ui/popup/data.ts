// The popup's data: today's agenda rows in the agenda order (read by their sortable rank, so 10,000
// contacts cost no more than a few hundred rows), counts per kind, the next touches for an empty
// day, and find-as-you-type over the indexed words of every contact.
import { useLiveQuery } from 'dexie-react-hooks';
import { SUGGESTION_KINDS, compareAgendaEntries, foldText, type SuggestionKind } from '../../core';
import {
  AGENDA_COUNTS_KEY,
  getDb,
  getMeta,
  type AgendaCounts,
  type AgendaRow,
  type DerivedState,
  type SummaryRow,
} from '../../db';
import { SYNC_STATE_KEY, failingTooLong, type SyncState } from '../../sync/state';

export interface AgendaView {
  rows: AgendaRow[];
  total: number;
  counts: Record<SuggestionKind, number>;
  /** The day the rows were computed for (stale when it is not today). */
  day: string | undefined;
}

/** The first `limit` items of today's agenda (more when the last rank group is larger), unsorted
 * within a rank: `sortAgenda` puts them in the exact order once the locale is known. */
export async function loadAgenda(limit: number): Promise<AgendaView> {
  const db = getDb();
  return db.transaction('r', [db.agenda, db.meta], async () => {
    const stored = await getMeta<AgendaCounts>(db, AGENDA_COUNTS_KEY);
    let rows = await db.agenda.orderBy('rank').limit(limit).toArray();
    const last = rows.at(-1);
    if (last && rows.length === limit) {
      // Names break ties within a rank: read the whole last rank so the order is exact.
      const tail = await db.agenda.where('rank').equals(last.rank).toArray();
      const seen = new Set(rows.map((r) => r.id));
      rows = [...rows, ...tail.filter((r) => !seen.has(r.id))];
    }
    // Counts are kept by the background next to the rows (counting an index reads all of it).
    const counts = Object.fromEntries(SUGGESTION_KINDS.map((k) => [k, stored?.[k] ?? 0])) as Record<
      SuggestionKind,
      number
    >;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const state = await getMeta<DerivedState>(db, 'derived');
    return { rows, total, counts, day: state?.day };
  });
}

export function useAgenda(limit: number): AgendaView | undefined {
  return useLiveQuery(() => loadAgenda(limit), [limit]);
}

/** The agenda order of PRODUCT.md (names compared in the user's language). */
export function sortAgenda(rows: AgendaRow[], locale: string): AgendaRow[] {
  return [...rows].sort(compareAgendaEntries(locale));
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

// The rows the popup's components show.
export type { AgendaRow, SummaryRow } from '../../db';

/** Since when sync has failed, when that is more than a day ago (the popup then says so). */
export function useSyncFailingSince(now: Date): string | undefined {
  return useLiveQuery(
    async () => failingTooLong(await getMeta<SyncState>(getDb(), SYNC_STATE_KEY), now),
    [now.toDateString()],
  );
}
