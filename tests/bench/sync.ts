// Sync with the benchmark data (issue 17): the first sync of 10,000 contacts with 270,000 records
// into an empty second device, and one change travelling from one device to the other through the
// server, each next to a floor measured in the same run — plain PouchDB replicating the same
// documents into the same browser, without Kundennah's bridge. The server is the tests' stand-in
// (express-pouchdb over memory, tests/support/couch-server.ts) on this machine.
import type { Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '../../lib/model';
import { rowToDoc, type SyncedTable } from '../../lib/sync/docs';
import { stampContact } from '../../lib/sync/merge';
import { basicAuthorization } from '../../lib/sync/remote';
import { grantedBuild } from '../e2e/granted-build';
import { launchExtension, type Extension } from '../e2e/harness';
import { generateBenchData } from '../support/bench-data';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { bundleForPage } from './chromium';
import { contactsOpenFigure } from './dashboard';
import { median, type Figure } from './figures';
import { insightsFigures } from './insights';
import { panelFigures, withFloorPage } from './panel';
import { popupFigures } from './popup';

const SPACE = 'bench-team';
const USER = { username: 'anna', password: 'anna-pw' };
const SEED_BATCH = 5_000;

/** The benchmark data as the documents a device that synced it first would have written. */
function benchDocs(now: Date): object[] {
  const at = now.toISOString();
  const docs: object[] = [];
  const tables: [SyncedTable, keyof ReturnType<typeof generateBenchData>[number]][] = [
    ['interactions', 'interactions'],
    ['commitments', 'commitments'],
    ['feedback', 'feedback'],
    ['purchases', 'purchases'],
    ['followUps', 'followUps'],
  ];
  for (const h of generateBenchData({ now, timeZone: 'Europe/Berlin' })) {
    const contact = h.contact as Contact;
    const fieldAt = stampContact(undefined, contact).fieldAt;
    docs.push({ ...rowToDoc('contacts', contact, SPACE, { by: USER.username, fieldAt }), at });
    for (const [table, key] of tables)
      for (const row of h[key] as { id: string }[])
        docs.push({ ...rowToDoc(table, row, SPACE, { by: USER.username }), at });
  }
  return docs;
}

async function seed(server: CouchServer, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += SEED_BATCH) {
    const res = await fetch(`${server.url}/${SPACE}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basicAuthorization(USER) },
      body: JSON.stringify({ docs: docs.slice(i, i + SEED_BATCH) }),
    });
    if (res.status !== 201) throw new Error(`seeding the bench space: ${res.status}`);
    if (i === 0) console.log(`  seeding the server: ${SEED_BATCH} of ${docs.length} documents…`);
  }
}

type Sender = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

/** Ask the device's background for sync (as the sync page does); milliseconds until it answered. */
async function ask(page: Page, request: object): Promise<number> {
  return page.evaluate(async (r) => {
    const t0 = performance.now();
    const reply = (await (globalThis as unknown as Sender).chrome.runtime.sendMessage({
      type: 'page:sync',
      request: r,
    })) as { ok: boolean; error?: string; status?: { state: { failure?: string } } };
    if (!reply.ok || reply.status?.state.failure)
      throw new Error(`sync failed: ${reply.error ?? reply.status?.state.failure}`);
    return performance.now() - t0;
  }, request);
}

type BenchApi = {
  __knBench: {
    replicateFloor(url: string, u: string, p: string): Promise<{ ms: number; docs: number }>;
    storeCounts(): Promise<Record<string, number>>;
    touchContact(id: string, text: string): Promise<void>;
    contactField(id: string): Promise<string | undefined>;
    oneChangeFloor(
      url: string,
      u: string,
      p: string,
      doc: object,
    ): Promise<{ ms: number; arrived: number }>;
  };
};

export async function syncFigures(now: Date): Promise<Figure[]> {
  const server = await startCouchServer();
  const build = grantedBuild();
  const devices: Extension[] = [];
  const cleanup: string[] = [];
  try {
    // The empty page the panel's floor shows, in this build too (the figures with sync on).
    return await withFloorPage(async () => {
      await server.addUser(USER.username, USER.password);
      // No design document: the device only pulls here, and the stand-in runs a validation for each
      // of 280,000 seeded documents far slower than CouchDB does.
      await server.createSpace(SPACE, { names: [USER.username] });
      const docs = benchDocs(now);
      const t0 = performance.now();
      await seed(server, docs);
      console.log(
        `  ${docs.length} documents on the server in ${Math.round((performance.now() - t0) / 1000)} s`,
      );
      const on = { action: 'on', server: server.url, ...USER, space: SPACE, teams: [] };

      const device = async (profileDir: string) => {
        const ext = await launchExtension({ extensionDir: build, profileDir });
        devices.push(ext);
        const page = await ext.openPage('options.html');
        await page.evaluate(await bundleForPage('tests/bench/sync-page.ts'));
        return { ext, page };
      };
      const profiles = [
        mkdtempSync(join(tmpdir(), 'kn-bench-sync-a-')),
        mkdtempSync(join(tmpdir(), 'kn-bench-sync-b-')),
      ];
      cleanup.push(...profiles);
      const a = await device(profiles[0]!);
      // The floor first: after the first sync the worker recomputes every derived row, which would
      // slow a floor measured then.
      const floor = await a.page.evaluate(
        ([url, u, p]) => (globalThis as unknown as BenchApi).__knBench.replicateFloor(url!, u!, p!),
        [`${server.url}/${SPACE}`, USER.username, USER.password],
      );
      // Turning sync on answers at once; asking for a sync then waits for the first one. Its
      // progress is printed every 30 s (from a second page: the first one waits).
      const watcher = await a.ext.openPage('options.html');
      const startedAt = performance.now();
      const watch = setInterval(() => {
        void watcher
          .evaluate(() =>
            (globalThis as unknown as Sender).chrome.runtime.sendMessage({
              type: 'page:sync',
              request: { action: 'status' },
            }),
          )
          .then((reply) => {
            const p = (reply as { status?: { progress?: { received: number; applied: number } } })
              .status?.progress;
            const s = Math.round((performance.now() - startedAt) / 1000);
            console.log(
              `    ${s} s: ${p ? `${p.received} received, ${p.applied} stored` : 'after the exchange'}`,
            );
          })
          .catch(() => undefined);
      }, 30_000);
      const firstSync = await (async () => {
        try {
          return (await ask(a.page, on)) + (await ask(a.page, { action: 'now' }));
        } finally {
          clearInterval(watch);
        }
      })();
      await watcher.close();
      const counts = await a.page.evaluate(() =>
        (globalThis as unknown as BenchApi).__knBench.storeCounts(),
      );
      const stored = Object.values(counts).reduce((x, y) => x + y, 0);
      if (counts.contacts !== 10_000 || stored !== docs.length)
        throw new Error(`the first sync stored ${JSON.stringify(counts)}`);
      console.log(
        `  first sync ${Math.round(firstSync / 1000)} s (${stored} rows), plain replication ${Math.round(floor.ms / 1000)} s (${floor.docs} documents)`,
      );

      // The second device: a copy of the first, closed (as a second computer after its first sync).
      await a.ext.close();
      cpSync(profiles[0]!, profiles[1]!, { recursive: true });
      const one = await device(profiles[0]!);
      const two = await device(profiles[1]!);
      const contactId = (docs[0] as { row: { id: string } }).row.id;
      const travel: number[] = [];
      for (let i = 0; i < 5; i++) {
        const text = `Bench-Änderung ${i}`;
        const t0 = performance.now();
        await one.page.evaluate(
          ([id, t]) => (globalThis as unknown as BenchApi).__knBench.touchContact(id!, t!),
          [contactId, text],
        );
        await ask(one.page, { action: 'now' });
        await ask(two.page, { action: 'now' });
        travel.push(performance.now() - t0);
        const arrived = await two.page.evaluate(
          (id) => (globalThis as unknown as BenchApi).__knBench.contactField(id),
          contactId,
        );
        if (arrived !== text) throw new Error(`the change did not arrive: ${arrived}`);
      }
      const floors: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await two.page.evaluate(
          ([url, u, p, id]) =>
            (globalThis as unknown as BenchApi).__knBench.oneChangeFloor(url!, u!, p!, {
              _id: id,
              table: 'contacts',
              space: 'bench-team',
              row: { id: 'floor', name: 'Floor' },
            }),
          [`${server.url}/${SPACE}`, USER.username, USER.password, `contacts:floor-${i}`],
        );
        if (r.arrived !== 1) throw new Error('the floor change did not arrive');
        floors.push(r.ms);
      }
      // The figures a user feels on every page, on the second device with sync on: its copy holds
      // everything, the server answers, each opening of the popup and each write asks for a sync.
      await two.page.evaluate(() =>
        (globalThis as unknown as Sender).chrome.runtime.sendMessage({ type: 'page:ensure-fresh' }),
      );
      const withSync = [
        ...(await popupFigures(two.ext)),
        ...(await panelFigures(two.ext)).slice(0, 1),
        ...(await insightsFigures(two.ext)),
        await contactsOpenFigure(two.ext),
      ].map((f) => ({ ...f, figure: `sync on: ${f.figure}` }));
      return [
        {
          figure: `first sync of 10,000 contacts (${docs.length.toLocaleString('en')} records) to an empty device`,
          value: firstSync,
          unit: 'ms',
          floor: floor.ms,
        },
        {
          figure: 'one changed contact from one device to the other through the server',
          value: median(travel),
          unit: 'ms',
          floor: median(floors),
        },
        ...withSync,
      ];
    }, build);
  } finally {
    for (const d of devices) await d.close().catch(() => undefined);
    for (const dir of [build, ...cleanup]) rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
