import { describe, expect, it } from 'vitest';
import { atRiskContacts, reliabilityRecord, riskReasons, type RiskKind } from '@/lib/core';
import type { ContactHistory, Tier } from '@/lib/model';
import { commitment, feedback, history, interaction, purchase, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');
// A personal touch of ours five days ago: no silence.
const touched = [interaction('2026-03-10')];
const kinds = (h: ContactHistory, tier: Tier = 'B') =>
  riskReasons(h, tier, settings(), NOW).map((r) => r.kind);

describe('early warning (PRODUCT.md "At risk")', () => {
  it.each<[string, ContactHistory, Tier, RiskKind[]]>([
    [
      'nothing wrong → no warning',
      history({}, { interactions: [interaction('2026-03-10')] }),
      'A',
      [],
    ],
    [
      'an open complaint',
      history(
        {},
        {
          feedback: [feedback('2026-02-01', { complaint: true })],
          interactions: [interaction('2026-03-10')],
        },
      ),
      'B',
      ['open-complaint'],
    ],
    [
      'a resolved complaint is no warning',
      history(
        {},
        {
          feedback: [
            feedback('2026-02-01', { complaint: true, resolvedAt: '2026-02-03', product: 4 }),
          ],
          interactions: touched,
        },
      ),
      'B',
      [],
    ],
    [
      'the latest rating is 2',
      history(
        {},
        { feedback: [feedback('2026-02-01', { product: 5, service: 2 })], interactions: touched },
      ),
      'B',
      ['low-satisfaction'],
    ],
    [
      'an old bad rating followed by a good one',
      history(
        {},
        {
          feedback: [
            feedback('2026-01-01', { product: 1 }),
            feedback('2026-02-01', { product: 4 }),
          ],
          interactions: touched,
        },
      ),
      'B',
      [],
    ],
    [
      'a complaint without rating does not hide the bad rating before it',
      history(
        {},
        {
          feedback: [
            feedback('2026-01-01', { product: 1 }),
            feedback('2026-02-01', { complaint: true, resolvedAt: '2026-02-02' }),
          ],
          interactions: touched,
        },
      ),
      'B',
      ['low-satisfaction'],
    ],
    [
      'revenue of the last 365 days down by 30 % against the 365 before',
      history(
        {},
        {
          purchases: [purchase('2024-12-01', 1000), purchase('2025-06-01', 700)],
          interactions: touched,
        },
      ),
      'B',
      ['falling-revenue'],
    ],
    [
      'down by 29.9 % is no warning yet',
      history(
        {},
        {
          purchases: [purchase('2024-12-01', 1000), purchase('2025-06-01', 701)],
          interactions: touched,
        },
      ),
      'B',
      [],
    ],
    [
      'no revenue before: nothing to fall from',
      history({}, { purchases: [purchase('2025-06-01', 10)], interactions: touched }),
      'B',
      [],
    ],
    [
      'an A customer silent for 29 days with a 14-day interval',
      history({}, { interactions: [interaction('2026-02-14')] }),
      'A',
      ['silent'],
    ],
    [
      'an A customer silent for 28 days is not yet',
      history({}, { interactions: [interaction('2026-02-15')] }),
      'A',
      [],
    ],
    [
      'a B customer silent for 91 days with a 45-day interval',
      history({}, { interactions: [interaction('2025-12-14')] }),
      'B',
      ['silent'],
    ],
    [
      'a B customer silent for 90 days is not yet',
      history({}, { interactions: [interaction('2025-12-15')] }),
      'B',
      [],
    ],
    [
      'a C customer silent for 241 days with a 120-day interval',
      history({}, { interactions: [interaction('2025-07-17')] }),
      'C',
      ['silent'],
    ],
    [
      'a customer who writes to chase us has not been touched: the silence goes on',
      history(
        {},
        {
          interactions: [
            interaction('2026-02-01'),
            interaction('2026-03-14', { direction: 'in', channel: 'email' }),
          ],
        },
      ),
      'A',
      ['silent'],
    ],
    [
      'a prospect never touched is not silent',
      history({ status: 'prospect', createdAt: '2025-01-01' }),
      'C',
      [],
    ],
    [
      'a promise overdue',
      history({}, { commitments: [commitment('2026-03-12')], interactions: touched }),
      'B',
      ['promise-overdue'],
    ],
    [
      'a promise due today is not overdue',
      history({}, { commitments: [commitment('2026-03-15')], interactions: touched }),
      'B',
      [],
    ],
    [
      'a customer waiting 3 days for our answer',
      history(
        {},
        {
          interactions: [
            interaction('2026-03-01'),
            interaction('2026-03-12', { direction: 'in', channel: 'email' }),
          ],
        },
      ),
      'B',
      ['waiting-for-answer'],
    ],
    [
      'waiting 2 days is no warning yet',
      history(
        {},
        {
          interactions: [
            interaction('2026-03-01'),
            interaction('2026-03-13', { direction: 'in', channel: 'email' }),
          ],
        },
      ),
      'B',
      [],
    ],
    [
      'price pressure twice within a year',
      history(
        {},
        {
          feedback: [
            feedback('2025-06-01', { pricePressure: true }),
            feedback('2026-02-01', { pricePressure: true }),
          ],
          interactions: touched,
        },
      ),
      'B',
      ['price-pressure'],
    ],
    [
      'price pressure twice, but once more than a year ago',
      history(
        {},
        {
          feedback: [
            feedback('2025-03-01', { pricePressure: true }),
            feedback('2026-02-01', { pricePressure: true }),
          ],
          interactions: touched,
        },
      ),
      'B',
      [],
    ],
    [
      'a newsletter does not break the silence',
      history(
        {},
        {
          interactions: [interaction('2026-02-01'), interaction('2026-03-10', { personal: false })],
        },
      ),
      'A',
      ['silent'],
    ],
    [
      'a lost contact without exit conversation',
      history(
        { status: 'lost', lost: { at: '2026-03-01', reason: 'price' } },
        { feedback: [feedback('2026-02-01', { complaint: true })] },
      ),
      'C',
      ['no-exit-conversation'],
    ],
    [
      'a lost contact after the exit conversation',
      history({
        status: 'lost',
        lost: { at: '2026-03-01', reason: 'price', exitConversationAt: '2026-03-05' },
      }),
      'C',
      [],
    ],
  ])('%s', (_rule, h, tier, expected) => {
    expect(kinds(h, tier)).toEqual(expected);
  });

  it('says each reason in words', () => {
    const h = history(
      { status: 'active' },
      {
        feedback: [feedback('2026-03-01', { complaint: true, product: 2 })],
        purchases: [purchase('2024-12-01', 6000), purchase('2025-06-01', 2000)],
        interactions: [interaction('2026-01-01')],
      },
    );
    expect(riskReasons(h, 'A', settings({ locale: 'en' }), NOW).map((r) => r.text)).toEqual([
      'Open complaint since Sun 1 Mar 2026',
      'Latest rating on Sun 1 Mar 2026: product 2/5',
      'Revenue of the last 12 months €2,000, 67% less than the 12 months before (€6,000)',
      'A customer without personal contact from you for 73 days, more than twice the 14-day interval',
    ]);
    expect(riskReasons(h, 'A', settings({ locale: 'de' }), NOW).map((r) => r.text)[2]).toBe(
      'Umsatz der letzten 12 Monate 2.000\u00a0€ – 67\u00a0% weniger als in den 12 Monaten davor (6.000\u00a0€)',
    );
  });

  it('lists the contacts at risk, A first, with tiers from computeTiers', () => {
    const hs = [
      history(
        { id: 'c', name: 'Carla' },
        { feedback: [feedback('2026-03-01', { complaint: true })] },
      ),
      history(
        { id: 'a', name: 'Anton' },
        { purchases: [purchase('2026-01-01', 9000)], interactions: [interaction('2025-12-01')] },
      ),
      history({ id: 'ok', name: 'Otto' }, { interactions: [interaction('2026-03-10')] }),
    ];
    expect(
      atRiskContacts(hs, settings(), NOW).map((e) => [
        e.contactId,
        e.tier,
        e.reasons.map((r) => r.kind),
      ]),
    ).toEqual([
      ['a', 'A', ['silent']],
      // Carla, added on 1 January 2025 and never contacted by us: silent besides.
      ['c', 'C', ['open-complaint', 'silent']],
    ]);
  });
});

describe('reliability record (PRODUCT.md points 1 and 7)', () => {
  const done = (due: string, doneAt: string) => commitment(due, { doneAt });

  it.each([
    ['no promises yet', [], 'No promises yet', 'Noch keine Versprechen'],
    [
      'open and not yet due: nothing to judge',
      [commitment('2026-03-20')],
      'No promise due yet',
      'Noch kein Versprechen fällig',
    ],
    [
      '9 kept on time (on the day or early) and 1 late',
      [
        ...Array.from({ length: 8 }, () => done('2026-02-10', '2026-02-09')),
        done('2026-02-10', '2026-02-10T22:30:00Z'), // 23:30 in Berlin: still that day
        done('2026-02-10', '2026-02-10T23:30:00Z'), // 00:30 next day in Berlin: late
      ],
      '9 of 10 promises kept on time',
      '9 von 10 Versprechen pünktlich gehalten',
    ],
    [
      'an open overdue promise counts against us',
      [done('2026-03-01', '2026-03-01'), commitment('2026-03-10'), commitment('2026-03-30')],
      '1 of 2 promises kept on time',
      '1 von 2 Versprechen pünktlich gehalten',
    ],
  ])('%s', (_rule, commitments, en, de) => {
    const h = history({}, { commitments });
    expect(reliabilityRecord(h, settings({ locale: 'en' }), NOW).sentence).toBe(en);
    expect(reliabilityRecord(h, settings({ locale: 'de' }), NOW).sentence).toBe(de);
  });

  it('counts and details', () => {
    const h = history(
      {},
      {
        commitments: [
          done('2026-03-01', '2026-02-28'),
          done('2026-03-01', '2026-03-03'),
          commitment('2026-03-10'),
          commitment('2026-03-15'),
        ],
      },
    );
    expect(reliabilityRecord(h, settings({ locale: 'en' }), NOW)).toEqual({
      total: 4,
      keptOnTime: 1,
      late: 1,
      open: 2,
      overdue: 1,
      judged: 3,
      onTimeShare: 1 / 3,
      sentence: '1 of 3 promises kept on time',
      details: ['1 late', '2 still open (1 overdue)'],
    });
  });
});
