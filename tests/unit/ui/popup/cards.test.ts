import { describe, expect, it } from 'vitest';
import { SUGGESTION_KINDS, agendaRank, dayNumberFromIso, type SuggestionKind } from '@/lib/core';
import type { AgendaRow } from '@/lib/db';
import type { Channel } from '@/lib/model';
import { agendaSections, doneFormOf, groupByPerson } from '@/lib/ui/popup/cards';
import { sortAgenda } from '@/lib/ui/popup/data';

function row(
  contactId: string,
  kind: SuggestionKind,
  due: string,
  channel: Channel = 'phone',
): AgendaRow {
  const name = contactId[0]!.toUpperCase() + contactId.slice(1);
  return {
    id: `${contactId}:${kind}`,
    contactId,
    kind,
    channel,
    due,
    reasons: [`${kind} ${name}`],
    talkingPoints: [],
    tier: 'A',
    name,
    profileUrls: [],
    rank: agendaRank(kind, dayNumberFromIso(due), 'A'),
    day: '2026-11-22',
  };
}

const none = Object.fromEntries(SUGGESTION_KINDS.map((k) => [k, 0])) as Record<
  SuggestionKind,
  number
>;
const countsOf = (rows: AgendaRow[]) => {
  const counts = { ...none };
  for (const r of rows) counts[r.kind]++;
  return counts;
};

// Today's agenda: Hofmann has a purchase to follow up and his partner's birthday on Friday;
// Weiß a promise; Brandt a birthday. Rows come in the agenda order.
const agenda = sortAgenda(
  [
    row('hofmann', 'partner-birthday', '2026-11-27'),
    row('weiss', 'commitment', '2026-11-20'),
    row('brandt', 'birthday', '2026-11-25'),
    row('hofmann', 'after-purchase', '2026-11-22'),
  ],
  'de',
);

describe('one card per person', () => {
  it('the agenda order is the rules’ order (the input of the grouping)', () => {
    expect(agenda.map((r) => r.id)).toEqual([
      'weiss:commitment',
      'hofmann:after-purchase',
      'brandt:birthday',
      'hofmann:partner-birthday',
    ]);
  });

  it('puts all items of a person in one card, at the place of the first, in agenda order', () => {
    expect(groupByPerson(agenda).map((c) => [c.contactId, c.items.map((i) => i.kind)])).toEqual([
      ['weiss', ['commitment']],
      ['hofmann', ['after-purchase', 'partner-birthday']],
      ['brandt', ['birthday']],
    ]);
  });

  it('gives everyone their own card when nobody has two items', () => {
    const rows = agenda.filter((r) => r.id !== 'hofmann:partner-birthday');
    expect(groupByPerson(rows).map((c) => c.items.length)).toEqual([1, 1, 1]);
  });

  it('returns nothing for an empty day', () => {
    expect(groupByPerson([])).toEqual([]);
    expect(agendaSections([], none)).toEqual([]);
  });
});

describe('the popup’s groups hold the cards of their first items', () => {
  it('a card is shown in the group of its first item only; a group left empty has no heading', () => {
    const sections = agendaSections(agenda, countsOf(agenda));
    expect(sections.map((s) => [s.id, s.cards.map((c) => c.contactId), s.count, s.more])).toEqual([
      ['commitment', ['weiss'], 1, 0],
      ['after-purchase', ['hofmann'], 1, 0],
      ['birthday', ['brandt'], 1, 0],
    ]);
  });

  it('keeps counting items of a group that are not loaded yet', () => {
    const counts = { ...countsOf(agenda), birthday: 4, cadence: 2 };
    const sections = agendaSections(agenda, counts);
    expect(sections.map((s) => [s.id, s.cards.length, s.count, s.more])).toEqual([
      ['commitment', 1, 1, 0],
      ['after-purchase', 1, 1, 0],
      ['birthday', 1, 4, 3],
      ['cadence', 0, 2, 2],
    ]);
  });
});

describe('what "done" asks first', () => {
  it.each<[string, AgendaRow[], { settle: boolean; note: boolean }]>([
    [
      'a call → the after-call note',
      [row('a', 'cadence', '2026-11-22')],
      { settle: false, note: true },
    ],
    [
      'a meeting → the note',
      [row('a', 'after-purchase', '2026-11-22', 'meeting')],
      { settle: false, note: true },
    ],
    [
      'a visit → the note',
      [row('a', 'follow-up', '2026-11-22', 'visit')],
      { settle: false, note: true },
    ],
    [
      'an e-mail → nothing, done at once',
      [row('a', 'cadence', '2026-11-22', 'email')],
      { settle: false, note: false },
    ],
    [
      'a XING message → nothing',
      [row('a', 'birthday', '2026-11-22', 'xing')],
      { settle: false, note: false },
    ],
    [
      'feedback by e-mail → the note (its ratings)',
      [row('a', 'feedback', '2026-11-22', 'email')],
      { settle: false, note: true },
    ],
    [
      'a complaint → what was agreed',
      [row('a', 'complaint', '2026-11-22')],
      { settle: true, note: false },
    ],
    [
      'a complaint and a promise by phone → both',
      [row('a', 'commitment', '2026-11-21'), row('a', 'complaint', '2026-11-22')],
      { settle: true, note: true },
    ],
    [
      'a card whose first item goes by e-mail → no note',
      [row('a', 'commitment', '2026-11-21', 'email'), row('a', 'follow-up', '2026-11-22')],
      { settle: false, note: false },
    ],
  ])('%s', (_, items, expected) => {
    expect(doneFormOf(items)).toEqual(expected);
  });
});
