// A backup of the whole database and its restore (lib/db/backup-restore.ts).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KundennahDB, StorageFullError, putHistories, updateContact } from '@/lib/db';
import {
  DERIVED_TABLES,
  LOCAL_META_KEYS,
  LOCAL_TABLES,
  SafetyCopyError,
  SyncOnError,
  getSafetyCopyInfo,
  mergeChoice,
  undoRestore,
  backupTableNames,
  checkBackup,
  currentForPreview,
  makeBackup,
  previewRestore,
  restoreBackup,
  type CheckedBackup,
} from '@/lib/db/backup-restore';
import { SYNC_ON_KEY } from '@/lib/db/outbox';
import { serializeBackup } from '@/lib/io';
import { contactRowArb, tablesArb } from '../../support/arbitraries';
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

const interaction = (id: string, contactId: string) => ({
  id,
  contactId,
  at: '2026-01-02T09:00:00.000Z',
  channel: 'phone' as const,
  direction: 'out' as const,
  personal: true,
});

async function seedSome(target: KundennahDB) {
  await putHistories(target, [
    {
      contact: contact('anna', { name: 'Anna', emails: ['anna@a.de'] }),
      interactions: [interaction('i1', 'anna')],
      commitments: [],
      feedback: [],
      purchases: [{ id: 'p1', contactId: 'anna', at: '2026-01-03', amount: 1200 }],
      followUps: [],
    },
  ]);
  await target.settings.put({ id: 'settings', values: { locale: 'en' } });
  await target.notDuplicates.put({ id: 'anna|bert', at: '2026-01-04T00:00:00.000Z' });
  await target.meta.bulkPut([
    { key: 'lastLinkedInImportAt', value: '2026-01-05T00:00:00.000Z' },
    { key: 'csvMapping:csv1:3:abc', value: { columns: ['name', null, 'email'] } },
    { key: 'lastBackupAt', value: '2026-01-06T00:00:00.000Z' },
    { key: 'derived', value: { version: 1, day: '2026-11-22', settingsKey: '{}' } },
  ]);
  await target.summaries.put({ contactId: 'anna' } as never);
}

function check(target: KundennahDB, text: string): CheckedBackup {
  const r = checkBackup(target, text);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.backup;
}

/**
 * Every table but the derived ones, read directly (not through the code under test), rows sorted by
 * primary key; this browser's bookkeeping left out.
 */
async function snapshot(target: KundennahDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of target.tables) {
    if (DERIVED_TABLES.includes(t.name) || LOCAL_TABLES.includes(t.name)) continue;
    const rows = (await t.toArray()) as Record<string, unknown>[];
    out[t.name] =
      t.name === 'meta' ? rows.filter((r) => !LOCAL_META_KEYS.has(String(r.key))) : rows;
  }
  return out;
}

describe('making a backup', () => {
  it('holds every table but the derived ones, and none of this browser’s bookkeeping', async () => {
    await seedSome(db);
    const backup = await makeBackup(db, now);
    const names = Object.keys(backup.tables);
    expect(names.slice(0, 7)).toEqual([
      'contacts',
      'interactions',
      'commitments',
      'feedback',
      'purchases',
      'followUps',
      'settings',
    ]);
    expect(names).toEqual(expect.arrayContaining(['notDuplicates', 'importBatches', 'meta']));
    for (const d of DERIVED_TABLES) expect(names).not.toContain(d);
    expect(names.sort()).toEqual(backupTableNames(db).sort());
    const metaKeys = (backup.tables.meta as { key: string }[]).map((m) => m.key).sort();
    expect(metaKeys).toEqual(['csvMapping:csv1:3:abc', 'lastLinkedInImportAt']);
    expect(backup.tables.purchases).toEqual([
      { id: 'p1', contactId: 'anna', at: '2026-01-03', amount: 1200 },
    ]);
  });
});

// Generated tables as the database holds them, plus the bookkeeping tables.
const roundTripArb = fc
  .record({
    tables: tablesArb,
    notDuplicates: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 12 }),
        at: fc.constant(now.toISOString()),
      }),
      { selector: (r) => r.id, maxLength: 3 },
    ),
    importBatches: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        at: fc.constant('2026-11-01T08:00:00.000Z'),
        format: fc.constantFrom('linkedin-csv', 'vcard'),
        addedContactIds: fc.array(fc.uuid(), { maxLength: 3 }),
        before: fc.array(contactRowArb, { maxLength: 2 }),
      }),
      { selector: (r) => r.id, maxLength: 2 },
    ),
  })
  .map(({ tables, notDuplicates, importBatches }) => ({
    ...tables,
    meta: tables.meta.filter((m) => !LOCAL_META_KEYS.has(m.key)),
    notDuplicates,
    importBatches,
  }));

describe('backup → restore → backup round-trips without loss', () => {
  it('gives the same tables (generated data)', async () => {
    await fc.assert(
      fc.asyncProperty(roundTripArb, async (tables) => {
        const source = await freshDb();
        for (const [name, rows] of Object.entries(tables))
          if (rows.length) await source.table(name).bulkPut(rows as never[]);
        const before = await snapshot(source);
        const text = serializeBackup(await makeBackup(source, now));

        const target = await freshDb();
        await restoreBackup(target, check(target, text), 'replace', now);
        expect(await snapshot(target)).toEqual(before);
        await source.delete();
        await target.delete();
        dbs.splice(0);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('restoring', () => {
  it('replace: the database holds exactly the backup afterwards; local bookkeeping stays', async () => {
    await seedSome(db);
    const text = serializeBackup(await makeBackup(db, now));
    const target = await freshDb();
    await putHistories(target, [
      {
        contact: contact('zoe', { emails: ['zoe@z.de'] }),
        interactions: [interaction('iz', 'zoe')],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    await target.meta.put({ key: 'lastBackupAt', value: '2026-11-20T00:00:00.000Z' });
    await target.summaries.put({ contactId: 'zoe' } as never);

    const backup = check(target, text);
    const preview = previewRestore(backup, await currentForPreview(target), 'replace');
    expect(preview.counts.find((c) => c.table === 'contacts')).toEqual({
      table: 'contacts',
      rows: 1,
      replacing: 0,
      adding: 0,
      keeping: 0,
      removing: 1,
    });
    await restoreBackup(target, backup, 'replace', now);
    expect(await snapshot(target)).toEqual(await snapshot(db));
    expect((await target.meta.get('lastBackupAt'))?.value).toBe('2026-11-20T00:00:00.000Z');
    // Derived rows go and the background's state is reset, so it recomputes everything.
    expect(await target.summaries.count()).toBe(0);
    expect(await target.meta.get('derived')).toBeUndefined();
    expect((await target.meta.get('lastDataChangeAt'))?.value).toBe(now.toISOString());
  });

  it('merge: new rows are added, of two versions the newer stays, and the report says what was kept', async () => {
    await seedSome(db);
    await putHistories(db, [
      {
        contact: contact('bert', { name: 'Bert', notes: 'as in the backup' }),
        interactions: [],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    const source = await freshDb();
    for (const t of backupTableNames(db))
      await source.table(t).bulkPut(await db.table(t).toArray());
    // In the backup's browser Bert was changed later; here Anna was changed after the backup, and
    // an undated record (the purchase) differs: the stored one stays, nothing is lost on a guess.
    await updateContact(source, 'bert', { notes: 'changed in the other browser' }, now);
    await source.purchases.update('p1', { amount: 9999 });
    await source.contacts.put(contact('carla', { name: 'Carla' }));
    const text = serializeBackup(await makeBackup(source, now));
    const later = new Date(now.getTime() + 60_000);
    await updateContact(db, 'anna', { notes: 'changed after the backup' }, later);
    await putHistories(db, [
      {
        contact: contact('anna2', { name: 'Anna Zwei', emails: ['anna@a.de'] }),
        interactions: [interaction('i2', 'anna2')],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    const backup = check(db, text);
    const preview = previewRestore(backup, await currentForPreview(db), 'merge');
    expect(preview.duplicates).toEqual([
      {
        backupId: 'anna',
        backupName: 'Anna',
        existingId: 'anna2',
        existingName: 'Anna Zwei',
        via: 'anna@a.de',
      },
    ]);
    expect(preview.counts.find((c) => c.table === 'contacts')).toMatchObject({
      rows: 3,
      adding: 1,
      replacing: 1,
      keeping: 1,
      removing: 0,
    });
    const report = await restoreBackup(db, backup, 'merge', now);
    expect((await db.contacts.get('anna'))?.notes).toBe('changed after the backup');
    expect((await db.contacts.get('bert'))?.notes).toBe('changed in the other browser');
    expect(await db.contacts.get('carla')).toBeDefined();
    expect((await db.purchases.get('p1'))?.amount).toBe(1200);
    expect(await db.contacts.get('anna2')).toBeDefined();
    expect(await db.interactions.count()).toBe(2);
    // Contacts: Carla added, Bert updated, Anna kept; the purchase kept; the rest the same.
    expect(report.merged).toMatchObject({ added: 1, updated: 1, kept: 2 });
    expect(report.merged!.same).toBeGreaterThan(0);
  });

  it.each([
    ['nothing stored', undefined, { updatedAt: '2026-01-01T00:00:00Z' }, 'add'],
    [
      'the backup changed later',
      { n: 1, updatedAt: '2026-01-01T00:00:00Z' },
      { n: 2, updatedAt: '2026-01-02T00:00:00+01:00' },
      'backup',
    ],
    [
      'the stored one changed later',
      { n: 1, updatedAt: '2026-01-02T00:00:00Z' },
      { n: 2, updatedAt: '2026-01-01T00:00:00Z' },
      'keep',
    ],
    [
      'the same instant, different rows',
      { n: 1, updatedAt: '2026-01-01T00:00:00Z' },
      { n: 2, updatedAt: '2026-01-01T00:00:00Z' },
      'keep',
    ],
    ['no dates, different rows', { n: 1 }, { n: 2 }, 'keep'],
    ['equal rows, keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, 'same'],
  ] as const)('merge rule: %s', (_what, stored, incoming, choice) => {
    expect(mergeChoice(stored, incoming)).toBe(choice);
  });

  it('keeps the data a restore replaces as a safety copy, and "undo restore" brings it back exactly', async () => {
    await seedSome(db);
    const text = serializeBackup(await makeBackup(db, now));
    const target = await freshDb();
    await putHistories(target, [
      {
        contact: contact('zoe', { emails: ['zoe@z.de'] }),
        interactions: [interaction('iz', 'zoe')],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    await target.meta.put({ key: 'lastBackupAt', value: '2026-11-20T00:00:00.000Z' });
    const before = await snapshot(target);
    expect(await getSafetyCopyInfo(target)).toBeUndefined();

    await restoreBackup(target, check(target, text), 'replace', now, 'kundennah-backup.json');
    expect(await getSafetyCopyInfo(target)).toMatchObject({
      at: now.toISOString(),
      fileName: 'kundennah-backup.json',
      mode: 'replace',
      reason: 'restore',
      counts: { contacts: 1, interactions: 1 },
    });
    // The copy is not a backup: the reminder's date stays.
    expect((await target.meta.get('lastBackupAt'))?.value).toBe('2026-11-20T00:00:00.000Z');
    expect(await target.contacts.get('zoe')).toBeUndefined();

    const later = new Date(now.getTime() + 3_600_000);
    const undone = await undoRestore(target, later);
    expect(undone.written.contacts).toBe(1);
    expect(await snapshot(target)).toEqual(before);
    // The restored data is the copy now; it is not offered as another undo.
    expect(await getSafetyCopyInfo(target)).toMatchObject({ reason: 'undo' });
    await expect(undoRestore(target, later)).rejects.toThrow(/Safety copy/);
    expect((await target.meta.get('lastDataChangeAt'))?.value).toBe(later.toISOString());
  });

  it('undo of a merge takes back what the merge added and replaced', async () => {
    await seedSome(db);
    const source = await freshDb();
    await putHistories(source, [
      {
        contact: contact('anna', { name: 'Anna', notes: 'newer', updatedAt: now.toISOString() }),
        interactions: [interaction('i9', 'anna')],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    const backup = check(db, serializeBackup(await makeBackup(source, now)));
    const before = await snapshot(db);
    await restoreBackup(db, backup, 'merge', now);
    expect((await db.contacts.get('anna'))?.notes).toBe('newer');
    await undoRestore(db, now);
    expect(await snapshot(db)).toEqual(before);
  });

  it('changes nothing when the safety copy does not read back in full', async () => {
    await seedSome(db);
    const source = await freshDb();
    const backup = check(db, serializeBackup(await makeBackup(source, now)));
    const before = await snapshot(db);
    const real = db.safetyCopy.get.bind(db.safetyCopy);
    vi.spyOn(db.safetyCopy, 'get').mockImplementation((async (key: string) => {
      const row = await real(key);
      return row && 'rows' in row ? { ...row, rows: row.rows.slice(1) } : row;
    }) as never);
    await expect(restoreBackup(db, backup, 'replace', now)).rejects.toBeInstanceOf(SafetyCopyError);
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
    expect(await getSafetyCopyInfo(db)).toBeUndefined();
  });

  it('never backs up nor restores the panel’s request log or the safety copy', async () => {
    await seedSome(db);
    await db.requests.put({ id: 'r1', at: now.toISOString(), reply: { ok: true } });
    await restoreBackup(db, check(db, serializeBackup(await makeBackup(db, now))), 'merge', now);
    const json = JSON.parse(serializeBackup(await makeBackup(db, now))) as {
      tables: Record<string, unknown[]>;
    };
    expect(Object.keys(json.tables)).not.toContain('requests');
    expect(Object.keys(json.tables)).not.toContain('safetyCopy');
    json.tables.safetyCopy = [{ id: 'info', at: now.toISOString(), reason: 'restore' }];
    json.tables.requests = [{ id: 'forged', at: now.toISOString(), reply: { ok: true } }];
    const r = checkBackup(db, JSON.stringify(json));
    expect(r.ok && Object.keys(r.backup.tables)).not.toContain('safetyCopy');
    expect(r.ok && Object.keys(r.backup.tables)).not.toContain('requests');
  });

  it('never backs up sync’s state on this device: the outbox, whether sync is on, how far it got', async () => {
    await db.meta.put({ key: SYNC_ON_KEY, value: { on: true } });
    await db.meta.put({ key: 'sync:team-weber:seq', value: 12 });
    await db.contacts.put(contact('c-sync'));
    expect(await db.outbox.count()).toBe(1);
    const json = JSON.parse(serializeBackup(await makeBackup(db, now))) as {
      tables: Record<string, { key?: string }[]>;
    };
    expect(Object.keys(json.tables)).not.toContain('outbox');
    expect(json.tables.meta!.map((m) => m.key)).not.toContain(SYNC_ON_KEY);
    expect(json.tables.meta!.map((m) => m.key)).not.toContain('sync:team-weber:seq');
    // A restore leaves this device's sync state as it was.
    await restoreBackup(db, check(db, JSON.stringify(json)), 'merge', now);
    expect((await db.meta.get(SYNC_ON_KEY))?.value).toEqual({ on: true });
    expect((await db.meta.get('sync:team-weber:seq'))?.value).toBe(12);
  });

  it('while sync is on, replaces nothing (it would delete on every device) but merges', async () => {
    await db.contacts.bulkPut([contact('kept'), contact('only-here')]);
    const backup = check(db, serializeBackup(await makeBackup(db, now)));
    await restoreBackup(db, backup, 'replace', now);
    await db.meta.put({ key: SYNC_ON_KEY, value: { on: true } });
    await db.contacts.delete('kept');
    await db.contacts.put(contact('new-since'));
    const outboxBefore = await db.outbox.toArray();

    await expect(restoreBackup(db, backup, 'replace', now)).rejects.toBeInstanceOf(SyncOnError);
    await expect(undoRestore(db, now)).rejects.toBeInstanceOf(SyncOnError);
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual([
      'new-since',
      'only-here',
    ]);
    expect(await db.outbox.toArray()).toEqual(outboxBefore);

    // Merging brings back what the backup has and deletes nothing, here or elsewhere.
    await restoreBackup(db, backup, 'merge', now);
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual([
      'kept',
      'new-since',
      'only-here',
    ]);
    expect(await db.outbox.get('contacts:kept')).toBeDefined();
  });

  it('refuses a foreign JSON file, a damaged backup and a bad bookkeeping row, writing nothing', async () => {
    await seedSome(db);
    const good = JSON.parse(serializeBackup(await makeBackup(db, now))) as {
      tables: Record<string, unknown[]>;
    };
    const codes = (text: string) => {
      const r = checkBackup(db, text);
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes('{"contacts": []}')).toEqual(['not-a-backup']);
    expect(codes('{"format": "kundennah-backup", "version": 1, "tabl')).toEqual(['invalid-json']);
    expect(codes(JSON.stringify({ ...good, version: 9 }))).toEqual(['backup-unsupported-version']);
    const badBatch = structuredClone(good);
    badBatch.tables.importBatches = [{ id: 'b1', at: 'yesterday', addedContactIds: 'x' }];
    expect(codes(JSON.stringify(badBatch))).toContain('backup-invalid-row');
    const twice = structuredClone(good);
    twice.tables.notDuplicates = [
      { id: 'a|b', at: now.toISOString() },
      { id: 'a|b', at: now.toISOString() },
    ];
    expect(codes(JSON.stringify(twice))).toEqual(['backup-duplicate-id']);
  });

  it('keeps tables of a newer version aside and leaves the derived tables to the background', async () => {
    const text = serializeBackup(await makeBackup(db, now));
    const json = JSON.parse(text) as { tables: Record<string, unknown[]> };
    json.tables.futureTable = [{ id: 'x' }];
    json.tables.summaries = [{ contactId: 'ghost' }];
    const r = checkBackup(db, JSON.stringify(json));
    expect(r.ok && r.backup.ignoredTables).toEqual(['futureTable']);
    expect(r.ok && 'summaries' in r.backup.tables).toBe(false);
  });

  it('a full disk during a restore leaves the database as it was', async () => {
    await seedSome(db);
    const source = await freshDb();
    await putHistories(source, [
      {
        contact: contact('new'),
        interactions: [interaction('n1', 'new')],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    const backup = check(db, serializeBackup(await makeBackup(source, now)));
    const before = await snapshot(db);
    vi.spyOn(db.table('interactions'), 'bulkPut').mockRejectedValueOnce(
      new DOMException('full', 'QuotaExceededError'),
    );
    await expect(restoreBackup(db, backup, 'replace', now)).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('backup validation (hardening)', () => {
  async function backupJson(target: KundennahDB) {
    return JSON.parse(serializeBackup(await makeBackup(target, now))) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
  }
  const dismissal = (contactId: string, extra: Record<string, unknown> = {}) => ({
    id: `${contactId}:birthday`,
    contactId,
    kind: 'birthday',
    due: '2026-11-22',
    at: '2026-11-22T08:00:00.000Z',
    ...extra,
  });

  it('checks dismissals: kind, days, instant, and an id that matches contact and kind', async () => {
    await seedSome(db);
    const good = await backupJson(db);
    const fields = (rows: Record<string, unknown>[]) => {
      const r = checkBackup(
        db,
        JSON.stringify({ ...good, tables: { ...good.tables, dismissals: rows } }),
      );
      return r.ok ? [] : r.errors.map((e) => `${e.params.index}:${e.params.field}`);
    };
    expect(fields([dismissal('anna')])).toEqual([]);
    expect(
      fields([
        dismissal('anna', { kind: 'party' }),
        dismissal('anna', { due: 'morgen' }),
        dismissal('anna', { at: '2026-11-22T08:00:00+99:99' }),
        dismissal('anna', { id: 'anna:cadence' }),
        { id: 'x' },
      ]),
    ).toEqual(['0:kind', '1:due', '2:at', '3:id', '4:contactId', '4:kind', '4:due', '4:at']);
  });

  it('reports history rows and dismissals whose contact is not there', async () => {
    await seedSome(db);
    const json = await backupJson(db);
    json.tables.interactions!.push(interaction('i9', 'ghost'));
    json.tables.dismissals = [dismissal('ghost'), dismissal('anna')];
    const backup = check(db, JSON.stringify(json));
    const target = await freshDb();
    const replace = previewRestore(backup, await currentForPreview(target), 'replace');
    expect(replace.orphans).toEqual([
      { table: 'interactions', id: 'i9', contactId: 'ghost' },
      { table: 'dismissals', id: 'ghost:birthday', contactId: 'ghost' },
    ]);
    // Merging into a database that has the contact: nothing is orphaned.
    await putHistories(target, [
      {
        contact: contact('ghost'),
        interactions: [],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      },
    ]);
    const current = await currentForPreview(target);
    expect(previewRestore(backup, current, 'merge').orphans).toEqual([]);
    expect(previewRestore(backup, current, 'replace').orphans).toHaveLength(2);
  });

  it('warns about contacts of the backup that share an e-mail address', async () => {
    await putHistories(
      db,
      ['a', 'b', 'c'].map((id) => ({
        contact: contact(id, {
          name: `Name ${id}`,
          emails: id === 'c' ? ['c@c.de'] : ['Same@x.de'.toLowerCase(), `${id}@x.de`],
        }),
        interactions: [],
        commitments: [],
        feedback: [],
        purchases: [],
        followUps: [],
      })),
    );
    const backup = check(db, serializeBackup(await makeBackup(db, now)));
    const preview = previewRestore(backup, await currentForPreview(await freshDb()), 'replace');
    expect(preview.sharedEmails).toEqual([
      {
        email: 'same@x.de',
        contacts: [
          { id: 'a', name: 'Name a' },
          { id: 'b', name: 'Name b' },
        ],
      },
    ]);
  });

  it('never puts derived rows or counters into a backup; an old file that has them restores without', async () => {
    await seedSome(db);
    await db.agenda.put({ id: 'anna:birthday', contactId: 'anna' } as never);
    await db.meta.bulkPut([
      { key: 'agendaCounts', value: { birthday: 1 } },
      { key: 'dirty', value: { all: true } },
      { key: 'derivedPending', value: true },
    ]);
    const json = await backupJson(db);
    for (const d of DERIVED_TABLES) expect(json.tables).not.toHaveProperty(d);
    const keys = json.tables.meta!.map((m) => m.key);
    for (const k of ['agendaCounts', 'dirty', 'derivedPending', 'derived', 'lastBackupAt'])
      expect(keys).not.toContain(k);

    // An older file with derived tables and counters: none of it is written.
    json.tables.summaries = [{ contactId: 'anna', tier: 'A' }];
    json.tables.agenda = [{ id: 'anna:cadence', contactId: 'anna' }];
    json.tables.meta!.push(
      { key: 'agendaCounts', value: { cadence: 99 } },
      { key: 'derived', value: {} },
    );
    const target = await freshDb();
    const backup = check(target, JSON.stringify(json));
    expect(Object.keys(backup.tables)).not.toContain('summaries');
    expect(Object.keys(backup.tables)).not.toContain('agenda');
    expect(backup.ignoredTables).toEqual([]);
    await restoreBackup(target, backup, 'replace', now);
    expect(await target.summaries.count()).toBe(0);
    expect(await target.agenda.count()).toBe(0);
    expect(await target.meta.get('agendaCounts')).toBeUndefined();
    expect(await target.meta.get('derived')).toBeUndefined();
  });
});
