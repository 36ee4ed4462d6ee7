// Two devices with their own store and replication copy, one server database between them: what one
// writes reaches the other, concurrent edits merge as docs/sync.md says, deletions erase.
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it } from 'vitest';
import { KundennahDB } from '@/lib/db/database';
import type { Interaction } from '@/lib/model';
import { syncSpace, type EngineDeps, type PendingRow, type ReplicaDb } from '@/lib/sync/engine';
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
  deps: EngineDeps;
  sync(pending?: PendingRow[]): ReturnType<typeof syncSpace>;
}

function device(by: string, server: PouchDB.Database, at: () => string): Device {
  const db = new KundennahDB(`sync-${by}-${crypto.randomUUID()}`);
  open.push(db);
  const deps: EngineDeps = {
    db,
    by,
    now: () => new Date(at()),
    space: { name: SPACE, local: memoryDb() as unknown as ReplicaDb, remote: server },
  };
  return { db, deps, sync: (pending = []) => syncSpace(deps, pending) };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

let clock = '2026-03-02T09:00:00.000Z';
const at = () => clock;

describe('two devices through one server database', () => {
  it('brings a contact and its logged contact from one device to the other', async () => {
    const server = memoryDb();
    const laptop = device('anna', server, at);
    const desktop = device('anna', server, at);
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
    const sent = await laptop.sync([
      { table: 'contacts', id: 'c1' },
      { table: 'interactions', id: 'i1' },
    ]);
    expect(sent.pushed).toBe(2);
    const got = await desktop.sync();
    expect(got.applied).toBe(2);
    expect(await desktop.db.contacts.get('c1')).toEqual(weber);
    expect(await desktop.db.interactions.get('i1')).toEqual(call);
  });

  it('keeps both people’s offline edits of different fields of one contact, and says whose', async () => {
    const server = memoryDb();
    const anna = device('anna', server, at);
    const ben = device('ben', server, at);
    const weber = contact('c1', { name: 'Dr. Maria Weber' });
    await anna.db.contacts.put(weber);
    await anna.sync([{ table: 'contacts', id: 'c1' }]);
    await ben.sync();

    clock = '2026-03-03T09:00:00.000Z';
    await anna.db.contacts.put({ ...weber, phones: ['+49 30 1234'], updatedAt: clock });
    clock = '2026-03-04T09:00:00.000Z';
    await ben.db.contacts.put({ ...weber, interests: ['Segeln'], updatedAt: clock });
    await anna.sync([{ table: 'contacts', id: 'c1' }]);
    const benReport = await ben.sync([{ table: 'contacts', id: 'c1' }]);
    await anna.sync();

    for (const d of [anna, ben]) {
      const c = await d.db.contacts.get('c1');
      expect(c?.phones).toEqual(['+49 30 1234']);
      expect(c?.interests).toEqual(['Segeln']);
    }
    const merged = [...benReport.merged];
    expect(merged.length).toBe(1);
    // Nothing is left in conflict on the server: the losing version was removed with the merge.
    const onServer = (await server.get('contacts:c1', { conflicts: true })) as {
      _conflicts?: string[];
    };
    expect(onServer._conflicts ?? []).toEqual([]);
  });

  it('erases a contact deleted after the other device’s edit, on both devices', async () => {
    const server = memoryDb();
    const anna = device('anna', server, at);
    const ben = device('ben', server, at);
    const weber = contact('c1');
    await anna.db.contacts.put(weber);
    await anna.sync([{ table: 'contacts', id: 'c1' }]);
    await ben.sync();

    clock = '2026-03-05T09:00:00.000Z';
    await ben.db.contacts.put({ ...weber, notes: 'ruft zurück', updatedAt: clock });
    clock = '2026-03-06T09:00:00.000Z';
    await anna.db.contacts.delete('c1');
    await ben.sync([{ table: 'contacts', id: 'c1', at: '2026-03-05T09:00:00.000Z' }]);
    await anna.sync([{ table: 'contacts', id: 'c1' }]);
    await ben.sync();
    await anna.sync();

    expect(await anna.db.contacts.get('c1')).toBeUndefined();
    expect(await ben.db.contacts.get('c1')).toBeUndefined();
  });

  it('keeps a contact edited after the other device deleted it', async () => {
    const server = memoryDb();
    const anna = device('anna', server, at);
    const ben = device('ben', server, at);
    const weber = contact('c1');
    await anna.db.contacts.put(weber);
    await anna.sync([{ table: 'contacts', id: 'c1' }]);
    await ben.sync();

    clock = '2026-03-07T09:00:00.000Z';
    await anna.db.contacts.delete('c1');
    clock = '2026-03-08T09:00:00.000Z';
    await ben.db.contacts.put({ ...weber, notes: 'neuer Auftrag', updatedAt: clock });
    await anna.sync([{ table: 'contacts', id: 'c1', at: '2026-03-07T09:00:00.000Z' }]);
    await ben.sync([{ table: 'contacts', id: 'c1' }]);
    await anna.sync();

    expect((await anna.db.contacts.get('c1'))?.notes).toBe('neuer Auftrag');
    expect((await ben.db.contacts.get('c1'))?.notes).toBe('neuer Auftrag');
  });

  it('stores nothing of a document of another space or with a malformed row', async () => {
    const server = memoryDb();
    const anna = device('anna', server, at);
    await server.bulkDocs([
      { _id: 'contacts:x1', table: 'contacts', space: 'team-other', row: contact('x1') },
      { _id: 'contacts:x2', table: 'contacts', space: SPACE, row: { ...contact('x2'), name: '' } },
    ]);
    const report = await anna.sync();
    expect(report.refused.map((r) => r.reason).sort()).toEqual(['row', 'space']);
    expect(await anna.db.contacts.count()).toBe(0);
  });
});
