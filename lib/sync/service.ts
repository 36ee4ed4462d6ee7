// Sync as this device runs it (docs/sync.md): the account it signs in with, turning sync on and
// off, one sync at a time, and what the user is told (last sync, what failed since when, what waits).
// The replication copies are passed in: the background opens them with the IndexedDB and HTTP
// adapters, the tests with memory and a local server.
import type { KundennahDB } from '../db/database';
import { getMeta, setMeta } from '../db/meta';
import { SYNC_META_PREFIX, SYNC_ON_KEY } from '../db/outbox';
import { SYNCED_TABLE_NAMES, SpaceSchema, docId } from './docs';
import { classifySyncFailure, syncSpace, type ReplicaDb } from './engine';
import { SYNC_STATE_KEY, type SyncState } from './state';

export type { SyncState } from './state';

/** The browser does not (any more) let this device contact the server. */
class SyncPermissionError extends Error {
  constructor() {
    super('sync: no permission to contact the server');
  }
}

/** The account this device syncs with, and its space (one for now: the user's own or a team's). */
export interface SyncAccount {
  /** The server's address, e.g. `https://couch.kanzlei-weber.de`. */
  server: string;
  username: string;
  password: string;
  space: string;
}

const ACCOUNT_KEY = `${SYNC_META_PREFIX}account`;

/** Sync speaks only TLS with a server elsewhere; a server on this machine may be plain HTTP. */
export function serverAddressProblem(raw: string): 'invalid' | 'not-https' | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password || url.search || url.hash) return 'invalid';
  if (url.protocol === 'https:') return null;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && local ? null : 'not-https';
}

/**
 * When a row stored before sync was on was last written: its own `updatedAt` or `createdAt`, else
 * long ago. Not the moment sync is turned on: a device that comes late with old data must not beat
 * a colleague's deletion made since.
 */
function writtenBefore(row: { updatedAt?: unknown; createdAt?: unknown }): string {
  for (const value of [row.updatedAt, row.createdAt])
    if (typeof value === 'string' && value.length === 24 && value.endsWith('Z')) return value;
  return new Date(0).toISOString();
}

export interface SyncServiceDeps {
  db: KundennahDB;
  now: () => Date;
  /** This device's replication copy of a space. */
  localCopy(space: string): ReplicaDb;
  /** The space's database on the server, signed in as the account. */
  remote(account: SyncAccount): unknown;
  /** Whether the browser lets this device contact the server (its permission can be taken back). */
  canReach?(account: SyncAccount): Promise<boolean>;
}

/** What the sync page shows. */
export interface SyncStatus {
  on: boolean;
  /** The account without its password. */
  account?: Omit<SyncAccount, 'password'>;
  state: SyncState;
  /** Changes of this device that wait for the next sync. */
  pending: number;
  /** A sync is running now. */
  running: boolean;
}

/**
 * The host permission pattern for a server: its scheme and host, every path. Match patterns name no
 * port (Firefox refuses one; Chromium ignores it), so the permission covers every port of the host.
 */
export function originPattern(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

export function createSyncService(deps: SyncServiceDeps) {
  const { db } = deps;
  let running: Promise<SyncState> | undefined;

  async function account(): Promise<SyncAccount | undefined> {
    return getMeta<SyncAccount>(db, ACCOUNT_KEY);
  }

  /**
   * Turn sync on with an account. Everything stored so far waits in the outbox for the first sync:
   * a device that had data before sync sends it all.
   */
  async function turnOn(next: SyncAccount): Promise<void> {
    if (serverAddressProblem(next.server)) throw new Error('sync: server address refused');
    if (!SpaceSchema.safeParse(next.space).success) throw new Error('sync: space name refused');
    const tables = SYNCED_TABLE_NAMES.map((t) => db.table(t));
    await db.transaction('rw', [db.meta, db.outbox, ...tables], async () => {
      await db.meta.bulkPut([
        { key: ACCOUNT_KEY, value: { ...next, server: next.server.replace(/\/+$/, '') } },
        { key: SYNC_ON_KEY, value: { on: true } },
      ]);
      for (const table of SYNCED_TABLE_NAMES) {
        const rows = (await db.table(table).toArray()) as {
          id: string;
          updatedAt?: unknown;
          createdAt?: unknown;
        }[];
        await db.outbox.bulkPut(
          rows.map((row) => ({
            key: docId(table, row.id),
            table,
            id: row.id,
            at: writtenBefore(row),
          })),
        );
      }
    });
  }

  /**
   * Turn sync off on this device: nothing more is recorded or sent; the data stays. Returns the
   * spaces whose replication copies are no longer needed.
   */
  async function turnOff(): Promise<string[]> {
    const acc = await account();
    await db.transaction('rw', [db.meta, db.outbox], async () => {
      const keys = (await db.meta.toCollection().primaryKeys()).filter((k) =>
        String(k).startsWith(SYNC_META_PREFIX),
      );
      await db.meta.bulkDelete(keys);
      await db.outbox.clear();
    });
    return acc ? [acc.space] : [];
  }

  async function run(): Promise<SyncState> {
    const acc = await account();
    const before = (await getMeta<SyncState>(db, SYNC_STATE_KEY)) ?? {};
    if (!acc) return before;
    const at = deps.now().toISOString();
    let state: SyncState;
    try {
      if (deps.canReach && !(await deps.canReach(acc))) throw new SyncPermissionError();
      const report = await syncSpace({
        db,
        by: acc.username,
        now: deps.now,
        space: { name: acc.space, local: deps.localCopy(acc.space), remote: deps.remote(acc) },
      });
      state = {
        lastSyncAt: at,
        merged: report.merged,
        refused: report.refused.length,
        serverRefused: report.serverRefused,
      };
    } catch (e) {
      state = {
        ...before,
        failure: e instanceof SyncPermissionError ? 'no-permission' : classifySyncFailure(e),
        failingSince: before.failingSince ?? at,
      };
    }
    await setMeta(db, SYNC_STATE_KEY, state);
    return state;
  }

  /** Sync now; while a sync runs, asking again waits for that one. */
  function syncNow(): Promise<SyncState> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** What the sync page shows: the account without its password, the state, what waits. */
  async function status(): Promise<SyncStatus> {
    const acc = await account();
    const state = (await getMeta<SyncState>(db, SYNC_STATE_KEY)) ?? {};
    const pending = await db.outbox.count();
    const busy = running !== undefined;
    if (!acc) return { on: false, state, pending, running: busy };
    const { password: _hidden, ...shown } = acc;
    return { on: true, account: shown, state, pending, running: busy };
  }

  return { turnOn, turnOff, syncNow, status };
}
