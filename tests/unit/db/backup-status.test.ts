// The bookkeeping behind the backup reminder (lib/db/backup-status.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KundennahDB, putHistories, updateContact } from '@/lib/db';
import {
  backupReminderDue,
  reimportReminderDue,
  watchDataChanges,
  type BackupStatus,
} from '@/lib/db/backup-status';
import { contact } from '../../support/contacts';

const now = new Date('2026-11-22T10:00:00.000Z');
const dbs: KundennahDB[] = [];

async function freshDb(): Promise<KundennahDB> {
  const db = new KundennahDB(`backup-${crypto.randomUUID()}`);
  await db.open();
  dbs.push(db);
  return db;
}
let db: KundennahDB;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('reminders', () => {
  const at = (iso: string): BackupStatus => ({ autoBackup: false, lastDataChangeAt: iso });
  it.each([
    ['nothing ever changed → no reminder', { autoBackup: false }, false],
    ['changed, never backed up → reminder', at('2026-11-22T09:00:00Z'), true],
    [
      'changed after a backup 8 days ago → reminder',
      { ...at('2026-11-21T09:00:00Z'), lastBackupAt: '2026-11-14T09:00:00Z' },
      true,
    ],
    [
      'changed after a backup 6 days ago → not yet',
      { ...at('2026-11-21T09:00:00Z'), lastBackupAt: '2026-11-16T09:00:00Z' },
      false,
    ],
    [
      'backup 30 days ago but nothing changed since → no reminder',
      { ...at('2026-10-01T09:00:00Z'), lastBackupAt: '2026-10-20T09:00:00Z' },
      false,
    ],
  ] as [string, BackupStatus, boolean][])('%s', (_label, status, due) => {
    expect(backupReminderDue(status, now)).toBe(due);
  });

  it.each([
    [undefined, false],
    ['2026-10-24T10:00:00.000Z', false],
    ['2026-10-23T10:00:00.000Z', true],
  ])('LinkedIn imported at %s → re-import suggested: %s', (last, due) => {
    expect(reimportReminderDue(last, now)).toBe(due);
  });

  it('notes when data last changed, after each committed write', async () => {
    let clock = now;
    const stop = watchDataChanges(db, () => clock);
    await putHistories(db, [
      {
        contact: contact('a'),
        interactions: [],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    await vi.waitFor(async () =>
      expect((await db.meta.get('lastDataChangeAt'))?.value).toBe(now.toISOString()),
    );
    stop();
    clock = new Date('2026-12-01T00:00:00.000Z');
    await updateContact(db, 'a', { notes: 'x' }, clock);
    await new Promise((r) => setTimeout(r, 20));
    expect((await db.meta.get('lastDataChangeAt'))?.value).toBe(now.toISOString());
  });
});
