// The page side of import, export and backup: data hooks and the helpers behind one-click actions.
// Components in components/io get everything from here as props (STYLE.md: props in, events out).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, getSettings, type KundennahDB } from '../../db';
import {
  META_AUTO_BACKUP,
  backupReminderDue,
  daysSince,
  getBackupStatus,
  recordBackup,
  reimportReminderDue,
  watchDataChanges,
  type BackupStatus,
} from '../../db/backup-status';
import { backupFileName, makeBackup } from '../../db/backup-restore';
import { listImportBatches, type ImportBatchRecord } from '../../db/import';
import { guardWrite } from '../../db/errors';
import {
  exportCsv,
  exportVCard,
  headerKey,
  serializeBackup,
  type ColumnMapping,
  type CsvExportOptions,
} from '../../io';
import type { Contact } from '../../model';

// What the components in components/io show.
export type { BackupStatus } from '../../db/backup-status';
export type { ImportBatchRecord, UndoReport } from '../../db/import';

/** Save a file the plain way: a Blob URL and an <a download> (no permission needed). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started reading the Blob when click() returns; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The full backup as a file, named by the user's calendar day. */
export async function makeBackupFile(
  db: KundennahDB = getDb(),
  now: Date = new Date(),
): Promise<{ fileName: string; blob: Blob }> {
  const settings = await getSettings(db);
  const text = serializeBackup(await makeBackup(db, now));
  return {
    fileName: backupFileName(now, settings.timeZone),
    blob: new Blob([text], { type: 'application/json' }),
  };
}

/** Make the backup, download it, remember when. Returns the file name. */
export async function downloadBackupNow(db: KundennahDB = getDb()): Promise<string> {
  const now = new Date();
  const file = await makeBackupFile(db, now);
  downloadBlob(file.blob, file.fileName);
  await recordBackup(db, now, 'manual');
  return file.fileName;
}

/**
 * Download the current data as a backup file without recording it as a backup: a download can be
 * cancelled or blocked, so the file a restore offers besides its own safety copy must not quiet
 * the reminder or delay the weekly automatic backup.
 */
export async function downloadCurrentData(db: KundennahDB = getDb()): Promise<string> {
  const file = await makeBackupFile(db, new Date());
  downloadBlob(file.blob, file.fileName);
  return file.fileName;
}

/** Backup bookkeeping, live; `undefined` while loading. */
export function useBackupStatus(): BackupStatus | undefined {
  return useLiveQuery(() => getBackupStatus(getDb()), []);
}

export interface BackupReminderState {
  /** Show the reminder: data changed and the last backup is a week old (or there is none). */
  due: boolean;
  /** Whole days since the last backup; undefined: never backed up. */
  daysSinceBackup?: number;
  status: BackupStatus;
  busy: boolean;
  /** The file name of the backup just made (for a confirmation). */
  lastFile?: string;
  error?: unknown;
  /** One click: make and download the backup. */
  backupNow(): void;
}

/**
 * Everything the BackupReminder needs. Usage (popup, dashboard):
 * ```tsx
 * const r = useBackupReminder();
 * {r?.due && (
 *   <BackupReminder daysSinceBackup={r.daysSinceBackup} busy={r.busy} savedFile={r.lastFile}
 *     compact onBackup={r.backupNow} />
 * )}
 * ```
 */
export function useBackupReminder(): BackupReminderState | undefined {
  const status = useBackupStatus();
  const [busy, setBusy] = useState(false);
  const [lastFile, setLastFile] = useState<string>();
  const [error, setError] = useState<unknown>();
  const backupNow = useCallback(() => {
    setBusy(true);
    setError(undefined);
    downloadBackupNow()
      .then(setLastFile, setError)
      .finally(() => setBusy(false));
  }, []);
  if (!status) return undefined;
  const now = new Date();
  const state: BackupReminderState = {
    due: backupReminderDue(status, now),
    status,
    busy,
    backupNow,
  };
  const days = daysSince(status.lastBackupAt, now);
  if (days !== undefined) state.daysSinceBackup = days;
  if (lastFile) state.lastFile = lastFile;
  if (error !== undefined) state.error = error;
  return state;
}

/** Days since the last LinkedIn import when a re-import is due (30 days), else undefined. */
export function useReimportReminder(): { days: number; lastImportAt: string } | undefined {
  const status = useBackupStatus();
  const last = status?.lastLinkedInImportAt;
  const now = new Date();
  if (!last || !reimportReminderDue(last, now)) return undefined;
  return { days: daysSince(last, now) ?? 0, lastImportAt: last };
}

/**
 * Remember "data changed" after every write this page commits (the backup reminder needs it).
 * Mount once per page that writes: dashboard, popup. The background does the same for the panel's
 * writes with `watchDataChanges` from lib/db/backup-status.
 */
export function useWatchDataChanges(): void {
  useEffect(() => watchDataChanges(getDb(), () => new Date()), []);
}

/** Import batches, newest first, live. */
export function useImportBatches(): ImportBatchRecord[] | undefined {
  return useLiveQuery(() => listImportBatches(getDb()), []);
}

// ---------------------------------------------------------------------------------------------
// Column mappings, remembered per header set

const mappingKey = (headers: string[]) => `csvMapping:${headerKey(headers)}`;

export async function recallMapping(
  headers: string[],
  db: KundennahDB = getDb(),
): Promise<ColumnMapping | undefined> {
  const row = await db.meta.get(mappingKey(headers));
  const value = row?.value as ColumnMapping | undefined;
  return value && Array.isArray(value.columns) && value.columns.length === headers.length
    ? value
    : undefined;
}

export async function rememberMapping(
  headers: string[],
  mapping: ColumnMapping,
  db: KundennahDB = getDb(),
): Promise<void> {
  await guardWrite(() => db.meta.put({ key: mappingKey(headers), value: mapping }));
}

// ---------------------------------------------------------------------------------------------
// Automatic weekly backup (the permission is asked for on the click that turns it on)

/**
 * Turn the weekly automatic backup on or off. On: asks the browser for the optional "downloads"
 * permission (must run in the click handler); returns false when the user (or the manifest) says no.
 */
export async function setAutoBackup(on: boolean, db: KundennahDB = getDb()): Promise<boolean> {
  if (on) {
    let granted = false;
    try {
      granted = await browser.permissions.request({ permissions: ['downloads'] });
    } catch {
      granted = false;
    }
    if (!granted) return false;
  }
  await guardWrite(() => db.meta.put({ key: META_AUTO_BACKUP, value: on }));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Exports of contacts

/** Every contact by name, live, while the user chooses which ones to export; else undefined. */
export function useContactsToChoose(choosing: boolean): Contact[] | undefined {
  return useLiveQuery(
    async () => (choosing ? await getDb().contacts.orderBy('name').toArray() : undefined),
    [choosing],
  );
}

export type ContactExportKind = 'vcard' | 'csv';

/** vCard 4.0 or CSV of the given contacts (all when `ids` is undefined), as a file. */
export async function makeContactsFile(
  kind: ContactExportKind,
  ids: readonly string[] | undefined,
  options: CsvExportOptions = {},
  db: KundennahDB = getDb(),
  now: Date = new Date(),
): Promise<{ fileName: string; blob: Blob; count: number }> {
  const contacts: Contact[] = ids
    ? ((await db.contacts.bulkGet([...ids])).filter(Boolean) as Contact[])
    : await db.contacts.toArray();
  const collator = new Intl.Collator('de', { sensitivity: 'base' });
  contacts.sort((a, b) => collator.compare(a.name, b.name));
  const day = now.toISOString().slice(0, 10);
  if (kind === 'vcard')
    return {
      fileName: `kundennah-kontakte-${day}.vcf`,
      blob: new Blob([exportVCard(contacts)], { type: 'text/vcard;charset=utf-8' }),
      count: contacts.length,
    };
  return {
    fileName: `kundennah-kontakte-${day}.csv`,
    blob: new Blob([exportCsv(contacts, options)], { type: 'text/csv;charset=utf-8' }),
    count: contacts.length,
  };
}
