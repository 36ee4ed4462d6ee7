// Two devices with their own store and replication copy, one server database between them: what one
// writes reaches the other, concurrent edits merge as docs/sync.md says, deletions erase.
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { KundennahDB } from '@/lib/db/database';
import type { Contact, Interaction } from '@/lib/model';
import { SYNC_ON_KEY } from '@/lib/db/outbox';
import { setMeta } from '@/lib/db/meta';
import { syncSpace, type EngineDeps, type ReplicaDb } from '@/lib/sync/engine';
import { getStoredSettings, resetSettings, setSettings } from '@/lib/db/settings';
import { contact } from '../../support/contacts';

PouchDB.plugin(memory).plugin(replication);

const SPACE = 'team-weber';
const open: { close(): unknown }[] = [];

function memoryDb(): PouchDB.Database {
  const db = new PouchDB(`mem-${crypto.randomUUID()}`, { adapter: 'memory' });
  open.push(db);
  return db;
}

interface Device {
  db: KundennahDB;
  local: ReplicaDb;
  sync(): ReturnType<typeof syncSpace>;
}

/** A device with sync on: what it writes is pushed at its next sync. */
async function device(
  by: string,
  server: PouchDB.Database,
  batch?: number,
  onProgress?: EngineDeps['onProgress'],
): Promise<Device> {
  const db = new KundennahDB(`sync-${by}-${crypto.randomUUID()}`);
  open.push(db);
  await setMeta(db, SYNC_ON_KEY, { on: true });
  const deps: EngineDeps = {
    db,
    by,
    now: () => new Date(),
    ...(batch ? { batch } : {}),
    ...(onProgress ? { onProgress } : {}),
    space: { name: SPACE, local: memoryDb() as unknown as ReplicaDb, remote: server },
  };
  return { db, local: deps.space.local, sync: () => syncSpace(deps) };
}

/** Anna's and Ben's devices on one server database, both holding `weber` after a sync each. */
async function bothKnow(weber: Contact) {
  const server = memoryDb();
  const anna = await device('anna', server);
  const ben = await device('ben', server);
  await anna.db.contacts.put(weber);
  await anna.sync();
  await ben.sync();
  return { server, anna, ben };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

// Only the date is faked: the stores' own timers run.
beforeAll(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterAll(() => vi.useRealTimers());
beforeEach(() => void at('2026-03-01T09:00:00.000Z'));
/** The moment the next writes happen (the outbox and the stamps read the clock). */
const at = (iso: string) => {
  vi.setSystemTime(new Date(iso));
  return iso;
};

describe('two devices through one server database', () => {
  it('tells how far a first sync has come: received from the server, then stored here', async () => {
    const server = memoryDb();
    const laptop = await device('anna', server);
    await laptop.db.contacts.bulkPut(['p1', 'p2', 'p3'].map((id) => contact(id)));
    await laptop.sync();
    const seen: { received: number; applied: number }[] = [];
    const desktop = await device('anna', server, 2, (p) => seen.push(p));
    await desktop.sync();
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ received: 3, applied: 3 });
    // Never backwards.
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.received).toBeGreaterThanOrEqual(seen[i - 1]!.received);
      expect(seen[i]!.applied).toBeGreaterThanOrEqual(seen[i - 1]!.applied);
    }
  });

  it('brings a contact and its logged contact from one device to the other', async () => {
    const server = memoryDb();
    const laptop = await device('anna', server);
    const desktop = await device('anna', server);
    const weber = contact('c1', { name: 'Dr. Maria Weber', company: 'Weber GmbH' });
    const call: Interaction = {
      id: 'i1',
      contactId: 'c1',
      at: '2026-03-02T09:00:00.000Z',
      channel: 'phone',
      direction: 'out',
      personal: true,
      summary: 'Tochter studiert jetzt in Wien',
    } as Interaction;
    await laptop.db.contacts.put(weber);
    await laptop.db.interactions.put(call);
    const sent = await laptop.sync();
    expect(sent.pushed).toBe(2);
    const got = await desktop.sync();
    expect(got.applied).toBe(2);
    expect(await desktop.db.contacts.get('c1')).toEqual(weber);
    expect(await desktop.db.interactions.get('i1')).toEqual(call);
    // What came from the other device is not sent back; what was sent is off the outbox.
    expect(await desktop.db.outbox.count()).toBe(0);
    expect(await laptop.db.outbox.count()).toBe(0);
    expect((await desktop.sync()).pushed).toBe(0);
  });

  it('keeps both people’s offline edits of different fields of one contact, and says whose', async () => {
    const weber = contact('c1', { name: 'Dr. Maria Weber' });
    const { server, anna, ben } = await bothKnow(weber);

    await anna.db.contacts.put({
      ...weber,
      phones: ['+49 30 1234'],
      updatedAt: at('2026-03-03T09:00:00.000Z'),
    });
    await ben.db.contacts.put({
      ...weber,
      interests: ['Segeln'],
      updatedAt: at('2026-03-04T09:00:00.000Z'),
    });
    await anna.sync();
    const benReport = await ben.sync();
    await anna.sync();

    for (const d of [anna, ben]) {
      const c = await d.db.contacts.get('c1');
      expect(c?.phones).toEqual(['+49 30 1234']);
      expect(c?.interests).toEqual(['Segeln']);
    }
    expect(benReport.merged).toEqual([{ id: 'contacts:c1', from: ['anna'] }]);
    // Nothing is left in conflict on the server: the losing version was removed with the merge.
    const onServer = (await server.get('contacts:c1', { conflicts: true })) as {
      _conflicts?: string[];
    };
    expect(onServer._conflicts ?? []).toEqual([]);
  });

  it('erases a contact deleted after the other device’s edit, on both devices', async () => {
    const weber = contact('c1');
    const { anna, ben } = await bothKnow(weber);
    const firstRev = ((await anna.local.get('contacts:c1')) as { _rev: string })._rev;

    await ben.db.contacts.put({
      ...weber,
      notes: 'ruft zurück',
      updatedAt: at('2026-03-05T09:00:00.000Z'),
    });
    at('2026-03-06T09:00:00.000Z');
    await anna.db.contacts.delete('c1');
    await ben.sync();
    await anna.sync();
    await ben.sync();
    await anna.sync();

    expect(await anna.db.contacts.get('c1')).toBeUndefined();
    expect(await ben.db.contacts.get('c1')).toBeUndefined();
    // Neither device's copy keeps an earlier version of the erased contact.
    for (const d of [anna, ben]) {
      const leaves = (await d.local.get('contacts:c1', { open_revs: 'all' })) as {
        ok?: { row?: unknown };
      }[];
      for (const leaf of leaves) expect(leaf.ok?.row).toBeUndefined();
      const first = await d.local.get('contacts:c1', { rev: firstRev }).then(
        () => 'kept',
        () => 'gone',
      );
      expect(first).toBe('gone');
    }
  });

  it('keeps a contact edited after the other device deleted it', async () => {
    const weber = contact('c1');
    const { anna, ben } = await bothKnow(weber);

    at('2026-03-07T09:00:00.000Z');
    await anna.db.contacts.delete('c1');
    await ben.db.contacts.put({
      ...weber,
      notes: 'neuer Auftrag',
      updatedAt: at('2026-03-08T09:00:00.000Z'),
    });
    await anna.sync();
    await ben.sync();
    await anna.sync();

    expect((await anna.db.contacts.get('c1'))?.notes).toBe('neuer Auftrag');
    expect((await ben.db.contacts.get('c1'))?.notes).toBe('neuer Auftrag');
  });

  it('carries more rows than one batch, and a second sync sends nothing again', async () => {
    const server = memoryDb();
    // Batches of 20, so that a few rows span several.
    const laptop = await device('anna', server, 20);
    const desktop = await device('anna', server, 20);
    const n = 20 * 2 + 7;
    await laptop.db.contacts.put(contact('c1'));
    await laptop.db.interactions.bulkPut(
      Array.from({ length: n }, (_, i) => ({
        id: `i${i}`,
        contactId: 'c1',
        at: '2026-03-02T09:00:00.000Z',
        channel: 'email',
        direction: 'in',
        personal: true,
      })) as Interaction[],
    );
    expect((await laptop.sync()).pushed).toBe(n + 1);
    expect((await desktop.sync()).applied).toBe(n + 1);
    expect(await desktop.db.interactions.count()).toBe(n);
    expect((await laptop.sync()).pushed).toBe(0);
    expect((await desktop.sync()).applied).toBe(0);
  });

  it('after a first sync, the first edit compacts only what changed, not every document', async () => {
    const server = memoryDb();
    const laptop = await device('anna', server, 20);
    const desktop = await device('anna', server, 20);
    await laptop.db.contacts.bulkPut(Array.from({ length: 47 }, (_, i) => contact(`c${i}`)));
    await laptop.sync();
    await desktop.sync();
    const copy = desktop.local as ReplicaDb & {
      compactDocument(id: string, height: number): Promise<unknown>;
    };
    const compacted = vi.spyOn(copy, 'compactDocument');

    await laptop.db.contacts.update('c3', {
      notes: 'ruft zurück',
      updatedAt: at('2026-03-09T09:00:00.000Z'),
    });
    await laptop.sync();
    await desktop.sync();

    expect((await desktop.db.contacts.get('c3'))?.notes).toBe('ruft zurück');
    // The edit's earlier version is gone from the copy, and nothing else was looked at.
    expect(compacted.mock.calls.map(([id]) => id)).toEqual(['contacts:c3']);
  });

  it('carries the user’s settings to their other device, and leaves each browser its own', async () => {
    const server = memoryDb();
    const laptop = await device('anna', server);
    const desktop = await device('anna', server);
    await desktop.db.settings.put({ id: 'settings', values: { notificationTime: '17:00' } });
    at('2026-03-02T09:00:00.000Z');
    await setSettings(laptop.db, {
      contactEveryDays: { A: 7, B: 30, C: 90 },
      locale: 'en',
      notificationTime: '08:30',
      panelMode: {
        gmail: 'sidepanel',
        outlook: 'injected',
        xing: 'injected',
        linkedin: 'sidepanel',
      },
    });
    await laptop.sync();
    await desktop.sync();

    expect(await getStoredSettings(desktop.db)).toEqual({
      contactEveryDays: { A: 7, B: 30, C: 90 },
      locale: 'en',
      notificationTime: '17:00',
    });
    // The server never holds when a browser rings or where its panel shows.
    const doc = (await server.get('settings:settings')) as { row: { values: object } };
    expect(Object.keys(doc.row.values).sort()).toEqual(['contactEveryDays', 'locale']);
    // A change of only this browser's settings sends nothing.
    await setSettings(laptop.db, { notificationTime: '09:00' });
    expect((await laptop.sync()).pushed).toBe(0);
  });

  it('merges two devices’ offline changes of different settings, and a reset travels', async () => {
    const server = memoryDb();
    const laptop = await device('anna', server);
    const desktop = await device('anna', server);
    await setSettings(laptop.db, { afterPurchaseDays: 5 });
    await laptop.sync();
    await desktop.sync();

    at('2026-03-03T09:00:00.000Z');
    await setSettings(laptop.db, { holidayRegion: 'DE-BY' });
    at('2026-03-03T10:00:00.000Z');
    await setSettings(desktop.db, { afterPurchaseDays: 10, notificationTime: '07:45' });
    await laptop.sync();
    await desktop.sync();
    await laptop.sync();

    for (const d of [laptop, desktop])
      expect(await getStoredSettings(d.db)).toMatchObject({
        holidayRegion: 'DE-BY',
        afterPurchaseDays: 10,
      });

    at('2026-03-04T09:00:00.000Z');
    await resetSettings(laptop.db);
    await laptop.sync();
    await desktop.sync();
    expect(await getStoredSettings(desktop.db)).toEqual({ notificationTime: '07:45' });
  });

  it('refuses settings from elsewhere that this browser would not accept, and keeps its own', async () => {
    const server = memoryDb();
    const desktop = await device('anna', server);
    await setSettings(desktop.db, { afterPurchaseDays: 4 });
    await desktop.sync();
    // Another client writes over it what no settings page would accept.
    const sent = (await server.get('settings:settings')) as { row: { values: object } };
    await server.put({ ...sent, row: { id: 'settings', values: { afterPurchaseDays: -3 } } });
    const report = await desktop.sync();
    expect(report.refused).toEqual([{ id: 'settings:settings', reason: 'row' }]);
    expect(await getStoredSettings(desktop.db)).toEqual({ afterPurchaseDays: 4 });
  });

  it('keeps a change in the outbox when the copy did not take it, and sends it next time', async () => {
    const server = memoryDb();
    const laptop = await device('anna', server);
    const desktop = await device('anna', server);
    const copy = laptop.local as ReplicaDb & { bulkDocs: ReplicaDb['bulkDocs'] };
    const real = copy.bulkDocs.bind(copy);
    copy.bulkDocs = async (docs) =>
      docs.map((d) => ({ id: (d as { _id: string })._id, error: 'conflict' }));
    await laptop.db.contacts.put(contact('c1'));
    await expect(laptop.sync()).rejects.toThrow(/not taken/);
    expect(await laptop.db.outbox.count()).toBe(1);
    copy.bulkDocs = real;
    expect((await laptop.sync()).pushed).toBe(1);
    await desktop.sync();
    expect(await desktop.db.contacts.get('c1')).toBeDefined();
  });

  it('stores nothing of a document of another space or with a malformed row', async () => {
    const server = memoryDb();
    const anna = await device('anna', server);
    await server.bulkDocs([
      { _id: 'contacts:x1', table: 'contacts', space: 'team-other', row: contact('x1') },
      { _id: 'contacts:x2', table: 'contacts', space: SPACE, row: { ...contact('x2'), name: '' } },
    ]);
    const report = await anna.sync();
    expect(report.refused.map((r) => r.reason).sort()).toEqual(['row', 'space']);
    expect(await anna.db.contacts.count()).toBe(0);
  });
});
