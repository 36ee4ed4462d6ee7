// Runs inside an extension page of the built extension (bundled by the benchmark): the real Dexie
// repository against real IndexedDB, next to raw IndexedDB doing the same reads (the floor).
import { KundennahDB, findByEmail, getAllHistories } from '../../lib/db';
import { median } from './figures';

// The benchmark profile's own database (tests/bench/profile.ts wrote the data).
const NAME = 'kundennah';

async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function rawOpen(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawGetAll(db: IDBDatabase, stores: string[]): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, 'readonly');
    const out: unknown[][] = [];
    stores.forEach((s, i) => {
      const req = tx.objectStore(s).getAll();
      req.onsuccess = () => (out[i] = req.result);
    });
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error);
  });
}

function rawByEmail(db: IDBDatabase, email: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = db.transaction('contacts').objectStore('contacts').index('emails').getAll(email);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function measure(runs: number) {
  const db = new KundennahDB(NAME);
  await db.open();
  const raw = await rawOpen();
  const sample = (await db.contacts.limit(2000).toArray())
    .filter((c) => c.emails.length)
    .slice(0, 200);
  const emails = sample.map((c) => c.emails[0]!.toUpperCase());
  let i = 0;
  const lookup = await timeIt(async () => {
    const hit = await findByEmail(db, emails[i++ % emails.length]!);
    if (!hit.length) throw new Error('lookup missed');
  }, runs * 20);
  let j = 0;
  const lookupFloor = await timeIt(async () => {
    const hit = await rawByEmail(raw, emails[j++ % emails.length]!.toLowerCase());
    if (!hit.length) throw new Error('raw lookup missed');
  }, runs * 20);
  const profiles = sample.flatMap((c) => c.profileUrls).slice(0, 100);
  let k = 0;
  const profileLookup = profiles.length
    ? await timeIt(async () => {
        const url = profiles[k++ % profiles.length]!;
        const hit = await db.contacts.where('profileUrls').equalsIgnoreCase(url).toArray();
        if (!hit.length) throw new Error('profile lookup missed');
      }, runs * 20)
    : NaN;
  const all = await timeIt(() => getAllHistories(db), runs);
  const allFloor = await timeIt(
    () =>
      rawGetAll(raw, [
        'contacts',
        'interactions',
        'commitments',
        'feedback',
        'purchases',
        'followUps',
      ]),
    runs,
  );
  raw.close();
  db.close();
  return { lookup, lookupFloor, profileLookup, all, allFloor };
}
