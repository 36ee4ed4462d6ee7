// Bookkeeping behind the backup reminder (issue 7): when the last backup was made (by hand or
// automatically), when the data last changed, whether the weekly automatic backup is on, and when the
// last LinkedIn import was. The backup itself and its restore are in backup-restore.ts.
import { guardWrite } from './errors';
import { META_LAST_DATA_CHANGE } from './import';
import type { KundennahDB } from './database';

export const META_LAST_BACKUP = 'lastBackupAt';
export const META_LAST_AUTO_BACKUP = 'lastAutoBackupAt';
export const META_AUTO_BACKUP = 'autoBackup';
export const META_AUTO_BACKUP_ERROR = 'lastAutoBackupError';

export interface BackupStatus {
  lastBackupAt?: string;
  lastAutoBackupAt?: string;
  lastDataChangeAt?: string;
  autoBackup: boolean;
  /** Why the last automatic backup failed (cleared by the next success). */
  autoBackupError?: string;
  lastLinkedInImportAt?: string;
}

export async function getBackupStatus(db: KundennahDB): Promise<BackupStatus> {
  const rows = await db.meta.bulkGet([
    META_LAST_BACKUP,
    META_LAST_AUTO_BACKUP,
    META_LAST_DATA_CHANGE,
    META_AUTO_BACKUP,
    META_AUTO_BACKUP_ERROR,
    'lastLinkedInImportAt',
  ]);
  const str = (i: number) => {
    const v = rows[i]?.value;
    return typeof v === 'string' ? v : undefined;
  };
  const status: BackupStatus = { autoBackup: rows[3]?.value === true };
  const set = <K extends keyof BackupStatus>(k: K, v: BackupStatus[K] | undefined) => {
    if (v !== undefined) status[k] = v;
  };
  set('lastBackupAt', str(0));
  set('lastAutoBackupAt', str(1));
  set('lastDataChangeAt', str(2));
  set('autoBackupError', str(4));
  set('lastLinkedInImportAt', str(5));
  return status;
}

export const BACKUP_REMINDER_DAYS = 7;
export const REIMPORT_REMINDER_DAYS = 30;
const DAY_MS = 86_400_000;

/** Data changed since the last backup, and that backup is a week old or there is none. */
export function backupReminderDue(status: BackupStatus, now: Date): boolean {
  const changed = status.lastDataChangeAt ? Date.parse(status.lastDataChangeAt) : NaN;
  if (!Number.isFinite(changed)) return false;
  const last = status.lastBackupAt ? Date.parse(status.lastBackupAt) : NaN;
  if (!Number.isFinite(last)) return true;
  return changed > last && now.getTime() - last >= BACKUP_REMINDER_DAYS * DAY_MS;
}

/** The last LinkedIn import is 30 days old or more. */
export function reimportReminderDue(lastLinkedInImportAt: string | undefined, now: Date): boolean {
  const last = lastLinkedInImportAt ? Date.parse(lastLinkedInImportAt) : NaN;
  return Number.isFinite(last) && now.getTime() - last >= REIMPORT_REMINDER_DAYS * DAY_MS;
}

/** Days since an instant (whole days, floor), for "last backup 9 days ago". */
export function daysSince(iso: string | undefined, now: Date): number | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? Math.max(0, Math.floor((now.getTime() - t) / DAY_MS)) : undefined;
}

/** A backup file was made (downloaded by the user, or written by the automatic backup). */
export async function recordBackup(
  db: KundennahDB,
  now: Date,
  kind: 'manual' | 'auto',
): Promise<void> {
  const at = now.toISOString();
  await guardWrite(() =>
    db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: META_LAST_BACKUP, value: at });
      if (kind === 'auto') {
        await db.meta.put({ key: META_LAST_AUTO_BACKUP, value: at });
        await db.meta.delete(META_AUTO_BACKUP_ERROR);
      }
    }),
  );
}

/** Data changed (called after every committed write: `watchDataChanges`). */
export async function noteDataChanged(db: KundennahDB, now: Date): Promise<void> {
  await guardWrite(() => db.meta.put({ key: META_LAST_DATA_CHANGE, value: now.toISOString() }));
}

/**
 * Remember "data changed" after every committed write of this database instance (a page's, or the
 * background's). Meta writes are not tracked, so this cannot loop. Returns the unsubscribe.
 */
export function watchDataChanges(db: KundennahDB, now: () => Date): () => void {
  return db.onChange((change) => {
    if (!change.tables.length) return;
    void noteDataChanged(db, now()).catch(() => {
      // A full disk is reported by the write that failed; the reminder is best effort.
    });
  });
}
