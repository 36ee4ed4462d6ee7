import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DuplicateContactError,
  KundennahDB,
  StorageFullError,
  createContact,
  deleteContact,
  findByEmail,
  findByProfileUrl,
  getAllHistories,
  getHistory,
  getSettings,
  putHistories,
  removeRecord,
  saveRecord,
  setSettings,
  updateContact,
  resetSettings,
} from '@/lib/db';
import { ValidationError } from '@/lib/model';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;

beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => {
  await db.delete();
});

async function counts() {
  return {
    contacts: await db.contacts.count(),
    interactions: await db.interactions.count(),
    commitments: await db.commitments.count(),
    feedback: await db.feedback.count(),
    purchases: await db.purchases.count(),
    followUps: await db.followUps.count(),
  };
}

const anna = {
  name: 'Anna Schröder',
  emails: ['Anna.Schroeder@Schroeder-Bau.de'],
  company: 'Schröder Bau GmbH',
  profileUrls: ['https://www.xing.com/profile/Anna_Schroeder/cv'],
};

describe('contacts', () => {
  it('creates a contact with a string id, normalised e-mail and canonical profile', async () => {
    const c = await createContact(db, anna, now);
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.createdAt).toBe(now.toISOString());
    expect((await db.contacts.get(c.id))?.emails).toEqual(['anna.schroeder@schroeder-bau.de']);
    expect((await findByEmail(db, ' ANNA.schroeder@schroeder-bau.de'))[0]?.id).toBe(c.id);
    expect((await findByProfileUrl(db, 'xing.com/profile/anna_schroeder?x=1'))[0]?.id).toBe(c.id);
  });

  it('refuses invalid data with a clear error and writes nothing', async () => {
    const bad = createContact(
      db,
      { ...anna, emails: ['anna@'], birthday: { month: 2, day: 30 } },
      now,
    );
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(bad).rejects.toThrow(/emails\.0: Not a valid e-mail address.*birthday\.day/);
    expect(await counts()).toMatchObject({ contacts: 0 });
  });

  it('never creates a silent duplicate: same e-mail or same profile is refused', async () => {
    const first = await createContact(db, anna, now);
    const again = createContact(
      db,
      { name: 'A. Schröder', emails: ['anna.schroeder@schroeder-bau.de'] },
      now,
    );
    await expect(again).rejects.toBeInstanceOf(DuplicateContactError);
    await expect(again).rejects.toMatchObject({ existingIds: [first.id] });
    await expect(
      createContact(
        db,
        { name: 'Anna S.', profileUrls: ['https://xing.com/profile/Anna_Schroeder'] },
        now,
      ),
    ).rejects.toBeInstanceOf(DuplicateContactError);
    expect(await db.contacts.count()).toBe(1);
  });

  it('updates fields, removes a field set to undefined and keeps createdAt', async () => {
    const c = await createContact(db, anna, now);
    const later = new Date('2026-11-23T08:00:00.000Z');
    const u = await updateContact(db, c.id, { company: undefined, interests: ['Segeln'] }, later);
    expect(u.company).toBeUndefined();
    expect('company' in ((await db.contacts.get(c.id)) ?? {})).toBe(false);
    expect(u.interests).toEqual(['Segeln']);
    expect(u.createdAt).toBe(c.createdAt);
    expect(u.updatedAt).toBe(later.toISOString());
  });

  it('refuses an update that would steal another contact’s e-mail', async () => {
    await createContact(db, anna, now);
    const b = await createContact(db, { name: 'Bernd Vogel', emails: ['b@vogel.de'] }, now);
    await expect(
      updateContact(db, b.id, { emails: ['b@vogel.de', 'anna.schroeder@schroeder-bau.de'] }, now),
    ).rejects.toBeInstanceOf(DuplicateContactError);
    expect((await db.contacts.get(b.id))?.emails).toEqual(['b@vogel.de']);
  });

  it('deleting a contact removes everything attached, and only that', async () => {
    const a = await createContact(db, anna, now);
    const b = await createContact(db, { name: 'Bernd Vogel' }, now);
    for (const id of [a.id, b.id]) {
      await saveRecord(db, 'interactions', {
        contactId: id,
        at: '2026-11-01',
        channel: 'phone',
        direction: 'out',
        personal: true,
      });
      await saveRecord(db, 'commitments', {
        contactId: id,
        text: 'Angebot',
        createdAt: '2026-11-01',
        dueAt: '2026-11-30',
      });
      await saveRecord(db, 'feedback', {
        contactId: id,
        at: '2026-10-01',
        product: 4,
        complaint: false,
      });
      await saveRecord(db, 'purchases', { contactId: id, at: '2026-10-01', amount: 1200 });
      await saveRecord(db, 'followUps', { contactId: id, dueAt: '2026-12-01', note: 'Anrufen' });
    }
    const deleted = await deleteContact(db, a.id);
    expect(deleted.interactions).toHaveLength(1);
    expect(await counts()).toEqual({
      contacts: 1,
      interactions: 1,
      commitments: 1,
      feedback: 1,
      purchases: 1,
      followUps: 1,
    });
    // Undo brings every row back.
    await putHistories(db, [deleted]);
    expect(await getHistory(db, a.id)).toEqual(deleted);
  });

  it('a multi-table write that fails half-way leaves nothing', async () => {
    const history = {
      contact: {
        id: 'c-1',
        name: 'Clara Weiß',
        emails: [],
        phones: [],
        profileUrls: [],
        status: 'active' as const,
        preferredChannels: [],
        interests: [],
        createdAt: '2026-01-01',
        updatedAt: '2026-01-01',
      },
      interactions: [
        {
          id: 'i-1',
          contactId: 'c-1',
          at: '2026-02-01',
          channel: 'phone' as const,
          direction: 'out' as const,
          personal: true,
        },
      ],
      commitments: [],
      feedback: [],
      purchases: [{ id: 'p-1', contactId: 'c-1', at: '2026-02-01', amount: 100 }],
      followUps: [],
    };
    const spy = vi.spyOn(db.purchases, 'bulkPut').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(putHistories(db, [history])).rejects.toThrow('disk on fire');
    expect(spy).toHaveBeenCalled();
    expect(await counts()).toMatchObject({ contacts: 0, interactions: 0, purchases: 0 });
  });

  it('refuses a whole batch when one record in it is invalid, before writing', async () => {
    const ok = {
      contact: { id: 'c-2', name: 'Dieter Kühn', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
      interactions: [
        {
          id: 'i-2',
          contactId: 'c-2',
          at: 'yesterday',
          channel: 'phone',
          direction: 'out',
          personal: true,
        },
      ],
      commitments: [],
      feedback: [],
      purchases: [],
      followUps: [],
    };
    // @ts-expect-error -- deliberately invalid input
    await expect(putHistories(db, [ok])).rejects.toThrow(/interaction: at: Not a valid date/);
    expect(await counts()).toMatchObject({ contacts: 0, interactions: 0 });
  });

  it('turns a full disk into a clear StorageFullError and keeps nothing', async () => {
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    vi.spyOn(db.contacts, 'add').mockRejectedValueOnce(quota);
    const attempt = createContact(db, anna, now);
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toThrow(/no room left/);
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('attached records', () => {
  it('refuses a record for a contact that does not exist', async () => {
    await expect(
      saveRecord(db, 'interactions', {
        contactId: 'ghost',
        at: '2026-11-01',
        channel: 'email',
        direction: 'in',
        personal: true,
      }),
    ).rejects.toThrow(/Contact ghost does not exist/);
    expect(await db.interactions.count()).toBe(0);
  });

  it('refuses a rating outside 1..5 and an invalid channel', async () => {
    const c = await createContact(db, anna, now);
    await expect(
      saveRecord(db, 'feedback', {
        contactId: c.id,
        at: '2026-11-01',
        product: 6,
        complaint: false,
      }),
    ).rejects.toThrow(/product: A rating from 1 to 5/);
    await expect(
      saveRecord(db, 'interactions', {
        contactId: c.id,
        at: '2026-11-01',
        // @ts-expect-error -- deliberately invalid channel
        channel: 'fax',
        direction: 'out',
        personal: true,
      }),
    ).rejects.toThrow(/channel: Unknown channel/);
    expect(await counts()).toMatchObject({ feedback: 0, interactions: 0 });
  });

  it('removeRecord returns the row for undo', async () => {
    const c = await createContact(db, anna, now);
    const i = await saveRecord(db, 'interactions', {
      contactId: c.id,
      at: '2026-11-01',
      channel: 'visit',
      direction: 'out',
      personal: true,
      summary: 'Baustelle besichtigt',
    });
    const removed = await removeRecord(db, 'interactions', i.id);
    expect(removed).toEqual(i);
    expect(await db.interactions.count()).toBe(0);
  });

  it('loads every history grouped by contact', async () => {
    const a = await createContact(db, anna, now);
    const b = await createContact(db, { name: 'Bernd Vogel' }, now);
    await saveRecord(db, 'interactions', {
      contactId: a.id,
      at: '2026-11-01',
      channel: 'phone',
      direction: 'out',
      personal: true,
    });
    await saveRecord(db, 'interactions', {
      contactId: a.id,
      at: '2026-11-02',
      channel: 'email',
      direction: 'in',
      personal: false,
    });
    await saveRecord(db, 'purchases', { contactId: b.id, at: '2026-10-01', amount: 99.5 });
    const all = await getAllHistories(db);
    const byName = Object.fromEntries(all.map((h) => [h.contact.name, h]));
    expect(byName['Anna Schröder']?.interactions).toHaveLength(2);
    expect(byName['Bernd Vogel']?.purchases.map((p) => p.amount)).toEqual([99.5]);
  });
});

describe('settings', () => {
  it('follows the browser language until the user chooses', async () => {
    expect((await getSettings(db, 'en-US')).locale).toBe('en');
    expect((await getSettings(db, 'de-AT')).locale).toBe('de');
    await setSettings(db, { locale: 'en' });
    expect((await getSettings(db, 'de-DE')).locale).toBe('en');
    await setSettings(db, { locale: undefined });
    expect((await getSettings(db, 'de-DE')).locale).toBe('de');
  });

  it('validates before storing and can restore the defaults', async () => {
    await expect(setSettings(db, { paretoA: 0.97 })).rejects.toBeInstanceOf(ValidationError);
    await setSettings(db, { contactEveryDays: { A: 7, B: 30, C: 90 } });
    expect((await getSettings(db)).contactEveryDays.A).toBe(7);
    await resetSettings(db);
    expect((await getSettings(db)).contactEveryDays.A).toBe(14);
  });
});

describe('a really full disk', () => {
  it('Chromium’s “no space” error reads as a full disk too', async () => {
    const db2 = new KundennahDB(`test-${crypto.randomUUID()}`);
    await db2.open();
    vi.spyOn(db2.contacts, 'add').mockRejectedValueOnce(
      new DOMException('Internal error: FILE_ERROR_NO_SPACE', 'UnknownError'),
    );
    await expect(createContact(db2, { name: 'Anna' }, now)).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await db2.contacts.count()).toBe(0);
    await db2.delete();
  });
});

describe('saving a contact that changed meanwhile (issue 15)', () => {
  it('writes only when the contact is still the version the editor started from', async () => {
    const c = await createContact(db, anna, now);
    // The panel links an e-mail while the editor is open.
    const later = new Date(now.getTime() + 1000);
    await updateContact(db, c.id, { emails: [...c.emails, 'anna@privat.de'] }, later);
    await expect(
      updateContact(db, c.id, { notes: 'aus dem Editor' }, later, {
        expectedUpdatedAt: c.updatedAt,
      }),
    ).rejects.toMatchObject({
      code: 'changed-meanwhile',
      current: { emails: ['anna.schroeder@schroeder-bau.de', 'anna@privat.de'] },
    });
    expect((await db.contacts.get(c.id))?.notes).toBeUndefined();
    const stored = (await db.contacts.get(c.id))!;
    const saved = await updateContact(db, c.id, { notes: 'aus dem Editor' }, later, {
      expectedUpdatedAt: stored.updatedAt,
    });
    expect(saved.notes).toBe('aus dem Editor');
  });

  it('two saves in one millisecond are two versions', async () => {
    const c = await createContact(db, anna, now);
    const first = await updateContact(db, c.id, { notes: 'eins' }, now);
    const second = await updateContact(db, c.id, { notes: 'zwei' }, now);
    expect(first.updatedAt > c.updatedAt).toBe(true);
    expect(second.updatedAt > first.updatedAt).toBe(true);
  });
});
