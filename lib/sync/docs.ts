// How a stored row travels (issue 17; docs/sync.md): one replication document per row, named
// `<table>:<id>`, carrying the table, the space the row belongs to and the row itself. This is the
// one list of what syncs; derived tables, import batches and bookkeeping never do.
import { z } from 'zod';
import {
  CommitmentSchema,
  ContactSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  OccasionSchema,
  PurchaseSchema,
  SettingsRowSchema,
  isDeviceSetting,
  splitSettings,
  type Settings,
} from '../model';

/**
 * The user's settings as they travel: the one settings row without this browser's own settings
 * (DEVICE_SETTINGS), each value as the settings page would accept it.
 */
const TravellingSettingsSchema = SettingsRowSchema.refine(
  (row) => row.id === 'settings' && Object.keys(row.values).every((k) => !isDeviceSetting(k)),
);

/** Every synced table with the schema an incoming row must pass. */
export const SYNCED_TABLES = {
  contacts: ContactSchema,
  interactions: InteractionSchema,
  commitments: CommitmentSchema,
  feedback: FeedbackSchema,
  purchases: PurchaseSchema,
  followUps: FollowUpSchema,
  occasions: OccasionSchema,
  settings: TravellingSettingsSchema,
} as const;

export type SyncedTable = keyof typeof SYNCED_TABLES;

export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];

export const isSyncedTable = (table: string): table is SyncedTable =>
  Object.prototype.hasOwnProperty.call(SYNCED_TABLES, table);

interface StoredSettings {
  id: string;
  values: Partial<Settings>;
}

/** What of a stored row travels: all of it, except the settings that belong to this browser. */
export function travelling(table: SyncedTable, row: { id: string }): { id: string } {
  if (table !== 'settings') return row;
  const { id, values } = row as StoredSettings;
  const user: StoredSettings = { id, values: splitSettings(values ?? {}).user };
  return user;
}

/**
 * What an incoming row (undefined: deleted) becomes here: the row itself, or for the settings the
 * user's from elsewhere with this browser's own kept. Undefined: nothing is left of it.
 */
export function landing(table: SyncedTable, incoming: unknown, stored: unknown): unknown {
  if (table !== 'settings') return incoming;
  const here = (stored as StoredSettings | undefined)?.values ?? {};
  const user = (incoming as StoredSettings | undefined)?.values ?? {};
  return {
    ...(stored as object),
    id: 'settings',
    values: { ...user, ...splitSettings(here).device },
  };
}

/** The replication document of a row. */
export const docId = (table: SyncedTable, id: string): string => `${table}:${id}`;

/** The table and row id a document names; null for a name Kundennah does not write. */
export function parseDocId(id: string): { table: SyncedTable; id: string } | null {
  const at = id.indexOf(':');
  if (at <= 0 || at === id.length - 1) return null;
  const table = id.slice(0, at);
  return isSyncedTable(table) ? { table, id: id.slice(at + 1) } : null;
}

/** A space's name as a database name allows it (CouchDB: lower case, digits, `_$()+-/`). */
export const SpaceSchema = ContactSchema.shape.space.unwrap();

/** The body of a replication document (besides `_id`, `_rev`, `_deleted`). */
const DocBodySchema = z.object({
  table: z.string(),
  space: SpaceSchema,
  row: z.unknown(),
  /** contacts: when each field last changed (lib/sync/merge.ts). */
  fieldAt: z.record(z.string(), z.string()).optional(),
  /** Who wrote this version (the sync account's name). */
  by: z.string().max(200).optional(),
  /** A deletion: when it was made (the row is gone). */
  deletedAt: z.string().optional(),
});

export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  table: SyncedTable;
  space: string;
  row?: unknown;
  fieldAt?: Record<string, string>;
  by?: string;
  deletedAt?: string;
}

/** The document of a row written on this device. */
export function rowToDoc(
  table: SyncedTable,
  row: { id: string },
  space: string,
  extra: Pick<SyncDoc, 'fieldAt' | 'by'> = {},
): SyncDoc {
  return { _id: docId(table, row.id), table, space, row, ...extra };
}

/** The tombstone of a deleted row. */
export function deletionDoc(
  table: SyncedTable,
  id: string,
  space: string,
  deletedAt: string,
  by?: string,
): SyncDoc {
  return {
    _id: docId(table, id),
    _deleted: true,
    table,
    space,
    deletedAt,
    ...(by === undefined ? {} : { by }),
  };
}

/** What an incoming document means for this device, or why it is refused. */
export type IncomingRow =
  | { ok: true; table: SyncedTable; id: string; row: unknown; deleted: false; doc: SyncDoc }
  | { ok: true; table: SyncedTable; id: string; deleted: true; doc: SyncDoc }
  | { ok: false; id: string; reason: 'name' | 'shape' | 'space' | 'row' };

/**
 * An incoming document read with the same schemas as every other input: its name, its table and
 * space, and the row itself (zod, the table's schema). A document of another space than the one it
 * came from, or of a table that does not sync, is refused.
 */
export function docToRow(raw: unknown, space: string): IncomingRow {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { _id?: unknown })._id === 'string'
      ? (raw as { _id: string })._id
      : '';
  const named = parseDocId(id);
  if (!named) return { ok: false, id, reason: 'name' };
  const deleted = (raw as { _deleted?: unknown })._deleted === true;
  if (deleted) {
    // A deletion names its space too: a tombstone from elsewhere deletes nothing here.
    const doc = raw as SyncDoc;
    if (doc.space !== space) return { ok: false, id, reason: 'space' };
    return { ok: true, table: named.table, id: named.id, deleted: true, doc };
  }
  const body = DocBodySchema.safeParse(raw);
  if (!body.success || body.data.table !== named.table) return { ok: false, id, reason: 'shape' };
  if (body.data.space !== space) return { ok: false, id, reason: 'space' };
  const row = SYNCED_TABLES[named.table].safeParse(body.data.row);
  if (!row.success || row.data.id !== named.id) return { ok: false, id, reason: 'row' };
  return {
    ok: true,
    table: named.table,
    id: named.id,
    row: row.data,
    deleted: false,
    doc: raw as SyncDoc,
  };
}
