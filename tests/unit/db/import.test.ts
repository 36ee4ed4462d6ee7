// Writing an import in one transaction and taking it back (lib/db/import.ts); the plan itself is
// tested in tests/unit/io/import-plan.test.ts.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KundennahDB,
  StorageFullError,
  getMeta,
  putHistories,
  updateContact,
  saveRecord,
} from '@/lib/db';
import {
  ImportConflictError,
  applyImport,
  contactsForPlanning,
  listImportBatches,
  undoImport,
} from '@/lib/db/import';
import { planImport, resolveImport } from '@/lib/io/import-plan';
import { parseContactsFile } from '@/lib/io';
import type { Contact, ContactDraft, ContactHistory } from '@/lib/model';
import { fixtureBytes } from '../../support/io-files';
import { contact } from '../../support/contacts';

const now = new Date('2026-11-22T10:00:00.000Z');
const later = new Date('2026-11-23T10:00:00.000Z');
let db: KundennahDB;

beforeEach(async () => {
  db = new KundennahDB(`import-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const history = (c: Contact): ContactHistory => ({
  contact: c,
  interactions: [],
  commitments: [],
  feedback: [],
  purchases: [],
  followUps: [],
});

async function store(...contacts: Contact[]) {
  await putHistories(db, contacts.map(history));
}

const anna = contact('anna', {
  name: 'Anna Schröder',
  emails: ['anna@schroeder-bau.de'],
  company: 'Schröder Bau GmbH',
  position: 'Inhaberin',
  notes: 'Mag keine Anrufe vor 10.',
});
const jens = contact('jens', {
  name: 'Jens Vogel',
  profileUrls: ['https://www.linkedin.com/in/jens-vogel'],
});
const juergen = contact('juergen', { name: 'Jürgen Müller', company: 'Müller & Söhne GmbH' });

describe('applying and undoing an import', () => {
  it('writes new and merged contacts in one go, and undo takes exactly that back', async () => {
    await store(anna, jens);
    const drafts: ContactDraft[] = [
      { name: 'Neu Person', emails: ['neu@example.de'] },
      { name: 'Anna', emails: ['anna@schroeder-bau.de', 'anna@privat.de'], phones: ['+49 1'] },
      { name: 'Jens Vogel', emails: [], profileUrls: jens.profileUrls },
    ];
    const o = resolveImport(planImport(drafts, await contactsForPlanning(db), now));
    expect(o.added).toHaveLength(1);
    expect(o.merged.map((m) => m.before.id)).toEqual(['anna']);
    expect(o.unchanged.map((u) => u.contact.id)).toEqual(['jens']);

    const batch = await applyImport(db, o, { fileName: 'Connections.csv', format: 'linkedin-csv' });
    expect(batch).not.toBeNull();
    expect(await db.contacts.count()).toBe(3);
    const annaNow = await db.contacts.get('anna');
    expect(annaNow).toMatchObject({
      name: 'Anna Schröder',
      company: 'Schröder Bau GmbH',
      notes: 'Mag keine Anrufe vor 10.',
      emails: ['anna@schroeder-bau.de', 'anna@privat.de'],
      phones: ['+49 1'],
      updatedAt: now.toISOString(),
    });
    expect(await getMeta(db, 'lastLinkedInImportAt')).toBe(now.toISOString());
    expect((await listImportBatches(db)).map((b) => b.id)).toEqual([batch!.id]);

    const report = await undoImport(db, batch!.id, later);
    expect(report).toEqual({ removed: 1, restored: 1, kept: [] });
    expect((await db.contacts.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      anna,
      jens,
    ]);
    expect(await db.importBatches.count()).toBe(0);
    expect(await getMeta(db, 'lastLinkedInImportAt')).toBeUndefined();
  });

  it('undo keeps what the user changed or logged since, and says so', async () => {
    await store(anna);
    const o = resolveImport(
      planImport(
        [
          { name: 'Neu Eins', emails: ['eins@example.de'] },
          { name: 'Neu Zwei', emails: ['zwei@example.de'] },
          { name: 'Neu Drei', emails: ['drei@example.de'] },
          { name: 'Anna', emails: ['anna@schroeder-bau.de'], phones: ['+49 2'] },
        ],
        await contactsForPlanning(db),
        now,
      ),
    );
    const batch = (await applyImport(db, o, { format: 'vcard' }))!;
    const [eins, zwei] = o.added;
    await updateContact(db, eins!.id, { position: 'Chefin' }, later);
    await saveRecord(db, 'interactions', {
      contactId: zwei!.id,
      at: later.toISOString(),
      channel: 'phone',
      direction: 'out',
      personal: true,
    });
    await updateContact(db, 'anna', { notes: 'Neue Notiz' }, later);

    const report = await undoImport(db, batch.id, later);
    expect(report.removed).toBe(1);
    expect(report.restored).toBe(0);
    expect(report.kept).toEqual(
      expect.arrayContaining([
        { id: eins!.id, name: 'Neu Eins', why: 'changed' },
        { id: zwei!.id, name: 'Neu Zwei', why: 'has-records' },
        { id: 'anna', name: 'Anna Schröder', why: 'changed' },
      ]),
    );
    expect(await db.contacts.count()).toBe(3);
    expect((await db.contacts.get('anna'))?.notes).toBe('Neue Notiz');
    expect(await db.interactions.count()).toBe(1);
  });

  it('refuses when a contact changed between preview and confirmation, writing nothing', async () => {
    await store(anna);
    const o = resolveImport(
      planImport(
        [
          { name: 'Neu', emails: ['neu@example.de'] },
          { name: 'Anna', emails: ['anna@schroeder-bau.de'], phones: ['+49 3'] },
        ],
        await contactsForPlanning(db),
        now,
      ),
    );
    await updateContact(db, 'anna', { position: 'Geschäftsführerin' }, later);
    await expect(applyImport(db, o, { format: 'vcard' })).rejects.toBeInstanceOf(
      ImportConflictError,
    );
    expect(await db.contacts.count()).toBe(1);
    expect(await db.importBatches.count()).toBe(0);
  });

  it('refuses when a new contact’s e-mail was added elsewhere meanwhile', async () => {
    const o = resolveImport(planImport([{ name: 'Neu', emails: ['neu@example.de'] }], [], now));
    await store(contact('other', { emails: ['neu@example.de'] }));
    await expect(applyImport(db, o, { format: 'vcard' })).rejects.toBeInstanceOf(
      ImportConflictError,
    );
    expect(await db.contacts.count()).toBe(1);
  });

  it('waits for every similar row to be decided', async () => {
    await store(juergen);
    const p = planImport(
      [{ name: 'Juergen Mueller', emails: [], company: 'Müller & Söhne' }],
      await contactsForPlanning(db),
      now,
    );
    await expect(applyImport(db, resolveImport(p), { format: 'csv' })).rejects.toThrow(/decision/);
    const merged = resolveImport(p, { 0: 'juergen' });
    expect(merged.merged).toHaveLength(0); // same company, nothing new: merged into, unchanged
    expect(merged.unchanged.map((u) => u.contact.id)).toEqual(['juergen']);
    expect(await applyImport(db, merged, { format: 'csv' })).toBeNull();
  });
});

describe('a full disk during an import', () => {
  it('gives StorageFullError and leaves no row of the batch behind', async () => {
    await store(anna);
    const o = resolveImport(
      planImport(
        [
          { name: 'Neu Eins', emails: ['eins@example.de'] },
          { name: 'Neu Zwei', emails: ['zwei@example.de'] },
          { name: 'Anna', emails: ['anna@schroeder-bau.de'], phones: ['+49 4'] },
        ],
        await contactsForPlanning(db),
        now,
      ),
    );
    // The new contacts are written first; the disk fills up on the next bulk write.
    vi.spyOn(db.contacts, 'bulkPut').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const metaBefore = await db.meta.toArray();
    const failure = await applyImport(db, o, { format: 'vcard' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect((failure as Error).message).toMatch(/no room left.*Nothing was saved/);
    expect(await db.contacts.toArray()).toEqual([anna]);
    expect(await db.importBatches.count()).toBe(0);
    expect(await db.meta.toArray()).toEqual(metaBefore);
  });

  it('rolls back the new contacts when the first bulk write itself fails', async () => {
    const o = resolveImport(
      planImport(
        Array.from({ length: 50 }, (_, i) => ({ name: `P ${i}`, emails: [`p${i}@x.de`] })),
        [],
        now,
      ),
    );
    vi.spyOn(db.importBatches, 'add').mockRejectedValueOnce(
      new DOMException('full', 'QuotaExceededError'),
    );
    await expect(applyImport(db, o, { format: 'vcard' })).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('fixtures end to end (parse, plan, apply)', () => {
  it('imports the LinkedIn export, then a second import of it merges and adds nothing', async () => {
    const parsed = parseContactsFile(fixtureBytes('linkedin/Connections.csv'), 'Connections.csv');
    expect(parsed.format).toBe('linkedin-csv');
    const first = resolveImport(planImport(parsed.contacts, [], now, { status: 'prospect' }));
    expect(first.pending).toEqual([]);
    await applyImport(db, first, { format: parsed.format });
    const n = await db.contacts.count();
    expect(n).toBe(parsed.contacts.length);
    expect((await db.contacts.toArray()).every((c) => c.status === 'prospect')).toBe(true);

    const again = resolveImport(planImport(parsed.contacts, await contactsForPlanning(db), later));
    expect(again.added).toEqual([]);
    expect(again.merged).toEqual([]);
    expect(again.unchanged).toHaveLength(n);
  });
});

describe('a transaction the browser aborts', () => {
  // What Chromium does when its profile's disk is full (seen with the profile on a full tmpfs):
  // every request fails with AbortError, and only the transaction says why.
  async function abortedWith(error: DOMException) {
    const o = resolveImport(planImport([{ name: 'Neu', emails: ['neu@example.de'] }], [], now));
    vi.spyOn(db.importBatches, 'add').mockImplementationOnce(() => {
      const tx = Dexie.currentTransaction!.idbtrans;
      Object.defineProperty(tx, 'error', { value: error, configurable: true });
      tx.abort();
      return Dexie.Promise.reject(
        new DOMException('The transaction was aborted.', 'AbortError'),
      ) as ReturnType<typeof db.importBatches.add>;
    });
    return applyImport(db, o, { format: 'vcard' }).catch((e: unknown) => e);
  }

  it('reports a full disk as such, whatever the browser calls it', async () => {
    const e = await abortedWith(
      new DOMException(
        'Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE',
        'UnknownError',
      ),
    );
    expect(e).toBeInstanceOf(StorageFullError);
    expect(await db.contacts.count()).toBe(0);
  });

  it('passes on another reason from the browser in its own words', async () => {
    const e = await abortedWith(new DOMException('Internal error committing.', 'UnknownError'));
    expect(e).not.toBeInstanceOf(StorageFullError);
    expect((e as Error).message).toBe('UnknownError: Internal error committing.');
    expect(await db.contacts.count()).toBe(0);
  });
});
