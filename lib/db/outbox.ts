// The sync outbox (issue 17, docs/sync.md): while sync is on, every write to a synced table leaves
// an entry — table, row id, when — in the same transaction as the write, so that nothing written
// is ever missed by the next push, whichever page or worker wrote it and whether or not it lived to
// say so. One entry per row (a later write of the same row replaces it). Writes that come from
// sync itself leave none (they would echo back). With sync off nothing is recorded: a user who
// never turns it on pays one read of a bookkeeping row per write transaction.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { SYNCED_TABLE_NAMES, docId, type SyncedTable } from '../sync/docs';

export const OUTBOX = 'outbox';

/** Sync's meta rows on this device start so (never backed up: lib/db/backup-restore.ts). */
export const SYNC_META_PREFIX = 'sync:';

/** The meta row that says sync is on: `{ on: true }`. */
export const SYNC_ON_KEY = `${SYNC_META_PREFIX}on`;

/** Whether the meta row at `SYNC_ON_KEY` says sync is on. */
export const syncOnIn = (row: { value?: unknown } | undefined): boolean =>
  (row?.value as { on?: unknown } | undefined)?.on === true;

export interface OutboxRow {
  /** `<table>:<id>`, as the row's replication document is named. */
  key: string;
  table: SyncedTable;
  id: string;
  /** When the row was last written here (ISO instant). */
  at: string;
}

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLE_NAMES);

/** Transactions that carry sync's own writes (the IndexedDB transaction underneath). */
const fromSync = new WeakSet<object>();

/** Mark a transaction as sync's own: its writes leave no outbox entry. */
export function markFromSync(idbTransaction: object): void {
  fromSync.add(idbTransaction);
}

async function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      if (req.type === 'put' && req.updates) return req.updates.keys;
      return req.values.map((v, i) => req.keys?.[i] ?? (v as { id?: unknown }).id);
    case 'delete':
      return req.keys;
    case 'deleteRange': {
      const { result } = await table.query({
        trans: req.trans,
        values: false,
        query: { index: table.schema.primaryKey, range: req.range },
      });
      return result;
    }
  }
}

export function outboxRecorder(clock: () => Date = () => new Date()): Middleware<DBCore> {
  /** Whether sync is on, read once per transaction; once read, known without waiting. */
  const onIn = new WeakMap<object, Promise<boolean>>();
  const known = new WeakMap<object, boolean>();

  return {
    stack: 'dbcore',
    name: 'kundennah-outbox',
    // Next to IndexedDB, as the change tracker: what arrives here is what is written.
    level: -2,
    create(down) {
      const has = (name: string) => down.schema.tables.some((t) => t.name === name);
      if (!has(OUTBOX) || !has('meta')) return down;
      const meta = down.table('meta');
      const outbox = down.table(OUTBOX);
      const syncOn = (trans: object): Promise<boolean> => {
        let on = onIn.get(trans);
        if (!on) {
          on = meta.get({ trans: trans as never, key: SYNC_ON_KEY }).then((row) => {
            const value = syncOnIn(row as { value?: unknown } | undefined);
            known.set(trans, value);
            return value;
          });
          onIn.set(trans, on);
        }
        return on;
      };
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen =
            mode === 'readwrite' &&
            stores.some((s) => SYNCED.has(s)) &&
            !(stores.includes(OUTBOX) && stores.includes('meta'));
          return down.transaction(
            widen ? [...new Set([...stores, OUTBOX, 'meta'])] : stores,
            mode,
            options,
          );
        },
        table(name) {
          const table = down.table(name);
          if (!SYNCED.has(name)) return table;
          return {
            ...table,
            mutate(req) {
              // Sync off (the common case) costs no wait once the transaction has read it.
              if (fromSync.has(req.trans) || known.get(req.trans) === false)
                return table.mutate(req);
              return syncOn(req.trans).then((on) => (on ? record(req) : table.mutate(req)));
            },
          };

          async function record(req: DBCoreMutateRequest) {
            const keys = await keysOf(table, req);
            const res = await table.mutate(req);
            const at = clock().toISOString();
            const values: OutboxRow[] = [];
            keys.forEach((id, i) => {
              if (typeof id !== 'string' || res.failures[i]) return;
              values.push({
                key: docId(name as SyncedTable, id),
                table: name as SyncedTable,
                id,
                at,
              });
            });
            if (values.length) await outbox.mutate({ type: 'put', trans: req.trans, values });
            return res;
          }
        },
      };
    },
  };
}
