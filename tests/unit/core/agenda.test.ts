import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  computeTiers,
  listCandidates,
  SUGGESTION_KINDS,
  type AgendaItem,
} from '@/lib/core';
import type { ContactHistory, Settings, Tier } from '@/lib/model';
import { commitment, feedback, history, interaction, purchase, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');
const recent = [interaction('2026-03-14')];
const quiet = { interactions: recent, feedback: [feedback('2026-03-14')] }; // no cadence, no feedback due

describe('buildAgenda (PRODUCT.md "Agenda")', () => {
  const hs: ContactHistory[] = [
    // A by revenue; a birthday in 3 days and an overdue cadence.
    history(
      { id: 'big', name: 'Zimmermann', birthday: { month: 3, day: 18 }, close: true },
      { purchases: [purchase('2026-01-10', 50_000)], feedback: [feedback('2026-03-14')] },
    ),
    // C; a promise due in 2 days and one overdue: one commitment item, the earliest.
    history(
      { id: 'small', name: 'Bauer' },
      { ...quiet, commitments: [commitment('2026-03-17'), commitment('2026-03-14')] },
    ),
    // C; a promise in 3 days: not on the agenda.
    history({ id: 'later', name: 'Becker' }, { ...quiet, commitments: [commitment('2026-03-18')] }),
    // Birthdays on the same day, same tier: by name, umlauts sorted as their base letter.
    history({ id: 'x1', name: 'Ärger', birthday: { month: 3, day: 18 } }, quiet),
    history({ id: 'x2', name: 'Adam', birthday: { month: 3, day: 18 } }, quiet),
    history({ id: 'x4', name: 'Özil', birthday: { month: 3, day: 18 } }, quiet),
    // Same name at base strength: by id.
    history({ id: 'z2', name: 'zoe', birthday: { month: 3, day: 18 } }, quiet),
    history({ id: 'z1', name: 'Zoë', birthday: { month: 3, day: 18 } }, quiet),
    // A birthday in 8 days is not pressing.
    history({ id: 'far', name: 'Fern', birthday: { month: 3, day: 23 } }, quiet),
    // A lost customer 7 days ago.
    history({
      id: 'gone',
      name: 'Gone',
      status: 'lost',
      lost: { at: '2026-03-08', reason: 'price' },
    }),
  ];

  it('lists every pressing candidate in the order priority, due, tier, name, id', () => {
    const agenda = buildAgenda(hs, settings({ locale: 'de' }), NOW);
    expect(agenda.map((i) => `${i.contactId}:${i.suggestion.kind}:${i.suggestion.due}`)).toEqual([
      'small:commitment:2026-03-14',
      'gone:exit-conversation:2026-03-15',
      'big:birthday:2026-03-18', // tier A first
      'x2:birthday:2026-03-18', // Adam
      'x1:birthday:2026-03-18', // Ärger = Arger
      'x4:birthday:2026-03-18', // Özil = Ozil
      'z1:birthday:2026-03-18', // Zoë = zoe: by id
      'z2:birthday:2026-03-18',
      'big:cadence:2025-01-15', // 14 days after it was added (2025-01-01): never contacted
    ]);
  });

  it('tiers come from computeTiers over the same histories', () => {
    const tiers = computeTiers(hs, settings(), NOW);
    expect(tiers.big?.tier).toBe('A');
    expect(tiers.x1?.tier).toBe('C');
  });

  it('suggestions are the contract shape; words are there for every reader', () => {
    const agenda = buildAgenda(hs, settings({ locale: 'en' }), NOW);
    const item = agenda.find((i) => i.contactId === 'big' && i.suggestion.kind === 'birthday')!;
    expect(Object.keys(item)).toEqual(['contactId', 'suggestion']);
    expect(Object.keys(item.suggestion)).toEqual([
      'kind',
      'channel',
      'due',
      'reasons',
      'talkingPoints',
    ]);
    const plain = JSON.parse(JSON.stringify(item)) as AgendaItem;
    expect(plain.suggestion.reasons[0]).toBe('Birthday in 3 days (Wed 18 Mar 2026)');
    expect(structuredClone(item)).toEqual(plain);
    expect(item).toEqual(plain);
    expect({ ...item.suggestion }).toEqual(plain.suggestion);
    const expected = listCandidates(hs[0]!, 'A', settings({ locale: 'en' }), NOW).find(
      (c) => c.kind === 'birthday',
    )!;
    const { pressing: _p, ...contract } = expected;
    expect(item.suggestion).toEqual(contract);
    item.suggestion.reasons = ['edited'];
    expect(item.suggestion.reasons).toEqual(['edited']);
  });

  it('words can still be read after the item was deep-frozen (state libraries do that)', () => {
    const item = buildAgenda(hs, settings({ locale: 'en' }), NOW)[0]!;
    Object.freeze(item);
    Object.freeze(item.suggestion);
    expect(item.suggestion.reasons[0]).toMatch(/^Promise to Bauer overdue by 1 day: /);
    expect(item.suggestion.reasons).toBe(item.suggestion.reasons);
    expect(JSON.parse(JSON.stringify(item)).suggestion.talkingPoints).toEqual(
      item.suggestion.talkingPoints,
    );
  });

  it('an empty list gives an empty agenda; an invalid now too', () => {
    expect(buildAgenda([], settings(), NOW)).toEqual([]);
    expect(buildAgenda(hs, settings(), new Date('nonsense'))).toEqual([]);
  });
});

// Random contact books: the agenda must hold exactly the pressing candidates, in the rule's order.
const DAYS = [
  '2026-01-02',
  '2026-02-20',
  '2026-03-08',
  '2026-03-14',
  '2026-03-15',
  '2026-03-17',
  '2026-03-20',
];
const arbBook = fc
  .array(
    fc.record({
      name: fc.constantFrom(
        'Anna',
        'anna',
        'Änne',
        'Bernd',
        'Özlem',
        'Zoë',
        'Zoe',
        'O\u2019Neil',
        'Ève-Marie',
      ),
      revenue: fc.constantFrom(0, 100, 5000, 5000, 40_000),
      company: fc.constantFrom(undefined, 'Acme', 'Beta'),
      birthday: fc.option(
        fc.record({ month: fc.constant(3), day: fc.integer({ min: 10, max: 25 }) }),
      ),
      promise: fc.option(fc.constantFrom(...DAYS)),
      lastCall: fc.option(fc.constantFrom(...DAYS)),
      complaint: fc.boolean(),
      lost: fc.boolean(),
      tier: fc.constantFrom(undefined, undefined, 'A', 'C'),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      history(
        {
          id: `k${String(i).padStart(2, '0')}`,
          name: r.name,
          company: r.company,
          birthday: r.birthday ?? undefined,
          status: r.lost ? 'lost' : 'active',
          lost: r.lost ? { at: '2026-03-01', reason: 'other' } : undefined,
          tierOverride: r.tier as Tier | undefined,
          createdAt: '2025-06-01',
        },
        {
          purchases: r.revenue ? [purchase('2026-01-15', r.revenue)] : [],
          commitments: r.promise ? [commitment(r.promise)] : [],
          interactions: r.lastCall ? [interaction(r.lastCall)] : [],
          feedback: r.complaint ? [feedback('2026-03-01', { complaint: true })] : [],
        },
      ),
    ),
  );

describe('agenda properties', () => {
  it.each(['de', 'en'] as const)(
    'ordered by the rule, holding every pressing candidate the gates let through (%s)',
    (locale) => {
      const s: Settings = settings({ locale });
      const collator = new Intl.Collator(locale, { sensitivity: 'base' });
      const rank = { A: 0, B: 1, C: 2 };
      fc.assert(
        fc.property(arbBook, (hs) => {
          const agenda = buildAgenda(hs, s, NOW);
          const tiers = computeTiers(hs, s, NOW);
          const byId = new Map(hs.map((h) => [h.contact.id, h.contact]));
          const key = (i: AgendaItem) =>
            [
              SUGGESTION_KINDS.indexOf(i.suggestion.kind),
              i.suggestion.due,
              rank[tiers[i.contactId]!.tier],
              byId.get(i.contactId)!.name,
              i.contactId,
            ] as const;
          for (let n = 1; n < agenda.length; n++) {
            const [p1, d1, t1, n1, id1] = key(agenda[n - 1]!);
            const [p2, d2, t2, n2, id2] = key(agenda[n]!);
            const cmp =
              p1 - p2 ||
              d1.localeCompare(d2) ||
              t1 - t2 ||
              collator.compare(n1, n2) ||
              (id1 < id2 ? -1 : 1);
            expect(cmp).toBeLessThan(0);
          }
          // PRODUCT.md "Agenda": every pressing candidate, but while a complaint presses its
          // after-purchase, birthday, cadence and feedback items wait, and feedback due with the
          // cadence is asked in that conversation.
          const waits = ['after-purchase', 'birthday', 'partner-birthday', 'cadence', 'feedback'];
          const expected = hs.flatMap((h) => {
            const pressing = listCandidates(h, tiers[h.contact.id]!.tier, s, NOW).filter(
              (c) => c.pressing,
            );
            const complaint = pressing.some((c) => c.kind === 'complaint');
            const cadence = pressing.some((c) => c.kind === 'cadence');
            return pressing
              .filter((c) => !(complaint && waits.includes(c.kind)))
              .filter((c) => !(cadence && c.kind === 'feedback'))
              .map((c) => `${h.contact.id}:${c.kind}:${c.due}`);
          });
          const got = agenda.map((i) => `${i.contactId}:${i.suggestion.kind}:${i.suggestion.due}`);
          expect([...got].sort()).toEqual([...expected].sort());
        }),
        { numRuns: 150 },
      );
    },
  );
});
