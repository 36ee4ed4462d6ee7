// @vitest-environment node
// The engine against a CouchDB-compatible server over HTTP, with the design document Kundennah
// installs in every space: two members' devices converge, the server refuses what Kundennah would
// never write, and a removed member's sync fails in words the user is told.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KundennahDB } from '@/lib/db/database';
import { setMeta } from '@/lib/db/meta';
import { SYNC_ON_KEY } from '@/lib/db/outbox';
import type { Interaction } from '@/lib/model';
import { rowToDoc } from '@/lib/sync/docs';
import { classifySyncFailure, syncSpace, type EngineDeps, type ReplicaDb } from '@/lib/sync/engine';
import { validateDocUpdate } from '@/lib/sync/server-design';
import { localDb, remoteDb, startCouchServer, type CouchServer } from '../../support/couch-server';
import { contact } from '../../support/contacts';

const SPACE = 'team-weber';
const ANNA = { username: 'anna', password: 'anna-pw' };
const BEN = { username: 'ben', password: 'ben-pw' };
let server: CouchServer;

beforeAll(async () => {
  server = await startCouchServer();
  await server.addUser(ANNA.username, ANNA.password);
  await server.addUser(BEN.username, BEN.password);
  await server.createSpace(SPACE, { names: ['anna', 'ben'] }, validateDocUpdate(SPACE));
});
afterAll(async () => {
  await server?.close();
});

async function device(auth: { username: string; password: string }) {
  const db = new KundennahDB(`server-${auth.username}-${crypto.randomUUID()}`);
  await setMeta(db, SYNC_ON_KEY, { on: true });
  const remote = remoteDb(`${server.url}/${SPACE}`, auth);
  const deps: EngineDeps = {
    db,
    by: auth.username,
    now: () => new Date(),
    space: { name: SPACE, local: localDb() as unknown as ReplicaDb, remote },
  };
  return { db, remote, local: deps.space.local, sync: () => syncSpace(deps) };
}

describe('sync through the server', () => {
  it('brings a contact and a logged contact to a colleague, and merges offline edits', async () => {
    const anna = await device(ANNA);
    const ben = await device(BEN);
    const weber = contact('w1', { name: 'Dr. Maria Weber' });
    await anna.db.contacts.put(weber);
    await anna.db.interactions.put({
      id: 'w1-call',
      contactId: 'w1',
      at: '2026-03-02T09:00:00.000Z',
      channel: 'phone',
      direction: 'out',
      personal: true,
    } as Interaction);
    await anna.sync();
    await ben.sync();
    expect((await ben.db.contacts.get('w1'))?.name).toBe('Dr. Maria Weber');
    expect(await ben.db.interactions.get('w1-call')).toBeDefined();

    await anna.db.contacts.put({
      ...weber,
      phones: ['+49 30 1234'],
      updatedAt: '2026-03-03T09:00:00.000Z',
    });
    await ben.db.contacts.put({
      ...weber,
      interests: ['Segeln'],
      updatedAt: '2026-03-04T09:00:00.000Z',
    });
    await anna.sync();
    const report = await ben.sync();
    await anna.sync();
    expect(report.refused).toEqual([]);
    // Ben's device merged: it names Anna, whose edit it took in (never Ben himself).
    expect(report.merged).toEqual([{ id: 'contacts:w1', from: ['anna'] }]);
    for (const d of [anna, ben]) {
      const c = await d.db.contacts.get('w1');
      expect([c?.phones, c?.interests]).toEqual([['+49 30 1234'], ['Segeln']]);
    }
    const onServer = (await anna.remote.get('contacts:w1', { conflicts: true })) as {
      _conflicts?: string[];
    };
    expect(onServer._conflicts ?? []).toEqual([]);
  });

  it('refuses documents Kundennah would never write: another space, another author, another row', async () => {
    const anna = await device(ANNA);
    /** What the server answers a write: stored, or the HTTP status it refused it with. */
    const put = (doc: object) =>
      anna.remote.put(doc).then(
        () => 'stored',
        (e: { status?: number }) => String(e.status),
      );
    const c = contact('x1');
    expect(await put(rowToDoc('contacts', c, 'team-other'))).toBe('403');
    expect(await put(rowToDoc('contacts', c, SPACE, { by: 'ben' }))).toBe('403');
    expect(await put({ ...rowToDoc('contacts', c, SPACE), _id: 'contacts:x2' })).toBe('403');
    expect(
      await put({ ...rowToDoc('contacts', c, SPACE), _id: 'summaries:x1', table: 'summaries' }),
    ).toBe('403');
    expect(await put(rowToDoc('contacts', c, SPACE, { by: 'anna' }))).toBe('stored');
  });

  it('counts a change the server refused: it reached nobody', async () => {
    const anna = await device(ANNA);
    // A row whose document the server's validation refuses: its id is not the one its name says.
    await anna.db.contacts.put(contact('ok-1'));
    await anna.local.bulkDocs([
      { ...rowToDoc('contacts', contact('bad'), SPACE, { by: 'anna' }), _id: 'contacts:bad-name' },
    ]);
    const report = await anna.sync();
    expect(report.serverRefused).toBe(1);
  });

  it('tells a removed member that access is gone, and a wrong password apart from it', async () => {
    await server.addUser('cora', 'cora-pw');
    await server.createSpace('team-cora', { names: ['cora'] }, validateDocUpdate('team-cora'));
    const db = new KundennahDB(`server-cora-${crypto.randomUUID()}`);
    const deps = (password: string): EngineDeps => ({
      db,
      by: 'cora',
      now: () => new Date(),
      space: {
        name: 'team-cora',
        local: localDb() as unknown as ReplicaDb,
        remote: remoteDb(`${server.url}/team-cora`, { username: 'cora', password }),
      },
    });
    await syncSpace(deps('cora-pw'));
    // No members at all would make the database public (CouchDB): the owner stays.
    await server.setMembers('team-cora', { names: ['anna'] });
    expect(await syncSpace(deps('cora-pw')).then(() => 'ok', classifySyncFailure)).toBe(
      'forbidden',
    );
    expect(await syncSpace(deps('wrong')).then(() => 'ok', classifySyncFailure)).toBe(
      'unauthorized',
    );
  });

  it('says offline when the server cannot be reached', async () => {
    const db = new KundennahDB(`server-offline-${crypto.randomUUID()}`);
    const deps: EngineDeps = {
      db,
      by: 'anna',
      now: () => new Date(),
      space: {
        name: SPACE,
        local: localDb() as unknown as ReplicaDb,
        remote: remoteDb('http://127.0.0.1:9/team-weber', ANNA),
      },
    };
    expect(await syncSpace(deps).then(() => 'ok', classifySyncFailure)).toBe('offline');
  });
});
