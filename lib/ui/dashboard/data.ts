// The dashboard's data: live queries (useLiveQuery; `undefined` means loading) and the writes its
// pages make. Pages read derived `summaries` for lists, the rows kept for the insights, and one full
// history for the contact page; none reads every history. Every committed write is forwarded to the
// background by useForwardDataChanges, which recomputes the derived rows of the touched contacts.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { foldText, type TierInsights } from '../../core';
import type { StoredInsights } from './insights-page';
import { isFiltered, viewFromParams, type ContactsView } from './contacts';
import { parseHash } from '../route';
import { todayIn } from '../format';
import {
  ChangedMeanwhileError,
  DuplicateContactError,
  createContact,
  deleteContact,
  INSIGHT_PARTS_KEY,
  INSIGHT_TIERS_KEY,
  getDb,
  getMeta,
  getHistory,
  getStoredSettings,
  putHistories,
  removeRecord,
  resetSettings,
  saveRecord,
  setSettings,
  updateContact,
  type AgendaRow,
  type HistoryTable,
  type InsightParts,
  type NotDuplicateRow,
  type RecordTypes,
  type SummaryRow,
} from '../../db';
import {
  forgetNotDuplicate,
  markNotDuplicate,
  mergeDuplicate,
  undoMerge,
  type MergeOutcome,
  type MergeUndo,
} from '../../db/duplicate-decisions';
import { generateDemo } from '../../demo';
import { buildBackup, serializeBackup } from '../../io/backup-file';
import {
  ValidationError,
  errorInfo,
  type Contact,
  type ContactHistory,
  type ContactInput,
  type ErrorInfo,
  type Settings,
} from '../../model';
import { issuesToErrors, type FieldErrors } from './form';

// The rows and constants the dashboard's components show.
export { HISTORY_TABLES, type AgendaRow, type HistoryTable, type SummaryRow } from '../../db';
export { pairId } from '../../db/duplicate-decisions';

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Every contact's summary row (what the table, search and filters read). With `after` false the
 * read waits (the first screen's rows are read first: IndexedDB hands results back in order, so a
 * small read behind this one would wait for all 10,000 rows).
 */
export function useSummaries(after = true): SummaryRow[] | undefined {
  return useLiveQuery<SummaryRow[] | undefined>(
    () => (after ? getDb().summaries.toArray() : undefined),
    [after],
  );
}

/** The first screen of the contacts list: its first rows in name order and how many there are. */
export interface FirstScreen {
  rows: SummaryRow[];
  total: number;
}

/** Rows read by the name index for the first screen (more than a tall window shows). */
const FIRST_SCREEN_ROWS = 60;

/** The first rows in name order (by the `sortName` index) and the number of summaries. */
export function readFirstScreen(dir: 'asc' | 'desc', db = getDb()): Promise<FirstScreen> {
  const byName = db.summaries.orderBy('sortName');
  return Promise.all([
    (dir === 'asc' ? byName : byName.reverse()).limit(FIRST_SCREEN_ROWS).toArray(),
    db.summaries.count(),
  ]).then(([rows, total]) => ({ rows, total }));
}

/** The name order whose first screen the index serves for a view (plain list by name), or null. */
export function firstScreenOrder(view: ContactsView): 'asc' | 'desc' | null {
  return view.sort === 'name' && !isFiltered(view) ? view.dir : null;
}

let preloaded: { dir: 'asc' | 'desc'; screen: Promise<FirstScreen> } | undefined;

/**
 * Start reading the contacts list's first screen before the dashboard renders, when it opens on
 * that list: otherwise the read would wait for the settings, which the page renders with.
 */
export function preloadFirstScreen(hash: string): void {
  const route = parseHash(hash);
  if ((route.path[0] ?? 'contacts') !== 'contacts' || route.path[1]) return;
  const dir = firstScreenOrder(viewFromParams(route.params));
  if (dir) preloaded = { dir, screen: readFirstScreen(dir) };
}

/**
 * The contacts table's first screen, read through the name index while every summary is still
 * being read (`useSummaries`); null for a view it does not serve (`dir` null).
 */
export function useFirstSummaries(dir: 'asc' | 'desc' | null): FirstScreen | null | undefined {
  return useLiveQuery<FirstScreen | null>(() => {
    if (!dir) return null;
    const early = preloaded?.dir === dir ? preloaded.screen : undefined;
    preloaded = undefined;
    return early ?? readFirstScreen(dir);
  }, [dir]);
}

/** How many contacts there are (an index count: no record is read). */
export function useContactCount(): number | undefined {
  return useLiveQuery(() => getDb().contacts.count(), []);
}

/** One contact's summary: tier and reason, next touch, warnings; null when there is none yet. */
export function useSummary(id: string): SummaryRow | null | undefined {
  return useLiveQuery(async () => (await getDb().summaries.get(id)) ?? null, [id]);
}

/** One contact with everything attached; null when it does not exist. */
export function useHistory(id: string): ContactHistory | null | undefined {
  return useLiveQuery(async () => (await getHistory(getDb(), id)) ?? null, [id]);
}

/** Several contacts with everything attached (a duplicate group); missing ones are left out. */
export function useHistories(ids: string[]): ContactHistory[] | undefined {
  const key = ids.join('|');
  return useLiveQuery(async () => {
    const db = getDb();
    const all = await Promise.all(key.split('|').map((id) => getHistory(db, id)));
    return all.filter((h): h is ContactHistory => !!h);
  }, [key]);
}

/** The two rows the background keeps for the insights page; null before it first derived them. */
export function useStoredInsights(): StoredInsights | null | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [tiers, parts] = await Promise.all([
      getMeta<TierInsights>(db, INSIGHT_TIERS_KEY),
      getMeta<InsightParts>(db, INSIGHT_PARTS_KEY),
    ]);
    return tiers ? { tiers, parts: parts ?? {} } : null;
  }, []);
}

/** Today's regular personal contacts (the agenda's cadence rows), for "overdue" on the insights. */
export function useCadenceRows(): AgendaRow[] | undefined {
  return useLiveQuery(() => getDb().agenda.where('kind').equals('cadence').toArray(), []);
}

export function useDuplicateInputs():
  { contacts: Contact[]; notDuplicates: NotDuplicateRow[] } | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [contacts, notDuplicates] = await Promise.all([
      db.contacts.toArray(),
      db.notDuplicates.toArray(),
    ]);
    return { contacts, notDuplicates };
  }, []);
}

/** What the user chose in the settings (no defaults filled in). */
export function useStoredSettings(): Partial<Settings> | undefined {
  return useLiveQuery(() => getStoredSettings(getDb()), []);
}

/** The current time, renewed every minute (so "today" turns at midnight on an open page). */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A `now` that changes only when the day does (for figures computed per day, not per minute). */
export function useDayNow(timeZone: string | undefined): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      const fresh = new Date();
      setNow((before) => (todayIn(before, timeZone) === todayIn(fresh, timeZone) ? before : fresh));
    }, 60_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  return now;
}

// ---------------------------------------------------------------------------------------------
// Writing

export type WriteResult<T = void> =
  | { ok: true; value: T }
  | {
      ok: false;
      errors: FieldErrors;
      duplicates?: { id: string; name: string }[];
      error?: ErrorInfo;
      /** The contact was saved elsewhere meanwhile: this is how it is stored now. */
      changed?: Contact;
    };

type Failure = Extract<WriteResult, { ok: false }>;

/** A failed write as messages: field messages for invalid input, duplicates named, else the error. */
export async function failure(
  e: unknown,
  fieldOf?: (path: (string | number)[]) => { field: string },
): Promise<Failure> {
  const issues = e instanceof ValidationError ? e.issues : null;
  if (issues)
    return {
      ok: false as const,
      errors: issuesToErrors(issues, fieldOf ?? ((p) => ({ field: String(p[0] ?? 'form') }))),
    };
  if (e instanceof ChangedMeanwhileError)
    return { ok: false as const, errors: {}, error: errorInfo(e), changed: e.current };
  if (e instanceof DuplicateContactError) {
    const db = getDb();
    const people = await db.contacts.bulkGet(e.existingIds);
    return {
      ok: false as const,
      errors: { emails: { key: 'err.duplicate' } },
      duplicates: people.filter((c): c is Contact => !!c).map((c) => ({ id: c.id, name: c.name })),
    };
  }
  return { ok: false as const, errors: {}, error: errorInfo(e) };
}

export async function loadDemoData(): Promise<number> {
  const { histories, occasions } = generateDemo({ now: new Date() });
  await putHistories(getDb(), histories, occasions);
  return histories.length;
}

export async function addContact(input: Partial<ContactInput>): Promise<WriteResult<Contact>> {
  try {
    const contact = await createContact(
      getDb(),
      { ...input, name: input.name ?? '' } as Parameters<typeof createContact>[1],
      new Date(),
    );
    return { ok: true, value: contact };
  } catch (e) {
    return failure(e);
  }
}

/**
 * Save fields of a contact. With `expectedUpdatedAt` (the version the editor started from) nothing
 * is written when the contact changed meanwhile: the failure carries it as `changed`.
 */
export async function saveContact(
  id: string,
  patch: Partial<ContactInput>,
  fieldOf?: (path: (string | number)[]) => { field: string },
  expectedUpdatedAt?: string,
): Promise<WriteResult<Contact>> {
  try {
    return {
      ok: true,
      value: await updateContact(
        getDb(),
        id,
        patch,
        new Date(),
        expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt },
      ),
    };
  } catch (e) {
    return failure(e, fieldOf);
  }
}

/** Add or replace one record of the timeline; returns what it replaced (undo). */
export async function saveTimelineRecord<K extends HistoryTable>(
  table: K,
  record: Record<string, unknown>,
  fieldOf?: (path: (string | number)[]) => { field: string },
): Promise<WriteResult<{ saved: RecordTypes[K]; before?: RecordTypes[K] }>> {
  try {
    const db = getDb();
    const before =
      typeof record.id === 'string'
        ? ((await db[table].get(record.id)) as RecordTypes[K] | undefined)
        : undefined;
    const saved = await saveRecord(
      db,
      table,
      record as unknown as Omit<RecordTypes[K], 'id'> & { id?: string },
    );
    return { ok: true, value: { saved, before } };
  } catch (e) {
    return failure(e, fieldOf);
  }
}

export function deleteTimelineRecord<K extends HistoryTable>(
  table: K,
  id: string,
): Promise<RecordTypes[K] | undefined> {
  return removeRecord(getDb(), table, id);
}

export async function restoreTimelineRecord<K extends HistoryTable>(
  table: K,
  record: RecordTypes[K],
): Promise<void> {
  await saveRecord(getDb(), table, record);
}

/** Delete a person with everything attached; returns it all for undo. */
export function deletePerson(id: string): Promise<ContactHistory> {
  return deleteContact(getDb(), id);
}

/** Put deleted or changed histories back exactly as they were (undo). */
export function restoreHistories(histories: ContactHistory[]): Promise<void> {
  return putHistories(getDb(), histories);
}

/** A file name for a person's export: "kundennah-juergen-mueller-2026-11-22.json". */
export function exportFileName(name: string, day: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `kundennah-${slug || 'kontakt'}-${day}.json`;
}

/**
 * Everything about one person (DSGVO: the right of access and to data portability) in the format of
 * the JSON backup, so the import page reads it back.
 */
export function personExport(history: ContactHistory, now: Date): string {
  return serializeBackup(
    buildBackup(
      {
        contacts: [history.contact],
        interactions: history.interactions,
        commitments: history.commitments,
        feedback: history.feedback,
        purchases: history.purchases,
        followUps: history.followUps,
        settings: [],
      },
      now,
    ),
  );
}

export function mergeContactsInto(
  survivorId: string,
  otherId: string,
  options: { locale: 'de' | 'en'; timeZone?: string },
): Promise<MergeOutcome> {
  return mergeDuplicate(getDb(), survivorId, otherId, new Date(), options);
}

export function undoMergeOf(undo: MergeUndo): Promise<void> {
  return undoMerge(getDb(), undo);
}

export function notTheSamePerson(a: string, b: string): Promise<string> {
  return markNotDuplicate(getDb(), a, b, new Date());
}

export function undoNotTheSamePerson(id: string): Promise<void> {
  return forgetNotDuplicate(getDb(), id);
}

/** Offer text as a file download (a Blob URL and <a download>: no permission needed). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function saveSettings(
  patch: Partial<Settings>,
): Promise<WriteResult<Partial<Settings>>> {
  try {
    return { ok: true, value: await setSettings(getDb(), patch) };
  } catch (e) {
    return failure(e);
  }
}

/** Back to the defaults; returns what was stored, for undo. */
export async function restoreDefaultSettings(): Promise<Partial<Settings>> {
  const db = getDb();
  const before = await getStoredSettings(db);
  await resetSettings(db);
  return before;
}

/** Undo of a settings change: exactly what was stored before (keys added since are removed). */
export async function putStoredSettings(values: Partial<Settings>): Promise<void> {
  const db = getDb();
  const current = await getStoredSettings(db);
  const cleared = Object.fromEntries(Object.keys(current).map((k) => [k, undefined]));
  await setSettings(db, { ...cleared, ...values });
}
