import { describe, expect, it } from 'vitest';
import {
  analyzeLost,
  lastPersonalContact,
  paretoSeries,
  tierDistribution,
  upcomingBirthdays,
} from '@/lib/core';
import type { Contact, ContactHistory } from '@/lib/model';
import { history, interaction, purchase, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');

describe('lost customers (PRODUCT.md point 6)', () => {
  const lost = (
    id: string,
    over: Partial<Contact>,
    purchases: ReturnType<typeof purchase>[] = [],
  ) => history({ id, name: id, status: 'lost', ...over }, { purchases });
  const hs: ContactHistory[] = [
    history({ id: 'a1' }, { purchases: [purchase('2026-01-01', 10_000)] }),
    history({ id: 'a2' }, { purchases: [purchase('2026-01-01', 5_000)] }),
    history({ id: 'c1' }, { purchases: [purchase('2026-01-01', 500)] }),
    lost('price-big', { lost: { at: '2026-02-01', reason: 'price' } }, [
      purchase('2025-02-02', 6_000), // within the 365 days up to the lost day
      purchase('2025-02-01', 99_999), // one day too early
      purchase('2026-02-01', 1_000), // on the lost day itself
    ]),
    lost(
      'price-small',
      { lost: { at: '2026-01-15', reason: 'price', exitConversationAt: '2026-01-20' } },
      [purchase('2025-10-01', 200)],
    ),
    lost('quality', { lost: { at: '2025-12-01', reason: 'quality' }, tierOverride: 'A' }),
    lost('no-date', { updatedAt: '2026-03-01' }, [purchase('2026-02-01', 50)]),
  ];

  it('groups by reason and by tier, with the revenue that left', () => {
    const r = analyzeLost(hs, settings(), NOW);
    expect(r.total).toBe(4);
    expect(r.revenueLost).toBe(7250);
    expect(r.byReason).toEqual([
      { reason: 'price', count: 2, revenueLost: 7200 },
      { reason: 'unknown', count: 1, revenueLost: 50 },
      { reason: 'quality', count: 1, revenueLost: 0 },
    ]);
    // 7,000 ≥ the smallest A unit today (5,000) → A; 200 → C (smallest B is 500); override A.
    expect(r.byTier).toEqual({
      A: { count: 2, revenueLost: 7000 },
      B: { count: 0, revenueLost: 0 },
      C: { count: 2, revenueLost: 250 },
    });
  });

  it('names who still lacks an exit conversation, longest waiting first', () => {
    const r = analyzeLost(hs, settings(), NOW);
    expect(r.withoutExitConversation).toEqual(['quality', 'price-big', 'no-date']);
    expect(r.entries.map((e) => [e.contactId, e.lostOn])).toEqual([
      ['no-date', '2026-03-01'],
      ['price-big', '2026-02-01'],
      ['price-small', '2026-01-15'],
      ['quality', '2025-12-01'],
    ]);
  });
});

describe('A/B/C distribution and Pareto', () => {
  const hs = [
    history({ id: 'a', name: 'A GmbH' }, { purchases: [purchase('2026-01-01', 400)] }),
    history({ id: 'b', name: 'B GmbH' }, { purchases: [purchase('2026-01-01', 400)] }),
    history({ id: 'c', name: 'C GmbH' }, { purchases: [purchase('2026-01-01', 150)] }),
    history({ id: 'd', name: 'D GmbH' }, { purchases: [purchase('2026-01-01', 50)] }),
    history({ id: 'z', name: 'Z' }),
    history({ id: 'l', status: 'lost' }, { purchases: [purchase('2026-01-01', 1000)] }),
  ];

  it('counts contacts and revenue share per tier; lost ones apart', () => {
    expect(tierDistribution(hs, settings(), NOW)).toEqual({
      tiers: {
        A: { contacts: 2, revenue: 800, revenueShare: 0.8 },
        B: { contacts: 1, revenue: 150, revenueShare: 0.15 },
        C: { contacts: 2, revenue: 50, revenueShare: 0.05 },
      },
      totalRevenue: 1000,
      lost: 1,
    });
  });

  it('sorts units with their cumulative share; ties by name; zero units close the series', () => {
    expect(
      paretoSeries(hs, settings(), NOW).map((p) => [
        p.name,
        p.figure,
        p.share,
        p.cumulativeShare,
        p.tier,
      ]),
    ).toEqual([
      ['A GmbH', 400, 0.4, 0.4, 'A'],
      ['B GmbH', 400, 0.4, 0.8, 'A'],
      ['C GmbH', 150, 0.15, 0.95, 'B'],
      ['D GmbH', 50, 0.05, 1, 'C'],
      ['Z', 0, 0, 1, 'C'],
    ]);
  });
});

describe('upcoming birthdays', () => {
  const hs = [
    history({ id: 'p1', name: 'Paula', birthday: { month: 3, day: 15, year: 1976 } }),
    history({
      id: 'p2',
      name: 'Anton',
      birthday: { month: 3, day: 22 },
      partner: { name: 'Eva', birthday: { month: 3, day: 16 } },
    }),
    history({ id: 'p3', name: 'Fern', birthday: { month: 3, day: 23 } }),
    history({ id: 'p4', name: 'Lost', status: 'lost', birthday: { month: 3, day: 16 } }),
  ];

  it('lists contacts and partners from today to today + N, soonest first', () => {
    expect(upcomingBirthdays(hs, settings(), NOW, 7)).toEqual([
      { contactId: 'p1', name: 'Paula', who: 'contact', date: '2026-03-15', inDays: 0, turns: 50 },
      {
        contactId: 'p2',
        name: 'Anton',
        who: 'partner',
        partnerName: 'Eva',
        date: '2026-03-16',
        inDays: 1,
      },
      { contactId: 'p2', name: 'Anton', who: 'contact', date: '2026-03-22', inDays: 7 },
    ]);
  });

  it('across the year end, and 29 February on 28 February', () => {
    const dec = new Date('2026-12-30T10:00:00Z');
    const list = [
      history({ id: 'n', name: 'Neujahr', birthday: { month: 1, day: 1 } }),
      history({ id: 'l', name: 'Leap', birthday: { month: 2, day: 29 } }),
    ];
    expect(upcomingBirthdays(list, settings(), dec, 3).map((b) => b.date)).toEqual(['2027-01-01']);
    expect(
      upcomingBirthdays(list, settings(), new Date('2027-02-27T10:00:00Z'), 1).map((b) => b.date),
    ).toEqual(['2027-02-28']);
  });
});

describe('last personal contact', () => {
  it('skips newsletters and records after now', () => {
    const h = history(
      {},
      {
        interactions: [
          interaction('2026-03-01', { channel: 'phone', summary: 'Workshop' }),
          interaction('2026-03-10', { channel: 'email', personal: false }),
          interaction('2026-03-20', { channel: 'visit' }),
        ],
      },
    );
    const last = lastPersonalContact(h, settings(), NOW);
    expect(
      last && {
        day: last.day,
        daysAgo: last.daysAgo,
        channel: last.channel,
        summary: last.interaction.summary,
      },
    ).toEqual({
      day: '2026-03-01',
      daysAgo: 14,
      channel: 'phone',
      summary: 'Workshop',
    });
    expect(lastPersonalContact(history(), settings(), NOW)).toBeNull();
  });
});
