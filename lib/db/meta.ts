import { guardWrite } from './errors';
import type { KundennahDB } from './database';

export async function getMeta<T>(db: KundennahDB, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: KundennahDB, key: string, value: unknown): Promise<void> {
  await guardWrite(() => db.meta.put({ key, value }));
}
