// In the dashboard page of a fresh profile: the floor of the first sync — plain PouchDB
// replicating the same space into an IndexedDB copy of this origin, with the same adapters and the
// same signed fetch as the extension, but without Kundennah's bridge (no apply into the app's
// store, no conflict check, no compaction) — and what the app's store holds afterwards.
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import idbAdapter from 'pouchdb-adapter-idb';
import replication from 'pouchdb-replication';
import { DB_NAME, HISTORY_TABLES, KundennahDB } from '../../lib/db/database';
import { accountFetch } from '../../lib/sync/remote';

const Pouch = PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

export async function replicateFloor(url: string, username: string, password: string) {
  const local = new Pouch(`bench-floor-${Date.now()}`, { adapter: 'idb' });
  const remote = new Pouch(url, {
    adapter: 'http',
    skip_setup: true,
    fetch: accountFetch({ username, password }),
  });
  const t0 = performance.now();
  await local.replicate.from(remote);
  const ms = performance.now() - t0;
  const docs = (await local.info()).doc_count;
  await local.destroy();
  return { ms, docs };
}

/** How many rows the app's store holds in each synced table. */
export async function storeCounts(): Promise<Record<string, number>> {
  const open = indexedDB.open(DB_NAME);
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const counts: Record<string, number> = {};
  for (const table of ['contacts', ...HISTORY_TABLES]) {
    const req = db.transaction(table).objectStore(table).count();
    counts[table] = await new Promise<number>((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  }
  db.close();
  return counts;
}

/** Change one contact through the app's store, as a page of the extension does (the outbox sees it). */
export async function touchContact(id: string, text: string): Promise<void> {
  const db = new KundennahDB(DB_NAME);
  await db.contacts.update(id, { preferences: text, updatedAt: new Date().toISOString() });
  db.close();
}

/** A contact's field as the app's store holds it. */
export async function contactField(id: string): Promise<string | undefined> {
  const db = new KundennahDB(DB_NAME);
  const contact = await db.contacts.get(id);
  db.close();
  return contact?.preferences;
}

/**
 * The floor of one change travelling: a document put into one plain copy, replicated to the
 * server, and replicated from there into another copy that asks only for what came since.
 */
export async function oneChangeFloor(url: string, username: string, password: string, doc: object) {
  const remote = () =>
    new Pouch(url, {
      adapter: 'http',
      skip_setup: true,
      fetch: accountFetch({ username, password }),
    });
  const from = new Pouch(`bench-from-${Date.now()}`, { adapter: 'idb' });
  const to = new Pouch(`bench-to-${Date.now()}`, { adapter: 'idb' });
  const since = (await remote().info()).update_seq;
  const t0 = performance.now();
  await from.put(doc);
  await from.replicate.to(remote());
  await to.replicate.from(remote(), { since });
  const ms = performance.now() - t0;
  const arrived = (await to.info()).doc_count;
  await from.destroy();
  await to.destroy();
  return { ms, arrived };
}
