// What the panel card shows to bring: open concerns (latest first), who recommended whom and what
// the referrals bought, what was brought last, attached occasions not brought yet, and current
// occasions that fit — neither attached nor brought.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPanelView } from '@/lib/background/view';
import type { KundennahDB } from '@/lib/db';
import { getSettings, putHistories, recomputeAll, saveOccasion } from '@/lib/db';
import type { TabContext } from '@/lib/background/tab-contexts';
import type { ContactHistory, Settings } from '@/lib/model';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
let settings: Settings;

const empty = { interactions: [], commitments: [], feedback: [], purchases: [], followUps: [] };
const base = {
  phones: [],
  profileUrls: [],
  preferredChannels: [],
  interests: [],
  status: 'active' as const,
  createdAt: '2025-01-01',
  updatedAt: '2025-01-01',
};
const tab: TabContext = {
  context: {
    site: 'gmail',
    kind: 'thread',
    people: [{ name: 'Günter Hofmann', email: 'guenter@hofmann-elektro.de' }],
  },
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  at: 0,
};

let ids: Record<'brought' | 'planned' | 'expired' | 'fits' | 'other' | 'future', string>;

beforeEach(async () => {
  db = await openFreshDb();
  settings = await getSettings(db, 'de');
  const save = async (title: string, keywords: string[], extra: object = {}) =>
    (await saveOccasion(db, { kind: 'tip', title, keywords, ...extra }, now)).id;
  ids = {
    brought: await save('Leitfaden Digitalisierung', ['Digitalisierung']),
    planned: await save('Förderprogramm go-digital', ['Digitalisierung']),
    expired: await save('Messe Digital 2025', ['Digitalisierung'], { validUntil: '2026-01-31' }),
    fits: await save('Checkliste Digitalisierung Handwerk', ['Digitalisierung']),
    other: await save('Segeltörn Ostsee', ['Segeln']),
    future: await save('Digitaltag 2027', ['Digitalisierung'], { validFrom: '2027-01-01' }),
  };
  const guenter: ContactHistory = {
    ...empty,
    contact: {
      ...base,
      id: 'g',
      name: 'Günter Hofmann',
      emails: ['guenter@hofmann-elektro.de'],
      interests: ['Digitalisierung'],
      referredBy: 'r',
      concerns: [
        { id: 'k1', text: 'ERP-Auswahl bis Q3', notedAt: '2026-10-12' },
        { id: 'k2', text: 'Praxisumzug', notedAt: '2026-11-01' },
        { id: 'k3', text: 'Neue Halle', notedAt: '2026-09-01', closedAt: '2026-10-01' },
        { id: 'k4', text: 'Messe', notedAt: '2026-01-01', until: '2026-03-01' },
      ],
      plannedOccasions: [
        { occasionId: ids.brought, at: '2026-10-01T09:00:00.000Z' },
        { occasionId: ids.expired, at: '2026-01-10T09:00:00.000Z' },
        { occasionId: ids.planned, at: '2026-11-01T09:00:00.000Z' },
      ],
    },
    purchases: [{ id: 'gp', contactId: 'g', at: '2026-05-01', amount: 3_000 }],
    interactions: [
      {
        id: 'gi',
        contactId: 'g',
        at: '2026-11-10',
        channel: 'email',
        direction: 'out',
        personal: true,
        brought: { kind: 'occasion', occasionId: ids.brought, text: 'Leitfaden Digitalisierung' },
      },
    ],
  };
  const referrer: ContactHistory = {
    ...empty,
    contact: { ...base, id: 'r', name: 'Rita Rat', emails: ['rita@example.de'] },
  };
  // Two recommended by Günter: one bought twice, one not yet.
  const bought: ContactHistory = {
    ...empty,
    contact: { ...base, id: 'b', name: 'Bea Bau', emails: [], referredBy: 'g' },
    purchases: [
      { id: 'bp1', contactId: 'b', at: '2026-06-01', amount: 10_000 },
      { id: 'bp2', contactId: 'b', at: '2026-08-01', amount: 4_000 },
    ],
  };
  const prospect: ContactHistory = {
    ...empty,
    contact: {
      ...base,
      id: 'p',
      name: 'Paul Plan',
      emails: [],
      referredBy: 'g',
      status: 'prospect',
    },
  };
  await putHistories(db, [guenter, referrer, bought, prospect]);
  await recomputeAll(db, settings, now);
});
afterEach(async () => db.delete());

async function card() {
  const view = await buildPanelView(db, tab, settings, now);
  return view.people[0]!.card!;
}

describe('the panel card: what to bring', () => {
  it('lists the open concerns, the latest noted first (closed and ended ones left out)', async () => {
    expect((await card()).concerns.map((k) => k.text)).toEqual([
      'Praxisumzug',
      'ERP-Auswahl bis Q3',
    ]);
  });

  it('names who recommended them, and what their own referrals bought', async () => {
    const c = await card();
    expect(c.referredBy).toEqual({ id: 'r', name: 'Rita Rat' });
    expect(c.referrals).toEqual({ count: 2, customers: 1, revenueCents: 1_400_000 });
  });

  it('says what was brought last', async () => {
    expect((await card()).lastBrought).toEqual({
      at: '2026-11-10',
      kind: 'occasion',
      text: 'Leitfaden Digitalisierung',
    });
  });

  it('shows the attached occasions neither brought nor expired, and carries the first', async () => {
    const c = await card();
    expect(c.planned.map((o) => o.id)).toEqual([ids.planned]);
    expect(c.suggestion?.occasionId).toBe(ids.planned);
  });

  it('offers current occasions that fit, with why — none attached, brought, expired or not begun', async () => {
    const c = await card();
    expect(c.fitting.map((o) => o.id)).toEqual([ids.fits]);
    expect(c.fitting[0]!.fits).toContain('Digitalisierung');
  });
});
