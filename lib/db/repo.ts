import type { Table } from 'dexie';
import {
  CommitmentSchema,
  ContactSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  OccasionSchema,
  PurchaseSchema,
  compact,
  historyOf,
  newId,
  normalizeProfileUrl,
  validate,
  type Commitment,
  type Contact,
  type ContactHistory,
  type ContactInput,
  type Feedback,
  type FollowUp,
  type Interaction,
  type Occasion,
  type Purchase,
} from '../model';
import { linkReferrals } from '../core';
import { ChangedMeanwhileError, DuplicateContactError, NotFoundError, guardWrite } from './errors';
import { HISTORY_TABLES, type HistoryTable, type KundennahDB } from './database';

// ---------------------------------------------------------------------------------------------
// Contacts

export type NewContact = Omit<ContactInput, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

export async function findByEmail(db: KundennahDB, email: string): Promise<Contact[]> {
  const key = email.trim().toLowerCase();
  if (!key) return [];
  return db.contacts.where('emails').equals(key).toArray();
}

export async function findByProfileUrl(db: KundennahDB, url: string): Promise<Contact[]> {
  const key = normalizeProfileUrl(url);
  if (!key) return [];
  return db.contacts.where('profileUrls').equalsIgnoreCase(key).toArray();
}

/** Other contacts that already own one of these e-mails or profile URLs. */
async function conflictsOf(db: KundennahDB, contact: Contact): Promise<string[]> {
  const ids = new Set<string>();
  for (const e of contact.emails) for (const c of await findByEmail(db, e)) ids.add(c.id);
  for (const u of contact.profileUrls) for (const c of await findByProfileUrl(db, u)) ids.add(c.id);
  ids.delete(contact.id);
  return [...ids];
}

/**
 * Create a contact. Refuses (DuplicateContactError) when another contact has one of its e-mails or
 * profile URLs: the product never creates a silent duplicate (PRODUCT.md "Duplicates").
 */
export async function createContact(
  db: KundennahDB,
  input: NewContact,
  now: Date,
  options: { allowDuplicates?: boolean } = {},
): Promise<Contact> {
  const stamp = now.toISOString();
  const contact = compact(
    validate(
      ContactSchema,
      { ...input, id: input.id ?? newId(), createdAt: stamp, updatedAt: stamp },
      'contact',
    ),
  );
  return guardWrite(() =>
    db.transaction('rw', db.contacts, async () => {
      if (!options.allowDuplicates) {
        const conflicts = await conflictsOf(db, contact);
        if (conflicts.length) throw new DuplicateContactError(conflicts);
      }
      await db.contacts.add(contact);
      return contact;
    }),
  );
}

/**
 * The `updatedAt` of a contact's next version: now, but always later than the version it replaces
 * (two saves in one millisecond must not look like one version to an editor's check).
 */
function nextStamp(current: Contact, now: Date): string {
  const before = Date.parse(current.updatedAt);
  return new Date(
    Number.isFinite(before) && before >= now.getTime() ? before + 1 : now.getTime(),
  ).toISOString();
}

/**
 * Change fields of a contact (a key set to undefined removes that field). With `expectedUpdatedAt`
 * (the version an editor was opened with) it writes only if the contact is still that version, in
 * the same transaction; else it throws ChangedMeanwhileError with the stored contact.
 */
export async function updateContact(
  db: KundennahDB,
  id: string,
  patch: Partial<ContactInput>,
  now: Date,
  options: { expectedUpdatedAt?: string } = {},
): Promise<Contact> {
  return guardWrite(() =>
    db.transaction('rw', db.contacts, async () => {
      const current = await db.contacts.get(id);
      if (!current) throw new NotFoundError('Contact', id);
      if (
        options.expectedUpdatedAt !== undefined &&
        current.updatedAt !== options.expectedUpdatedAt
      )
        throw new ChangedMeanwhileError(current);
      const next = compact(
        validate(
          ContactSchema,
          {
            ...current,
            ...patch,
            id,
            createdAt: current.createdAt,
            updatedAt: nextStamp(current, now),
          },
          'contact',
        ),
      );
      const conflicts = await conflictsOf(db, next);
      if (conflicts.length) throw new DuplicateContactError(conflicts);
      await db.contacts.put(next);
      return next;
    }),
  );
}

/**
 * Put a contact into a team space, or back into the user's own (`undefined`): its history goes
 * with it — every record is written again in the same transaction, so that sync sends each to the
 * new space and takes it out of the old one (docs/sync.md "Spaces and people").
 */
export async function setContactSpace(
  db: KundennahDB,
  id: string,
  space: string | undefined,
  now: Date,
): Promise<Contact> {
  return guardWrite(() =>
    db.transaction('rw', [db.contacts, ...HISTORY_TABLES.map((t) => db[t])], async () => {
      const moved = await updateContact(db, id, { space }, now);
      for (const t of HISTORY_TABLES) {
        const table = db[t] as Table<{ contactId: string }>;
        await table.bulkPut(await table.where('contactId').equals(id).toArray());
      }
      return moved;
    }),
  );
}

/** Delete a contact with everything attached, in one transaction. Returns what was deleted (undo). */
export async function deleteContact(db: KundennahDB, id: string): Promise<ContactHistory> {
  return guardWrite(() =>
    db.transaction(
      'rw',
      [db.contacts, db.dismissals, ...HISTORY_TABLES.map((t) => db[t])],
      async () => {
        const history = await getHistory(db, id);
        if (!history) throw new NotFoundError('Contact', id);
        await Promise.all(HISTORY_TABLES.map((t) => db[t].where('contactId').equals(id).delete()));
        await db.dismissals.where('contactId').equals(id).delete();
        await db.contacts.delete(id);
        return history;
      },
    ),
  );
}

/** Validate every record of several histories; throws before anything is written. */
export function validateHistories(histories: ContactHistory[]): ContactHistory[] {
  return histories.map((h) => ({
    contact: compact(validate(ContactSchema, h.contact, 'contact')),
    interactions: h.interactions.map((r) => compact(validate(InteractionSchema, r, 'interaction'))),
    commitments: h.commitments.map((r) => compact(validate(CommitmentSchema, r, 'promise'))),
    feedback: h.feedback.map((r) => compact(validate(FeedbackSchema, r, 'feedback'))),
    purchases: h.purchases.map((r) => compact(validate(PurchaseSchema, r, 'purchase'))),
    followUps: h.followUps.map((r) => compact(validate(FollowUpSchema, r, 'follow-up'))),
  }));
}

/**
 * Write whole histories (undo of a delete, demo data, restore), with occasions where given: all or
 * nothing. Existing rows with the same ids are replaced.
 */
export async function putHistories(
  db: KundennahDB,
  histories: ContactHistory[],
  occasions: readonly Occasion[] = [],
): Promise<void> {
  const valid = validateHistories(histories);
  const validOccasions = occasions.map((o) => compact(validate(OccasionSchema, o, 'occasion')));
  await guardWrite(() =>
    db.transaction(
      'rw',
      // Occasions only when there are some: callers nest this in transactions of their own.
      [
        db.contacts,
        ...(validOccasions.length ? [db.occasions] : []),
        ...HISTORY_TABLES.map((t) => db[t]),
      ],
      async () => {
        if (validOccasions.length) await db.occasions.bulkPut(validOccasions);
        await db.contacts.bulkPut(valid.map((h) => h.contact));
        for (const t of HISTORY_TABLES) {
          const rows: unknown[] = valid.flatMap((h): unknown[] => h[t]);
          // Each table's rows carry their own type; the union is safe because `t` picks the table.
          if (rows.length)
            await (db[t] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(rows);
        }
      },
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Histories

export async function getHistory(db: KundennahDB, id: string): Promise<ContactHistory | undefined> {
  return db.transaction('r', [db.contacts, ...HISTORY_TABLES.map((t) => db[t])], async () => {
    const contact = await db.contacts.get(id);
    if (!contact) return undefined;
    const [interactions, commitments, feedback, purchases, followUps, referredContacts] =
      await Promise.all([
        db.interactions.where('[contactId+at]').between([id, ''], [id, '\uffff']).toArray(),
        db.commitments.where('contactId').equals(id).toArray(),
        db.feedback.where('contactId').equals(id).toArray(),
        db.purchases.where('contactId').equals(id).toArray(),
        db.followUps.where('contactId').equals(id).toArray(),
        db.contacts.where('referredBy').equals(id).toArray(),
      ]);
    const history: ContactHistory = {
      contact,
      interactions,
      commitments,
      feedback,
      purchases,
      followUps,
    };
    if (referredContacts.length)
      history.referred = await Promise.all(
        referredContacts.map(async (c) => ({
          contact: c,
          purchases: await db.purchases.where('contactId').equals(c.id).toArray(),
        })),
      );
    return history;
  });
}

/** Every contact with everything attached (the agenda and the insights need all of it). */
export async function getAllHistories(db: KundennahDB): Promise<ContactHistory[]> {
  return db.transaction('r', [db.contacts, ...HISTORY_TABLES.map((t) => db[t])], async () => {
    const [contacts, interactions, commitments, feedback, purchases, followUps] = await Promise.all(
      [
        db.contacts.toArray(),
        db.interactions.toArray(),
        db.commitments.toArray(),
        db.feedback.toArray(),
        db.purchases.toArray(),
        db.followUps.toArray(),
      ],
    );
    const byId = new Map<string, ContactHistory>();
    for (const c of contacts) byId.set(c.id, historyOf(c));
    for (const r of interactions) byId.get(r.contactId)?.interactions.push(r);
    for (const r of commitments) byId.get(r.contactId)?.commitments.push(r);
    for (const r of feedback) byId.get(r.contactId)?.feedback.push(r);
    for (const r of purchases) byId.get(r.contactId)?.purchases.push(r);
    for (const r of followUps) byId.get(r.contactId)?.followUps.push(r);
    // Who recommended whom is in the list itself.
    return linkReferrals([...byId.values()]);
  });
}

// ---------------------------------------------------------------------------------------------
// Records attached to a contact (interactions, promises, feedback, purchases, follow-ups)

export interface RecordTypes {
  interactions: Interaction;
  commitments: Commitment;
  feedback: Feedback;
  purchases: Purchase;
  followUps: FollowUp;
}

const RECORD_SCHEMAS = {
  interactions: [InteractionSchema, 'interaction'],
  commitments: [CommitmentSchema, 'promise'],
  feedback: [FeedbackSchema, 'feedback'],
  purchases: [PurchaseSchema, 'purchase'],
  followUps: [FollowUpSchema, 'follow-up'],
} as const;

/** Insert or replace one attached record after validating it; its contact must exist. */
export async function saveRecord<K extends HistoryTable>(
  db: KundennahDB,
  table: K,
  record: Omit<RecordTypes[K], 'id'> & { id?: string },
): Promise<RecordTypes[K]> {
  const [schema, what] = RECORD_SCHEMAS[table];
  const row = compact(
    validate(schema, { ...record, id: record.id ?? newId() }, what),
  ) as unknown as RecordTypes[K];
  const t = db[table] as unknown as Table<RecordTypes[K], string>;
  return guardWrite(() =>
    db.transaction('rw', [db.contacts, t], async () => {
      if (!(await db.contacts.get(row.contactId)))
        throw new NotFoundError('Contact', row.contactId);
      await t.put(row);
      return row;
    }),
  );
}

/** Delete one attached record; returns it so that the caller can offer undo. */
export async function removeRecord<K extends HistoryTable>(
  db: KundennahDB,
  table: K,
  id: string,
): Promise<RecordTypes[K] | undefined> {
  const t = db[table] as unknown as Table<RecordTypes[K], string>;
  return guardWrite(() =>
    db.transaction('rw', t, async () => {
      const row = await t.get(id);
      if (row) await t.delete(id);
      return row;
    }),
  );
}

/** Change fields of one attached record (a key set to undefined removes it). */
export async function patchRecord<K extends HistoryTable>(
  db: KundennahDB,
  table: K,
  id: string,
  patch: Partial<RecordTypes[K]>,
): Promise<RecordTypes[K]> {
  const t = db[table] as unknown as Table<RecordTypes[K], string>;
  const current = await t.get(id);
  if (!current) throw new NotFoundError('Record', id);
  return saveRecord(db, table, { ...current, ...patch, id });
}
