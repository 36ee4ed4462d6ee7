// Merging two contacts that are one person (PRODUCT.md "Duplicates": merge keeps every interaction,
// promise, feedback and purchase). The core decides what the merged contact looks like
// (mergeContacts); this writes it in ONE transaction — the survivor updated, every record of the
// other re-pointed, the other deleted — and returns both histories as they were, for undo.
import { mergeContacts } from '../core';
import type { Locale } from '../i18n';
import { ContactSchema, compact, validate, type Contact, type ContactHistory } from '../model';
import { NotFoundError, guardWrite } from './errors';
import { getHistory, putHistories } from './repo';
import { HISTORY_TABLES, type KundennahDB, type NotDuplicateRow } from './database';

export interface MergeUndo {
  /** Both contacts with everything attached, as they were before the merge. */
  survivor: ContactHistory;
  other: ContactHistory;
  /** "Not a duplicate" answers about the other contact, removed with it. */
  notDuplicates: NotDuplicateRow[];
  /** Contacts the other had recommended, as they were (now recommended by the survivor). */
  referred?: Contact[];
}

export interface MergeOutcome {
  contact: Contact;
  /** How many records moved to the survivor. */
  moved: number;
  undo: MergeUndo;
}

/** The id of the "not a duplicate" row for two contacts: both ids sorted, joined by "|". */
export function pairId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Merge `otherId` into `survivorId`. Nothing is written when anything fails. */
export async function mergeDuplicate(
  db: KundennahDB,
  survivorId: string,
  otherId: string,
  now: Date,
  options: { locale?: Locale; timeZone?: string } = {},
): Promise<MergeOutcome> {
  if (survivorId === otherId) throw new Error('A contact cannot be merged with itself.');
  return guardWrite(() =>
    db.transaction(
      'rw',
      [db.contacts, db.notDuplicates, ...HISTORY_TABLES.map((t) => db[t])],
      async () => {
        const survivor = await getHistory(db, survivorId);
        if (!survivor) throw new NotFoundError('Contact', survivorId);
        const other = await getHistory(db, otherId);
        if (!other) throw new NotFoundError('Contact', otherId);
        const result = mergeContacts(survivor, other, now, options);
        const contact = compact(validate(ContactSchema, result.contact, 'contact'));
        await db.contacts.put(contact);
        let moved = 0;
        for (const t of HISTORY_TABLES) {
          const rows = result.moved[t];
          moved += rows.length;
          // Each table's rows carry their own type; `t` picks the table.
          if (rows.length)
            await (db[t] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(rows);
        }
        await db.contacts.delete(otherId);
        // Whom the other recommended, the survivor recommended: one person.
        const referred = await db.contacts.where('referredBy').equals(otherId).toArray();
        await db.contacts.bulkPut(
          referred.map((c) =>
            c.id === survivorId
              ? c
              : { ...c, referredBy: survivorId, updatedAt: now.toISOString() },
          ),
        );
        // "Not a duplicate" answers about the contact that is gone say nothing any more.
        const answers = await db.notDuplicates
          .filter((row) => row.id.split('|').includes(otherId))
          .toArray();
        await db.notDuplicates.bulkDelete(answers.map((row) => row.id));
        return { contact, moved, undo: { survivor, other, notDuplicates: answers, referred } };
      },
    ),
  );
}

/**
 * Take a merge back: both contacts as they were, every moved record on its old contact again.
 * Records added to the survivor after the merge stay with it.
 */
export async function undoMerge(db: KundennahDB, undo: MergeUndo): Promise<void> {
  await guardWrite(() =>
    db.transaction(
      'rw',
      [db.contacts, db.notDuplicates, ...HISTORY_TABLES.map((t) => db[t])],
      async () => {
        await putHistories(db, [undo.survivor, undo.other]);
        if (undo.notDuplicates.length) await db.notDuplicates.bulkPut(undo.notDuplicates);
        if (undo.referred?.length) await db.contacts.bulkPut(undo.referred);
      },
    ),
  );
}

/** Remember that two contacts are different people (the duplicate finder stops pairing them). */
export async function markNotDuplicate(
  db: KundennahDB,
  a: string,
  b: string,
  now: Date,
): Promise<string> {
  const id = pairId(a, b);
  await guardWrite(() => db.notDuplicates.put({ id, at: now.toISOString() }));
  return id;
}

export async function forgetNotDuplicate(db: KundennahDB, id: string): Promise<void> {
  await guardWrite(() => db.notDuplicates.delete(id));
}
