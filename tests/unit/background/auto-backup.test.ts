import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KundennahDB, putHistories } from '@/lib/db';
import { META_AUTO_BACKUP, getBackupStatus } from '@/lib/db/backup-status';
import {
  AUTO_BACKUP_ALARM,
  base64Utf8,
  browserDownload,
  runAutoBackupIfDue,
  setupAutoBackup,
  type BackupFile,
} from '@/lib/background/auto-backup';
import { parseBackup } from '@/lib/io';
import { setAutoBackup } from '@/lib/ui/io/data';

const now = new Date('2026-11-22T10:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
let db: KundennahDB;

beforeEach(async () => {
  db = new KundennahDB(`auto-${crypto.randomUUID()}`);
  await db.open();
  await putHistories(db, [
    {
      contact: {
        id: 'c1',
        name: 'Jürgen Müller',
        emails: ['j@m.de'],
        phones: [],
        profileUrls: [],
        status: 'active',
        preferredChannels: [],
        interests: [],
        createdAt: '2026-01-01',
        updatedAt: '2026-01-01',
      },
      interactions: [],
      commitments: [],
      feedback: [],
      purchases: [],
      followUps: [],
    },
  ]);
});
afterEach(async () => {
  await db.delete();
});

function recorder() {
  const files: BackupFile[] = [];
  return { files, download: async (f: BackupFile) => void files.push(f) };
}

describe('weekly automatic backup', () => {
  it('does nothing while the user has not turned it on', async () => {
    const r = recorder();
    expect(await runAutoBackupIfDue(db, now, r.download)).toEqual({ status: 'off' });
    expect(r.files).toEqual([]);
  });

  it('writes a complete backup file, then waits a week from it', async () => {
    await db.meta.put({ key: META_AUTO_BACKUP, value: true });
    const r = recorder();
    expect(await runAutoBackupIfDue(db, now, r.download)).toEqual({
      status: 'done',
      fileName: 'kundennah-backup-2026-11-22.json',
    });
    const parsed = parseBackup(r.files[0]!.text);
    expect(parsed.ok && parsed.backup.tables.contacts.map((c) => c.name)).toEqual([
      'Jürgen Müller',
    ]);
    expect(await getBackupStatus(db)).toMatchObject({
      lastBackupAt: now.toISOString(),
      lastAutoBackupAt: now.toISOString(),
    });

    expect(await runAutoBackupIfDue(db, days(6), r.download)).toMatchObject({ status: 'not-due' });
    expect(await runAutoBackupIfDue(db, days(7), r.download)).toMatchObject({ status: 'done' });
    expect(r.files).toHaveLength(2);
  });

  it('counts a backup made by hand: no extra file within the week after it', async () => {
    await db.meta.bulkPut([
      { key: META_AUTO_BACKUP, value: true },
      { key: 'lastBackupAt', value: days(-3).toISOString() },
    ]);
    const r = recorder();
    expect(await runAutoBackupIfDue(db, now, r.download)).toEqual({
      status: 'not-due',
      dueAt: days(4).toISOString(),
    });
  });

  it('remembers a failed download and tries again at the next check', async () => {
    await db.meta.put({ key: META_AUTO_BACKUP, value: true });
    const failing = async () => {
      throw new Error('Download blocked');
    };
    expect(await runAutoBackupIfDue(db, now, failing)).toEqual({
      status: 'failed',
      error: 'Download blocked',
    });
    expect((await getBackupStatus(db)).autoBackupError).toBe('Download blocked');
    const r = recorder();
    expect(await runAutoBackupIfDue(db, now, r.download)).toMatchObject({ status: 'done' });
    expect((await getBackupStatus(db)).autoBackupError).toBeUndefined();
  });
});

describe('the browser side', () => {
  it('downloads into Downloads/Kundennah without a dialog, never overwriting', async () => {
    const download = vi.fn().mockResolvedValue(1);
    await browserDownload({ downloads: { download } })({ fileName: 'b.json', text: '{"ä":1}' });
    expect(download).toHaveBeenCalledWith(
      expect.objectContaining({
        filename: 'Kundennah/b.json',
        conflictAction: 'uniquify',
        saveAs: false,
      }),
    );
    const url = download.mock.calls[0]![0].url as string;
    expect(url).toMatch(/^(blob:|data:application\/json;base64,)/);
  });

  it('says clearly when the downloads permission is missing', async () => {
    await expect(browserDownload({})({ fileName: 'b.json', text: '{}' })).rejects.toThrow(
      /downloads.*permission/,
    );
  });

  it('encodes UTF-8 for a data: URL (the service worker has no blob URLs)', () => {
    const text = 'Müller 👩‍💼 '.repeat(10_000);
    const bytes = Uint8Array.from(atob(base64Utf8(text)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(text);
  });

  it('wiring: an alarm every few hours, and the alarm makes the backup when due', async () => {
    await db.meta.put({ key: META_AUTO_BACKUP, value: true });
    const r = recorder();
    setupAutoBackup({ db: () => db, now: () => now, download: r.download });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeTruthy(),
    );
    const alarm = (await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM))!;
    expect(alarm.periodInMinutes).toBeGreaterThanOrEqual(60);
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await vi.waitFor(() => expect(r.files).toHaveLength(1));
  });
});

describe('turning it on from the import page', () => {
  it('asks for the downloads permission on the click and stays off when refused', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValueOnce(false);
    expect(await setAutoBackup(true, db)).toBe(false);
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    expect((await getBackupStatus(db)).autoBackup).toBe(false);
  });

  it('is on once the browser grants it, and off again without asking', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValueOnce(true);
    expect(await setAutoBackup(true, db)).toBe(true);
    expect((await getBackupStatus(db)).autoBackup).toBe(true);
    request.mockClear();
    expect(await setAutoBackup(false, db)).toBe(true);
    expect(request).not.toHaveBeenCalled();
    expect((await getBackupStatus(db)).autoBackup).toBe(false);
  });

  it('stays off when the manifest does not list the permission (the browser throws)', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValueOnce(
      new Error('Only permissions specified in the manifest may be requested.'),
    );
    expect(await setAutoBackup(true, db)).toBe(false);
    expect((await getBackupStatus(db)).autoBackup).toBe(false);
  });
});
