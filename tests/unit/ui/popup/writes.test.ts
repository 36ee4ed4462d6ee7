import { afterEach, describe, expect, it } from 'vitest';
import { getDb, getHistory, saveRecord } from '@/lib/db';
import { DuplicateContactError, addContact, addFollowUp, contactName } from '@/lib/ui/popup/writes';

afterEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe("the popup's writes", () => {
  it('adds a contact from the quick add, and undo deletes it with what was attached meanwhile', async () => {
    const { contact, undo } = await addContact({
      name: 'Jürgen Müller',
      email: 'j.mueller@example.de',
      company: 'Müller GmbH',
    });
    expect(contact).toMatchObject({
      name: 'Jürgen Müller',
      emails: ['j.mueller@example.de'],
      company: 'Müller GmbH',
    });
    expect(await contactName(contact.id)).toBe('Jürgen Müller');
    await saveRecord(getDb(), 'followUps', {
      contactId: contact.id,
      dueAt: '2026-03-20',
      note: 'call back',
    });

    await undo();
    expect(await getHistory(getDb(), contact.id)).toBeUndefined();
    expect(await getDb().followUps.count()).toBe(0);
    // Undo twice (or after the contact was deleted elsewhere) changes nothing and does not throw.
    await expect(undo()).resolves.toBeUndefined();
  });

  it('leaves out an empty e-mail and company', async () => {
    const { contact } = await addContact({ name: 'Anna Schmidt', email: '  ', company: '' });
    expect(contact.emails).toEqual([]);
    expect(contact.company).toBeUndefined();
  });

  it('refuses a second contact with the same e-mail', async () => {
    const first = await addContact({ name: 'Anna Schmidt', email: 'anna@example.de', company: '' });
    const second = addContact({ name: 'A. Schmidt', email: 'anna@example.de', company: '' });
    await expect(second).rejects.toBeInstanceOf(DuplicateContactError);
    await second.catch((e: DuplicateContactError) =>
      expect(e.existingIds).toEqual([first.contact.id]),
    );
  });

  it('adds a follow-up, and undo removes exactly that one', async () => {
    const { contact } = await addContact({ name: 'Peter Becker', email: '', company: '' });
    await addFollowUp(contact.id, '2026-03-18', 'workshop');
    const undo = await addFollowUp(contact.id, '2026-03-20', 'quote');
    expect(await getDb().followUps.count()).toBe(2);
    await undo();
    const rows = await getDb().followUps.toArray();
    expect(rows.map((r) => r.note)).toEqual(['workshop']);
  });
});
