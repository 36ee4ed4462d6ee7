// The worked example of docs/rules.md §14, so that the documentation stays true.
import { describe, expect, it } from 'vitest';
import { buildAgenda, computeTiers, listCandidates } from '@/lib/core';
import { commitment, history, interaction, purchase, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z'); // Sunday, 11:00 in Berlin

const book = [
  history(
    {
      id: 'mueller',
      name: 'Jürgen Müller',
      company: 'Müller GmbH',
      birthday: { month: 3, day: 18 },
      address: 'Sie',
      interests: ['Segeln'],
      createdAt: '2024-05-01',
    },
    {
      purchases: [purchase('2025-11-10', 30_000), purchase('2026-02-20', 18_200)],
      commitments: [commitment('2026-03-12', { text: 'Angebot für die Wartung schicken' })],
      interactions: [
        interaction('2026-03-02T14:00:00Z', { summary: 'Shop-Start, Segelurlaub im Juni' }),
      ],
    },
  ),
  history(
    { id: 'sabine', name: 'Sabine Müller', company: 'müller  gmbh', createdAt: '2025-09-01' },
    { interactions: [interaction('2026-03-10', { channel: 'meeting' })] },
  ),
  history(
    {
      id: 'schmidt',
      name: 'Anna Schmidt',
      company: 'Schmidt Design',
      avoid: { weekdays: [6, 7] },
      createdAt: '2024-01-01',
    },
    {
      purchases: [purchase('2025-07-01', 9000)],
      interactions: [
        interaction('2026-01-10'),
        interaction('2026-03-01', { channel: 'email', personal: false }),
      ],
    },
  ),
  history(
    { id: 'becker', name: 'Peter Becker', createdAt: '2025-01-01' },
    {
      purchases: [purchase('2026-03-12', 2300, { description: 'Workshop' })],
      interactions: [interaction('2026-03-01')],
    },
  ),
  history(
    { id: 'bauer', name: 'Lars Bauer', potential: 20_000, createdAt: '2026-02-01' },
    { interactions: [interaction('2026-02-01')] },
  ),
  history({
    id: 'weiss',
    name: 'Clara Weiß',
    status: 'lost',
    lost: { at: '2026-03-05', reason: 'price' },
  }),
];

describe('docs/rules.md, worked example', () => {
  it('tiers', () => {
    const tiers = computeTiers(book, settings(), NOW);
    expect(Object.fromEntries(Object.entries(tiers).map(([id, t]) => [id, t.tier]))).toEqual({
      mueller: 'A',
      sabine: 'A',
      schmidt: 'B',
      becker: 'C',
      bauer: 'C',
      weiss: 'C',
    });
    expect(tiers.sabine?.reason).toContain('shares the tier of Müller GmbH');
    expect(computeTiers(book, settings({ tierMode: 'value' }), NOW).bauer?.tier).toBe('A');
  });

  it('agenda', () => {
    const agenda = buildAgenda(book, settings({ locale: 'de' }), NOW);
    expect(
      agenda.map(
        (i) => `${i.contactId} ${i.suggestion.kind} ${i.suggestion.due} ${i.suggestion.channel}`,
      ),
    ).toEqual([
      'mueller commitment 2026-03-12 phone',
      'becker after-purchase 2026-03-15 email',
      'weiss exit-conversation 2026-03-12 phone',
      'mueller birthday 2026-03-18 phone',
      'mueller feedback 2024-07-30 phone',
      'sabine feedback 2025-11-30 phone',
      'becker feedback 2026-01-01 email',
    ]);
    expect(agenda[0]?.suggestion.reasons[0]).toBe(
      'Versprechen an Jürgen Müller seit 3 Tagen überfällig: Angebot für die Wartung schicken',
    );
    expect(agenda[1]?.suggestion.reasons[0]).toBe(
      'Kauf am Do, 12.03.2026 (Workshop, 2.300\u00a0€): nachfragen, ob alles passt – heute fällig',
    );
    expect(agenda[3]?.suggestion.reasons).toContain(
      'Ein Geburtstagsgruß per Standard-E-Mail geht unter: lieber anrufen',
    );
  });

  it("Anna Schmidt's overdue contact moves off her Sunday and says so", () => {
    const cadence = listCandidates(book[2]!, 'B', settings(), NOW).find(
      (c) => c.kind === 'cadence',
    );
    expect(cadence).toMatchObject({ due: '2026-03-16', pressing: false });
    expect(cadence?.reasons).toContain(
      'Due since Tue 24 Feb 2026, but today is a time to avoid (Sundays): moved to Mon 16 Mar 2026',
    );
  });
});
