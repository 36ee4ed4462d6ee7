import { describe, expect, it } from 'vitest';
import {
  CONGRATULATION_DAYS,
  knownFirst,
  listCandidates,
  mergeContacts,
  missingFacts,
  nameKey,
  pageNameVerdict,
  positionChange,
  positionText,
  suggestNextTouch,
  type Acquaintance,
  type PagePosition,
  type PositionChange,
} from '@/lib/core';
import type { Contact } from '@/lib/model';
import { contact, history, interaction, settings } from './fixtures';

// Sunday, 15 March 2026, 11:00 in Berlin.
const NOW = new Date('2026-03-15T10:00:00Z');

describe('a new position on the profile (issue 14, 2)', () => {
  const stored = contact({ position: 'Controllerin', company: 'Muster AG' });
  it.each<[string, Partial<Contact>, PagePosition, PositionChange | null]>([
    [
      'another headline → offered with the page company',
      {},
      { headline: 'Leiterin Controlling', company: 'Muster AG' },
      { headline: 'Leiterin Controlling', company: 'Muster AG', replaces: true },
    ],
    [
      'another company → offered',
      {},
      { headline: 'Controllerin', company: 'Beispiel GmbH' },
      { headline: 'Controllerin', company: 'Beispiel GmbH', replaces: true },
    ],
    [
      'case and whitespace differ only → no change',
      {},
      { headline: '  controllerin ', company: 'MUSTER   AG' },
      null,
    ],
    ['the page shows no headline and no company → no change', {}, {}, null],
    [
      'the page shows no company (a missing value is no change)',
      {},
      { headline: 'Controllerin' },
      null,
    ],
    [
      'the headline equals the stored headline (not the position) → no change',
      { headline: 'CFO | Zahlen, die tragen' },
      { headline: 'CFO | Zahlen, die tragen', company: 'Muster AG' },
      null,
    ],
    [
      'nothing stored yet and the page has a company → offered as a gap to fill, no new job',
      { position: undefined, company: undefined },
      { company: 'Muster AG' },
      { company: 'Muster AG', replaces: false },
    ],
    [
      'a headline where none was stored, the company the same → a gap, no new job',
      { position: undefined },
      { headline: 'Controllerin', company: 'Muster AG' },
      { headline: 'Controllerin', company: 'Muster AG', replaces: false },
    ],
    [
      'declined before → not offered again',
      {
        positionDeclined: {
          at: '2026-03-01',
          headline: 'Leiterin Controlling',
          company: 'Muster AG',
        },
      },
      { headline: 'Leiterin  controlling', company: 'Muster AG' },
      null,
    ],
    [
      'declined before, and the page shows only part of it (the CV page) → not offered',
      {
        positionDeclined: {
          at: '2026-03-01',
          headline: 'Leiterin Controlling',
          company: 'Nova AG',
        },
      },
      { company: 'Nova AG' },
      null,
    ],
    [
      'declined an older value → a newer one is offered',
      {
        positionDeclined: {
          at: '2026-03-01',
          headline: 'Leiterin Controlling',
          company: 'Muster AG',
        },
      },
      { headline: 'Finanzvorständin', company: 'Muster AG' },
      { headline: 'Finanzvorständin', company: 'Muster AG', replaces: true },
    ],
  ])('%s', (_, over, page, expected) => {
    expect(positionChange({ ...stored, ...over }, page)).toEqual(expected);
  });

  it.each<[PagePosition, string]>([
    [
      { headline: 'Leiterin Controlling', company: 'Muster AG' },
      'Leiterin Controlling bei Muster AG',
    ],
    [
      { headline: 'Geschäftsführerin, Köhler Events GmbH', company: 'Köhler Events GmbH' },
      'Geschäftsführerin, Köhler Events GmbH',
    ],
    [{ headline: 'Leiterin Controlling' }, 'Leiterin Controlling'],
    [{ company: 'Muster AG' }, 'Muster AG'],
  ])('in words: %j → %s', (p, words) => {
    expect(positionText('de', p)).toBe(words);
  });
});

describe('the congratulation after a position was taken over', () => {
  const changed = (at: string, touches: string[] = []) =>
    history(
      {
        profileUrls: ['https://www.xing.com/profile/Juergen_Mueller'],
        jobChange: { at, headline: 'Leiter Einkauf', company: 'Muster AG' },
      },
      { interactions: touches.map((t) => interaction(t)) },
    );
  const congratulation = (h: ReturnType<typeof changed>, now = NOW) =>
    listCandidates(h, 'B', settings(), now).find((c) => c.kind === 'congratulation');

  it.each([
    ['taken over today → pressing, due today', '2026-03-15T09:00:00Z', [], '2026-03-15'],
    [
      `taken over ${CONGRATULATION_DAYS} days ago → still due then`,
      '2026-02-13T09:00:00Z',
      [],
      '2026-02-13',
    ],
    [`taken over ${CONGRATULATION_DAYS + 1} days ago → none`, '2026-02-12T09:00:00Z', [], null],
    ['a touch of ours since → none', '2026-03-10T09:00:00Z', ['2026-03-12T09:00:00Z'], null],
    [
      'a touch before it → still due',
      '2026-03-10T09:00:00Z',
      ['2026-03-09T09:00:00Z'],
      '2026-03-10',
    ],
    ['dated after now → none', '2026-03-16T09:00:00Z', [], null],
  ])('%s', (_, at, touches, due) => {
    const c = congratulation(changed(at, touches));
    expect(c ? c.due : null).toBe(due);
    if (c) expect(c.pressing).toBe(true);
  });

  it('comes before an overdue regular touch, on the profile site, and sells nothing', () => {
    const s = suggestNextTouch(
      changed('2026-03-14T09:00:00Z', ['2025-06-01']),
      'A',
      settings(),
      NOW,
    );
    expect(s?.kind).toBe('congratulation');
    expect(s?.channel).toBe('xing');
    expect(s?.reasons[0]).toContain('New position since');
    expect(s?.reasons[0]).toContain('Leiter Einkauf at Muster AG');
    expect(s?.reasons.join(' ')).toContain('no offer');
    expect(s?.talkingPoints.join(' ')).toContain('sell nothing');
  });

  it('a lost contact gets no congratulation', () => {
    const h = changed('2026-03-14T09:00:00Z');
    h.contact.status = 'lost';
    h.contact.lost = { at: '2026-01-01', reason: 'price' };
    expect(congratulation(h)).toBeUndefined();
  });
});

describe('the facts the advice needs', () => {
  const full = contact({
    birthday: { month: 3, day: 14 },
    preferredChannels: ['phone'],
    interests: ['Segeln'],
    address: 'Sie',
  });
  it.each<[string, Partial<Contact>, 'A' | 'B' | 'C', string[]]>([
    [
      'an A customer with nothing known lacks all four, in order',
      { birthday: undefined, preferredChannels: [], interests: [], address: undefined },
      'A',
      ['birthday', 'preferredChannels', 'interests', 'address'],
    ],
    [
      'a B customer without a birthday lacks the birthday',
      { birthday: undefined },
      'B',
      ['birthday'],
    ],
    ['a C customer is not asked', { birthday: undefined, address: undefined }, 'C', []],
    ['a lost A customer is not asked', { birthday: undefined, status: 'lost' }, 'A', []],
    ['an A customer with everything known lacks nothing', {}, 'A', []],
  ])('%s', (_, over, tier, expected) => {
    expect(missingFacts({ ...full, ...over }, tier)).toEqual(expected);
  });
});

describe('a name shown without any address', () => {
  it('is the same name after the duplicate rules’ normalisation', () => {
    expect(nameKey('Dr. Lukas Becker')).toBe(nameKey('lukas becker'));
    expect(nameKey('Becker, Lukas')).toBe(nameKey('Lukas Becker'));
    expect(nameKey('Jürgen Müller')).toBe(nameKey('Juergen Mueller'));
    expect(nameKey('Lukas Becker')).not.toBe(nameKey('Lukas Bäcker-Schmidt'));
  });

  it('the latest answer for the same name counts', () => {
    const c = contact({
      pageNames: [
        { name: 'Lukas Becker', same: false, at: '2026-03-01T09:00:00Z' },
        { name: 'Dr. Lukas Becker', same: true, at: '2026-03-02T09:00:00Z' },
      ],
    });
    expect(pageNameVerdict(c, 'lukas becker')).toBe(true);
    expect(pageNameVerdict(c, 'Lukas Berger')).toBeUndefined();
    expect(pageNameVerdict(contact(), 'Lukas Becker')).toBeUndefined();
  });
});

describe('several people on a page: the known first', () => {
  const rank: Record<string, Acquaintance> = { known: 0, namesake: 1, unknown: 2 };
  it.each<[string[], string[]]>([
    [
      ['unknown', 'known'],
      ['known', 'unknown'],
    ],
    [
      ['unknown', 'namesake', 'known'],
      ['known', 'namesake', 'unknown'],
    ],
    [
      ['known', 'unknown'],
      ['known', 'unknown'],
    ],
  ])('%j → %j', (page, shown) => {
    expect(knownFirst(page, (p) => rank[p]!)).toEqual(shown);
  });

  it('keeps the page order within a group', () => {
    const people = [
      { n: 'Anna', a: 2 },
      { n: 'Bert', a: 0 },
      { n: 'Clara', a: 2 },
      { n: 'Dora', a: 0 },
    ] as const;
    expect(knownFirst(people, (p) => p.a).map((p) => p.n)).toEqual([
      'Bert',
      'Dora',
      'Anna',
      'Clara',
    ]);
  });
});

describe('merging two contacts keeps what was said about page names', () => {
  it('both lists, the latest answer per name', () => {
    const a = history({
      id: 'a',
      pageNames: [{ name: 'Lukas Becker', same: false, at: '2026-03-01T09:00:00Z' }],
    });
    const b = history({
      id: 'b',
      pageNames: [
        { name: 'Dr. Lukas Becker', same: true, at: '2026-03-02T09:00:00Z' },
        { name: 'L. Becker', same: true, at: '2026-03-02T09:00:00Z' },
      ],
    });
    const merged = mergeContacts(a, b, NOW).contact;
    expect(pageNameVerdict(merged, 'Lukas Becker')).toBe(true);
    expect(pageNameVerdict(merged, 'L. Becker')).toBe(true);
    expect(merged.pageNames).toHaveLength(2);
  });
});
