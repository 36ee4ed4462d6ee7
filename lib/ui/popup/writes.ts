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
import {
  completeItems,
  snoozeItems,
  type DoneInput,
  type DoneWords,
  type Undo,
} from './agenda-actions';

// What the popup tells apart when a write fails.
export { DuplicateContactError } from '../../db';

/**
 * "Done" on agenda items of one person, now: one item, or a whole card as one conversation, with
 * what the user said (the after-call note, a settled complaint). `today` is the user's day.
 */
export function completeAgendaItems(
  items: readonly AgendaRow[],
  input: DoneInput,
  words: DoneWords,
  today: string,
  timeZone?: string,
): Promise<Undo> {
  return completeItems(getDb(), items, input, new Date(), words, today, timeZone);
}

/** "Later" on agenda items (one, or a whole card): not shown again before `until`. */
export function snoozeAgendaItems(items: readonly AgendaRow[], until: string): Promise<Undo> {
  return snoozeItems(getDb(), items, until, new Date());
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
