// The sync outbox: while sync is on, every write to a synced table names its row, in the same
// transaction; sync's own writes and writes with sync off name nothing.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KundennahDB } from '@/lib/db/database';
import { SYNC_ON_KEY, markFromSync } from '@/lib/db/outbox';
import { setMeta } from '@/lib/db/meta';
import type { Interaction } from '@/lib/model';
import { contact } from '../../support/contacts';

const dbs: KundennahDB[] = [];
async function freshDb(syncOn: boolean): Promise<KundennahDB> {
  const db = new KundennahDB(`outbox-${crypto.randomUUID()}`);
  dbs.push(db);
  if (syncOn) await setMeta(db, SYNC_ON_KEY, { on: true });
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const call = (id: string, contactId: string): Interaction =>
  ({
    id,
    contactId,
    at: '2026-03-02T09:00:00.000Z',
    channel: 'phone',
    direction: 'out',
    personal: true,
  }) as Interaction;

const keys = async (db: KundennahDB) => (await db.outbox.toArray()).map((r) => r.key).sort();

describe('the sync outbox', () => {
  it('names every row written, changed and deleted while sync is on, once per row', async () => {
    const db = await freshDb(true);
    await db.contacts.bulkPut([contact('c1'), contact('c2')]);
    await db.interactions.put(call('i1', 'c1'));
    await db.contacts.update('c1', { notes: 'Segelt' });
    await db.contacts.where('id').equals('c2').modify({ notes: 'x' });
    await db.interactions.delete('i1');
    expect(await keys(db)).toEqual(['contacts:c1', 'contacts:c2', 'interactions:i1']);
    expect((await db.outbox.get('interactions:i1'))?.table).toBe('interactions');
  });

  it('names rows a range delete removes', async () => {
    const db = await freshDb(true);
    await db.interactions.bulkPut([call('i1', 'c1'), call('i2', 'c1'), call('i3', 'c2')]);
    await db.outbox.clear();
    await db.interactions.where('contactId').equals('c1').delete();
    await db.interactions.clear();
    expect(await keys(db)).toEqual(['interactions:i1', 'interactions:i2', 'interactions:i3']);
  });

  it('names nothing when the write is undone with its transaction', async () => {
    const db = await freshDb(true);
    await db
      .transaction('rw', db.contacts, async () => {
        await db.contacts.put(contact('c9'));
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await keys(db)).toEqual([]);
  });

  it('names nothing of sync’s own writes, of derived rows, or while sync is off', async () => {
    const on = await freshDb(true);
    await on.transaction('rw', on.contacts, async (tx) => {
      markFromSync(tx.idbtrans);
      await on.contacts.put(contact('from-server'));
    });
    await on.summaries.put({ contactId: 'c1' } as never);
    expect(await keys(on)).toEqual([]);
    const off = await freshDb(false);
    await off.contacts.put(contact('c1'));
    expect(await keys(off)).toEqual([]);
  });
});
