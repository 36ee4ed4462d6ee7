// Which contacts a committed write touched, for every write in this database instance: a DBCore
// middleware (Dexie's lowest layer) that reads the contact ids off the values going down, and reads
// the rows first only for deletes. Unlike table hooks, it leaves bulk writes on their fast path.
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type Middleware,
} from 'dexie';

/** What one committed transaction changed: the contacts touched and the tables written. */
export interface DataChange {
  contactIds: string[];
  tables: string[];
}

type IdOf = (row: Record<string, unknown> | undefined, key: unknown) => unknown;

/** The tables whose writes matter, and how to find the contact of a row. */
const TRACKED: Record<string, IdOf> = {
  contacts: (row, key) => row?.id ?? key,
  interactions: (row) => row?.contactId,
  commitments: (row) => row?.contactId,
  feedback: (row) => row?.contactId,
  purchases: (row) => row?.contactId,
  followUps: (row) => row?.contactId,
  dismissals: (row) => row?.contactId,
  settings: () => undefined,
};

interface Pending {
  ids: Set<string>;
  tables: Set<string>;
}

export function changeTracker(emit: (change: DataChange) => void): Middleware<DBCore> {
  const pending = new WeakMap<object, Pending>();

  const note = (trans: object, table: string, ids: Iterable<unknown>) => {
    let entry = pending.get(trans);
    if (!entry) {
      const fresh: Pending = { ids: new Set(), tables: new Set() };
      entry = fresh;
      pending.set(trans, fresh);
      // The IndexedDB transaction is shared by nested Dexie transactions: this fires once, when
      // everything is committed. Listeners may write bookkeeping: outside of any transaction.
      const idb = trans as IDBTransaction;
      idb.addEventListener?.('complete', () =>
        Dexie.ignoreTransaction(() =>
          emit({ contactIds: [...fresh.ids], tables: [...fresh.tables] }),
        ),
      );
    }
    entry.tables.add(table);
    for (const id of ids) if (typeof id === 'string') entry.ids.add(id);
  };

  async function touched(table: DBCoreTable, idOf: IdOf, req: DBCoreMutateRequest) {
    const ids: unknown[] = [];
    const rowsOf = async (keys: unknown[]) =>
      keys.length
        ? ((await table.getMany({ trans: req.trans, keys })) as Record<string, unknown>[])
        : [];
    switch (req.type) {
      case 'add':
      case 'put': {
        req.values.forEach((v, i) => ids.push(idOf(v as Record<string, unknown>, req.keys?.[i])));
        if (req.type === 'put' && req.updates) {
          const before = await rowsOf(req.updates.keys);
          before.forEach((row, i) => ids.push(idOf(row, req.updates!.keys[i])));
          for (const spec of req.updates.changeSpecs) ids.push(spec.contactId);
        }
        if (req.type === 'put' && req.changeSpec?.contactId) ids.push(req.changeSpec.contactId);
        break;
      }
      case 'delete': {
        const before = await rowsOf(req.keys);
        before.forEach((row, i) => ids.push(idOf(row, req.keys[i])));
        break;
      }
      case 'deleteRange': {
        const { result } = await table.query({
          trans: req.trans,
          values: true,
          query: { index: table.schema.primaryKey, range: req.range },
        });
        for (const row of result as Record<string, unknown>[]) ids.push(idOf(row, undefined));
        break;
      }
    }
    return ids;
  }

  return {
    stack: 'dbcore',
    name: 'kundennah-change-tracker',
    // The bottom of the stack, next to IndexedDB: what arrives here is what is written, and no
    // layer below needs Dexie's transaction zone (this one awaits reads before deletes).
    level: -2,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const idOf = TRACKED[name];
          if (!idOf) return table;
          return {
            ...table,
            async mutate(req) {
              const ids = await touched(table, idOf, req);
              const res = await table.mutate(req);
              note(req.trans, name, ids);
              return res;
            },
          };
        },
      };
    },
  };
}
