// Planning an import (lib/io/import-plan.ts): drafts against stored contacts, look-alikes, the
// contact a draft becomes, what merging adds. No database: the plan is pure.
import { describe, expect, it } from 'vitest';
import {
  cleanContactFromDraft,
  contactFromDraft,
  mergeDraftInto,
  planImport,
  resolveImport,
  type ImportPlan,
} from '@/lib/io/import-plan';
import { parseContactsFile } from '@/lib/io';
import { ContactSchema, compact, type Contact, type ContactDraft } from '@/lib/model';
import { findDraftDuplicates } from '@/lib/core';
import fc from 'fast-check';
import { draftArb, emailArb, phoneArb, profileUrlArb, trickyText } from '../../support/arbitraries';
import { generateLinkedInCsv } from '../../fixtures/io/generate';
import { contact } from '../../support/contacts';

const now = new Date('2026-11-22T10:00:00.000Z');
const later = new Date('2026-11-23T10:00:00.000Z');

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

describe('a big import', () => {
  // How long this takes is a figure of the bench (the LinkedIn import figures); quadratic work
  // would take minutes and hit the test's own timeout.
  it('plans a 10,000-row LinkedIn export against 5,000 stored contacts, each row decided', () => {
    const drafts = parseContactsFile(generateLinkedInCsv(10_000), 'Connections.csv').contacts;
    const stored = resolveImport(planImport(drafts.slice(0, 5000), [], now), {}).added;
    const p = planImport(drafts, stored, later);
    const decisions: Record<number, string> = {};
    for (const r of p.rows) if (r.kind === 'similar') decisions[r.index] = 'new';
    const o = resolveImport(p, decisions);
    expect(o.unchanged.length + o.merged.length).toBe(stored.length);
    expect(o.added.length).toBeGreaterThanOrEqual(4000);
  });
});

describe('"Empfohlen von" in an import', () => {
  const lena = contact('lena', { name: 'Lena Weber', company: 'Weber & Yılmaz' });
  const lenaToo = contact('lena2', { name: 'Lena Weber', company: 'Weber Logistik GmbH' });

  it('links to a stored contact by name (titles, case, accents aside) or by e-mail', () => {
    const p = plan(
      [
        { name: 'Tom Berg', emails: [], referredBy: 'anna schroeder' },
        { name: 'Ute Kranz', emails: [], referredBy: 'ANNA@schroeder-bau.de' },
        { name: 'Ida Sommer', emails: [], referredBy: 'Dr. Jürgen Müller' },
      ],
      [anna, juergen],
    );
    const out = resolveImport(p);
    expect(out.added.map((c) => [c.name, c.referredBy])).toEqual([
      ['Tom Berg', 'anna'],
      ['Ute Kranz', 'anna'],
      ['Ida Sommer', 'juergen'],
    ]);
    expect(out.referralNotes).toEqual([]);
  });

  it('links to a person further down the same file', () => {
    const p = plan(
      [
        { name: 'Tom Berg', emails: [], referredBy: 'Karla Linde' },
        { name: 'Karla Linde', emails: ['karla@linde.de'] },
      ],
      [],
    );
    const [tom, karla] = resolveImport(p).added;
    expect(tom?.referredBy).toBe(karla?.id);
  });

  it('a company in brackets tells namesakes apart; without it nobody is guessed', () => {
    const p = plan(
      [
        { name: 'Tom Berg', emails: [], referredBy: 'Lena Weber (Weber Logistik)' },
        { name: 'Ute Kranz', emails: [], referredBy: 'Lena Weber' },
        { name: 'Ida Sommer', emails: [], referredBy: 'Niemand Bekanntes' },
        { name: 'Lena Weber', emails: [], company: 'Weber & Yılmaz', referredBy: 'Lena Weber' },
      ],
      [lena, lenaToo],
    );
    const out = resolveImport(p, { 3: 'lena' });
    const by = new Map(out.added.map((c) => [c.name, c.referredBy]));
    expect(by.get('Tom Berg')).toBe('lena2');
    expect(by.get('Ute Kranz')).toBeUndefined();
    expect(by.get('Ida Sommer')).toBeUndefined();
    expect(out.referralNotes).toEqual([
      { index: 1, text: 'Lena Weber', problem: 'ambiguous' },
      { index: 2, text: 'Niemand Bekanntes', problem: 'not-found' },
      { index: 3, text: 'Lena Weber', problem: 'ambiguous' },
    ]);
  });

  it('fills a gap on a stored contact, never replaces who recommended them, never themself', () => {
    const withRef = { ...jens, referredBy: 'juergen' };
    const p = plan(
      [
        { name: 'A. Schröder', emails: ['anna@schroeder-bau.de'], referredBy: 'Jürgen Müller' },
        { name: 'Jens', emails: [], profileUrls: jens.profileUrls, referredBy: 'Anna Schröder' },
        { name: 'Jürgen Müller', emails: [], company: 'Müller & Söhne GmbH', referredBy: 'x' },
      ],
      [anna, withRef, juergen],
    );
    const out = resolveImport(p, { 2: 'juergen' });
    expect(out.merged.map((m) => [m.after.id, m.after.referredBy, m.added.referredBy])).toEqual([
      ['anna', 'juergen', 'juergen'],
    ]);
    expect(out.unchanged.map((u) => u.contact.id)).toContain('jens');
    const self = plan(
      [{ name: 'Anna', emails: ['anna@schroeder-bau.de'], referredBy: 'Anna Schröder' }],
      [anna],
    );
    expect(resolveImport(self).referralNotes).toEqual([
      { index: 0, text: 'Anna Schröder', problem: 'self' },
    ]);
  });
});
