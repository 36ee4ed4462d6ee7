// External callers build settings and histories by hand: without the app-only settings fields,
// without timeZone, with records lacking optional fields, with every date shape. Never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeLost,
  atRiskContacts,
  buildAgenda,
  computeTiers,
  findDuplicates,
  listCandidates,
  mergeContacts,
  paretoSeries,
  reliabilityRecord,
  riskReasons,
  suggestNextTouch,
  tierDistribution,
  upcomingBirthdays,
  createContext,
  matchOccasion,
  occasionOutcomes,
  referrerFigures,
} from '@/lib/core';
import type { ContactHistory, Occasion, Settings } from '@/lib/model';

const NOW = new Date('2026-03-15T10:00:00Z');

const bareSettings = {
  contactEveryDays: { A: 14, B: 45, C: 120 },
  feedbackEveryDays: { A: 90, B: 180, C: 365 },
  afterPurchaseDays: 3,
  birthdayLookaheadDays: 7,
  tierMode: 'revenue',
  paretoA: 0.8,
  paretoB: 0.95,
  valueHorizonYears: 3,
  locale: 'en',
} as unknown as Settings; // no timeZone, notificationTime or panelMode

// The bare minimum a caller might send: required fields only, arrays left out.
const bare = (
  id: string,
  extra: Record<string, unknown> = {},
  rest: Record<string, unknown> = {},
) =>
  ({
    contact: {
      id,
      name: `Person ${id}`,
      status: 'active',
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
      ...extra,
    },
    interactions: [],
    commitments: [],
    feedback: [],
    purchases: [],
    followUps: [],
    ...rest,
  }) as unknown as ContactHistory;

describe('robust to external callers', () => {
  it('works with settings lacking timeZone and the app-only fields (runtime zone)', () => {
    const hs = [
      bare(
        'a',
        { birthday: { month: 3, day: 15 }, close: true },
        { purchases: [{ id: 'p', contactId: 'a', at: '2026-02-01', amount: 100 }] },
      ),
      bare('b'),
    ];
    expect(computeTiers(hs, bareSettings, NOW).a?.tier).toBe('A');
    expect(suggestNextTouch(hs[0]!, 'A', bareSettings, NOW)?.kind).toBe('birthday');
    expect(buildAgenda(hs, bareSettings, NOW).length).toBeGreaterThan(0);
  });

  it('works with contacts lacking emails, phones, profile URLs, channels and interests', () => {
    const h = bare('x', { avoid: { hours: { from: 0, to: 9 } }, partner: { name: 'Eva' } });
    expect(() => listCandidates(h, 'B', bareSettings, NOW)).not.toThrow();
    expect(suggestNextTouch(h, 'B', bareSettings, NOW)?.channel).toBe('phone');
    expect(findDuplicates([h.contact])).toEqual([]);
  });

  it('works with histories whose record lists are missing', () => {
    const h = { contact: bare('y').contact } as unknown as ContactHistory;
    expect(suggestNextTouch(h, 'C', bareSettings, NOW)?.kind).toBe('cadence');
    expect(computeTiers([h], bareSettings, NOW).y?.tier).toBe('C');
  });

  it('reads every date shape of the model', () => {
    const shapes = [
      '2026-03-10',
      '2026-03-10T09:00:00.000Z',
      '2026-03-10T10:00:00+01:00',
      '2026-03-10T10:00:00',
    ];
    for (const at of shapes) {
      const h = bare(
        'z',
        {},
        {
          interactions: [
            { id: 'i', contactId: 'z', at, channel: 'phone', direction: 'out', personal: true },
          ],
        },
      );
      expect(
        listCandidates(h, 'B', { ...bareSettings, timeZone: 'Europe/Berlin' }, NOW).find(
          (c) => c.kind === 'cadence',
        )?.due,
      ).toBe('2026-04-24');
    }
  });

  const junk = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.constantFrom('2026-02-30', '2026-03-10T99:00', '', '   ', 'Z', '2026-03-10T10:00:00+25:00'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  const junkHistory = fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      name: junk,
      status: fc.constantFrom('active', 'lost', 'prospect', 'weird', undefined),
      createdAt: junk,
      updatedAt: junk,
      birthday: fc.oneof(
        junk,
        fc.record({
          month: fc.integer({ min: -2, max: 14 }),
          day: fc.integer({ min: -1, max: 32 }),
        }),
      ),
      company: junk,
      avoid: fc.oneof(
        junk,
        fc.record({ months: fc.array(junk), weekdays: fc.array(junk), hours: junk }),
      ),
      plan: fc.oneof(junk, fc.record({ contactEveryDays: junk, feedbackEveryDays: junk })),
      preferredChannels: fc.oneof(junk, fc.array(junk)),
      interests: fc.oneof(junk, fc.array(junk)),
      concerns: fc.oneof(
        junk,
        fc.array(
          fc.oneof(junk, fc.record({ text: junk, notedAt: junk, until: junk, closedAt: junk })),
        ),
      ),
      plannedOccasions: fc.oneof(
        junk,
        fc.array(fc.oneof(junk, fc.record({ occasionId: fc.constantFrom('o', 'x', 3) }))),
      ),
      referredBy: fc.oneof(junk, fc.string({ minLength: 1, maxLength: 3 })),
      brought: fc.oneof(
        junk,
        fc.record({ kind: junk, occasionId: fc.constantFrom('o', undefined, 7), text: junk }),
      ),
      at: junk,
      amount: junk,
      personal: junk,
    })
    .map((r) =>
      bare(
        r.id,
        {
          name: r.name,
          status: r.status,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          birthday: r.birthday,
          company: r.company,
          avoid: r.avoid,
          plan: r.plan,
          preferredChannels: r.preferredChannels,
          interests: r.interests,
          concerns: r.concerns,
          plannedOccasions: r.plannedOccasions,
          referredBy: r.referredBy,
          lost: r.status === 'lost' ? { at: r.at } : undefined,
        },
        {
          interactions: [
            { id: 'i', at: r.at, personal: r.personal, channel: 'phone', brought: r.brought },
          ],
          commitments: [{ id: 'c', dueAt: r.at, text: r.name }],
          feedback: [{ id: 'f', at: r.at, product: r.amount, complaint: r.personal }],
          purchases: [{ id: 'p', at: r.at, amount: r.amount, description: r.name }],
          followUps: [{ id: 'u', dueAt: r.at, snoozedUntil: r.createdAt }],
        },
      ),
    );

  it('never throws on junk', () => {
    const weirdSettings = fc.record({
      timeZone: fc.constantFrom(undefined, 'Europe/Berlin', 'Nowhere/Land', ''),
      locale: fc.constantFrom(undefined, 'de', 'en', 'fr'),
      paretoA: fc.constantFrom(undefined, 0.8, 2, -1),
      contactEveryDays: fc.constantFrom(undefined, {}, { A: 0, B: -3, C: 'x' }),
    });
    fc.assert(
      fc.property(fc.array(junkHistory, { maxLength: 6 }), weirdSettings, (hs, extra) => {
        const s = { ...bareSettings, ...extra } as unknown as Settings;
        computeTiers(hs, s, NOW);
        const occasions = [
          {
            id: 'o',
            kind: 'tip',
            title: 'Segeln und Digitalisierung',
            keywords: ['x', 'Förderung'],
          },
          { id: 'x', kind: 'weird', title: 3, keywords: 'junk', validUntil: 'nope' },
        ] as unknown as Occasion[];
        const agenda = buildAgenda(hs, s, NOW, occasions);
        const ctx = createContext(s, NOW, occasions);
        for (const o of occasions)
          matchOccasion(
            o,
            hs.map((h) => ({ contact: h.contact, purchases: h.purchases, tier: 'B' })),
            ctx,
          );
        referrerFigures(hs, s, NOW);
        occasionOutcomes(occasions, hs, s, NOW);
        for (const item of agenda) {
          expect(item.suggestion.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Array.isArray(item.suggestion.reasons)).toBe(true);
          expect(Array.isArray(item.suggestion.talkingPoints)).toBe(true);
        }
        for (const h of hs) {
          const next = suggestNextTouch(h, 'A', s, NOW, occasions);
          if (next) JSON.stringify(next);
          riskReasons(h, 'A', s, NOW);
          reliabilityRecord(h, s, NOW);
        }
        atRiskContacts(hs, s, NOW);
        analyzeLost(hs, s, NOW);
        tierDistribution(hs, s, NOW);
        paretoSeries(hs, s, NOW);
        upcomingBirthdays(hs, s, NOW, 30);
        if (hs.length >= 2) mergeContacts(hs[0]!, hs[1]!, NOW);
        findDuplicates(hs.map((h) => h.contact));
      }),
      { numRuns: 300 },
    );
    // 300 runs through every public function take a few seconds; on a busy two-core machine more
    // than the default five. The property, not the time, is what this test holds.
  }, 30_000);
});
