import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KundennahDB } from '@/lib/db';
import { getHistory, putHistories, type DataChange } from '@/lib/db';
import {
  forgetNotDuplicate,
  markNotDuplicate,
  mergeDuplicate,
  pairId,
  undoMerge,
} from '@/lib/db/duplicate-decisions';
import { historyOf, type ContactHistory } from '@/lib/model';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;

beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => {
  await db.delete();
});

const stamp = '2025-01-15T09:00:00.000Z';

function juergen(): ContactHistory {
  return {
    contact: {
      id: 'c-1',
      name: 'Jürgen Müller',
      emails: ['juergen@mueller-bau.de'],
      phones: ['+49 89 123'],
      profileUrls: [],
      status: 'active',
      preferredChannels: ['phone'],
      interests: ['Segeln'],
      company: 'Müller Bau GmbH',
      notes: 'Mag kurze Telefonate.',
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: stamp,
    },
    interactions: [
      {
        id: 'i-1',
        contactId: 'c-1',
        at: '2026-10-01T09:00:00.000Z',
        channel: 'phone',
        direction: 'out',
        personal: true,
        summary: 'Jahresplanung',
      },
    ],
    commitments: [],
    feedback: [],
    purchases: [{ id: 'p-1', contactId: 'c-1', at: '2026-06-01', amount: 12000 }],
    followUps: [],
  };
}

function juergenTwice(): ContactHistory {
  return {
    contact: {
      id: 'c-2',
      name: 'J. Müller',
      emails: ['j.mueller@mueller-bau.de'],
      phones: ['0049 89 123'],
      profileUrls: ['https://www.xing.com/profile/Juergen_Mueller'],
      status: 'active',
      preferredChannels: ['xing'],
      interests: ['segeln', 'Oldtimer'],
      company: 'Müller Bau',
      birthday: { day: 18, month: 3 },
      createdAt: stamp,
      updatedAt: stamp,
    },
    interactions: [
      {
        id: 'i-2',
        contactId: 'c-2',
        at: '2026-09-01T09:00:00.000Z',
        channel: 'email',
        direction: 'in',
        personal: true,
      },
      {
        id: 'i-3',
        contactId: 'c-2',
        at: '2026-09-12',
        channel: 'visit',
        direction: 'out',
        personal: true,
      },
    ],
    commitments: [
      {
        id: 'k-1',
        contactId: 'c-2',
        text: 'Angebot schicken',
        createdAt: stamp,
        dueAt: '2026-12-01',
      },
    ],
    feedback: [{ id: 'f-1', contactId: 'c-2', at: '2026-05-01', product: 4, complaint: false }],
    purchases: [{ id: 'p-2', contactId: 'c-2', at: '2026-02-01', amount: 800 }],
    followUps: [{ id: 'u-1', contactId: 'c-2', dueAt: '2027-01-10', note: 'Messe' }],
  };
}

async function everything() {
  const all = async (t: 'interactions' | 'commitments' | 'feedback' | 'purchases' | 'followUps') =>
    (await db[t].toArray()).map((r) => `${r.id}→${r.contactId}`).sort();
  return {
    contacts: (await db.contacts.toArray()).map((c) => c.id).sort(),
    interactions: await all('interactions'),
    commitments: await all('commitments'),
    feedback: await all('feedback'),
    purchases: await all('purchases'),
    followUps: await all('followUps'),
  };
}

describe('merging two contacts in the database', () => {
  it('keeps every record on the survivor, deletes the other, and unites what both knew', async () => {
    await putHistories(db, [juergen(), juergenTwice()]);
    const outcome = await mergeDuplicate(db, 'c-1', 'c-2', now, { locale: 'de' });
    expect(outcome.moved).toBe(6);
    expect(await everything()).toEqual({
      contacts: ['c-1'],
      interactions: ['i-1→c-1', 'i-2→c-1', 'i-3→c-1'],
      commitments: ['k-1→c-1'],
      feedback: ['f-1→c-1'],
      purchases: ['p-1→c-1', 'p-2→c-1'],
      followUps: ['u-1→c-1'],
    });
    const merged = (await getHistory(db, 'c-1'))!.contact;
    expect(merged.name).toBe('Jürgen Müller');
    expect(merged.emails).toEqual(['juergen@mueller-bau.de', 'j.mueller@mueller-bau.de']);
    expect(merged.phones).toEqual(['+49 89 123']);
    expect(merged.profileUrls).toEqual(['https://www.xing.com/profile/Juergen_Mueller']);
    expect(merged.interests).toEqual(['Segeln', 'Oldtimer']);
    expect(merged.birthday).toEqual({ day: 18, month: 3 });
    expect(merged.createdAt).toBe(stamp);
    // The other's name that lost the conflict is kept in the notes.
    expect(merged.notes).toContain('Mag kurze Telefonate.');
    expect(merged.notes).toContain('J. Müller');
  });

  it('tells the change listeners about both contacts in one committed transaction', async () => {
    await putHistories(db, [juergen(), juergenTwice()]);
    const changes: DataChange[] = [];
    db.onChange((c) => changes.push(c));
    await mergeDuplicate(db, 'c-1', 'c-2', now);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.contactIds.sort()).toEqual(['c-1', 'c-2']);
  });

  it('writes nothing when a contact is missing', async () => {
    await putHistories(db, [juergen()]);
    await expect(mergeDuplicate(db, 'c-1', 'c-missing', now)).rejects.toThrow(/c-missing/);
    expect((await everything()).interactions).toEqual(['i-1→c-1']);
    expect((await getHistory(db, 'c-1'))!.contact).toEqual(juergen().contact);
  });

  it('writes nothing when the merged contact cannot be stored (the transaction rolls back)', async () => {
    await putHistories(db, [juergen(), juergenTwice()]);
    const spy = vi.spyOn(db.contacts, 'delete').mockRejectedValueOnce(new Error('disk said no'));
    await expect(mergeDuplicate(db, 'c-1', 'c-2', now)).rejects.toThrow('disk said no');
    spy.mockRestore();
    expect(await everything()).toEqual({
      contacts: ['c-1', 'c-2'],
      interactions: ['i-1→c-1', 'i-2→c-2', 'i-3→c-2'],
      commitments: ['k-1→c-2'],
      feedback: ['f-1→c-2'],
      purchases: ['p-1→c-1', 'p-2→c-2'],
      followUps: ['u-1→c-2'],
    });
  });

  it('undo brings both contacts back exactly as they were, each with its own records', async () => {
    await putHistories(db, [juergen(), juergenTwice()]);
    await markNotDuplicate(db, 'c-2', 'c-9', now);
    const { undo } = await mergeDuplicate(db, 'c-1', 'c-2', now);
    expect(await db.notDuplicates.count()).toBe(0);
    await undoMerge(db, undo);
    expect(await getHistory(db, 'c-1')).toEqual(juergen());
    expect(await getHistory(db, 'c-2')).toEqual(juergenTwice());
    expect((await db.notDuplicates.toArray()).map((r) => r.id)).toEqual(['c-2|c-9']);
  });

  it('whom the other recommended, the survivor recommended; concerns and attached occasions unite; undo puts it back', async () => {
    const one = juergen();
    const two = juergenTwice();
    one.contact.concerns = [{ id: 'k-a', text: 'ERP-Auswahl bis Q3', notedAt: '2026-10-01' }];
    two.contact.concerns = [
      { id: 'k-b', text: 'erp-auswahl bis q3', notedAt: '2026-10-05' },
      { id: 'k-c', text: 'Praxisumzug', notedAt: '2026-10-06' },
    ];
    two.contact.plannedOccasions = [{ occasionId: 'o-1', at: '2026-10-07T09:00:00.000Z' }];
    // The other was recommended by the survivor: after the merge nobody recommended themselves.
    two.contact.referredBy = 'c-1';
    const friend = historyOf({
      ...one.contact,
      id: 'c-7',
      name: 'Karla Freund',
      emails: [],
      profileUrls: [],
      referredBy: 'c-2',
    });
    await putHistories(db, [one, two, friend]);
    const { undo } = await mergeDuplicate(db, 'c-1', 'c-2', now);
    const merged = (await getHistory(db, 'c-1'))!;
    expect(merged.contact.concerns?.map((c) => c.text)).toEqual([
      'ERP-Auswahl bis Q3',
      'Praxisumzug',
    ]);
    expect(merged.contact.plannedOccasions).toEqual([
      { occasionId: 'o-1', at: '2026-10-07T09:00:00.000Z' },
    ]);
    expect(merged.contact.referredBy).toBeUndefined();
    expect((await db.contacts.get('c-7'))?.referredBy).toBe('c-1');
    expect(merged.referred?.map((r) => r.contact.id)).toEqual(['c-7']);
    await undoMerge(db, undo);
    expect((await db.contacts.get('c-7'))?.referredBy).toBe('c-2');
    expect((await db.contacts.get('c-2'))?.referredBy).toBe('c-1');
  });

  it('refuses to merge a contact with itself', async () => {
    await putHistories(db, [juergen()]);
    await expect(mergeDuplicate(db, 'c-1', 'c-1', now)).rejects.toThrow();
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('"not a duplicate"', () => {
  it('is remembered under both ids sorted and joined by "|", and can be forgotten', async () => {
    expect(pairId('c-2', 'c-1')).toBe('c-1|c-2');
    const id = await markNotDuplicate(db, 'c-2', 'c-1', now);
    expect(await db.notDuplicates.get('c-1|c-2')).toEqual({ id: 'c-1|c-2', at: now.toISOString() });
    await forgetNotDuplicate(db, id);
    expect(await db.notDuplicates.count()).toBe(0);
  });
});
