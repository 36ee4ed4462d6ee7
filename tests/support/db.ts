// A database of its own for each unit test (fake IndexedDB): open, empty, with a unique name; the
// test deletes it afterwards (`afterEach(() => db.delete())`).
import { KundennahDB } from '@/lib/db';

export async function openFreshDb(): Promise<KundennahDB> {
  const db = new KundennahDB(`test-${crypto.randomUUID()}`);
  await db.open();
  return db;
}
