import { describe, expect, it } from 'vitest';
import { flattenHistories } from '@/lib/demo';
import {
  CommitmentSchema,
  ContactSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  PurchaseSchema,
} from '@/lib/model';
import { generateBenchData } from '../../support/bench-data';
import { UUID_V4, addDays, dayIn, expectCanonical, unitRevenue } from '../../support/data-checks';

const TZ = 'Europe/Berlin';
const NOW = new Date('2026-03-10T09:00:00Z');

/** Every `n`-th record so that the sample spans the whole set. */
function spread<T>(records: T[], size: number): T[] {
  if (records.length <= size) return records;
  const step = records.length / size;
  return Array.from({ length: size }, (_, i) => records[Math.floor(i * step)]!);
}

describe('bench data at the default size', () => {
  const histories = generateBenchData({ now: NOW, timeZone: TZ });
  const flat = flattenHistories(histories);
  const today = dayIn(NOW, TZ);

  it('has the requested counts', () => {
    expect(flat.contacts).toHaveLength(10_000);
    expect(flat.interactions).toHaveLength(200_000);
    expect(flat.commitments).toHaveLength(20_000);
    expect(flat.feedback).toHaveLength(20_000);
    expect(flat.purchases).toHaveLength(20_000);
    expect(flat.followUps).toHaveLength(2_000);
  });

  it('has unique UUID v4 ids across all tables', () => {
    const ids = new Set<string>();
    let n = 0;
    for (const table of Object.values(flat)) {
      for (const r of table as { id: string }[]) {
        ids.add(r.id);
        n++;
      }
    }
    expect(ids.size).toBe(n);
    for (const r of spread(flat.interactions, 500)) expect(r.id).toMatch(UUID_V4);
  });

  it('has unique e-mails and profile URLs, many profiles, companies shared by several people', () => {
    const emails = flat.contacts.flatMap((c) => c.emails);
    expect(new Set(emails).size).toBe(emails.length);
    const urls = flat.contacts.flatMap((c) => c.profileUrls);
    expect(new Set(urls).size).toBe(urls.length);
    const withProfile = flat.contacts.filter((c) => c.profileUrls.length > 0).length;
    expect(withProfile / flat.contacts.length).toBeGreaterThan(0.5);

    const sizes = new Map<string, number>();
    for (const c of flat.contacts) {
      if (c.company) sizes.set(c.company, (sizes.get(c.company) ?? 0) + 1);
    }
    const shared = [...sizes.values()].filter((n) => n >= 2);
    expect(shared.length).toBeGreaterThan(300);
    expect(Math.max(...sizes.values())).toBeGreaterThanOrEqual(20);
    expect(flat.contacts.filter((c) => c.company === undefined).length).toBeGreaterThan(100);
  });

  it('passes the schemas for a sample of 500 records of each kind', () => {
    const problems: string[] = [];
    const check = (schema: Parameters<typeof expectCanonical>[0], records: unknown[]) => {
      for (const r of spread(records, 500)) {
        const problem = expectCanonical(schema, r);
        if (problem) problems.push(problem);
      }
    };
    check(ContactSchema, flat.contacts);
    check(InteractionSchema, flat.interactions);
    check(CommitmentSchema, flat.commitments);
    check(FeedbackSchema, flat.feedback);
    check(PurchaseSchema, flat.purchases);
    check(FollowUpSchema, flat.followUps);
    expect(problems).toEqual([]);
  });

  it('dates nothing after now and keeps two years of history', () => {
    const nowIso = NOW.toISOString();
    const from = addDays(today, -731);
    let late = 0;
    let old = 0;
    for (const i of flat.interactions) {
      if (i.at > nowIso) late++;
      if (i.at < from) old++;
    }
    for (const p of flat.purchases) if (p.at > today) late++;
    for (const f of flat.feedback) if (f.at > nowIso || (f.resolvedAt ?? '') > nowIso) late++;
    for (const c of flat.commitments) if ((c.doneAt ?? '') > nowIso || c.createdAt > nowIso) late++;
    expect(late).toBe(0);
    expect(old).toBe(0);
  });

  it('has realistic distributions: Pareto revenue, statuses, mass mailings, complaints', () => {
    const units = unitRevenue(histories, today).filter((u) => u.revenue > 0);
    const total = units.reduce((s, u) => s + u.revenue, 0);
    const top = units.slice(0, Math.ceil(units.length * 0.2)).reduce((s, u) => s + u.revenue, 0);
    expect(top / total).toBeGreaterThan(0.6);
    expect(top / total).toBeLessThan(0.95);

    const lost = flat.contacts.filter((c) => c.status === 'lost').length;
    const prospects = flat.contacts.filter((c) => c.status === 'prospect').length;
    expect(lost).toBeGreaterThan(100);
    expect(prospects).toBeGreaterThan(500);
    const personal = flat.interactions.filter((i) => i.personal).length;
    expect(personal / flat.interactions.length).toBeGreaterThan(0.75);
    expect(personal / flat.interactions.length).toBeLessThan(0.95);
    const open = flat.feedback.filter((f) => f.complaint && !f.resolvedAt).length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(flat.feedback.length * 0.05);
    const openPromises = flat.commitments.filter((c) => !c.doneAt);
    expect(openPromises.some((c) => c.dueAt < today)).toBe(true);
  });
});

describe('bench data with other sizes', () => {
  it('honours requested counts, including zero', () => {
    const h = generateBenchData({
      now: NOW,
      timeZone: TZ,
      contacts: 57,
      interactions: 1_001,
      commitments: 33,
      feedback: 0,
      purchases: 12,
      followUps: 5,
    });
    const f = flattenHistories(h);
    expect([
      f.contacts.length,
      f.interactions.length,
      f.commitments.length,
      f.feedback.length,
      f.purchases.length,
      f.followUps.length,
    ]).toEqual([57, 1_001, 33, 0, 12, 5]);
    const empty = flattenHistories(
      generateBenchData({
        now: NOW,
        contacts: 0,
        followUps: 0,
        interactions: 0,
        commitments: 0,
        feedback: 0,
        purchases: 0,
      }),
    );
    expect(empty.contacts).toEqual([]);
  });

  it('refuses records without contacts and negative counts', () => {
    expect(() => generateBenchData({ now: NOW, contacts: 0 })).toThrow(RangeError);
    expect(() => generateBenchData({ now: NOW, contacts: -1 })).toThrow(RangeError);
  });

  it('is deterministic for a seed and now', () => {
    const opts = {
      now: NOW,
      timeZone: TZ,
      contacts: 300,
      interactions: 3_000,
      commitments: 300,
      feedback: 300,
      purchases: 300,
      seed: 9,
    };
    expect(generateBenchData(opts)).toEqual(generateBenchData(opts));
    const other = generateBenchData({ ...opts, seed: 10 });
    expect(other[0]!.contact.id).not.toBe(generateBenchData(opts)[0]!.contact.id);
  });
});
