import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, computeTiers, paretoSeries } from '@/lib/core';
import type { ContactHistory, Settings, Tier } from '@/lib/model';
import { history, purchase, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z'); // Sunday; Berlin is on CET (+01:00)

/** One person per entry: [id, revenue in EUR this year, company?] */
function people(rows: [string, number, string?][]): ContactHistory[] {
  return rows.map(([id, amount, company]) =>
    history(
      { id, name: id, company },
      { purchases: amount === 0 ? [] : [purchase('2026-02-01', amount)] },
    ),
  );
}

function tiersOf(hs: ContactHistory[], s: Partial<Settings> = {}) {
  const r = computeTiers(hs, settings(s), NOW);
  return Object.fromEntries(Object.entries(r).map(([id, v]) => [id, v.tier]));
}

describe('Pareto tiers by revenue (PRODUCT.md "Tiers")', () => {
  it.each<[string, [string, number, string?][], Record<string, Tier>]>([
    ['the only paying customer is A', [['a', 10]], { a: 'A' }],
    [
      'A while the units before stay below 80%, B below 95%, else C',
      [
        ['a', 500],
        ['b', 300],
        ['c', 100],
        ['d', 50],
        ['e', 30],
        ['f', 20],
      ],
      { a: 'A', b: 'A', c: 'B', d: 'B', e: 'C', f: 'C' },
    ],
    [
      'equal figures all get the tier of the first of them',
      [
        ['a', 400],
        ['b', 400],
        ['c', 100],
        ['d', 100],
      ],
      { a: 'A', b: 'A', c: 'B', d: 'B' },
    ],
    [
      'a tie that straddles the 80% line stays together in A',
      [
        ['a', 300],
        ['b', 300],
        ['c', 300],
        ['d', 100],
      ],
      { a: 'A', b: 'A', c: 'A', d: 'B' },
    ],
    [
      'ten customers with equal revenue are all A',
      Array.from({ length: 10 }, (_, i) => [`p${i}`, 100] as [string, number]),
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, 'A' as Tier])),
    ],
    [
      'a unit with no revenue is C and does not count in the total',
      [
        ['a', 100],
        ['zero', 0],
      ],
      { a: 'A', zero: 'C' },
    ],
    [
      'refunds above purchases make a unit C, not a drag on the total',
      [
        ['a', 100],
        ['b', 25],
        ['refund', -500],
      ],
      { a: 'A', b: 'B', refund: 'C' },
    ],
    [
      'people of one company (trimmed, spaces collapsed, any case) share its tier',
      [
        ['m1', 600, 'Müller  GmbH'],
        ['m2', 0, '  müller gmbh '],
        ['big', 4000],
        ['x', 100],
      ],
      { m1: 'B', m2: 'B', big: 'A', x: 'C' },
    ],
    [
      'a blank company means none: each person is a unit',
      [
        ['a', 800, '   '],
        ['b', 200, ''],
      ],
      { a: 'A', b: 'B' },
    ],
  ])('%s', (_rule, rows, expected) => {
    expect(tiersOf(people(rows))).toEqual(expected);
  });

  it('compares in integer cents: 0.10 + 0.20 ties with 0.30', () => {
    const hs = [
      history(
        { id: 'a' },
        { purchases: [purchase('2026-02-01', 0.1), purchase('2026-02-02', 0.2)] },
      ),
      history({ id: 'b' }, { purchases: [purchase('2026-02-01', 0.3)] }),
      history({ id: 'c' }, { purchases: [purchase('2026-02-01', 0.05)] }),
    ];
    // total 65 cents: a and b tie at 30 and share A although b's cumulative start is 30 < 52.
    expect(tiersOf(hs)).toEqual({ a: 'A', b: 'A', c: 'B' });
  });

  it.each([
    ['today counts (date-only)', '2026-03-15', 'A'],
    ['364 days ago counts', '2025-03-16', 'A'],
    ['365 days ago does not', '2025-03-15', 'C'],
    ['later today (after now) is ignored', '2026-03-15T20:00:00Z', 'C'],
    [
      'a late-evening UTC instant that is already the next day in Berlin counts',
      '2025-03-15T23:30:00Z',
      'A',
    ],
  ])('revenue window: %s', (_rule, at, tier) => {
    const hs = [history({ id: 'p' }, { purchases: [purchase(at, 1000)] })];
    expect(tiersOf(hs)).toEqual({ p: tier });
  });

  it('the window follows settings.timeZone: the same instant is outside it in UTC', () => {
    const hs = [history({ id: 'p' }, { purchases: [purchase('2025-03-15T23:30:00Z', 1000)] })];
    expect(tiersOf(hs, { timeZone: 'UTC' })).toEqual({ p: 'C' });
  });

  it('a person without purchases in the window contributes the annual estimate', () => {
    const hs = [
      history(
        { id: 'est', annualRevenueEstimate: 9000 },
        { purchases: [purchase('2024-01-01', 50_000)] },
      ),
      history(
        { id: 'buyer', annualRevenueEstimate: 99_999 },
        { purchases: [purchase('2026-01-01', 1000)] },
      ),
    ];
    expect(tiersOf(hs)).toEqual({ est: 'A', buyer: 'B' });
  });

  it('lost contacts take no part and get their manual tier or C', () => {
    const hs = [
      ...people([
        ['a', 100],
        ['b', 100],
      ]),
      history(
        { id: 'lost', status: 'lost', lost: { at: '2026-01-01', reason: 'price' } },
        { purchases: [purchase('2026-02-01', 100_000)] },
      ),
      history(
        {
          id: 'lostA',
          status: 'lost',
          tierOverride: 'A',
          lost: { at: '2026-01-01', reason: 'price' },
        },
        {},
      ),
    ];
    expect(tiersOf(hs)).toEqual({ a: 'A', b: 'A', lost: 'C', lostA: 'A' });
  });

  it('tierOverride wins for its contact only; its figures still count for the totals', () => {
    const hs = [
      history({ id: 'x', tierOverride: 'C' }, { purchases: [purchase('2026-02-01', 800)] }),
      ...people([
        ['y', 100],
        ['z', 100],
      ]),
    ];
    // Without x's 800 in the total, y and z would be A; with it they start at 800 of 1000.
    expect(tiersOf(hs)).toEqual({ x: 'C', y: 'B', z: 'B' });
  });

  it('an override of one person leaves the rest of the company on the company tier', () => {
    const hs = [
      history(
        { id: 'm1', company: 'Acme', tierOverride: 'C' },
        { purchases: [purchase('2026-02-01', 900)] },
      ),
      history({ id: 'm2', company: 'ACME' }),
      ...people([['other', 100]]),
    ];
    expect(tiersOf(hs)).toEqual({ m1: 'C', m2: 'A', other: 'B' });
  });

  it('manual mode: the manual tier, else C', () => {
    const hs = [
      history({ id: 'set', tierOverride: 'B' }),
      history({ id: 'rich' }, { purchases: [purchase('2026-02-01', 1_000_000)] }),
    ];
    expect(tiersOf(hs, { tierMode: 'manual' })).toEqual({ set: 'B', rich: 'C' });
  });

  it('value mode: a small customer with high potential is not a passer-by', () => {
    const hs = [
      history({ id: 'small', potential: 50_000 }, { purchases: [purchase('2026-02-01', 500)] }),
      history({ id: 'steady' }, { purchases: [purchase('2026-02-01', 10_000)] }),
      history({ id: 'once' }, { purchases: [purchase('2026-02-01', 2_000)] }),
    ];
    expect(tiersOf(hs)).toEqual({ small: 'C', steady: 'A', once: 'B' });
    // value (× 3 years): small 150,000; steady 30,000; once 6,000
    expect(tiersOf(hs, { tierMode: 'value' })).toEqual({ small: 'A', steady: 'B', once: 'C' });
  });

  it('thresholds are configurable', () => {
    const hs = people([
      ['a', 500],
      ['b', 300],
      ['c', 200],
    ]);
    expect(tiersOf(hs, { paretoA: 0.5, paretoB: 0.8 })).toEqual({ a: 'A', b: 'B', c: 'C' });
  });
});

describe('tier reasons', () => {
  const hs = people([
    ['a', 48_200],
    ['b', 30_000],
    ['c', 20_000],
    ['d', 10_000],
    ['e', 5_000],
    ['f', 1_800],
  ]);

  it.each([
    ['en', 'a', 'A: one of 3 customers who bring 80% of revenue (€48,200 in the last 12 months)'],
    [
      'de',
      'a',
      'A: einer von 3 Kunden, die 80\u00a0% des Umsatzes bringen (48.200\u00a0€ in den letzten 12 Monaten)',
    ],
    [
      'en',
      'd',
      'B: one of 2 customers who bring the next 15% of revenue (€10,000 in the last 12 months)',
    ],
    [
      'de',
      'f',
      'C: der einzige Kunde mit dem kleinsten Anteil des Umsatzes (1.800\u00a0€ in den letzten 12 Monaten)',
    ],
  ] as const)('%s: %s', (locale, id, reason) => {
    expect(computeTiers(hs, settings({ locale }), NOW)[id]?.reason).toBe(reason);
  });

  it.each([
    ['override', { id: 'o', tierOverride: 'A' as Tier }, 'en', 'A: set by hand (by revenue: C)'],
    [
      'override',
      { id: 'o', tierOverride: 'A' as Tier },
      'de',
      'A: von Hand festgelegt (nach Umsatz: C)',
    ],
    ['lost', { id: 'o', status: 'lost' as const }, 'en', 'C: lost customer, no longer ranked'],
    [
      'lost',
      { id: 'o', status: 'lost' as const },
      'de',
      'C: verlorener Kunde, wird nicht mehr eingestuft',
    ],
    ['no revenue', { id: 'o' }, 'en', 'C: no revenue in the last 12 months'],
    ['no revenue', { id: 'o' }, 'de', 'C: kein Umsatz in den letzten 12 Monaten'],
  ])('%s (%s)', (_what, c, locale, reason) => {
    const r = computeTiers([...hs, history(c)], settings({ locale: locale as 'de' | 'en' }), NOW);
    expect(r.o?.reason).toBe(reason);
  });

  it('manual mode says so', () => {
    const r = computeTiers([history({ id: 'o' })], settings({ tierMode: 'manual' }), NOW);
    expect(r.o).toEqual({ tier: 'C', reason: 'C: no tier set by hand' });
  });

  it('value mode explains customer value', () => {
    const r = computeTiers(
      [history({ id: 'v', potential: 10_000 })],
      settings({ tierMode: 'value', locale: 'en' }),
      NOW,
    );
    expect(r.v?.reason).toBe(
      'A: the only customer, making up 80% of customer value (customer value €30,000: the higher of revenue and potential × 3 years)',
    );
  });

  it('value mode: the expected years of a relationship can change a tier', () => {
    // Same revenue; Alt's relationship is expected to last 20 years, Neu's the setting's 3:
    // 60,000 against 9,000, so Neu starts at 87 % of the total.
    const hs = [
      history({ id: 'alt', expectedYears: 20 }, { purchases: [purchase('2026-02-01', 3000)] }),
      history({ id: 'neu' }, { purchases: [purchase('2026-02-01', 3000)] }),
    ];
    const value = computeTiers(hs, settings({ tierMode: 'value', locale: 'de' }), NOW);
    expect([value.alt?.tier, value.neu?.tier]).toEqual(['A', 'B']);
    expect(value.alt?.reason).toContain('× 20 Jahre');
    // One horizon for everybody would change nothing: by revenue alone both share the tier.
    const revenue = computeTiers(hs, settings({ locale: 'de' }), NOW);
    expect(revenue.alt?.tier).toBe(revenue.neu?.tier);
  });

  it('revenue mode: a C customer with recorded potential says so', () => {
    const r = computeTiers(
      [
        history({ id: 'big' }, { purchases: [purchase('2026-02-01', 90_000)] }),
        history({ id: 'small', potential: 40_000 }, { purchases: [purchase('2026-02-01', 500)] }),
      ],
      settings({ locale: 'de' }),
      NOW,
    );
    expect(r.small?.tier).toBe('C');
    expect(r.small?.reason).toContain('Potenzial von 40.000\u00a0€ pro Jahr erfasst');
    expect(r.big?.reason).not.toContain('Potenzial');
  });

  it('people of a company say whose tier they share', () => {
    const r = computeTiers(
      [
        history(
          { id: 'm1', company: 'Müller GmbH' },
          { purchases: [purchase('2026-02-01', 5000)] },
        ),
        history({ id: 'm2', company: 'müller gmbh' }),
      ],
      settings({ locale: 'en' }),
      NOW,
    );
    expect(r.m2?.reason).toBe(
      'A: shares the tier of Müller GmbH, the only customer, bringing 80% of revenue (€5,000 in the last 12 months)',
    );
  });
});

// A plain, slow statement of the rule to check the fast one against.
function referenceTiers(hs: ContactHistory[], s: Settings): Record<string, Tier> {
  const from = Date.parse('2025-03-15T23:00:00Z'); // start of 2025-03-16 in Berlin
  const units = new Map<string, { ids: string[]; cents: number }>();
  const out: Record<string, Tier> = {};
  for (const h of hs) {
    const c = h.contact;
    if (c.status === 'lost') {
      out[c.id] = c.tierOverride ?? 'C';
      continue;
    }
    const key = c.company?.trim()
      ? c.company.trim().replace(/\s+/g, ' ').toLowerCase()
      : `#${c.id}`;
    const inWindow = h.purchases.filter(
      (p) => Date.parse(p.at) >= from && Date.parse(p.at) <= NOW.getTime(),
    );
    const cents = inWindow.length
      ? inWindow.reduce((sum, p) => sum + Math.round(p.amount * 100), 0)
      : Math.round((c.annualRevenueEstimate ?? 0) * 100);
    const u = units.get(key) ?? { ids: [], cents: 0 };
    u.ids.push(c.id);
    u.cents += cents;
    units.set(key, u);
  }
  const sorted = [...units.values()].sort((a, b) => b.cents - a.cents);
  const total = BigInt(sorted.filter((u) => u.cents > 0).reduce((t, u) => t + u.cents, 0));
  let cum = 0n;
  let lastFigure: number | null = null;
  let lastTier: Tier = 'C';
  for (const u of sorted) {
    let tier: Tier;
    if (u.cents <= 0) tier = 'C';
    else if (u.cents === lastFigure) tier = lastTier;
    else if (cum * 100n < BigInt(Math.round(s.paretoA * 100)) * total) tier = 'A';
    else if (cum * 100n < BigInt(Math.round(s.paretoB * 100)) * total) tier = 'B';
    else tier = 'C';
    if (u.cents > 0) cum += BigInt(u.cents);
    lastFigure = u.cents;
    lastTier = tier;
    for (const id of u.ids) out[id] = tier;
  }
  for (const h of hs)
    if (h.contact.status !== 'lost' && h.contact.tierOverride)
      out[h.contact.id] = h.contact.tierOverride;
  return out;
}

const arbHistories = fc
  .array(
    fc.record({
      company: fc.constantFrom(
        undefined,
        '',
        'Acme',
        ' acme  ',
        'Müller GmbH',
        'müller  gmbh',
        'Zeta AG',
      ),
      amounts: fc.array(fc.integer({ min: -2000, max: 50_000 }), { maxLength: 3 }),
      at: fc.constantFrom(
        '2026-03-01',
        '2025-03-16',
        '2025-03-15',
        '2026-03-15T09:00:00Z',
        '2026-03-16',
      ),
      lost: fc.boolean(),
      override: fc.constantFrom(undefined, undefined, undefined, 'A', 'B', 'C'),
      estimate: fc.constantFrom(undefined, 0, 1200),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      history(
        {
          id: `c${String(i).padStart(2, '0')}`,
          company: r.company,
          status: r.lost ? 'lost' : 'active',
          tierOverride: r.override as Tier | undefined,
          annualRevenueEstimate: r.estimate,
        },
        { purchases: r.amounts.map((a) => purchase(r.at, a / 100)) },
      ),
    ),
  );

describe('edges', () => {
  it('no histories, no tiers', () => {
    expect(computeTiers([], settings(), NOW)).toEqual({});
  });
});

describe('tier properties', () => {
  it('tiers partition the contacts exactly as the plain statement of the rule does', () => {
    fc.assert(
      fc.property(arbHistories, (hs) => {
        const s = settings();
        const got = tiersOf(hs);
        expect(Object.keys(got).sort()).toEqual(hs.map((h) => h.contact.id).sort());
        expect(got).toEqual(referenceTiers(hs, s));
      }),
      { numRuns: 300 },
    );
  });

  it('without overrides, a larger unit figure never gets a lower tier, and the largest paying unit is A', () => {
    fc.assert(
      fc.property(arbHistories, (hs) => {
        for (const h of hs) delete h.contact.tierOverride;
        const series = paretoSeries(hs, settings(), NOW);
        const rank = { A: 0, B: 1, C: 2 };
        for (let i = 1; i < series.length; i++)
          expect(rank[series[i]!.tier]).toBeGreaterThanOrEqual(rank[series[i - 1]!.tier]);
        const paying = series.filter((p) => p.figure > 0);
        if (paying.length) expect(paying[0]!.tier).toBe('A');
        for (const p of series) if (p.figure <= 0) expect(p.tier).toBe('C');
        const tiers = tiersOf(hs);
        for (const p of series) for (const id of p.contactIds) expect(tiers[id]).toBe(p.tier);
      }),
      { numRuns: 200 },
    );
  });
});

describe('company keys', () => {
  const slow = (c: string) => {
    const k = c.trim().replace(/\s+/g, ' ').toLowerCase();
    // eslint-disable-next-line no-control-regex
    return /[^\x00-\x7f]/.test(k) ? k.normalize('NFC') : k;
  };
  it.each([
    ['Müller GmbH', 'müller gmbh'],
    ['  Weber   AG ', 'weber ag'],
    ['ACME\tCorp', 'acme corp'],
    ['Schmidt Design', 'schmidt design'],
    ['', ''],
  ])('%j → %j', (company, key) => {
    expect(companyKey(company)).toBe(key);
  });
  it('the fast path for plain spellings gives the key of the full rule', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', 'ü', '-', '.', 'Z') }),
        (c) => {
          expect(companyKey(c)).toBe(slow(c));
        },
      ),
    );
  });
});
