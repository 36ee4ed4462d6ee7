import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '@/lib/db';
import { foldText, nameSortKey } from '@/lib/core';
import {
  DEFAULT_VIEW,
  filterRows,
  filterRowsFrom,
  isFiltered,
  queryTerms,
  sortRows,
  toggleSort,
  viewFromParams,
  viewToParams,
  type ContactsView,
  type FilterResult,
} from '@/lib/ui/dashboard/contacts';
import type { Tier } from '@/lib/model';

const today = '2026-11-22';

function row(p: Partial<SummaryRow> & { contactId: string; name: string }): SummaryRow {
  const text = [p.name, p.company, ...(p.emails ?? [])].filter(Boolean).join(' ');
  return {
    emails: [],
    phones: [],
    profileUrls: [],
    status: 'active',
    tier: 'C',
    tierReason: '',
    next: null,
    risks: [],
    search: foldText(text),
    words: foldText(text).split(/\s+/),
    day: today,
    sortName: nameSortKey(p.name),
    ...p,
  };
}

const next = (due: string) => ({
  kind: 'cadence' as const,
  channel: 'phone' as const,
  due,
  reasons: [],
  talkingPoints: [],
});

const ROWS: SummaryRow[] = [
  row({
    contactId: 'c-jm',
    name: 'Jürgen Müller',
    company: 'Müller Bau GmbH',
    emails: ['juergen@mueller-bau.de'],
    tier: 'A',
    lastPersonalAt: '2026-11-12T09:00:00.000Z',
    next: next('2026-11-26'),
    birthday: { day: 18, month: 11 },
  }),
  row({
    contactId: 'c-as',
    name: 'Anna Schmidt',
    company: 'Schmidt Design',
    tier: 'B',
    lastPersonalAt: '2026-08-01',
    next: next('2026-09-15'),
    risks: [{ kind: 'silent', text: '…' }],
    search: foldText('Anna Schmidt Schmidt Design segeln oldtimer'),
  }),
  row({ contactId: 'c-pb', name: 'Peter Becker', tier: 'C', next: next('2026-11-22') }),
  row({
    contactId: 'c-cw',
    name: 'Clara Weiß',
    company: 'Weiß & Co',
    status: 'lost',
    risks: [
      { kind: 'no-exit-conversation', text: '…' },
      { kind: 'silent', text: '…' },
    ],
  }),
  row({ contactId: 'c-lb', name: 'Lars Bauer', status: 'prospect', next: next('2027-01-10') }),
];

const ids = (rows: SummaryRow[]) => rows.map((r) => r.contactId);
const view = (v: Partial<ContactsView>): ContactsView => ({ ...DEFAULT_VIEW, ...v });
const select = (v: Partial<ContactsView>) =>
  ids(filterRows(sortRows(ROWS, view(v).sort, view(v).dir, 'de'), view(v), { today }));

describe('search', () => {
  it.each([
    ['mueller', ['c-jm']],
    ['Müller', ['c-jm']],
    ['MUELLER bau', ['c-jm']],
    ['juergen@', ['c-jm']],
    ['weiss', ['c-cw']],
    ['oldtimer', ['c-as']],
    ['schmidt segeln', ['c-as']],
    ['schmidt müller', []],
    ['   ', ['c-as', 'c-cw', 'c-jm', 'c-lb', 'c-pb']],
  ])('"%s" finds %j (every word, folded like the summaries)', (q, expected) => {
    expect(select({ q })).toEqual(expected);
  });

  it('folds the query the way the summaries are folded', () => {
    expect(queryTerms('  Jürgen  Weiß ')).toEqual(['jurgen', 'weiss']);
  });
});

describe('filters', () => {
  it.each<[string, Partial<ContactsView>, string[]]>([
    ['tier A', { tiers: ['A'] }, ['c-jm']],
    ['tiers A and B', { tiers: ['A', 'B'] }, ['c-as', 'c-jm']],
    ['lost', { status: 'lost' }, ['c-cw']],
    ['prospects', { status: 'prospect' }, ['c-lb']],
    ['at risk', { risk: true }, ['c-as', 'c-cw']],
    ['overdue: due before today, not today', { overdue: true }, ['c-as']],
    ['birthday this month', { birthday: true }, ['c-jm']],
    ['at risk and tier B', { risk: true, tiers: ['B'] }, ['c-as']],
  ])('%s', (_label, v, expected) => {
    expect(select(v)).toEqual(expected);
  });

  it('knows when the list is narrowed (the sort alone does not narrow it)', () => {
    expect(isFiltered(view({ sort: 'tier', dir: 'desc' }))).toBe(false);
    expect(isFiltered(view({ q: 'x' }))).toBe(true);
    expect(isFiltered(view({ birthday: true }))).toBe(true);
  });
});

describe('sort', () => {
  it.each<[Partial<ContactsView>, string[]]>([
    [{ sort: 'name' }, ['c-as', 'c-cw', 'c-jm', 'c-lb', 'c-pb']],
    [{ sort: 'name', dir: 'desc' }, ['c-pb', 'c-lb', 'c-jm', 'c-cw', 'c-as']],
    // Blank companies stay last in both directions; ties by name.
    [{ sort: 'company' }, ['c-jm', 'c-as', 'c-cw', 'c-lb', 'c-pb']],
    [{ sort: 'company', dir: 'desc' }, ['c-cw', 'c-as', 'c-jm', 'c-lb', 'c-pb']],
    [{ sort: 'tier' }, ['c-jm', 'c-as', 'c-cw', 'c-lb', 'c-pb']],
    // The longest silence first; never contacted counts as longest.
    [{ sort: 'last' }, ['c-cw', 'c-lb', 'c-pb', 'c-as', 'c-jm']],
    [{ sort: 'last', dir: 'desc' }, ['c-jm', 'c-as', 'c-cw', 'c-lb', 'c-pb']],
    // The most overdue next touch first; none last in both directions.
    [{ sort: 'next' }, ['c-as', 'c-pb', 'c-jm', 'c-lb', 'c-cw']],
    [{ sort: 'next', dir: 'desc' }, ['c-lb', 'c-jm', 'c-pb', 'c-as', 'c-cw']],
    [{ sort: 'risk' }, ['c-cw', 'c-as', 'c-jm', 'c-lb', 'c-pb']],
  ])('%j', (v, expected) => {
    expect(select(v)).toEqual(expected);
  });

  it('a new column starts in its natural order, the same column flips', () => {
    const byNext = toggleSort(DEFAULT_VIEW, 'next');
    expect(byNext).toMatchObject({ sort: 'next', dir: 'asc' });
    expect(toggleSort(byNext, 'next')).toMatchObject({ sort: 'next', dir: 'desc' });
    expect(toggleSort(toggleSort(byNext, 'next'), 'name')).toMatchObject({
      sort: 'name',
      dir: 'asc',
    });
  });

  it('filters 10,000 sorted rows keeping their order, without sorting again', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row({
        contactId: `c-${i}`,
        name: `Person ${(i * 7919) % 10_000}`,
        tier: (['A', 'B', 'C'] as const)[i % 3],
        next: next(`2026-${String((i % 12) + 1).padStart(2, '0')}-10`),
      }),
    );
    const sorted = sortRows(many, 'next', 'asc', 'de');
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i - 1]!.next!.due <= sorted[i]!.next!.due).toBe(true);
    const out = filterRows(sorted, view({ q: 'person 12', tiers: ['A'] }), { today });
    expect(out.length).toBeGreaterThan(0);
    expect(
      out.every((r) => r.tier === 'A' && r.search.includes('person') && r.search.includes('12')),
    ).toBe(true);
    // A keystroke only filters: whatever order it is given stays (the sort ran once before).
    const reversed = [...sorted].reverse();
    const kept = filterRows(reversed, view({ q: 'person 12', tiers: ['A'] }), { today });
    expect(ids(kept)).toEqual(ids(out).reverse());
  });
});

describe('the view in the URL', () => {
  it('round-trips every setting, leaving defaults out', () => {
    const v = view({
      q: 'müller bau',
      tiers: ['B', 'A'],
      status: 'active',
      risk: true,
      overdue: true,
      birthday: true,
      sort: 'next',
      dir: 'desc',
    });
    const params = new URLSearchParams(viewToParams(v));
    expect(params.get('tier')).toBe('A,B');
    expect(viewFromParams(params)).toEqual({ ...v, tiers: ['A', 'B'] });
    expect(viewToParams(DEFAULT_VIEW)).toEqual({});
  });

  it('ignores what it does not know (a hand-edited link never breaks the page)', () => {
    expect(
      viewFromParams(new URLSearchParams('tier=a,x,C&status=gone&sort=shoe&dir=up&risk=yes')),
    ).toEqual(view({ tiers: ['A', 'C'] }));
  });
});

describe('narrowing while typing', () => {
  it('gives exactly what a full filter gives, keystroke by keystroke, forward and back', () => {
    const sorted = sortRows(ROWS, 'name', 'asc', 'de');
    const typed = [
      's',
      'sc',
      'sch',
      'schm',
      'schmidt',
      'schmidt ',
      'schmidt o',
      'schmidt',
      'm',
      'mu',
      'müller',
      'mueller bau',
    ];
    let previous: FilterResult | null = null;
    for (const q of typed)
      for (const filters of [{}, { tiers: ['A', 'B'] as Tier[] }, { risk: true }]) {
        const v = view({ q, ...filters });
        previous = filterRowsFrom(previous, sorted, v, { today });
        expect(ids(previous.rows), `${q} ${JSON.stringify(filters)}`).toEqual(
          ids(filterRows(sorted, v, { today })),
        );
      }
  });

  it('narrows the previous rows only when every earlier word is part of a word now', () => {
    const sorted = sortRows(ROWS, 'name', 'asc', 'de');
    const first = filterRowsFrom(null, sorted, view({ q: 'schmidt' }), { today });
    // A stale previous result proves which path was taken: narrowing reuses it.
    const stale = { ...first, rows: [] };
    expect(filterRowsFrom(stale, sorted, view({ q: 'schmidt d' }), { today }).rows).toEqual([]);
    expect(ids(filterRowsFrom(stale, sorted, view({ q: 'schmid' }), { today }).rows)).toEqual([
      'c-as',
    ]);
    expect(
      ids(filterRowsFrom(stale, sorted, view({ q: 'schmidt d', risk: true }), { today }).rows),
    ).toEqual(['c-as']);
    expect(
      ids(filterRowsFrom(stale, [...sorted], view({ q: 'schmidt d' }), { today }).rows),
    ).toEqual(['c-as']);
  });
});
