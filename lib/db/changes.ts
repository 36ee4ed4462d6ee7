// Which contacts a committed write touched, for every write in this database instance: a DBCore
// middleware (Dexie's lowest layer) that reads the contact ids off the values going down, and reads
// the rows first only for deletes. Unlike table hooks, it leaves bulk writes on their fast path.
//
// It does two things with what it reads:
// - in the same transaction as the write, it marks the touched contacts as *dirty* in the meta row
//   `DIRTY_KEY` (every write transaction on a tracked table is widened to include `meta`). The
//   background's deriver clears the marks once the derived rows follow. So a write whose message to
//   the background was lost (the page closed at that moment, the worker stopped) still reaches the
//   derived rows at the next recompute: the marks are data, not messages.
// - after the transaction commits, it tells this instance's listeners (`DataChange`).
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

/** The meta row with the writes the derived rows have not followed yet. */
export const DIRTY_KEY = 'dirty';

/**
 * Each write transaction gets the next `seq`; a mark holds the `seq` of the latest write that
 * touched it (0: none pending). The deriver clears a mark only when it is not newer than what it
 * read before recomputing.
 */
export interface DirtyMarks {
  seq: number;
  /** Contact id → seq of the latest write touching it. */
  contacts: Record<string, number>;
  /** Contacts or purchases changed: tiers may move for others too. */
  tiers: number;
  /** Settings or occasions changed: everything is recomputed. */
  all: number;
}

export function emptyMarks(): DirtyMarks {
  return { seq: 0, contacts: {}, tiers: 0, all: 0 };
}

type IdOf = (row: Record<string, unknown> | undefined, key: unknown) => unknown;

/** The tables whose writes matter, and how to find the contact of a row. */
const TRACKED: Readonly<Record<string, IdOf>> = Object.freeze({
  contacts: (row, key) => row?.id ?? key,
  interactions: (row) => row?.contactId,
  commitments: (row) => row?.contactId,
  feedback: (row) => row?.contactId,
  purchases: (row) => row?.contactId,
  followUps: (row) => row?.contactId,
  dismissals: (row) => row?.contactId,
  settings: () => undefined,
  occasions: () => undefined,
});

const META = 'meta';

interface Pending {
  ids: Set<string>;
  tables: Set<string>;
  /** The marks as this transaction leaves them (read at its first write). */
  marks: DirtyMarks | undefined;
}

export function changeTracker(emit: (change: DataChange) => void): Middleware<DBCore> {
  const pending = new WeakMap<object, Pending>();

  const entryOf = (trans: object): Pending => {
    let entry = pending.get(trans);
    if (!entry) {
      const fresh: Pending = { ids: new Set(), tables: new Set(), marks: undefined };
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
    return entry;
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

  /** Mark what this write touched, in its own transaction (one read of the row per transaction). */
  async function mark(
    meta: DBCoreTable,
    trans: object,
    entry: Pending,
    table: string,
    ids: string[],
  ) {
    let marks = entry.marks;
    if (!marks) {
      const stored = (await meta.get({ trans: trans as never, key: DIRTY_KEY })) as
        { value?: DirtyMarks } | undefined;
      const base = stored?.value ?? emptyMarks();
      marks = entry.marks = { ...base, contacts: { ...base.contacts }, seq: base.seq + 1 };
    }
    for (const id of ids) marks.contacts[id] = marks.seq;
    if (table === 'contacts' || table === 'purchases') marks.tiers = marks.seq;
    // Settings change every rule; an occasion may fit anyone (the talking points offer it).
    if (table === 'settings' || table === 'occasions') marks.all = marks.seq;
    await meta.mutate({
      type: 'put',
      trans: trans as never,
      values: [{ key: DIRTY_KEY, value: marks }],
    });
  }

  return {
    stack: 'dbcore',
    name: 'kundennah-change-tracker',
    // The bottom of the stack, next to IndexedDB: what arrives here is what is written, and no
    // layer below needs Dexie's transaction zone (this one awaits reads before deletes).
    level: -2,
    create(down) {
      const hasMeta = down.schema.tables.some((t) => t.name === META);
      return {
        ...down,
        transaction(stores, mode, options) {
          // Every write to a tracked table marks its contacts in `meta` in the same transaction.
          const widen =
            hasMeta &&
            mode === 'readwrite' &&
            !stores.includes(META) &&
            stores.some((s) => s in TRACKED);
          return down.transaction(widen ? [...stores, META] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          const idOf = TRACKED[name];
          if (!idOf) return table;
          return {
            ...table,
            async mutate(req) {
              const ids = (await touched(table, idOf, req)).filter(
                (id): id is string => typeof id === 'string',
              );
              const res = await table.mutate(req);
              const entry = entryOf(req.trans);
              entry.tables.add(name);
              for (const id of ids) entry.ids.add(id);
              if (hasMeta) await mark(down.table(META), req.trans, entry, name, ids);
              return res;
            },
          };
        },
      };
    },
  };
}
