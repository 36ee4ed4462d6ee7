// Sync as this device runs it (docs/sync.md): the account it signs in with, turning sync on and
// off, one sync at a time, and what the user is told (last sync, what failed since when, what waits).
// The replication copies are passed in: the background opens them with the IndexedDB and HTTP
// adapters, the tests with memory and a local server.
import type { KundennahDB } from '../db/database';
import { getMeta, setMeta } from '../db/meta';
import { SYNC_META_PREFIX, SYNC_ON_KEY } from '../db/outbox';
import { SYNCED_TABLE_NAMES, SpaceSchema, docId } from './docs';
import { HISTORY_TABLES } from '../db/database';
import { markFromSync } from '../db/outbox';
import type { Contact } from '../model';
import {
  classifySyncFailure,
  syncSpaces,
  type ReplicaDb,
  type SpaceOf,
  type SyncProgress,
} from './engine';
import { SYNC_ACCOUNT_KEY, SYNC_STATE_KEY, type SyncState } from './state';

export type { SyncState } from './state';

/** The browser does not (any more) let this device contact the server. */
class SyncPermissionError extends Error {
  constructor() {
    super('sync: no permission to contact the server');
  }
}

/** The account this device syncs with, and its spaces. */
export interface SyncAccount {
  /** The server's address, e.g. `https://couch.kanzlei-weber.de`. */
  server: string;
  username: string;
  password: string;
  /** The user's own space: every contact that names no team space is in it. */
  space: string;
  /** Team spaces the user is a member of (a contact names its team space in `space`). */
  teams?: string[];
}

/** Every space of an account: the user's own first. */
export const spacesOf = (acc: SyncAccount): string[] => [acc.space, ...(acc.teams ?? [])];

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
  /** A space's database on the server, signed in as the account. */
  remote(account: SyncAccount, space: string): unknown;
  /** Remove this device's replication copy of a space (sync off, or the space was lost). */
  dropCopy?(space: string): Promise<void>;
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
  /** A sync is running now, and how far it has come. */
  running: boolean;
  progress?: SyncProgress;
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
  let progress: SyncProgress | undefined;

  async function account(): Promise<SyncAccount | undefined> {
    return getMeta<SyncAccount>(db, SYNC_ACCOUNT_KEY);
  }

  /**
   * Turn sync on with an account. Everything stored so far waits in the outbox for the first sync:
   * a device that had data before sync sends it all.
   */
  async function turnOn(next: SyncAccount): Promise<void> {
    if (serverAddressProblem(next.server)) throw new Error('sync: server address refused');
    for (const space of [next.space, ...(next.teams ?? [])])
      if (!SpaceSchema.safeParse(space).success) throw new Error('sync: space name refused');
    const tables = SYNCED_TABLE_NAMES.map((t) => db.table(t));
    await db.transaction('rw', [db.meta, db.outbox, ...tables], async () => {
      await db.meta.bulkPut([
        { key: SYNC_ACCOUNT_KEY, value: { ...next, server: next.server.replace(/\/+$/, '') } },
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
   * Turn sync off on this device: nothing more is recorded or sent; the data stays, the replication
   * copies go. A sync that runs is let finish first (its copy is in use). Returns the spaces whose
   * copies were removed.
   */
  async function turnOff(): Promise<string[]> {
    await running?.catch(() => undefined);
    const acc = await account();
    await db.transaction('rw', [db.meta, db.outbox], async () => {
      const keys = (await db.meta.toCollection().primaryKeys()).filter((k) =>
        String(k).startsWith(SYNC_META_PREFIX),
      );
      await db.meta.bulkDelete(keys);
      await db.outbox.clear();
    });
    const spaces = acc ? spacesOf(acc) : [];
    for (const space of spaces) await deps.dropCopy?.(space);
    return spaces;
  }

  /**
   * Which space each row belongs to: a contact's own (else the user's), its history's contact's;
   * the user's occasions and settings are the user's own.
   */
  function spaceOfRows(acc: SyncAccount): SpaceOf {
    const own = (c: Contact | undefined) => (c ? (c.space ?? acc.space) : undefined);
    return async (table, rows) => {
      if (table === 'contacts') return rows.map((r) => own(r as Contact | undefined));
      if (table === 'occasions' || table === 'settings')
        return rows.map((r) => (r ? acc.space : undefined));
      const contactIds = rows.map(
        (r) => (r as { contactId?: string } | undefined)?.contactId ?? '',
      );
      const contacts = await db.contacts.bulkGet(contactIds);
      return rows.map((r, i) => (r ? own(contacts[i]) : undefined));
    };
  }

  /**
   * A team space this account lost (no longer a member): its contacts and their history leave
   * this device, as sync's own write (nothing of it is sent), and so do its copy and checkpoint.
   */
  async function wipeSpace(acc: SyncAccount, space: string): Promise<void> {
    const ids = (await db.contacts.toArray())
      .filter((c) => (c.space ?? acc.space) === space)
      .map((c) => c.id);
    const history = HISTORY_TABLES.map((t) => db.table(t));
    await db.transaction('rw', [db.contacts, db.meta, db.outbox, ...history], async (tx) => {
      markFromSync(tx.idbtrans);
      await db.contacts.bulkDelete(ids);
      for (const table of history) await table.where('contactId').anyOf(ids).delete();
      await db.outbox
        .where('key')
        .anyOf(ids.map((id) => docId('contacts', id)))
        .delete();
      await db.meta.delete(`${SYNC_META_PREFIX}${space}:seq`);
      const current = await account();
      if (current)
        await db.meta.put({
          key: SYNC_ACCOUNT_KEY,
          value: { ...current, teams: (current.teams ?? []).filter((t) => t !== space) },
        });
    });
    await deps.dropCopy?.(space);
  }

  async function run(): Promise<SyncState> {
    const acc = await account();
    const before = (await getMeta<SyncState>(db, SYNC_STATE_KEY)) ?? {};
    if (!acc) return before;
    const at = deps.now().toISOString();
    let state: SyncState;
    try {
      if (deps.canReach && !(await deps.canReach(acc))) throw new SyncPermissionError();
      const spaceOf = spaceOfRows(acc);
      const lost: string[] = [];
      const report = await syncSpaces(
        spacesOf(acc).map((name) => ({
          db,
          by: acc.username,
          now: deps.now,
          spaceOf,
          onProgress: (p: SyncProgress) => (progress = p),
          space: { name, local: deps.localCopy(name), remote: deps.remote(acc, name) },
        })),
        async ({ space }, error) => {
          // Only a team space is given up: the user's own space failing is a failure to tell.
          if (space.name === acc.space || classifySyncFailure(error) !== 'forbidden') return false;
          await wipeSpace(acc, space.name);
          lost.push(space.name);
          return true;
        },
      );
      // A lost space is told until the user has read it, not only until the next sync.
      const stillTold = [...new Set([...(before.lost ?? []), ...lost])];
      state = {
        lastSyncAt: at,
        merged: report.merged,
        refused: report.refused.length,
        serverRefused: report.serverRefused,
        ...(stillTold.length ? { lost: stillTold } : {}),
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

  /** The user has read which spaces were lost. */
  async function seenLost(): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const state = await getMeta<SyncState>(db, SYNC_STATE_KEY);
      if (!state?.lost) return;
      const { lost: _read, ...rest } = state;
      await setMeta(db, SYNC_STATE_KEY, rest);
    });
  }

  /** Sync now; while a sync runs, asking again waits for that one. */
  function syncNow(): Promise<SyncState> {
    running ??= run().finally(() => {
      running = undefined;
      progress = undefined;
    });
    return running;
  }

  /** What the sync page shows: the account without its password, the state, what waits. */
  async function status(): Promise<SyncStatus> {
    const acc = await account();
    const state = (await getMeta<SyncState>(db, SYNC_STATE_KEY)) ?? {};
    const pending = await db.outbox.count();
    const busy = running !== undefined;
    const now = busy && progress ? { progress } : {};
    if (!acc) return { on: false, state, pending, running: busy, ...now };
    const { password: _hidden, ...shown } = acc;
    return { on: true, account: shown, state, pending, running: busy, ...now };
  }

  return { turnOn, turnOff, syncNow, status, account, seenLost };
}
