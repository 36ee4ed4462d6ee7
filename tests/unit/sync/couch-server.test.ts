// @vitest-environment node
// The CouchDB stand-in of the sync tests (tests/support/couch-server.ts) answers like CouchDB 3 in
// everything the sync code relies on: membership, status codes, validation, replication, conflicts.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDb, remoteDb, startCouchServer, type CouchServer } from '../../support/couch-server';

const ANNA = { username: 'anna', password: 'anna-pw' };
const BEN = { username: 'ben', password: 'ben-pw' };
const CORA = { username: 'cora', password: 'cora-pw' };

/** A validate_doc_update that accepts only documents of the space `db`. */
const onlySpace = (db: string): string =>
  `function (newDoc) {
    if (!newDoc._deleted && newDoc.space !== ${JSON.stringify(db)}) {
      throw { forbidden: 'This document belongs to another space.' };
    }
  }`;

interface Note {
  _id: string;
  _rev: string;
  _conflicts?: string[];
  space: string;
  text: string;
}

type Db = ReturnType<typeof localDb>;

/** A document as stored, with its conflicting revisions. */
const read = async (db: Db, id: string) => (await db.get(id, { conflicts: true })) as Note;

let couch: CouchServer;
const remote = (db: string, user: { username: string; password: string }) =>
  remoteDb(`${couch.url}/${db}`, user);

beforeAll(async () => {
  couch = await startCouchServer();
  for (const user of [ANNA, BEN, CORA]) await couch.addUser(user.username, user.password);
});

afterAll(() => couch?.close());

describe('the CouchDB stand-in', () => {
  it('answers on 127.0.0.1 like CouchDB, with the admin party over', async () => {
    // The stand-in's root names express-pouchdb; CouchDB's says `"couchdb": "Welcome"` (the same
    // tests run against a real one, tests/support/couch-server.ts).
    const root = await fetch(`${couch.url}/`);
    expect(root.status).toBe(200);
    const welcome = (await root.json()) as Record<string, unknown>;
    expect(String(welcome['express-pouchdb'] ?? welcome.couchdb)).toMatch(/^Welcome/);

    // Only a server admin reads the configuration; in an admin party anyone would.
    expect((await fetch(`${couch.url}/_config`)).status).toBe(401);
    const auth = Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64');
    const asAdmin = await fetch(`${couch.url}/_config`, {
      headers: { Authorization: `Basic ${auth}` },
    });
    expect(asAdmin.status).toBe(200);
  });

  it('lets a member write and read its space, by name or by role', async () => {
    await couch.addUser('dora', 'dora-pw', ['team-red']);
    await couch.createSpace('space-rw', { names: ['anna'], roles: ['team-red'] });

    await remote('space-rw', ANNA).put({ _id: 'n1', space: 'space-rw', text: 'hello' });
    const byRole = await read(remote('space-rw', { username: 'dora', password: 'dora-pw' }), 'n1');
    expect(byRole.text).toBe('hello');
  });

  it('answers 403 forbidden to a logged-in non-member', async () => {
    await couch.createSpace('space-closed', { names: ['anna'] });
    const outsider = remote('space-closed', CORA);
    await expect(outsider.get('n1')).rejects.toMatchObject({ status: 403, name: 'forbidden' });
    await expect(outsider.put({ _id: 'n2', space: 'space-closed' })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('answers 401 unauthorized to a wrong password', async () => {
    await couch.createSpace('space-pw', { names: ['anna'] });
    const wrong = remote('space-pw', { username: 'anna', password: 'not-it' });
    await expect(wrong.get('n1')).rejects.toMatchObject({ status: 401, name: 'unauthorized' });
  });

  it('refuses a non-admin creating a database and keeps running', async () => {
    const auth = Buffer.from(`${ANNA.username}:${ANNA.password}`).toString('base64');
    const res = await fetch(`${couch.url}/space-by-anna`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${auth}` },
    });
    expect(res.status).toBe(401);
    expect((await fetch(`${couch.url}/`)).status).toBe(200);
  });

  it('enforces validate_doc_update on a PUT and on a sync', async () => {
    await couch.createSpace('space-vdu', { names: ['anna'] }, onlySpace('space-vdu'));
    const server = remote('space-vdu', ANNA);
    await expect(server.put({ _id: 'x1', space: 'space-other' })).rejects.toMatchObject({
      status: 403,
      name: 'forbidden',
    });

    const local = localDb();
    await local.bulkDocs([
      { _id: 'own', space: 'space-vdu', text: 'mine' },
      { _id: 'foreign', space: 'space-other', text: 'not here' },
    ]);
    const result = await local.sync(server);
    expect(result.push?.docs_written).toBe(1);
    expect(result.push?.doc_write_failures).toBe(1);
    expect(result.push?.errors).toEqual([expect.objectContaining({ name: 'forbidden' })]);
    await expect(server.get('foreign')).rejects.toMatchObject({ status: 404 });
    expect((await read(server, 'own')).text).toBe('mine');
  });

  it('lets two devices converge and shows both the same conflict', async () => {
    // With a validate_doc_update in place: the one that used to drop replicated updates.
    await couch.createSpace('space-sync', { names: ['anna', 'ben'] }, onlySpace('space-sync'));
    const a = localDb();
    const b = localDb();
    const syncA = () => a.sync(remote('space-sync', ANNA));
    const syncB = () => b.sync(remote('space-sync', BEN));

    await a.put({ _id: 'c1', space: 'space-sync', text: 'first' });
    await syncA();
    await syncB();
    const atB = await read(b, 'c1');
    expect(atB.text).toBe('first');

    await a.put({ ...(await read(a, 'c1')), text: 'edited by anna' });
    await b.put({ ...atB, text: 'edited by ben' });
    await syncA();
    await syncB();
    await syncA();

    const seenByA = await read(a, 'c1');
    const seenByB = await read(b, 'c1');
    const onServer = await read(remote('space-sync', ANNA), 'c1');
    expect(seenByA._conflicts).toHaveLength(1);
    expect(seenByB._conflicts).toEqual(seenByA._conflicts);
    expect(onServer._conflicts).toEqual(seenByA._conflicts);
    expect(seenByB._rev).toBe(seenByA._rev);
    expect(seenByB.text).toBe(seenByA.text);
  });

  it('fails the next sync of a removed member with 403', async () => {
    await couch.createSpace('space-team', { names: ['anna', 'ben'] });
    const b = localDb();
    await b.put({ _id: 'n1', space: 'space-team', text: 'from ben' });
    await b.sync(remote('space-team', BEN));

    await couch.setMembers('space-team', { names: ['anna'] });
    await b.put({ _id: 'n2', space: 'space-team', text: 'too late' });
    await expect(b.sync(remote('space-team', BEN))).rejects.toMatchObject({
      status: 403,
      name: 'forbidden',
    });
    expect((await read(remote('space-team', ANNA), 'n1')).text).toBe('from ben');
  });

  it('emulates couch_peruser: userdb-<hex of the name>, only for that user', async () => {
    expect(couch.userDb('anna')).toBe('userdb-616e6e61');
    await couch.createUserDb('anna');
    const own = remote(couch.userDb('anna'), ANNA);
    await own.put({ _id: 'settings', space: 'private' });
    expect((await read(own, 'settings'))._id).toBe('settings');
    await expect(remote(couch.userDb('anna'), BEN).get('settings')).rejects.toMatchObject({
      status: 403,
    });
  });

  it('frees its port on close', async () => {
    const other = await startCouchServer({ adminName: 'root', adminPassword: 'root-pw' });
    expect(other.admin).toEqual({ name: 'root', password: 'root-pw' });
    const port = Number(new URL(other.url).port);
    await other.close();

    await expect(fetch(`${other.url}/`)).rejects.toThrow();
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});
