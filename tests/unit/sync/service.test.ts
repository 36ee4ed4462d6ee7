// @vitest-environment node
// Sync as a device runs it: turning it on sends what was stored before, the state says when it last
// worked and since when it fails, and turning it off stops recording.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KundennahDB } from '@/lib/db/database';
import { setContactSpace } from '@/lib/db/repo';
import type { ReplicaDb } from '@/lib/sync/engine';
import { validateDocUpdate } from '@/lib/sync/server-design';
import {
  createSyncService,
  originPattern,
  serverAddressProblem,
  type SyncAccount,
} from '@/lib/sync/service';
import { localDb, remoteDb, startCouchServer, type CouchServer } from '../../support/couch-server';
import { contact } from '../../support/contacts';

const SPACE = 'team-service';
let server: CouchServer;

beforeAll(async () => {
  server = await startCouchServer();
  await server.addUser('anna', 'anna-pw');
  await server.createSpace(SPACE, { names: ['anna'] }, validateDocUpdate(SPACE));
});
afterAll(async () => {
  await server?.close();
});

/** A device: its store, its copies, the clock at `now`, whether the browser lets it reach the server. */
function device(now = () => new Date(), reach = () => true) {
  const db = new KundennahDB(`service-${crypto.randomUUID()}`);
  const copies = new Map<string, ReplicaDb>();
  const service = createSyncService({
    db,
    now,
    localCopy: (space) => {
      let copy = copies.get(space);
      if (!copy) copies.set(space, (copy = localDb() as unknown as ReplicaDb));
      return copy;
    },
    remote: (a: SyncAccount, space: string) =>
      remoteDb(`${a.server}/${space}`, { username: a.username, password: a.password }),
    dropCopy: async (space) => {
      const copy = copies.get(space) as unknown as { destroy(): Promise<unknown> } | undefined;
      copies.delete(space);
      await copy?.destroy();
    },
    canReach: () => Promise.resolve(reach()),
  });
  return { db, service, copies };
}

const account = (password = 'anna-pw'): SyncAccount => ({
  server: server.url,
  username: 'anna',
  password,
  space: SPACE,
});

describe('sync on a device', () => {
  it('sends what was stored before sync was turned on, and the other device receives it', async () => {
    const laptop = device();
    await laptop.db.contacts.bulkPut([contact('s1'), contact('s2')]);
    await laptop.service.turnOn(account());
    expect((await laptop.service.status()).pending).toBe(2);
    const state = await laptop.service.syncNow();
    expect(state.failure).toBeUndefined();
    expect(state.lastSyncAt).toBeDefined();
    expect((await laptop.service.status()).pending).toBe(0);

    const desktop = device();
    await desktop.service.turnOn(account());
    await desktop.service.syncNow();
    expect((await desktop.db.contacts.toArray()).map((c) => c.id).sort()).toEqual(['s1', 's2']);
  });

  it('lets a colleague’s deletion beat old data a device brings when it turns sync on late', async () => {
    await server.createSpace('team-late', { names: ['anna'] }, validateDocUpdate('team-late'));
    const late = (password = 'anna-pw'): SyncAccount => ({
      ...account(password),
      space: 'team-late',
    });
    const old = contact('late-1', { updatedAt: '2026-03-01T09:00:00.000Z' });
    const first = device(() => new Date('2026-03-02T09:00:00.000Z'));
    await first.db.contacts.put(old);
    await first.service.turnOn(late());
    await first.service.syncNow();
    const second = device(() => new Date('2026-03-10T09:00:00.000Z'));
    await second.db.contacts.put(old); // the same contact, from an earlier backup
    // The colleague deletes it on 5 March (the outbox reads the clock) …
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-05T09:00:00.000Z'));
    await first.db.contacts.delete('late-1');
    vi.useRealTimers();
    // … and the late device turns sync on on 10 March.
    await first.service.syncNow();
    await second.service.turnOn(late());
    await second.service.syncNow();
    await first.service.syncNow();
    expect(await second.db.contacts.get('late-1')).toBeUndefined();
    expect(await first.db.contacts.get('late-1')).toBeUndefined();
  });

  it('shows the account without its password', async () => {
    const d = device();
    await d.service.turnOn(account());
    const status = await d.service.status();
    expect(status.on).toBe(true);
    expect(status.account).toEqual({ server: server.url, username: 'anna', space: SPACE });
  });

  it('says since when sync fails, and forgets it after the next success', async () => {
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const d = device(() => clock);
    await d.service.turnOn(account('wrong'));
    expect(await d.service.syncNow()).toMatchObject({
      failure: 'unauthorized',
      failingSince: '2026-03-02T09:00:00.000Z',
    });
    clock = new Date('2026-03-03T09:00:00.000Z');
    expect((await d.service.syncNow()).failingSince).toBe('2026-03-02T09:00:00.000Z');
    await d.service.turnOn(account());
    const ok = await d.service.syncNow();
    expect(ok.failure).toBeUndefined();
    expect(ok.failingSince).toBeUndefined();
  });

  it('runs one sync at a time: asking again while one runs waits for it', async () => {
    const d = device();
    await d.service.turnOn(account());
    const [a, b] = [d.service.syncNow(), d.service.syncNow()];
    expect(a).toBe(b);
    await a;
  });

  it('says so when the browser no longer lets it contact the server, and sends nothing', async () => {
    let permitted = true;
    const d = device(
      () => new Date('2026-03-02T09:00:00.000Z'),
      () => permitted,
    );
    await d.db.contacts.put(contact('p1'));
    await d.service.turnOn(account());
    permitted = false;
    expect(await d.service.syncNow()).toMatchObject({
      failure: 'no-permission',
      failingSince: '2026-03-02T09:00:00.000Z',
    });
    expect((await d.service.status()).pending).toBe(1);
    permitted = true;
    expect((await d.service.syncNow()).failure).toBeUndefined();
    expect((await d.service.status()).pending).toBe(0);
  });

  it('tells while a sync runs', async () => {
    const d = device();
    await d.service.turnOn(account());
    const running = d.service.syncNow();
    expect((await d.service.status()).running).toBe(true);
    await running;
    expect((await d.service.status()).running).toBe(false);
  });

  it('records nothing more once turned off, keeps the data, and names the copy to remove', async () => {
    const d = device();
    await d.db.contacts.put(contact('k1'));
    await d.service.turnOn(account());
    expect(await d.service.turnOff()).toEqual([SPACE]);
    await d.db.contacts.put(contact('k2'));
    expect(await d.service.status()).toMatchObject({ on: false, pending: 0 });
    expect(await d.db.contacts.count()).toBe(2);
    expect(d.copies.size).toBe(0);
  });

  it('lets a running sync finish before it removes the copy that sync uses', async () => {
    const d = device();
    await d.db.contacts.bulkPut(Array.from({ length: 30 }, (_, i) => contact(`t${i}`)));
    await d.service.turnOn(account());
    const syncing = d.service.syncNow();
    const off = d.service.turnOff();
    expect((await syncing).failure).toBeUndefined();
    expect(await off).toEqual([SPACE]);
    expect(d.copies.size).toBe(0);
    expect(await d.service.status()).toMatchObject({ on: false, pending: 0, running: false });
  });
});

describe('the server address', () => {
  it('is asked for as its scheme and host, every port (match patterns name none)', () => {
    expect(originPattern('https://couch.kanzlei-weber.de/')).toBe(
      'https://couch.kanzlei-weber.de/*',
    );
    expect(originPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
  });

  it('must be TLS unless the server runs on this machine', () => {
    expect(serverAddressProblem('https://couch.kanzlei-weber.de')).toBeNull();
    expect(serverAddressProblem('http://127.0.0.1:5984')).toBeNull();
    expect(serverAddressProblem('http://couch.kanzlei-weber.de')).toBe('not-https');
    expect(serverAddressProblem('ftp://couch.kanzlei-weber.de')).toBe('not-https');
    expect(serverAddressProblem('couch.kanzlei-weber.de')).toBe('invalid');
    expect(serverAddressProblem('https://anna:pw@couch.kanzlei-weber.de')).toBe('invalid');
  });
});

describe('team spaces', () => {
  const interaction = (id: string, contactId: string) => ({
    id,
    contactId,
    at: '2026-03-02T09:00:00.000Z',
    channel: 'phone' as const,
    direction: 'out' as const,
    personal: true,
    summary: `Anruf ${id}`,
  });

  it('share a contact with its history with the space’s members only, follow a move, and leave a removed member’s device', async () => {
    await server.addUser('ben', 'ben-pw');
    for (const name of ['anna', 'ben']) await server.createUserDb(name);
    await server.createSpace(
      'team-nord',
      { names: ['anna', 'ben'] },
      validateDocUpdate('team-nord'),
    );
    const of = (name: string, password: string): SyncAccount => ({
      server: server.url,
      username: name,
      password,
      space: server.userDb(name),
      teams: ['team-nord'],
    });
    const anna = device();
    const ben = device();
    await anna.service.turnOn(of('anna', 'anna-pw'));
    await ben.service.turnOn(of('ben', 'ben-pw'));
    await ben.db.contacts.put(contact('ben-own'));
    await anna.db.contacts.bulkPut([contact('private-1'), contact('shared-1')]);
    await anna.db.interactions.bulkPut([
      interaction('i-private', 'private-1'),
      interaction('i-shared', 'shared-1'),
    ]);
    await setContactSpace(anna.db, 'shared-1', 'team-nord', new Date());
    const both = async () => {
      for (const d of [anna, ben, anna, ben])
        expect((await d.service.syncNow()).failure).toBeUndefined();
    };
    const ids = async (d: typeof anna) => ({
      contacts: (await d.db.contacts.toArray()).map((c) => c.id).sort(),
      interactions: (await d.db.interactions.toArray()).map((i) => i.id).sort(),
    });

    await both();
    expect(await ids(ben)).toEqual({
      contacts: ['ben-own', 'shared-1'],
      interactions: ['i-shared'],
    });
    expect((await ben.db.contacts.get('shared-1'))?.space).toBe('team-nord');
    // Anna never receives Ben's own contact.
    expect((await ids(anna)).contacts).toEqual(['private-1', 'shared-1']);

    // Back into Anna's own space: it leaves Ben's device, and stays on Anna's.
    await setContactSpace(anna.db, 'shared-1', undefined, new Date());
    await both();
    expect(await ids(ben)).toEqual({ contacts: ['ben-own'], interactions: [] });
    expect(await ids(anna)).toEqual({
      contacts: ['private-1', 'shared-1'],
      interactions: ['i-private', 'i-shared'],
    });

    // Shared again, then Ben is no longer a member: his next sync removes the space's contacts.
    await setContactSpace(anna.db, 'shared-1', 'team-nord', new Date());
    await both();
    expect((await ids(ben)).contacts).toEqual(['ben-own', 'shared-1']);
    await server.setMembers('team-nord', { names: ['anna'] });
    const state = await ben.service.syncNow();
    expect(state.failure).toBeUndefined();
    expect(state.lost).toEqual(['team-nord']);
    expect(await ids(ben)).toEqual({ contacts: ['ben-own'], interactions: [] });
    expect((await ben.service.status()).account?.teams).toEqual([]);
    // Nothing of the wipe travels: Anna keeps the contact.
    await anna.service.syncNow();
    expect((await ids(anna)).contacts).toEqual(['private-1', 'shared-1']);
    // Ben is told until he has read it, not only until his next sync.
    expect((await ben.service.syncNow()).lost).toEqual(['team-nord']);
    await ben.service.seenLost();
    expect((await ben.service.status()).state.lost).toBeUndefined();
    expect((await ben.service.syncNow()).lost).toBeUndefined();
  });
});
