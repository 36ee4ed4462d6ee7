import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicateGroups,
  findDraftDuplicates,
  findDuplicates,
  mergeContacts,
  nameTokens,
  similarNames,
} from '@/lib/core';
import type { Contact, ContactHistory } from '@/lib/model';
import { profileUrlKey } from '@/lib/model';
import {
  commitment,
  contact,
  feedback,
  followUp,
  history,
  interaction,
  purchase,
} from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');
const same = (a: string, b: string) => similarNames(nameTokens(a), nameTokens(b));

describe('very similar names (PRODUCT.md "Duplicates")', () => {
  it.each([
    ['umlaut and its transliteration', 'Jürgen Müller', 'Juergen Mueller'],
    ['umlaut written without dots', 'Jürgen Müller', 'Jurgen Muller'],
    ['ß and ss', 'Klaus Weiß', 'Klaus Weiss'],
    ['ö and oe', 'Özlem Öztürk', 'Oezlem Oeztuerk'],
    ['case', 'ANNA SCHMIDT', 'anna schmidt'],
    ['accents', 'René Lefèvre', 'Rene Lefevre'],
    ['a title', 'Dr. Anna Schmidt', 'Anna Schmidt'],
    ['titles and a professor', 'Prof. Dr.-Ing. Anna Schmidt', 'anna schmidt'],
    ['a salutation', 'Herr Jürgen Müller', 'Jürgen Müller'],
    ['a middle name', 'Hans Peter Müller', 'Hans Müller'],
    ['a hyphenated first name', 'Hans-Peter Müller', 'Hans Peter Müller'],
    ['the call name is the middle name', 'Karl Friedrich Schulz', 'Friedrich Schulz'],
    ['last name, first name', 'Müller, Jürgen', 'Jürgen Müller'],
    ['a suffix after a comma', 'Jürgen Müller, MBA', 'Jürgen Müller'],
    ['an initial', 'J. Müller', 'Jürgen Müller'],
    ['one typo in a long last name', 'Anna Zimmermann', 'Anna Zimmerman'],
    ['Maier and Mayer (a likely misspelling at one company)', 'Anna Maier', 'Anna Mayer'],
    ['a double last name', 'Anna Müller-Schmidt', 'Anna Müller'],
  ])('%s: "%s" ~ "%s"', (_rule, a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, a)).toBe(true);
  });

  it.each([
    ['different first names', 'Anna Schmidt', 'Bernd Schmidt'],
    ['different last names', 'Anna Schmidt', 'Anna Becker'],
    ['a typo in a short name is another name', 'Anna Kurz', 'Anna Kunz'],
    ['two initials say too little', 'A. Schmidt', 'B. Schmidt'],
    ['only a first name', 'Anna', 'Anna Schmidt'],
    ['empty', '', 'Anna Schmidt'],
  ])('%s: "%s" ≁ "%s"', (_rule, a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe('finding duplicates', () => {
  const existing: Contact[] = [
    contact({
      id: 'm',
      name: 'Jürgen Müller',
      emails: ['juergen.mueller@example.de'],
      company: 'Müller GmbH',
    }),
    contact({
      id: 'x',
      name: 'Anna Schmidt',
      profileUrls: ['https://www.xing.com/profile/Anna_Schmidt'],
      company: 'Acme',
    }),
    contact({
      id: 'l',
      name: 'Bernd Becker',
      profileUrls: ['https://www.linkedin.com/in/bernd-becker'],
    }),
    contact({ id: 'w', name: 'Website Owner', profileUrls: ['https://acme.example/'] }),
  ];

  it.each([
    [
      'the same e-mail, in any case',
      { name: 'J. M.', emails: ['Juergen.Mueller@EXAMPLE.de'] },
      ['m'],
    ],
    [
      'the same canonical XING profile, from a sub-page with a query',
      { name: 'Someone', emails: [], profileUrls: ['xing.com/profile/Anna_Schmidt/cv?sc_o=x'] },
      ['x'],
    ],
    [
      'the same LinkedIn profile from a country subdomain',
      {
        name: 'B',
        emails: [],
        profileUrls: ['https://de.linkedin.com/in/bernd-becker/details/experience/'],
      },
      ['l'],
    ],
    [
      'a shared website is no profile',
      { name: 'X', emails: [], profileUrls: ['https://acme.example/'] },
      [],
    ],
    [
      'a very similar name at the same company (legal form and case aside)',
      { name: 'Dr. Juergen Mueller', emails: [], company: 'MÜLLER GmbH & Co. KG' },
      ['m'],
    ],
    [
      'a similar name at another company is someone else',
      { name: 'Jürgen Müller', emails: [], company: 'Other AG' },
      [],
    ],
    ['a similar name without company is not enough', { name: 'Jürgen Müller', emails: [] }, []],
  ])('%s', (_rule, draft, ids) => {
    expect(findDraftDuplicates(draft, existing).map((m) => m.contactId)).toEqual(ids);
  });

  it('orders matches by evidence and names every reason', () => {
    const list = [
      contact({ id: 'n', name: 'Jürgen Müller', company: 'Müller GmbH' }),
      contact({ id: 'e', name: 'J M', emails: ['jm@example.de'] }),
      contact({
        id: 'both',
        name: 'Juergen Mueller',
        company: 'Müller GmbH',
        emails: ['jm@example.de'],
      }),
    ];
    expect(
      findDraftDuplicates(
        { name: 'Jürgen Müller', emails: ['jm@example.de'], company: 'Müller GmbH' },
        list,
      ),
    ).toEqual([
      { contactId: 'both', reasons: ['email', 'name-company'] },
      { contactId: 'e', reasons: ['email'] },
      { contactId: 'n', reasons: ['name-company'] },
    ]);
  });

  it('finds pairs among all contacts and joins them into groups', () => {
    const list = [
      ...existing,
      contact({ id: 'm2', name: 'Juergen Mueller', company: 'Müller GmbH' }),
      contact({ id: 'm3', name: 'J. Müller', emails: ['JUERGEN.MUELLER@example.de'] }),
      contact({
        id: 'x2',
        name: 'A. S.',
        profileUrls: ['https://www.xing.com/profile/anna_schmidt'],
      }),
    ];
    const pairs = findDuplicates(list);
    expect(pairs).toEqual([
      { a: 'm', b: 'm3', reasons: ['email'] },
      { a: 'x', b: 'x2', reasons: ['profile-url'] },
      { a: 'm', b: 'm2', reasons: ['name-company'] },
    ]);
    expect(duplicateGroups(pairs)).toEqual([
      ['m', 'm2', 'm3'],
      ['x', 'x2'],
    ]);
  });
});

describe('mergeContacts', () => {
  const survivor = (): ContactHistory =>
    history(
      {
        id: 's',
        name: 'Jürgen Müller',
        emails: ['j.mueller@example.de'],
        phones: ['+49 30 1234567'],
        company: 'Müller GmbH',
        profileUrls: ['https://www.xing.com/profile/Juergen_Mueller'],
        interests: ['Segeln'],
        preferredChannels: ['phone'],
        status: 'prospect',
        notes: 'Mag kurze Telefonate.',
        avoid: { months: [8] },
        createdAt: '2025-05-01',
      },
      {
        interactions: [interaction('2026-01-01')],
        commitments: [commitment('2026-03-20')],
      },
    );
  const other = (): ContactHistory =>
    history(
      {
        id: 'o',
        name: 'Dr. Juergen Mueller',
        emails: ['J.Mueller@example.de', 'jm@privat.de'],
        phones: ['0049 30 1234567', '+49 171 555'],
        company: 'Mueller GmbH',
        position: 'Geschäftsführer',
        birthday: { month: 5, day: 3 },
        profileUrls: ['https://www.linkedin.com/in/jmueller'],
        interests: ['segeln', 'Jazz'],
        preferredChannels: ['xing', 'phone'],
        status: 'active',
        notes: 'Kennt Anna.',
        avoid: { weekdays: [1] },
        createdAt: '2024-02-01',
      },
      {
        interactions: [interaction('2025-12-01'), interaction('2026-02-01')],
        commitments: [commitment('2026-04-01')],
        feedback: [feedback('2026-01-10', { product: 4 })],
        purchases: [purchase('2026-01-05', 1200)],
        followUps: [followUp('2026-03-30')],
      },
    );

  it('keeps the survivor, fills its gaps, unites lists and moves every record', () => {
    const r = mergeContacts(survivor(), other(), NOW, { locale: 'de' });
    expect(r.deleteId).toBe('o');
    expect(r.contact).toMatchObject({
      id: 's',
      name: 'Jürgen Müller',
      emails: ['j.mueller@example.de', 'jm@privat.de'],
      phones: ['+49 30 1234567', '+49 171 555'],
      company: 'Müller GmbH',
      position: 'Geschäftsführer',
      birthday: { month: 5, day: 3 },
      profileUrls: [
        'https://www.xing.com/profile/Juergen_Mueller',
        'https://www.linkedin.com/in/jmueller',
      ],
      interests: ['Segeln', 'Jazz'],
      preferredChannels: ['phone', 'xing'],
      status: 'active',
      avoid: { months: [8], weekdays: [1] },
      createdAt: '2024-02-01',
      updatedAt: '2026-03-15T10:00:00.000Z',
    });
    expect(r.contact.notes).toBe(
      'Mag kurze Telefonate.\n\nKennt Anna.\n\nAus dem zusammengeführten Eintrag „Dr. Juergen Mueller“: Name: Dr. Juergen Mueller; Firma: Mueller GmbH',
    );
    expect(r.history.interactions).toHaveLength(3);
    expect(r.history.commitments).toHaveLength(2);
    for (const list of Object.values(r.moved))
      for (const rec of list) expect(rec.contactId).toBe('s');
    expect(r.moved.purchases.map((p) => p.amount)).toEqual([1200]);
    expect(r.moved.interactions).toHaveLength(2);
  });

  it('merging a contact with itself deletes nothing', () => {
    const s = survivor();
    const r = mergeContacts(s, s, NOW);
    expect(r.deleteId).toBeNull();
    expect(r.history.interactions).toHaveLength(1);
  });

  const arbText = fc.constantFrom('a', 'B', 'ä', 'x y', 'Jazz', 'jazz');
  const arbSide = fc.record({
    emails: fc.uniqueArray(fc.constantFrom('a@x.de', 'b@x.de', 'c@y.de', 'd@y.de'), {
      maxLength: 3,
    }),
    phones: fc.uniqueArray(fc.constantFrom('+49 1', '0049 1', '+49 2', '030 3'), { maxLength: 3 }),
    urls: fc.uniqueArray(
      fc.constantFrom(
        'https://www.xing.com/profile/A',
        'https://www.linkedin.com/in/a',
        'https://www.linkedin.com/in/b',
        'https://example.de/',
      ),
      { maxLength: 3 },
    ),
    interests: fc.uniqueArray(arbText, { maxLength: 3 }),
    channels: fc.uniqueArray(fc.constantFrom('email', 'phone', 'xing', 'visit' as const), {
      maxLength: 3,
    }),
    company: fc.option(fc.constantFrom('Acme', 'Beta')),
    position: fc.option(fc.constantFrom('CEO', 'CTO')),
    notes: fc.option(fc.constantFrom('one', 'two')),
    records: fc.nat({ max: 4 }),
  });
  type Side = typeof arbSide extends fc.Arbitrary<infer T> ? T : never;
  const build = (id: string, s: Side) =>
    history(
      {
        id,
        name: `Name ${id}`,
        emails: s.emails,
        phones: s.phones,
        profileUrls: s.urls,
        interests: s.interests,
        preferredChannels: s.channels,
        company: s.company ?? undefined,
        position: s.position ?? undefined,
        notes: s.notes ?? undefined,
      },
      {
        interactions: Array.from({ length: s.records }, () => interaction('2026-01-01')),
        purchases: Array.from({ length: s.records }, () => purchase('2026-01-01', 10)),
        feedback: Array.from({ length: s.records % 2 }, () => feedback('2026-01-01')),
        commitments: Array.from({ length: s.records % 3 }, () => commitment('2026-01-01')),
        followUps: Array.from({ length: s.records % 2 }, () => followUp('2026-01-01')),
      },
    );

  it('property: merge keeps the union of everything', () => {
    fc.assert(
      fc.property(arbSide, arbSide, (a, b) => {
        const s = build('s', a);
        const o = build('o', b);
        const r = mergeContacts(s, o, NOW);
        const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
        expect(lower(r.contact.emails)).toEqual(lower([...a.emails, ...b.emails]));
        expect(new Set(r.contact.profileUrls.map(profileUrlKey))).toEqual(
          new Set([...a.urls, ...b.urls].map(profileUrlKey)),
        );
        for (const x of [...a.interests, ...b.interests])
          expect(r.contact.interests.some((i) => i.toLowerCase() === x.toLowerCase())).toBe(true);
        expect(new Set(r.contact.preferredChannels)).toEqual(
          new Set([...a.channels, ...b.channels]),
        );
        const digits = (p: string) => p.replace(/^00/, '+').replace(/[^\d+]/g, '');
        expect(new Set(r.contact.phones.map(digits))).toEqual(
          new Set([...a.phones, ...b.phones].map(digits)),
        );
        // Nothing lost: every record of both, every one pointing to the survivor.
        for (const k of [
          'interactions',
          'commitments',
          'feedback',
          'purchases',
          'followUps',
        ] as const) {
          const ids = [...s[k], ...o[k]].map((x) => x.id).sort();
          expect(r.history[k].map((x) => x.id).sort()).toEqual(ids);
          expect(r.history[k].every((x) => x.contactId === 's')).toBe(true);
        }
        // Survivor's fields win; the other's fill gaps or are written into the notes.
        expect(r.contact.company).toBe(a.company ?? b.company ?? undefined);
        for (const v of [b.company, b.position, b.notes, 'Name o'])
          if (v) expect(JSON.stringify(r.contact)).toContain(v);
        expect(r.deleteId).toBe('o');
      }),
      { numRuns: 300 },
    );
  });
});
