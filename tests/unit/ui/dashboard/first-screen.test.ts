// The contacts table paints its first screen from the name index before every summary is read
// (issue 16). Those rows must be the ones the full sort puts first, or the list would jump when the
// full rows take over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '@/lib/core';
import type { KundennahDB } from '@/lib/db';
import { deriveContact } from '@/lib/db';
import { generateDemoData } from '@/lib/demo';
import { DEFAULT_SETTINGS, type ContactHistory } from '@/lib/model';
import { DEFAULT_VIEW, sortRows } from '@/lib/ui/dashboard/contacts';
import { firstScreenOrder, readFirstScreen } from '@/lib/ui/dashboard/data';
import { openFreshDb } from '../../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;

beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => db.delete());

// Names the way a German address book has them: umlauts, ß, particles, lower-case, accents.
const FIRST = ['Anna', 'Ömer', 'jörg', 'Élodie', 'Zoë', 'Ulrike', 'Björn', 'Åsa', 'Luca', 'Ines'];
const LAST = [
  'Müller',
  'Mueller',
  'Özdemir',
  'van der Berg',
  'de la Cruz',
  'Straße',
  'Abel',
  'Zürn',
];

/** 160 contacts (more than one screen) with those names, each with a demo history. */
function histories(): ContactHistory[] {
  const demo = generateDemoData({ now });
  const out: ContactHistory[] = [];
  let i = 0;
  for (const last of LAST)
    for (const first of FIRST)
      for (const order of [`${first} ${last}`, `${last}, ${first}`]) {
        const h = demo[i % demo.length]!;
        out.push({ ...h, contact: { ...h.contact, id: `c${i++}`, name: order } });
      }
  return out;
}

describe("the contacts table's first screen", () => {
  it('holds the rows the full sort by name puts first, in both directions', async () => {
    const ctx = createContext(DEFAULT_SETTINGS, now);
    const summaries = histories().map(
      (h) => deriveContact(h, { tier: 'B', reason: '' }, ctx).summary,
    );
    await db.summaries.bulkPut(summaries);

    for (const dir of ['asc', 'desc'] as const) {
      const screen = await readFirstScreen(dir, db);
      expect(screen.total).toBe(160);
      expect(screen.rows).toHaveLength(60);
      const full = sortRows(summaries, 'name', dir, 'de').slice(0, 60);
      expect(screen.rows.map((r) => r.name)).toEqual(full.map((r) => r.name));
    }
  });

  it('stands in only for the plain list by name', () => {
    expect(firstScreenOrder(DEFAULT_VIEW)).toBe('asc');
    expect(firstScreenOrder({ ...DEFAULT_VIEW, dir: 'desc' })).toBe('desc');
    expect(firstScreenOrder({ ...DEFAULT_VIEW, q: 'müller' })).toBeNull();
    expect(firstScreenOrder({ ...DEFAULT_VIEW, tiers: ['A'] })).toBeNull();
    expect(firstScreenOrder({ ...DEFAULT_VIEW, sort: 'last' })).toBeNull();
  });
});
