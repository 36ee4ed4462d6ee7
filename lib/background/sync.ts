// Sync in the service worker (issue 17, docs/sync.md): the replication copy of the space in this
// browser's IndexedDB (PouchDB's `idb` adapter), the server over HTTP with the account's own fetch,
// and when a sync runs — on an alarm, a few seconds after local writes, shortly after the popup
// opens and when the user asks. No live replication: the worker idles between events.
//
// PouchDB is part of the worker's bundle (a module service worker cannot `import()`); a user who
// never turns sync on pays its parse at the worker's start and nothing else.
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import idbAdapter from 'pouchdb-adapter-idb';
import replication from 'pouchdb-replication';
import { browser } from 'wxt/browser';
import type { KundennahDB } from '../db/database';
import type { DataChange } from '../db/changes';
import type { SyncRequest } from '../messaging';
import { isSyncedTable } from '../sync/docs';
import type { ReplicaDb } from '../sync/engine';
import { MembersFailure, readMembers, writeMemberNames, type SpaceMembers } from '../sync/members';
import { accountFetch, spaceUrl } from '../sync/remote';
import {
  createSyncService,
  originPattern,
  type SyncAccount,
  type SyncStatus,
} from '../sync/service';

export const SYNC_ALARM = 'kundennah-sync';
/** The regular sync while the browser is open. */
export const SYNC_EVERY_MINUTES = 15;
/** Writes come in bursts (a form, an import): one sync after the last of them. */
export const SYNC_AFTER_WRITES_MS = 5_000;
/** The popup opened: sync once it has painted, not while it does. */
export const SYNC_AFTER_POPUP_MS = 1_500;

const Pouch = PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

/** The name of a space's replication copy in this browser (PouchDB prefixes it with `_pouch_`). */
const copyName = (space: string) => `kundennah-sync-${space}`;

/** Whether the browser lets Kundennah contact this server (the user may take it back at any time). */
const permitted = (server: string): Promise<boolean> =>
  browser.permissions.contains({ origins: [originPattern(server)] });

export function setupSync(deps: {
  db: () => KundennahDB;
  now: () => Date;
  /** Holds the derived rows back while a sync writes (returns the release). */
  holdDerived?: () => () => void;
}) {
  const copies = new Map<string, PouchDB>();
  const localCopy = (space: string): PouchDB => {
    let copy = copies.get(space);
    if (!copy) copies.set(space, (copy = new Pouch(copyName(space), { adapter: 'idb' })));
    return copy;
  };
  /** The copy is one more copy of customer data in this browser: with its space it goes. */
  async function dropCopy(space: string): Promise<void> {
    const copy = localCopy(space);
    copies.delete(space);
    await copy.destroy();
  }
  const service = createSyncService({
    db: deps.db(),
    now: deps.now,
    localCopy: (space) => localCopy(space) as unknown as ReplicaDb,
    remote: (account: SyncAccount, space: string) =>
      new Pouch(spaceUrl(account.server, space), {
        adapter: 'http',
        skip_setup: true,
        fetch: accountFetch(account),
      }),
    dropCopy,
    canReach: (account) => permitted(account.server),
  });

  /** One sync at a time; the derived rows follow once at its end, not after every batch. */
  function syncNow() {
    const release = deps.holdDerived?.();
    return service.syncNow().finally(() => release?.());
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A sync after `ms`, if sync is on and something waits to be sent (or `always`). */
  function syncSoon(ms: number, always = false): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
        const status = await service.status();
        if (status.on && (always || status.pending > 0)) await syncNow();
      })().catch((e) => console.warn('Kundennah: sync not run', e));
    }, ms);
  }

  async function arm(on: boolean): Promise<void> {
    if (on) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
    else await browser.alarms.clear(SYNC_ALARM);
  }

  async function handle(request: SyncRequest): Promise<SyncStatus> {
    switch (request.action) {
      case 'status':
        break;
      case 'now':
        await syncNow();
        break;
      case 'soon':
        syncSoon(SYNC_AFTER_POPUP_MS, true);
        break;
      case 'on':
        if (!(await permitted(request.server)))
          throw new Error('sync: the server is not permitted');
        await service.turnOn({
          server: request.server,
          username: request.username,
          password: request.password,
          space: request.space,
          teams: request.teams ?? [],
        });
        await arm(true);
        // The first sync may take minutes: the page follows it (status and progress) instead of
        // waiting for the answer. Its failure is in the status too.
        void syncNow().catch((e) => console.warn('Kundennah: sync failed', e));
        break;
      case 'seen-lost':
        await service.seenLost();
        break;
      case 'off':
        await service.turnOff();
        await arm(false);
        break;
    }
    return service.status();
  }

  /** A team space's members, read or set with the account (the server decides who may). */
  async function members(space: string, names?: string[]): Promise<SpaceMembers> {
    const account = await service.account();
    if (!account || !(account.teams ?? []).includes(space)) throw new MembersFailure('other');
    const f = accountFetch(account);
    return names
      ? writeMemberNames(f, account.server, space, names)
      : readMembers(f, account.server, space);
  }

  return {
    handle,
    members,
    /** A write to a synced table was committed (by the worker or a page). */
    noteWrite(change: Pick<DataChange, 'tables'>): void {
      if (change.tables.some(isSyncedTable)) syncSoon(SYNC_AFTER_WRITES_MS);
    },
    onAlarm(name: string): void {
      if (name === SYNC_ALARM)
        void syncNow().catch((e) => console.warn('Kundennah: sync failed', e));
    },
  };
}
