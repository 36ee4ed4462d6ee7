import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KundennahDB,
  StorageFullError,
  getMeta,
  logInteraction,
  putHistories,
  updateContact,
} from '@/lib/db';
import {
  ImportConflictError,
  applyImport,
  contactsForPlanning,
  listImportBatches,
  undoImport,
} from '@/lib/db/import';
import {
  cleanContactFromDraft,
  contactFromDraft,
  mergeDraftInto,
  planImport,
  resolveImport,
  type ImportPlan,
} from '@/lib/io/import-plan';
import { parseContactsFile } from '@/lib/io';
import {
  ContactSchema,
  compact,
  type Contact,
  type ContactDraft,
  type ContactHistory,
} from '@/lib/model';
import { findDraftDuplicates } from '@/lib/core';
import fc from 'fast-check';
import { draftArb, emailArb, phoneArb, profileUrlArb, trickyText } from '../../support/arbitraries';
import { fixtureBytes } from '../../support/io-files';
import { generateLinkedInCsv } from '../../fixtures/io/generate';
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

let counter = 0;
const ids = () => `new-${++counter}`;

function plan(drafts: ContactDraft[], existing: Contact[]): ImportPlan {
  return planImport(drafts, existing, now, { newId: ids });
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

describe('planning an import', () => {
  it('sorts drafts into new, merge by e-mail or profile URL, similar by name at the company', () => {
    const p = plan(
      [
        { name: 'Neu Person', emails: ['neu@example.de'] },
        { name: 'A. Schröder', emails: ['ANNA@Schroeder-Bau.de'] },
        { name: 'Jens V.', emails: [], profileUrls: ['https://www.linkedin.com/in/Jens-Vogel'] },
        { name: 'Juergen Mueller', emails: [], company: 'Müller und Söhne' },
        { name: 'Juergen Mueller', emails: [], company: 'Müller & Söhne' },
      ],
      [anna, jens, juergen],
    );
    expect(p.rows.map((r) => r.kind)).toEqual(['new', 'merge', 'merge', 'new', 'similar']);
    expect(p.rows[1]).toMatchObject({ targetId: 'anna', reasons: ['email'], inFile: false });
    expect(p.rows[2]).toMatchObject({ targetId: 'jens', reasons: ['profile-url'] });
    expect(p.rows[4]).toMatchObject({
      candidates: [{ contactId: 'juergen', reasons: ['name-company'], inFile: false }],
    });
  });

  it('finds a name with one typo, an initial, or the other order at the same company', () => {
    const existing = [
      contact('x', { name: 'Katharina Schneider', company: 'Acme AG' }),
      contact('y', { name: 'Thomas Becker', company: 'Acme AG' }),
    ];
    const p = plan(
      [
        { name: 'Katharina Schnieder', emails: [], company: 'ACME' },
        { name: 'T. Becker', emails: [], company: 'Acme' },
        { name: 'Becker, Thomas', emails: [], company: 'Acme' },
        { name: 'Thomas Becker', emails: [], company: 'Other GmbH' },
        { name: 'Tomas Baker', emails: [], company: 'Acme' },
      ],
      existing,
    );
    expect(p.rows.map((r) => r.kind)).toEqual(['similar', 'similar', 'similar', 'new', 'new']);
  });

  it('folds a person the file lists twice into one new contact', () => {
    const p = plan(
      [
        { name: 'Eva Roth', emails: ['eva@roth.de'], company: 'Roth' },
        { name: 'Eva Roth', emails: ['EVA@roth.de', 'privat@eva.de'], phones: ['+49 1'] },
      ],
      [],
    );
    expect(p.rows.map((r) => r.kind)).toEqual(['new', 'merge']);
    const o = resolveImport(p);
    expect(o.added).toHaveLength(1);
    expect(o.added[0]).toMatchObject({
      emails: ['eva@roth.de', 'privat@eva.de'],
      phones: ['+49 1'],
    });
    expect(o.combined).toEqual([1]);
  });

  it('asks about a look-alike in the same file instead of adding it twice silently', () => {
    const p = plan(
      [
        { name: 'Jürgen Müller', emails: [], company: 'Müller GmbH' },
        { name: 'Juergen Mueller', emails: [], company: 'Müller GmbH' },
      ],
      [],
    );
    expect(p.rows[1]).toMatchObject({ kind: 'similar', candidates: [{ inFile: true }] });
    expect(resolveImport(p).pending).toEqual([1]);
    const first = p.rows[0]!.kind === 'new' ? p.rows[0]!.id : '';
    const merged = resolveImport(p, { 1: first });
    expect(merged.added).toHaveLength(1);
    expect(resolveImport(p, { 1: 'new' }).added).toHaveLength(2);
  });
});

describe('finding look-alikes through the index', () => {
  // Names built from words that are typos, initials, transliterations and reorderings of each other.
  const WORDS = [
    'Anna',
    'Ana',
    'Anne',
    'A.',
    'Hans-Peter',
    'Hanspeter',
    'Hans',
    'Peter',
    'Müller',
    'Mueller',
    'Muller',
    'Müllers',
    'Schmidt',
    'Schmitt',
    'Schmid',
    'Maria',
    'Dr.',
    'Katharina',
    'Katharine',
    'Becker',
    'Bäcker',
    'Thomas',
    'T.',
    'Weiß',
    'Weiss',
    'Weis',
    'van',
    'Berg',
  ];
  const COMPANIES = ['Acme GmbH', 'ACME', 'Acme AG', 'Beta KG', 'Gamma', ''];
  const nameArb = fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
    .chain((words) =>
      fc
        .boolean()
        .map((comma) =>
          comma && words.length > 1
            ? `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`
            : words.join(' '),
        ),
    );
  const personArb = fc.record({ name: nameArb, company: fc.constantFrom(...COMPANIES) });

  it('finds exactly the people lib/core calls similar, in the store and earlier in the file', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { maxLength: 25 }),
        fc.array(personArb, { minLength: 1, maxLength: 12 }),
        (stored, incoming) => {
          const existing = stored.map((p, i) => contact(`s${i}`, p));
          const drafts: ContactDraft[] = incoming.map((p) => ({ ...p, emails: [] }));
          const plan = planImport(drafts, existing, now, { newId: ids });
          const earlier: Contact[] = [];
          plan.rows.forEach((row, i) => {
            const expected = findDraftDuplicates(drafts[i]!, [...existing, ...earlier])
              .filter((m) => m.reasons.includes('name-company'))
              .map((m) => m.contactId)
              .sort();
            const found =
              row.kind === 'similar' ? row.candidates.map((c) => c.contactId).sort() : [];
            expect(found).toEqual(expected);
            if (row.kind === 'new' || row.kind === 'similar') earlier.push(plan.fresh.get(row.id)!);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('building contacts from drafts without the schema', () => {
  const stamp = now.toISOString();
  const viaSchema = (d: ContactDraft) => {
    const r = ContactSchema.safeParse({
      id: 'x',
      name: d.name,
      emails: d.emails,
      phones: d.phones ?? [],
      company: d.company,
      position: d.position,
      birthday: d.birthday,
      profileUrls: d.profileUrls ?? [],
      status: 'prospect',
      preferredChannels: [],
      interests: [],
      createdAt: stamp,
      updatedAt: stamp,
    });
    return r.success ? compact(r.data) : null;
  };
  const messyDraft = fc.record({
    name: fc.oneof(trickyText, fc.constantFrom(' Anna ', '', '  ')),
    emails: fc.array(fc.oneof(emailArb, fc.constantFrom('A@B.DE', ' x@y.de', 'nope', 'a@b')), {
      maxLength: 3,
    }),
    phones: fc.array(fc.oneof(phoneArb, fc.constantFrom('', ' 0171 ', '+49 1')), { maxLength: 2 }),
    company: fc.option(fc.oneof(trickyText, fc.constantFrom('', '  ', ' Acme ')), {
      nil: undefined,
    }),
    position: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
    birthday: fc.option(
      fc.record(
        {
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          year: fc.oneof(fc.integer({ min: 900, max: 10_000 }), fc.constant(2.5)),
        },
        { requiredKeys: ['month', 'day'] },
      ),
      { nil: undefined },
    ),
    profileUrls: fc.array(
      fc.oneof(profileUrlArb, fc.constantFrom('linkedin.com/in/x/', 'javascript:alert(1)', '')),
      { maxLength: 2 },
    ),
  }) as fc.Arbitrary<ContactDraft>;

  it('gives exactly what the model’s schema gives, or steps aside for it', () => {
    fc.assert(
      fc.property(fc.oneof(draftArb, messyDraft), (draft) => {
        const clean = cleanContactFromDraft(draft, 'x', stamp, 'prospect');
        const schema = viaSchema(draft);
        if (clean) expect(clean).toEqual(schema);
        const either = contactFromDraft(draft, 'x', stamp, 'prospect');
        expect(either.ok ? either.contact : null).toEqual(schema);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the direct path for what lib/io produces', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        expect(cleanContactFromDraft(draft, 'x', stamp, 'active')).not.toBeNull();
      }),
    );
  });
});

describe('merging a draft into a contact', () => {
  it('adds e-mails, phones and profiles, fills empty fields, and never overwrites', () => {
    const { contact: after, added } = mergeDraftInto(
      contact('c', {
        name: 'Anna Schröder',
        emails: ['anna@a.de'],
        phones: ['+49 30 123456'],
        company: 'Schröder Bau',
        birthday: { month: 3, day: 15 },
      }),
      {
        name: 'Anna S.',
        emails: ['Anna@A.de', 'anna@privat.de'],
        phones: ['0049 30 123456', '+49 171 1'],
        company: 'Other GmbH',
        position: 'Inhaberin',
        birthday: { month: 3, day: 15, year: 1980 },
        profileUrls: ['https://www.xing.com/profile/Anna_Schroeder'],
      },
    );
    expect(after).toMatchObject({
      name: 'Anna Schröder',
      emails: ['anna@a.de', 'anna@privat.de'],
      phones: ['+49 30 123456', '+49 171 1'],
      company: 'Schröder Bau',
      position: 'Inhaberin',
      birthday: { month: 3, day: 15, year: 1980 },
      profileUrls: ['https://www.xing.com/profile/Anna_Schroeder'],
    });
    expect(added).toEqual({
      emails: ['anna@privat.de'],
      phones: ['+49 171 1'],
      profileUrls: ['https://www.xing.com/profile/Anna_Schroeder'],
      position: 'Inhaberin',
      birthday: { month: 3, day: 15, year: 1980 },
    });
  });

  it('keeps a different birthday as the user wrote it', () => {
    const { added } = mergeDraftInto(contact('c', { birthday: { month: 1, day: 2, year: 1970 } }), {
      name: 'x',
      emails: [],
      birthday: { month: 5, day: 6, year: 1980 },
    });
    expect(added.birthday).toBeUndefined();
  });

  it('does not take an e-mail that another contact owns (that would make a duplicate)', () => {
    // The draft's e-mail is Anna's, its profile is Jens's: it merges into Anna, Jens keeps his profile.
    const p = plan(
      [{ name: 'Anna', emails: ['anna@schroeder-bau.de'], profileUrls: jens.profileUrls }],
      [anna, jens],
    );
    const o = resolveImport(p);
    expect(o.merged).toHaveLength(0);
    expect(o.unchanged.map((u) => u.contact.id)).toEqual(['anna']);
  });
});

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
    await logInteraction(db, {
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
    const failure = await applyImport(db, o, { format: 'vcard' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect((failure as Error).message).toMatch(/no room left.*Nothing was saved/);
    expect(await db.contacts.toArray()).toEqual([anna]);
    expect(await db.importBatches.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
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

describe('speed', () => {
  it('plans a 10,000-row LinkedIn export against 5,000 stored contacts in well under a second', () => {
    const drafts = parseContactsFile(generateLinkedInCsv(10_000), 'Connections.csv').contacts;
    const stored = resolveImport(planImport(drafts.slice(0, 5000), [], now), {}).added;
    // CPU time of this process: other work on the machine does not count against it.
    const t0 = process.cpuUsage();
    const p = planImport(drafts, stored, later);
    const decisions: Record<number, string> = {};
    for (const r of p.rows) if (r.kind === 'similar') decisions[r.index] = 'new';
    const o = resolveImport(p, decisions);
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    expect(o.unchanged.length + o.merged.length).toBe(stored.length);
    expect(o.added.length).toBeGreaterThanOrEqual(4000);
    // A guard at eight times what it takes (about 0.5 s here): quadratic work would take minutes.
    expect(ms).toBeLessThan(4000);
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
