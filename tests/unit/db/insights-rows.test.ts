// The insights page reads two rows the background keeps (lib/db/derived.ts) instead of every
// history. Whatever the user does, those rows must add up to what the core computes from every
// history at once: these tests change the data the ways a user does and compare after each step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insightsOf } from '@/lib/core';
import type { KundennahDB } from '@/lib/db';
import {
  INSIGHT_PARTS_KEY,
  INSIGHT_TIERS_KEY,
  deleteContact,
  getAllHistories,
  getMeta,
  getSettings,
  putHistories,
  saveRecord,
  updateContact,
  type InsightParts,
} from '@/lib/db';
import { createDeriver } from '@/lib/background/deriver';
import { generateDemo } from '@/lib/demo';
import { insightsFromStored } from '@/lib/ui/dashboard/insights-page';
import type { TierInsights } from '@/lib/core';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;

beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => db.delete());

async function started() {
  const demo = generateDemo({ now, timeZone: 'Europe/Berlin' });
  await putHistories(db, demo.histories);
  await db.occasions.bulkPut(demo.occasions);
  const d = createDeriver({
    db: () => db,
    settings: () => getSettings(db, 'de'),
    now: () => now,
    onUpdated: () => {},
  });
  db.onChange((c) => d.note(c));
  await d.ensureFresh();
  return { d, demo };
}

async function settled(d: { idle(): Promise<void> }) {
  await new Promise((r) => setTimeout(r, 60));
  await d.idle();
}

/** What the page shows from the stored rows, and what the core computes from every history. */
async function bothWays() {
  const settings = await getSettings(db, 'de');
  const occasions = await db.occasions.toArray();
  const tiers = await getMeta<TierInsights>(db, INSIGHT_TIERS_KEY);
  const parts = await getMeta<InsightParts>(db, INSIGHT_PARTS_KEY);
  expect(tiers).toBeDefined();
  return {
    stored: insightsFromStored({ tiers: tiers!, parts: parts ?? {} }, occasions, settings.locale),
    scratch: insightsOf(await getAllHistories(db), settings, now, occasions),
  };
}

describe('the insights rows the background keeps', () => {
  it('add up to the insights of every history after the first start', async () => {
    await started();
    const { stored, scratch } = await bothWays();
    expect(stored).toEqual(scratch);
    // The demo has something in every section, so the comparison compares something.
    expect(stored.contacts).toBeGreaterThan(20);
    expect(stored.atRisk.length).toBeGreaterThan(0);
    expect(stored.occasions.some((o) => o.brought > 0)).toBe(true);
    expect(stored.referrers.length).toBeGreaterThan(0);
    expect(stored.lost.total).toBeGreaterThan(0);
  });

  it('follow each change a user makes, one at a time', async () => {
    const { d, demo } = await started();
    const [a, b, c] = demo.histories.filter((h) => h.contact.status !== 'lost');
    const occasion = demo.occasions[0]!;
    const before = (await bothWays()).stored;
    const outcome = () => before.occasions.find((o) => o.occasionId === occasion.id)!;

    // Bringing an occasion, then the customer's reply: the occasion's row counts both.
    await saveRecord(db, 'interactions', {
      contactId: a!.contact.id,
      at: '2026-11-10T09:00:00.000Z',
      channel: 'phone',
      direction: 'out',
      personal: true,
      brought: { kind: 'occasion', occasionId: occasion.id, text: occasion.title },
    });
    await saveRecord(db, 'interactions', {
      contactId: a!.contact.id,
      at: '2026-11-12T09:00:00.000Z',
      channel: 'email',
      direction: 'in',
      personal: true,
    });
    await settled(d);
    let now2 = await bothWays();
    expect(now2.stored).toEqual(now2.scratch);
    const after = now2.stored.occasions.find((o) => o.occasionId === occasion.id)!;
    const alreadyBrought = a!.interactions.some((i) => i.brought?.occasionId === occasion.id);
    if (!alreadyBrought) expect(after.brought).toBe(outcome().brought + 1);

    // A large purchase moves tiers: distribution, Pareto and referrals follow.
    await saveRecord(db, 'purchases', {
      contactId: b!.contact.id,
      at: '2026-11-01',
      amount: 250_000,
    });
    await settled(d);
    now2 = await bothWays();
    expect(now2.stored).toEqual(now2.scratch);
    expect(now2.stored.distribution.totalRevenue).toBeGreaterThan(
      before.distribution.totalRevenue + 200_000,
    );

    // A customer is lost: the lost section names them.
    await updateContact(
      db,
      c!.contact.id,
      { status: 'lost', lost: { at: '2026-11-20', reason: 'price' } },
      now,
    );
    await settled(d);
    now2 = await bothWays();
    expect(now2.stored).toEqual(now2.scratch);
    expect(now2.stored.lost.entries.map((e) => e.contactId)).toContain(c!.contact.id);

    // A contact with a warning is deleted: nothing of them stays.
    const risky = now2.stored.atRisk[0]!.contactId;
    await deleteContact(db, risky);
    await settled(d);
    now2 = await bothWays();
    expect(now2.stored).toEqual(now2.scratch);
    expect(now2.stored.atRisk.map((e) => e.contactId)).not.toContain(risky);
  });

  it('are rebuilt from the summaries when the parts row is missing', async () => {
    const { d, demo } = await started();
    await db.meta.delete(INSIGHT_PARTS_KEY);
    await saveRecord(db, 'interactions', {
      contactId: demo.histories[0]!.contact.id,
      at: now.toISOString(),
      channel: 'phone',
      direction: 'out',
      personal: true,
    });
    await settled(d);
    const { stored, scratch } = await bothWays();
    expect(stored).toEqual(scratch);
  });
});
