// The optional weekly backup file (issue 7): when the user turned it on (the `downloads` permission
// is optional and asked for on that click), the background writes a backup file into the downloads
// folder once a week. Everything here takes the database, the clock and the download function as
// parameters; `setupAutoBackup` is the one line the background adds.
import { browser } from 'wxt/browser';
import { META_AUTO_BACKUP_ERROR, getBackupStatus, recordBackup } from '../db/backup-status';
import { backupFileName, makeBackup } from '../db/backup-restore';
import { getSettings } from '../db/settings';
import { guardWrite } from '../db/errors';
import type { KundennahDB } from '../db/database';
import { serializeBackup } from '../io';

export const AUTO_BACKUP_ALARM = 'kundennah-auto-backup';
export const AUTO_BACKUP_DAYS = 7;
/** How often the worker checks whether a backup is due (the week is counted from the last file). */
export const AUTO_BACKUP_CHECK_MINUTES = 6 * 60;
/** Sub-folder of the downloads folder. */
export const AUTO_BACKUP_FOLDER = 'Kundennah';

const DAY_MS = 86_400_000;

export interface BackupFile {
  fileName: string;
  text: string;
}
export type DownloadFn = (file: BackupFile) => Promise<void>;

export type AutoBackupOutcome =
  | { status: 'off' }
  | { status: 'not-due'; dueAt: string }
  | { status: 'done'; fileName: string }
  | { status: 'failed'; error: string };

/**
 * Write a backup file when the automatic backup is on and the last backup (automatic or made by
 * hand) is a week old or there is none. A failed download is remembered (the import page shows
 * it) and tried again at the next check.
 */
export async function runAutoBackupIfDue(
  db: KundennahDB,
  now: Date,
  download: DownloadFn,
): Promise<AutoBackupOutcome> {
  const status = await getBackupStatus(db);
  if (!status.autoBackup) return { status: 'off' };
  const last = status.lastBackupAt ? Date.parse(status.lastBackupAt) : NaN;
  if (Number.isFinite(last) && now.getTime() - last < AUTO_BACKUP_DAYS * DAY_MS)
    return { status: 'not-due', dueAt: new Date(last + AUTO_BACKUP_DAYS * DAY_MS).toISOString() };
  const settings = await getSettings(db);
  const fileName = backupFileName(now, settings.timeZone);
  try {
    const text = serializeBackup(await makeBackup(db, now));
    await download({ fileName, text });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await guardWrite(() => db.meta.put({ key: META_AUTO_BACKUP_ERROR, value: error })).catch(
      () => undefined,
    );
    return { status: 'failed', error };
  }
  await recordBackup(db, now, 'auto');
  return { status: 'done', fileName };
}

/** UTF-8 text as base64 (a data: URL; service workers have no URL.createObjectURL). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

interface DownloadsApi {
  download(options: {
    url: string;
    filename?: string;
    conflictAction?: 'uniquify' | 'overwrite' | 'prompt';
    saveAs?: boolean;
  }): Promise<number>;
}

/**
 * The real download: a blob: URL where the context has one (pages, Firefox's background page),
 * else a data: URL (Chrome's service worker; checked with 30 MB files). Saved without a dialog
 * into `Downloads/Kundennah/`, never overwriting an earlier file.
 */
export function browserDownload(
  api: { downloads?: DownloadsApi } = browser as unknown as { downloads?: DownloadsApi },
): DownloadFn {
  return async (file) => {
    // Read at call time: the API appears once the optional permission is granted.
    const downloads = api.downloads;
    if (!downloads) throw new Error('The "downloads" permission is not granted.');
    const canBlob = typeof URL.createObjectURL === 'function';
    const url = canBlob
      ? URL.createObjectURL(new Blob([file.text], { type: 'application/json' }))
      : `data:application/json;base64,${base64Utf8(file.text)}`;
    try {
      await downloads.download({
        url,
        filename: `${AUTO_BACKUP_FOLDER}/${file.fileName}`,
        conflictAction: 'uniquify',
        saveAs: false,
      });
    } finally {
      // The browser has the URL once download() resolved; keep it a minute for slow disks.
      if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  };
}

/**
 * The background's wiring: a periodic alarm and its listener (register at worker start, like every
 * listener). The first check comes a minute after the alarm is created, so a browser that was
 * closed for a week catches up soon after it starts.
 */
export function setupAutoBackup(deps: {
  db: () => KundennahDB;
  now: () => Date;
  download?: DownloadFn;
}): void {
  const run = () =>
    runAutoBackupIfDue(deps.db(), deps.now(), deps.download ?? browserDownload()).catch((e) =>
      console.warn('Kundennah: automatic backup not made', e),
    );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_BACKUP_ALARM) void run();
  });
  void browser.alarms.get(AUTO_BACKUP_ALARM).then((existing) => {
    if (!existing)
      void browser.alarms.create(AUTO_BACKUP_ALARM, {
        periodInMinutes: AUTO_BACKUP_CHECK_MINUTES,
        delayInMinutes: 1,
      });
  });
}
