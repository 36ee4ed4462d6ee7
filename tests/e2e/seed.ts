// Test data goes in through the extension's own origin: validated with the model's schemas in Node,
// then written with plain IndexedDB from an extension page (the database Dexie created). The same
// helpers serve both browsers: they need only an extension page that evaluates a function.
import { validateHistories } from '../../lib/db/repo';
import {
  OccasionSchema,
  validate,
  type ContactHistory,
  type ContactInput,
  type OccasionInput,
} from '../../lib/model';

/** An extension page that runs a function in itself (a Playwright or a puppeteer page). */
export interface ScriptedPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** Opens pages of the installed extension (the Chromium harness or a cross-browser driver). */
export interface ExtensionPages {
  openPage(path: string): Promise<ScriptedPage>;
}

/** Open the dashboard and wait until it has created the database. */
async function openDatabasePage(ext: ExtensionPages): Promise<ScriptedPage> {
  const page = await ext.openPage('options.html');
  await page.evaluate(async () => {
    while (!(await indexedDB.databases()).some((d) => d.name === 'kundennah'))
      await new Promise((resolve) => setTimeout(resolve, 50));
  }, null);
  return page;
}

export type HistoryInput = {
  contact: Partial<ContactInput> & { id: string; name: string };
} & Partial<Omit<ContactHistory, 'contact'>>;

export function history(input: HistoryInput): ContactHistory {
  const stamp = '2025-01-15T09:00:00.000Z';
  const [valid] = validateHistories([
    {
      contact: {
        createdAt: stamp,
        updatedAt: stamp,
        ...input.contact,
      } as ContactHistory['contact'],
      interactions: input.interactions ?? [],
      commitments: input.commitments ?? [],
      feedback: input.feedback ?? [],
      purchases: input.purchases ?? [],
      followUps: input.followUps ?? [],
    },
  ]);
  return valid!;
}

/** Write histories into the extension's database (opening the dashboard first creates it). */
export async function seed(ext: ExtensionPages, histories: ContactHistory[]): Promise<void> {
  const page = await openDatabasePage(ext);
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kundennah');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const attached = ['interactions', 'commitments', 'feedback', 'purchases', 'followUps'] as const;
    const tx = db.transaction(['contacts', ...attached], 'readwrite');
    for (const h of rows) {
      tx.objectStore('contacts').put(h.contact);
      for (const t of attached) for (const r of h[t]) tx.objectStore(t).put(r);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, histories);
  // Tell the background what changed, as every page does after its own writes, and wait until the
  // derived rows (agenda, summaries) include it.
  await notifyBackground(page, {
    contactIds: histories.map((h) => h.contact.id),
    tables: ['contacts', 'interactions', 'commitments', 'feedback', 'purchases', 'followUps'],
  });
  await page.close();
}

/** Put rows into one table of the extension's database from an extension page, then tell the
 * background, as every page does after its own writes. */
async function putRows(ext: ExtensionPages, table: string, rows: unknown[]): Promise<void> {
  const page = await openDatabasePage(ext);
  await page.evaluate(
    async ({ table, rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kundennah');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(table, 'readwrite');
      for (const row of rows) tx.objectStore(table).put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { table, rows },
  );
  await notifyBackground(page, { contactIds: [], tables: [table] });
  await page.close();
}

/** Store settings the way the settings page does (only what is set; defaults fill the rest). */
export async function seedSettings(
  ext: ExtensionPages,
  values: Record<string, unknown>,
): Promise<void> {
  await putRows(ext, 'settings', [{ id: 'settings', values }]);
}

type Sender = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

/** Send the background the change message pages send, then wait for its derived rows. */
export async function notifyBackground(
  page: ScriptedPage,
  change: { contactIds: string[]; tables: string[] },
): Promise<void> {
  await page.evaluate(async (c) => {
    const { chrome } = globalThis as unknown as Sender;
    await chrome.runtime.sendMessage({ type: 'page:data-changed', ...c });
    await chrome.runtime.sendMessage({ type: 'page:ensure-fresh' });
  }, change);
}

/** Every row of some tables, read from an extension page (what the extension really stored). */
export async function readTables<T extends string>(
  ext: ExtensionPages,
  tables: readonly T[],
): Promise<Record<T, Record<string, unknown>[]>> {
  const page = await openDatabasePage(ext);
  const rows = await page.evaluate(
    async (names) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kundennah');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(names, 'readonly');
      const out: Record<string, unknown[]> = {};
      await Promise.all(
        names.map(
          (n) =>
            new Promise<void>((resolve, reject) => {
              const req = tx.objectStore(n).getAll();
              req.onsuccess = () => {
                out[n] = req.result;
                resolve();
              };
              req.onerror = () => reject(req.error);
            }),
        ),
      );
      db.close();
      return out;
    },
    tables as readonly string[] as string[],
  );
  await page.close();
  return rows as Record<T, Record<string, unknown>[]>;
}

/** Write occasions into the extension's database, validated by the model. */
export async function seedOccasions(ext: ExtensionPages, input: OccasionInput[]): Promise<void> {
  await putRows(
    ext,
    'occasions',
    input.map((o) => validate(OccasionSchema, o, 'occasion')),
  );
}
