// Backups (issue 7): the whole database as one JSON file (lib/io's `kundennah-backup` format, see
// lib/io/backup-file.ts) and a restore that checks everything before it writes anything.
// Uninstalling the extension deletes its IndexedDB: a backup file is the user's only protection, so
// a restore never writes half a file and never loses what it does not replace. The bookkeeping
// behind the backup reminder is in backup-status.ts.
import { z } from 'zod';
import {
  BACKUP_TABLES,
  buildBackup,
  parseBackup,
  rowIssues,
  type Backup,
  type BackupTablesInput,
  type ImportIssue,
} from '../io';
import { issue } from '../io/issues';
import {
  ContactSchema,
  IdSchema,
  IsoDateSchema,
  IsoDaySchema,
  KundennahError,
  OccasionSchema,
  type Contact,
} from '../model';
import { SUGGESTION_KINDS, todayIn } from '../core';
import {
  META_AUTO_BACKUP,
  META_AUTO_BACKUP_ERROR,
  META_LAST_AUTO_BACKUP,
  META_LAST_BACKUP,
} from './backup-status';
import { DIRTY_KEY } from './changes';
import { DERIVED_META_KEYS } from './derived';
import { NotFoundError } from './errors';
import { META_LAST_DATA_CHANGE, stableJson, writeTransaction } from './import';
import { HISTORY_TABLES, type KundennahDB, type MetaRow } from './database';
import { OUTBOX, SYNC_META_PREFIX, SYNC_ON_KEY, syncOnIn } from './outbox';

/** Recomputed by the background from the rest: never backed up, never restored. */
export const DERIVED_TABLES: readonly string[] = ['summaries', 'agenda'];

/**
 * This browser's own records of what happened, not the user's data: the panel requests already
 * written (lib/db/requests.ts), the copy a restore keeps for its undo, and the rows sync has still
 * to send (lib/db/outbox.ts). Never backed up; a file
 * that has them is not restored into them.
 */
export const LOCAL_TABLES: readonly string[] = ['requests', 'safetyCopy', OUTBOX];

/**
 * Meta keys that describe this browser, not the user's data: when the last backup was made, whether
 * the automatic backup is on (its permission belongs to this installation), the background's
 * derived-data state. They stay out of a backup and a restore leaves them alone.
 */
export const LOCAL_META_KEYS: ReadonlySet<string> = new Set([
  META_LAST_BACKUP,
  META_LAST_AUTO_BACKUP,
  META_AUTO_BACKUP,
  META_AUTO_BACKUP_ERROR,
  META_LAST_DATA_CHANGE,
  ...DERIVED_META_KEYS,
  // Left by versions before the dirty marks; still never part of a backup.
  'derivedPending',
  DIRTY_KEY,
]);

/**
 * Whether a meta row describes this browser (never backed up, left alone by a restore): the keys
 * above, and sync's state on this device (whether it is on, how far each space was applied).
 */
export function isLocalMetaKey(key: unknown): boolean {
  const k = String(key);
  return LOCAL_META_KEYS.has(k) || k.startsWith(SYNC_META_PREFIX);
}

/** The tables a backup holds: every table of the database except the derived ones. */
export function backupTableNames(db: KundennahDB): string[] {
  const names = db.tables
    .map((t) => t.name)
    .filter((n) => !DERIVED_TABLES.includes(n) && !LOCAL_TABLES.includes(n));
  // The format's required tables first, then the rest in a stable order.
  const required = BACKUP_TABLES.filter((n) => names.includes(n));
  return [...required, ...names.filter((n) => !required.includes(n as never)).sort()];
}

/** Every table's rows, read in one transaction (a consistent snapshot). */
export async function readBackupTables(db: KundennahDB): Promise<BackupTablesInput> {
  const names = backupTableNames(db);
  return db.transaction('r', names, async () => {
    const out: Record<string, unknown[]> = {};
    const rows = await Promise.all(names.map((n) => db.table(n).toArray()));
    names.forEach((n, i) => {
      const list = rows[i] as unknown[];
      out[n] = n === 'meta' ? (list as MetaRow[]).filter((r) => !isLocalMetaKey(r.key)) : list;
    });
    return out as BackupTablesInput;
  });
}

/** The backup of everything, as of `now`. */
export async function makeBackup(db: KundennahDB, now: Date): Promise<Backup> {
  return buildBackup(await readBackupTables(db), now);
}

/** `kundennah-backup-2026-11-22.json` (the user's calendar day). */
export function backupFileName(now: Date, timeZone?: string): string {
  return `kundennah-backup-${todayIn(now, timeZone)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Restore

export type RestoreMode = 'replace' | 'merge';

/** A backup checked against this database's tables, ready to write. */
export interface CheckedBackup {
  exportedAt: string;
  /** Rows per table that will be written (tables of this database only, derived ones left out). */
  tables: Record<string, Record<string, unknown>[]>;
  /** Tables of the file this version does not know (a newer version wrote them): not restored. */
  ignoredTables: string[];
}

export type CheckResult =
  { ok: true; backup: CheckedBackup } | { ok: false; errors: ImportIssue[] };

const NotDuplicateSchema = z.object({ id: IdSchema, at: IsoDateSchema }).loose();
const ImportBatchSchema = z
  .object({
    id: IdSchema,
    at: IsoDateSchema,
    fileName: z.string().optional(),
    format: z.string(),
    addedContactIds: z.array(IdSchema),
    before: z.array(ContactSchema.loose()),
  })
  .loose();
const MetaSchema = z.object({ key: z.string().min(1), value: z.unknown() }).loose();
/** "Done" or "later" on an agenda item (DismissalRow): its id is `${contactId}:${kind}`. */
const DismissalBackupSchema = z
  .object({
    id: IdSchema,
    contactId: IdSchema,
    kind: z.enum(SUGGESTION_KINDS),
    due: IsoDaySchema,
    until: IsoDaySchema.optional(),
    at: IsoDateSchema,
  })
  .loose()
  .refine((d) => d.id === `${d.contactId}:${d.kind}`, {
    error: 'err.id',
    path: ['id'],
  });

/** Row schemas for the tables lib/io's backup schema does not check itself. */
const EXTRA_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  occasions: OccasionSchema as unknown as z.ZodType<Record<string, unknown>>,
  notDuplicates: NotDuplicateSchema,
  importBatches: ImportBatchSchema,
  meta: MetaSchema,
  dismissals: DismissalBackupSchema as unknown as z.ZodType<Record<string, unknown>>,
};

/**
 * Read and check a backup file completely against this database: lib/io's checks for the model's
 * tables, and here the bookkeeping tables and any other table this version has (each row an object
 * with its primary key, no key twice). Any problem: errors and nothing to write.
 */
export function checkBackup(db: KundennahDB, input: string | Uint8Array): CheckResult {
  const parsed = parseBackup(input);
  if (!parsed.ok) return parsed;
  const backup = parsed.backup;
  const known = new Map(db.tables.map((t) => [t.name, t]));
  const errors: ImportIssue[] = [];
  const tables: Record<string, Record<string, unknown>[]> = {};
  const ignoredTables: string[] = [];
  for (const [name, rows] of Object.entries(backup.tables as Record<string, unknown[]>)) {
    if (DERIVED_TABLES.includes(name) || LOCAL_TABLES.includes(name)) continue;
    const table = known.get(name);
    if (!table) {
      ignoredTables.push(name);
      continue;
    }
    const keyPath = table.schema.primKey.keyPath;
    const key = typeof keyPath === 'string' ? keyPath : 'id';
    const schema =
      EXTRA_SCHEMAS[name] ?? z.object({ [key]: z.union([z.string().min(1), z.number()]) }).loose();
    const seen = new Set<unknown>();
    const checked: Record<string, unknown>[] = [];
    rows.forEach((row, index) => {
      // lib/io has already checked the model's tables; the rest is checked here.
      const r = (BACKUP_TABLES as readonly string[]).includes(name)
        ? { success: true as const, data: row as Record<string, unknown> }
        : schema.safeParse(row);
      if (!r.success) {
        errors.push(...rowIssues(name, index, r.error));
        return;
      }
      const id = r.data[key];
      if (seen.has(id)) {
        errors.push(issue('backup-duplicate-id', { table: name, index, id: String(id) }));
        return;
      }
      seen.add(id);
      if (name === 'meta' && isLocalMetaKey(id)) return;
      checked.push(r.data);
    });
    tables[name] = checked;
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, backup: { exportedAt: backup.exportedAt, tables, ignoredTables } };
}

export interface RestoreTableCount {
  table: string;
  /** Rows in the backup. */
  rows: number;
  /** Of these, rows whose id exists now that the backup's replace (replace: all of them; merge:
   * those the backup has newer, by `updatedAt`). */
  replacing: number;
  /** Merge: rows whose id is not stored yet (added). */
  adding: number;
  /** Merge: rows whose id exists now and whose stored version stays (as new or newer, or no date
   * to compare). */
  keeping: number;
  /** Rows stored now that the restore removes (replace mode only). */
  removing: number;
}

export interface RestoreDuplicate {
  /** The contact from the backup. */
  backupId: string;
  backupName: string;
  /** The stored contact (another id) with the same e-mail or profile URL. */
  existingId: string;
  existingName: string;
  via: string;
}

/** A row of the backup that names a contact the database will not have after the restore. */
export interface RestoreOrphan {
  table: string;
  id: string;
  contactId: string;
}

/** One e-mail address that several contacts of the backup have. */
export interface RestoreSharedEmail {
  email: string;
  contacts: { id: string; name: string }[];
}

export interface RestorePreview {
  mode: RestoreMode;
  counts: RestoreTableCount[];
  /** Merge only: backup contacts that would duplicate a kept contact by e-mail or profile. */
  duplicates: RestoreDuplicate[];
  /** History rows and dismissals whose contact is neither in the backup nor (merge) kept. */
  orphans: RestoreOrphan[];
  /** Contacts of the backup that share an e-mail address (a case for the duplicate review). */
  sharedEmails: RestoreSharedEmail[];
}

/** What a merge does with one row of the backup. */
export type MergeChoice = 'add' | 'backup' | 'keep' | 'same';

const stampOf = (row: Record<string, unknown> | undefined): number => {
  const v = row?.updatedAt;
  return typeof v === 'string' ? Date.parse(v) : NaN;
};

/**
 * The merge rule (issue 15): a row the database lacks is added; of two versions of one row the one
 * changed last (`updatedAt`) stays; without a date on both sides to compare, the stored one stays
 * (nothing the user has is overwritten on a guess; the restore can be undone). Equal rows: nothing
 * to do.
 */
export function mergeChoice(
  stored: Record<string, unknown> | undefined,
  incoming: Record<string, unknown>,
): MergeChoice {
  if (!stored) return 'add';
  const a = stampOf(stored);
  const b = stampOf(incoming);
  if (Number.isFinite(a) && Number.isFinite(b) && b > a) return 'backup';
  return stableJson(stored) === stableJson(incoming) ? 'same' : 'keep';
}

/** Tables whose rows carry `updatedAt` (what the merge compares). */
const STAMPED_TABLES: readonly string[] = ['contacts', 'occasions'];

/** Tables whose rows belong to one contact (`contactId`). */
const CONTACT_ROW_TABLES: readonly string[] = [...HISTORY_TABLES, 'dismissals'];

/** Rows of the backup whose contact will not exist after a restore in `mode`. */
function findOrphans(
  backup: CheckedBackup,
  current: CurrentData,
  mode: RestoreMode,
): RestoreOrphan[] {
  const contacts = new Set((backup.tables.contacts ?? []).map((c) => String(c.id)));
  if (mode === 'merge') for (const c of current.contacts) contacts.add(c.id);
  const out: RestoreOrphan[] = [];
  for (const table of CONTACT_ROW_TABLES)
    for (const row of backup.tables[table] ?? []) {
      const contactId = String(row.contactId);
      if (!contacts.has(contactId)) out.push({ table, id: String(row.id), contactId });
    }
  return out;
}

/** E-mail addresses that two or more contacts of the backup have, in the backup's order. */
function findSharedEmails(backup: CheckedBackup): RestoreSharedEmail[] {
  const byEmail = new Map<string, { id: string; name: string }[]>();
  for (const c of (backup.tables.contacts ?? []) as unknown as Contact[])
    for (const e of new Set(c.emails.map((x) => x.toLowerCase()))) {
      const list = byEmail.get(e) ?? [];
      list.push({ id: c.id, name: c.name });
      byEmail.set(e, list);
    }
  return [...byEmail]
    .filter(([, list]) => list.length > 1)
    .map(([email, contacts]) => ({ email, contacts }));
}

/**
 * What a restore would do, pure: counts per table, and in merge mode the contacts of the backup
 * that would duplicate contacts that stay (same e-mail or canonical profile, different id).
 */
export function previewRestore(
  backup: CheckedBackup,
  current: CurrentData,
  mode: RestoreMode,
): RestorePreview {
  const counts: RestoreTableCount[] = [];
  const names = new Set([...Object.keys(backup.tables), ...Object.keys(current.keys)]);
  for (const table of names) {
    const rows = backup.tables[table] ?? [];
    const existing = new Set(current.keys[table] ?? []);
    const keyPath = current.keyPaths[table] ?? (table === 'meta' ? 'key' : 'id');
    const keyOf = (r: Record<string, unknown>) => r[keyPath];
    const inBackup = new Set(rows.map(keyOf));
    const stored = rows.filter((r) => existing.has(keyOf(r)));
    const stamps = current.stamps[table] ?? {};
    // The stored row as far as the merge rule looks at it: its date (the rows themselves are not
    // read for a preview; equal rows count as kept).
    const replacing =
      mode === 'replace'
        ? stored.length
        : stored.filter((r) => {
            const at = stamps[String(keyOf(r))];
            return mergeChoice(at ? { updatedAt: at } : {}, r) === 'backup';
          }).length;
    const removing = mode === 'replace' ? [...existing].filter((k) => !inBackup.has(k)).length : 0;
    counts.push({
      table,
      rows: rows.length,
      replacing,
      adding: mode === 'merge' ? rows.length - stored.length : 0,
      keeping: mode === 'merge' ? stored.length - replacing : 0,
      removing,
    });
  }
  const duplicates: RestoreDuplicate[] = [];
  if (mode === 'merge') {
    const incoming = (backup.tables.contacts ?? []) as unknown as Contact[];
    const replaced = new Set(incoming.map((c) => c.id));
    const owner = new Map<string, Contact>();
    for (const c of current.contacts) {
      if (replaced.has(c.id)) continue;
      for (const e of c.emails) owner.set(`e:${e.toLowerCase()}`, c);
      for (const u of c.profileUrls) owner.set(`u:${u.toLowerCase()}`, c);
    }
    for (const c of incoming) {
      const keys = [
        ...c.emails.map((e) => [`e:${e.toLowerCase()}`, e] as const),
        ...c.profileUrls.map((u) => [`u:${u.toLowerCase()}`, u] as const),
      ];
      for (const [k, via] of keys) {
        const other = owner.get(k);
        if (!other) continue;
        duplicates.push({
          backupId: c.id,
          backupName: c.name,
          existingId: other.id,
          existingName: other.name,
          via,
        });
        break;
      }
    }
  }
  return {
    mode,
    counts,
    duplicates,
    orphans: findOrphans(backup, current, mode),
    sharedEmails: findSharedEmails(backup),
  };
}

/** What is stored now, as far as a restore preview needs it. */
export interface CurrentData {
  /** Primary keys per backed-up table. */
  keys: Record<string, unknown[]>;
  /** Primary key path per table (`id`, `key`, ...). */
  keyPaths: Record<string, string>;
  contacts: Contact[];
  /** `updatedAt` per primary key of the tables whose rows have one (the merge rule's dates). */
  stamps: Record<string, Record<string, string>>;
}

/** Primary keys of every backed-up table and the contacts: what `previewRestore` compares with. */
export async function currentForPreview(db: KundennahDB): Promise<CurrentData> {
  const names = backupTableNames(db);
  return db.transaction('r', names, async () => {
    const keys: Record<string, unknown[]> = {};
    const keyPaths: Record<string, string> = {};
    for (const n of names) {
      const table = db.table(n);
      const kp = table.schema.primKey.keyPath;
      keyPaths[n] = typeof kp === 'string' ? kp : 'id';
      const all = await table.toCollection().primaryKeys();
      keys[n] = n === 'meta' ? all.filter((k) => !isLocalMetaKey(k)) : all;
    }
    const contacts = await db.contacts.toArray();
    const stamps: Record<string, Record<string, string>> = {};
    for (const n of STAMPED_TABLES.filter((t) => names.includes(t))) {
      const list = n === 'contacts' ? contacts : await db.table(n).toArray();
      stamps[n] = Object.fromEntries(
        (list as { id: string; updatedAt?: string }[]).flatMap((r) =>
          r.updatedAt ? [[r.id, r.updatedAt]] : [],
        ),
      );
    }
    return { keys, keyPaths, contacts, stamps };
  });
}

export interface MergeCounts {
  /** Rows the database did not have. */
  added: number;
  /** Rows the backup has in a newer version (`updatedAt`): replaced. */
  updated: number;
  /** Rows whose stored version stayed: as new or newer, or no date to compare. */
  kept: number;
  /** Rows the same in both. */
  same: number;
}

export interface RestoreReport {
  mode: RestoreMode;
  /** Rows written per table. */
  written: Record<string, number>;
  /** Rows removed (replace mode). */
  removed: number;
  /** Merge mode: what happened to the backup's rows. */
  merged?: MergeCounts;
}

/** The copy of the data a restore replaced, as "undo restore" offers it. */
export interface SafetyCopyInfo {
  at: string;
  fileName?: string;
  mode: RestoreMode;
  reason: 'restore' | 'undo';
  /** Rows per table in the copy. */
  counts: Record<string, number>;
}

/**
 * Replacing all data while sync is on is refused: every row the replacing data lacks would leave
 * the outbox as a deletion, for the user's other devices and every team space too.
 */
export class SyncOnError extends KundennahError {
  constructor() {
    super('sync-on', 'Sync is on: replacing all data would delete it on every device.');
    this.name = 'SyncOnError';
  }
}

/** Whether sync is on on this device (a restore may then only merge). */
export async function isSyncOn(db: KundennahDB): Promise<boolean> {
  return syncOnIn(await db.meta.get(SYNC_ON_KEY));
}

/** A safety copy could not be written or read back in full: nothing was changed. */
export class SafetyCopyError extends KundennahError {
  constructor(table: string) {
    super('safety-copy', `The copy of the current data could not be verified (${table}).`, {
      table,
    });
    this.name = 'SafetyCopyError';
  }
}

/** Every backed-up table's rows now, in the running transaction (meta without local keys). */
async function snapshot(db: KundennahDB, names: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const n of names) {
    const list = await db.table(n).toArray();
    out[n] = n === 'meta' ? (list as MetaRow[]).filter((r) => !isLocalMetaKey(r.key)) : list;
  }
  return out;
}

/**
 * Keep `tables` as the safety copy (the previous copy goes), then read it back and compare: only a
 * copy that is there in full lets the caller go on. Runs inside the caller's transaction, so the
 * copy and the change it protects against commit together or not at all.
 */
async function writeSafetyCopy(
  db: KundennahDB,
  tables: Record<string, unknown[]>,
  info: Omit<SafetyCopyInfo, 'counts'>,
): Promise<void> {
  const counts = Object.fromEntries(Object.entries(tables).map(([n, rows]) => [n, rows.length]));
  await db.safetyCopy.clear();
  await db.safetyCopy.bulkPut([
    { id: 'info', ...info, counts },
    ...Object.entries(tables).map(([table, rows]) => ({
      id: `table:${table}` as const,
      table,
      rows,
    })),
  ]);
  for (const [table, rows] of Object.entries(tables)) {
    const back = await db.safetyCopy.get(`table:${table}`);
    // Structured clone keeps the order of keys: the plain JSON of the two is the same.
    if (!back || !('rows' in back) || JSON.stringify(back.rows) !== JSON.stringify(rows))
      throw new SafetyCopyError(table);
  }
}

/** Empty the backed-up tables (this browser's own meta keys stay) and the derived ones. */
async function emptyTables(db: KundennahDB, names: string[], derived: string[]): Promise<number> {
  let removed = 0;
  for (const n of names) {
    const table = db.table(n);
    if (n === 'meta') {
      const drop = (await table.toCollection().primaryKeys()).filter((k) => !isLocalMetaKey(k));
      removed += drop.length;
      await table.bulkDelete(drop);
    } else {
      removed += await table.count();
      await table.clear();
    }
  }
  for (const n of derived) await db.table(n).clear();
  return removed;
}

/** The background recomputes summaries and agenda from scratch when its state is gone. */
async function markRestored(db: KundennahDB, now: Date): Promise<void> {
  await db.meta.delete('derived');
  await db.meta.put({ key: META_LAST_DATA_CHANGE, value: now.toISOString() });
}

const derivedNames = (db: KundennahDB) =>
  db.tables.filter((t) => DERIVED_TABLES.includes(t.name)).map((t) => t.name);

/**
 * Write a checked backup in ONE transaction. First the data as it is now becomes the safety copy
 * (written and read back in the same transaction: nothing is removed unless the copy is there in
 * full, and the two commit together). `replace`: every backed-up table is emptied (this browser's
 * own bookkeeping stays), then filled from the backup. `merge`: rows the database lacks are added,
 * of two versions of a row the newer stays (`mergeChoice`). The derived tables are recomputed by
 * the background afterwards. A full disk rolls everything back (StorageFullError).
 */
export async function restoreBackup(
  db: KundennahDB,
  backup: CheckedBackup,
  mode: RestoreMode,
  now: Date,
  fileName?: string,
): Promise<RestoreReport> {
  const names = backupTableNames(db);
  const derived = derivedNames(db);
  return writeTransaction(db, [...names, ...derived, 'safetyCopy'], async () => {
    // Read in the transaction itself (a helper's own promise would let IndexedDB commit early).
    if (mode === 'replace' && syncOnIn(await db.meta.get(SYNC_ON_KEY))) throw new SyncOnError();
    const before = await snapshot(db, names);
    await writeSafetyCopy(db, before, {
      at: now.toISOString(),
      ...(fileName ? { fileName } : {}),
      mode,
      reason: 'restore',
    });
    const written: Record<string, number> = {};
    let removed = 0;
    let merged: MergeCounts | undefined;
    if (mode === 'replace') {
      removed = await emptyTables(db, names, derived);
      for (const n of names) {
        const rows = backup.tables[n] ?? [];
        if (rows.length) await db.table(n).bulkPut(rows);
        written[n] = rows.length;
      }
    } else {
      merged = { added: 0, updated: 0, kept: 0, same: 0 };
      for (const n of names) {
        const rows = backup.tables[n] ?? [];
        const table = db.table(n);
        const keyPath = table.schema.primKey.keyPath;
        const key = typeof keyPath === 'string' ? keyPath : 'id';
        const stored = new Map(
          (before[n] as Record<string, unknown>[]).map((r) => [r[key], r] as const),
        );
        const put: Record<string, unknown>[] = [];
        for (const row of rows) {
          const choice = mergeChoice(stored.get(row[key]), row);
          if (choice === 'add') merged.added++;
          else if (choice === 'backup') merged.updated++;
          else if (choice === 'keep') merged.kept++;
          else merged.same++;
          if (choice === 'add' || choice === 'backup') put.push(row);
        }
        if (put.length) await table.bulkPut(put);
        written[n] = put.length;
      }
    }
    await markRestored(db, now);
    return merged ? { mode, written, removed, merged } : { mode, written, removed };
  });
}

/** The safety copy the last restore (or its undo) kept, without its rows; undefined: none. */
export async function getSafetyCopyInfo(db: KundennahDB): Promise<SafetyCopyInfo | undefined> {
  const row = await db.safetyCopy.get('info');
  if (!row || row.id !== 'info') return undefined;
  const { id: _id, ...info } = row;
  return info;
}

/**
 * "Undo restore": the data becomes the safety copy again, in one transaction. What is there now
 * (the restored data and anything changed since) becomes the new safety copy, with reason `undo`,
 * so that this step, too, loses nothing. This browser's own bookkeeping stays as it is.
 */
export async function undoRestore(db: KundennahDB, now: Date): Promise<RestoreReport> {
  const names = backupTableNames(db);
  const derived = derivedNames(db);
  return writeTransaction(db, [...names, ...derived, 'safetyCopy'], async () => {
    if (syncOnIn(await db.meta.get(SYNC_ON_KEY))) throw new SyncOnError();
    const info = await db.safetyCopy.get('info');
    if (!info || info.id !== 'info' || info.reason !== 'restore')
      throw new NotFoundError('Safety copy', 'restore');
    const copy: Record<string, Record<string, unknown>[]> = {};
    for (const row of await db.safetyCopy.toArray())
      if (row.id !== 'info' && names.includes(row.table))
        copy[row.table] = row.rows as Record<string, unknown>[];
    for (const [table, count] of Object.entries(info.counts))
      if (names.includes(table) && (copy[table]?.length ?? 0) !== count)
        throw new SafetyCopyError(table);
    const current = await snapshot(db, names);
    await writeSafetyCopy(db, current, {
      at: now.toISOString(),
      ...(info.fileName ? { fileName: info.fileName } : {}),
      mode: info.mode,
      reason: 'undo',
    });
    const removed = await emptyTables(db, names, derived);
    const written: Record<string, number> = {};
    for (const n of names) {
      const rows = copy[n] ?? [];
      if (rows.length) await db.table(n).bulkPut(rows);
      written[n] = rows.length;
    }
    await markRestored(db, now);
    return { mode: 'replace', written, removed };
  });
}
