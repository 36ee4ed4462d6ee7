// A database written by schema version 1 (the committed fixture stands for data users already have)
// opens with the current schema with every record intact, and its data is usable: a backup of it
// validates and restores.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KundennahDB,
  SCHEMA_VERSIONS,
  getAllHistories,
  getSettings,
  validateHistories,
} from '@/lib/db';
import { checkBackup, makeBackup } from '@/lib/db/backup-restore';
import { serializeBackup } from '@/lib/io';

const FIXTURE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/db/v1-demo-2026-11.json',
);
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
};
const V1_TABLES = Object.keys(SCHEMA_VERSIONS[0]!.stores);

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const keyOf = (r: Record<string, unknown>) => String(r.id ?? r.key);
const sorted = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));

/** Written the way version 1 of the app wrote: its schema, no bookkeeping of later versions. */
async function writeV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  await v1.transaction('rw', V1_TABLES, async () => {
    for (const t of V1_TABLES) await v1.table(t).bulkAdd(fixture.tables[t] ?? []);
  });
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('a version-1 database from the fixture', () => {
  it('covers every table of version 1 with rows', () => {
    expect(fixture.schemaVersion).toBe(1);
    for (const t of V1_TABLES) expect(fixture.tables[t]?.length, t).toBeGreaterThan(0);
  });

  it('reopens with the current schema with every record of every table intact', async () => {
    const name = `v1-fixture-${crypto.randomUUID()}`;
    names.push(name);
    await writeV1(name);

    const current = new KundennahDB(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const t of V1_TABLES)
      expect(sorted(await current.table(t).toArray()), t).toEqual(sorted(fixture.tables[t]!));

    // Still valid for today's model, and the app reads it as before.
    const histories = await getAllHistories(current);
    expect(histories).toHaveLength(fixture.tables.contacts!.length);
    expect(() => validateHistories(histories)).not.toThrow();
    expect((await getSettings(current)).tierMode).toBe('value');
    // Indexes of version 1 work on upgraded rows: by e-mail, by profile URL.
    expect(
      (await current.contacts.where('emails').equals('cagla@weiss-obrien.de').toArray()).map(
        (c) => c.id,
      ),
    ).toEqual(['v1-edge-0001']);
    expect(
      await current.contacts
        .where('profileUrls')
        .equals('https://www.linkedin.com/in/cagla-weiss')
        .count(),
    ).toBe(1);
    current.close();
  });

  it('can be backed up after the upgrade, and that backup validates', async () => {
    const name = `v1-fixture-${crypto.randomUUID()}`;
    names.push(name);
    await writeV1(name);
    const current = new KundennahDB(name);
    await current.open();
    const text = serializeBackup(await makeBackup(current, new Date('2026-11-22T10:00:00.000Z')));
    const checked = checkBackup(current, text);
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.backup.tables.interactions!.length).toBe(
      fixture.tables.interactions!.length,
    );
    current.close();
  });
});
