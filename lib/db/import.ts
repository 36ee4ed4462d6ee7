// Bringing contacts in (issue 7): write a planned import (lib/io/import-plan.ts) in ONE transaction,
// and take it back exactly with "undo import".
import type { Table } from 'dexie';
import type { ImportOutcome } from '../io/import-plan';
import { canonicalProfileUrl, newId, type Contact } from '../model';
import { NotFoundError, StorageFullError, guardWrite } from './errors';
import type { ImportBatchRow, KundennahDB } from './database';

/** What the file was, for the batch row and the preview. */
export interface ImportSource {
  fileName?: string;
  format: string;
}

/** The stored batch: ImportBatchRow plus what undo needs to put back. */
export interface ImportBatchRecord extends ImportBatchRow {
  /** How many contacts were merged (`before` has them). */
  mergedCount: number;
  /** `lastLinkedInImportAt` before this import (restored by undo). */
  previousLinkedInImportAt?: string | null;
}

/** The database changed between the preview and the confirmation: nothing was written. */
export class ImportConflictError extends Error {
  readonly contactIds: string[];
  constructor(contactIds: string[]) {
    super(
      `Contacts changed since the preview (${contactIds.slice(0, 5).join(', ')}${contactIds.length > 5 ? ', …' : ''}). Nothing was imported; please check the preview again.`,
    );
    this.name = 'ImportConflictError';
    this.contactIds = contactIds;
  }
}

export const META_LAST_LINKEDIN_IMPORT = 'lastLinkedInImportAt';
export const META_LAST_DATA_CHANGE = 'lastDataChangeAt';
/** How many import batches stay undoable. */
export const KEEP_IMPORT_BATCHES = 20;

/**
 * One read-write transaction, all or nothing, with a full disk reported as StorageFullError. When
 * the disk fills up, the browser aborts the whole transaction: every request in it fails with a
 * plain AbortError (Dexie reports "n of m operations failed"), and only the transaction's own error
 * says why (seen in Chromium with the profile on a full file system). So that error is looked at.
 */
export async function writeTransaction<T>(
  db: KundennahDB,
  tables: (Table | string)[],
  scope: () => Promise<T>,
): Promise<T> {
  let native: IDBTransaction | undefined;
  try {
    return await guardWrite(() =>
      db.transaction('rw', tables, (tx) => {
        native = tx.idbtrans;
        return scope();
      }),
    );
  } catch (e) {
    const cause = native?.error;
    if (e instanceof StorageFullError || !cause) throw e;
    // Chromium reports a full disk as "UnknownError: … IO error: …: FILE_ERROR_NO_SPACE".
    if (
      cause.name === 'QuotaExceededError' ||
      /NO_SPACE|no space left|disk (is )?full/i.test(cause.message)
    )
      throw new StorageFullError(cause);
    // Another reason from the browser itself (e.g. "UnknownError" from a failing disk): say that
    // one rather than the echo of it in every request.
    throw new Error(`${cause.name}: ${cause.message}`, { cause: e });
  }
}

/** Stable text of a value (object keys sorted): two reads of one record compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/**
 * Write an outcome: all or nothing, in one transaction (new contacts, changed contacts, the batch
 * row for undo, the bookkeeping). Refuses with ImportConflictError when a contact it merges into
 * changed since the preview, or when one of its new e-mails or profiles was taken meanwhile; a full
 * disk gives StorageFullError. Returns the batch (null when there was nothing to write).
 */
export async function applyImport(
  db: KundennahDB,
  outcome: ImportOutcome,
  source: ImportSource,
): Promise<ImportBatchRecord | null> {
  if (outcome.pending.length)
    throw new Error(`${outcome.pending.length} similar entries still need a decision.`);
  if (!outcome.added.length && !outcome.merged.length) return null;
  const at = outcome.stamp;
  const batch: ImportBatchRecord = {
    id: newId(),
    at,
    ...(source.fileName ? { fileName: source.fileName } : {}),
    format: source.format,
    addedContactIds: outcome.added.map((c) => c.id),
    before: outcome.merged.map((m) => m.before),
    mergedCount: outcome.merged.length,
  };
  const newEmails = [...new Set(outcome.added.flatMap((c) => c.emails))];
  const newProfiles = [
    ...new Set(
      outcome.added.flatMap((c) => c.profileUrls.filter((u) => canonicalProfileUrl(u) !== null)),
    ),
  ];
  return writeTransaction(db, [db.contacts, db.importBatches, db.meta], async () => {
    // Nothing may have moved under the preview.
    const ids = outcome.merged.map((m) => m.before.id);
    const current = ids.length ? await db.contacts.bulkGet(ids) : [];
    const changed = ids.filter(
      (id, i) => stableJson(current[i]) !== stableJson(outcome.merged[i]?.before),
    );
    const taken = new Set<string>();
    if (newEmails.length)
      for (const k of await db.contacts.where('emails').anyOf(newEmails).primaryKeys())
        taken.add(k);
    if (newProfiles.length)
      for (const k of await db.contacts
        .where('profileUrls')
        .anyOfIgnoreCase(newProfiles)
        .primaryKeys())
        taken.add(k);
    if (changed.length || taken.size) throw new ImportConflictError([...changed, ...taken]);

    if (outcome.added.length) await db.contacts.bulkAdd(outcome.added);
    if (outcome.merged.length) await db.contacts.bulkPut(outcome.merged.map((m) => m.after));
    if (source.format === 'linkedin-csv') {
      const previous = await db.meta.get(META_LAST_LINKEDIN_IMPORT);
      batch.previousLinkedInImportAt = (previous?.value as string | undefined) ?? null;
      await db.meta.put({ key: META_LAST_LINKEDIN_IMPORT, value: at });
    }
    await db.importBatches.add(batch);
    await db.meta.put({ key: META_LAST_DATA_CHANGE, value: at });
    // Old batches go: undo is for the recent imports.
    const old = await db.importBatches
      .orderBy('at')
      .reverse()
      .offset(KEEP_IMPORT_BATCHES)
      .primaryKeys();
    if (old.length) await db.importBatches.bulkDelete(old);
    return batch;
  });
}

export interface UndoReport {
  /** New contacts removed. */
  removed: number;
  /** Merged contacts put back as they were. */
  restored: number;
  /** Contacts left as they are because the user changed them (or logged something) since. */
  kept: { id: string; name: string; why: 'changed' | 'has-records' }[];
}

/** Tables whose rows belong to a contact (`contactId` index), derived ones aside. */
function attachedTables(db: KundennahDB) {
  return db.tables.filter(
    (t) =>
      t.name !== 'agenda' &&
      t.name !== 'summaries' &&
      t.schema.indexes.some((i) => i.name === 'contactId'),
  );
}

/**
 * Take an import back, in one transaction: the contacts it added are deleted and the contacts it
 * merged into get their earlier state back — except those the user changed since (or, for added
 * ones, logged something with): they are kept and reported, so undo never loses later work.
 */
export async function undoImport(db: KundennahDB, batchId: string, now: Date): Promise<UndoReport> {
  const attached = attachedTables(db);
  return writeTransaction(db, [db.contacts, db.importBatches, db.meta, ...attached], async () => {
    const batch = (await db.importBatches.get(batchId)) as ImportBatchRecord | undefined;
    if (!batch) throw new NotFoundError('Import', batchId);
    const kept: UndoReport['kept'] = [];

    const added = (await db.contacts.bulkGet(batch.addedContactIds)).filter(
      (c): c is Contact => !!c,
    );
    const untouched = added.filter((c) => {
      if (c.updatedAt === batch.at) return true;
      kept.push({ id: c.id, name: c.name, why: 'changed' });
      return false;
    });
    const withRecords = new Set<string>();
    const ids = untouched.map((c) => c.id);
    if (ids.length)
      for (const t of attached)
        for (const k of await t.where('contactId').anyOf(ids).keys()) withRecords.add(String(k));
    const remove: string[] = [];
    for (const c of untouched) {
      if (withRecords.has(c.id)) kept.push({ id: c.id, name: c.name, why: 'has-records' });
      else remove.push(c.id);
    }
    if (remove.length) await db.contacts.bulkDelete(remove);

    const current = await db.contacts.bulkGet(batch.before.map((b) => b.id));
    const restore: Contact[] = [];
    batch.before.forEach((b, i) => {
      const now_ = current[i];
      if (!now_) return; // merged away or deleted since: nothing to put back onto
      if (now_.updatedAt !== batch.at) kept.push({ id: b.id, name: now_.name, why: 'changed' });
      else restore.push(b);
    });
    if (restore.length) await db.contacts.bulkPut(restore);

    if (batch.previousLinkedInImportAt !== undefined) {
      const last = await db.meta.get(META_LAST_LINKEDIN_IMPORT);
      if (last?.value === batch.at) {
        if (batch.previousLinkedInImportAt === null)
          await db.meta.delete(META_LAST_LINKEDIN_IMPORT);
        else
          await db.meta.put({
            key: META_LAST_LINKEDIN_IMPORT,
            value: batch.previousLinkedInImportAt,
          });
      }
    }
    await db.importBatches.delete(batchId);
    if (remove.length || restore.length)
      await db.meta.put({ key: META_LAST_DATA_CHANGE, value: now.toISOString() });
    return { removed: remove.length, restored: restore.length, kept };
  });
}

/** The recent imports, newest first (the import page lists them with "undo"). */
export async function listImportBatches(db: KundennahDB): Promise<ImportBatchRecord[]> {
  return (await db.importBatches.orderBy('at').reverse().toArray()) as ImportBatchRecord[];
}

/** Every stored contact, for planning (one read). */
export async function contactsForPlanning(db: KundennahDB): Promise<Contact[]> {
  return db.contacts.toArray();
}
