// Runs inside an extension page of the built extension (bundled by tests/bench/import.ts): the
// import page's whole path — file bytes, parse, plan with duplicate detection, one transaction into
// real IndexedDB — next to reading the same file into memory (the floor), with each step timed so
// that the report can say where the time goes.
import './import-jitless';
import { KundennahDB } from '../../lib/db';
import { SCHEMA_VERSIONS } from '../../lib/db/database';
import { applyImport } from '../../lib/db/import';
import { planImport, resolveImport, type ImportDecisions } from '../../lib/io/import-plan';
import { parseContactsFile } from '../../lib/io';
import { generateLinkedInCsv, generateVCards } from '../fixtures/io/generate';

const NAME = 'kundennah-bench-import';
const ROWS = 10_000;

export type Kind = 'linkedin' | 'vcard';

const files: Partial<Record<Kind, File>> = {};

function fileOf(kind: Kind): File {
  files[kind] ??=
    kind === 'linkedin'
      ? new File([generateLinkedInCsv(ROWS)], 'Connections.csv', { type: 'text/csv' })
      : new File([generateVCards(ROWS)], 'contacts.vcf', { type: 'text/vcard' });
  return files[kind] as File;
}

export interface Steps {
  read: number;
  parse: number;
  load: number;
  plan: number;
  write: number;
  total: number;
  contacts: number;
  added: number;
  merged: number;
  unchanged: number;
  similar: number;
}

async function freshDb(): Promise<KundennahDB> {
  await new KundennahDB(NAME).delete();
  const db = new KundennahDB(NAME);
  await db.open();
  return db;
}

/** The whole import as the page does it; `db` may already hold contacts (a re-import). */
async function importFile(db: KundennahDB, kind: Kind): Promise<Steps> {
  const file = fileOf(kind);
  const t0 = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const t1 = performance.now();
  const parsed = parseContactsFile(bytes, file.name);
  const t2 = performance.now();
  const existing = await db.contacts.toArray();
  const t3 = performance.now();
  const plan = planImport(parsed.contacts, existing, new Date());
  // The user's answer for look-alikes: "add all as new" (the generated file has many namesakes).
  const decisions: Record<number, string> = {};
  let similar = 0;
  for (const r of plan.rows)
    if (r.kind === 'similar') {
      decisions[r.index] = 'new';
      similar++;
    }
  const outcome = resolveImport(plan, decisions as ImportDecisions);
  const t4 = performance.now();
  await applyImport(db, outcome, { fileName: file.name, format: parsed.format });
  const t5 = performance.now();
  return {
    read: t1 - t0,
    parse: t2 - t1,
    load: t3 - t2,
    plan: t4 - t3,
    write: t5 - t4,
    total: t5 - t0,
    contacts: parsed.contacts.length,
    added: outcome.added.length,
    merged: outcome.merged.length,
    unchanged: outcome.unchanged.length,
    similar,
  };
}

/** Import into an empty database (the first import). */
export async function firstImport(kind: Kind): Promise<Steps> {
  const db = await freshDb();
  try {
    return await importFile(db, kind);
  } finally {
    db.close();
  }
}

/** The same file again into the database it filled: everything merges, nothing is duplicated. */
export async function reimport(kind: Kind): Promise<Steps> {
  const db = await freshDb();
  try {
    await importFile(db, kind);
    return await importFile(db, kind);
  } finally {
    db.close();
  }
}

/** The contacts store's indexes as the app's latest schema declares them (`*` = multi-entry). */
function contactIndexes(): { name: string; multiEntry: boolean }[] {
  const latest = [...SCHEMA_VERSIONS].reverse().find((v) => v.stores['contacts'])!;
  const [, ...indexes] = latest.stores['contacts']!.split(',').map((s) => s.trim());
  return indexes.map((i) => ({ name: i.replace(/^\*/, ''), multiEntry: i.startsWith('*') }));
}

function rawOpen(name: string, store: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const s = req.result.createObjectStore(store, { keyPath: 'id' });
      for (const i of contactIndexes()) s.createIndex(i.name, i.name, { multiEntry: i.multiEntry });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * What IndexedDB alone needs for the write: the same contacts put with plain IndexedDB into a store
 * with the same indexes, one transaction (nothing of ours in the way).
 */
export async function rawWrite(kind: Kind): Promise<number> {
  const parsed = parseContactsFile(
    new Uint8Array(await fileOf(kind).arrayBuffer()),
    fileOf(kind).name,
  );
  const plan = planImport(parsed.contacts, [], new Date());
  const decisions: Record<number, string> = {};
  for (const r of plan.rows) if (r.kind === 'similar') decisions[r.index] = 'new';
  const rows = resolveImport(plan, decisions).added;
  const name = `${NAME}-raw`;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  const db = await rawOpen(name, 'contacts');
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('contacts', 'readwrite');
    const store = tx.objectStore('contacts');
    for (const r of rows) store.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return ms;
}
