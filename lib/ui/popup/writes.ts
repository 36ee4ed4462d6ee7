// The popup's writes, each with its undo: "done" and "later" on an agenda item (the rules are in
// agenda-actions.ts), a contact added in a few words, a follow-up. Components call these and never
// touch the database themselves.
import {
  createContact,
  deleteContact,
  getDb,
  removeRecord,
  saveRecord,
  type AgendaRow,
} from '../../db';
import type { Contact } from '../../model';
import { completeItem, snoozeItem, type DoneWords, type Undo } from './agenda-actions';

// What the popup tells apart when a write fails.
export { DuplicateContactError } from '../../db';

/** "Done" on an agenda item, now. */
export function completeAgendaItem(item: AgendaRow, note: string, words: DoneWords): Promise<Undo> {
  return completeItem(getDb(), item, note, new Date(), words);
}

/** "Later" on an agenda item: not shown again before `until`. */
export function snoozeAgendaItem(item: AgendaRow, until: string): Promise<Undo> {
  return snoozeItem(getDb(), item, until, new Date());
}

export interface NewContactValues {
  name: string;
  email: string;
  company: string;
}

/**
 * A new contact from the popup's quick add. Refuses a duplicate (DuplicateContactError) like every
 * other way in; undo deletes the contact with anything attached to it meanwhile.
 */
export async function addContact(
  values: NewContactValues,
): Promise<{ contact: Contact; undo: Undo }> {
  const db = getDb();
  const contact = await createContact(
    db,
    {
      name: values.name,
      emails: values.email.trim() ? [values.email] : [],
      company: values.company || undefined,
    },
    new Date(),
  );
  return {
    contact,
    undo: async () => {
      // Deleted meanwhile: nothing left to undo.
      if (await db.contacts.get(contact.id)) await deleteContact(db, contact.id);
    },
  };
}

/** The name of a stored contact (for "already exists as …"). */
export async function contactName(id: string): Promise<string | undefined> {
  return (await getDb().contacts.get(id))?.name;
}

/** A follow-up for a contact; undo removes it. */
export async function addFollowUp(contactId: string, dueAt: string, note: string): Promise<Undo> {
  const db = getDb();
  const row = await saveRecord(db, 'followUps', { contactId, dueAt, note });
  return async () => {
    await removeRecord(db, 'followUps', row.id);
  };
}
