import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPanelView } from '@/lib/background/view';
import type { KundennahDB } from '@/lib/db';
import { getSettings, putHistories, recomputeAll, saveDismissal } from '@/lib/db';
import type { ContactHistory, Settings } from '@/lib/model';
import type { TabContext } from '@/lib/background/tab-contexts';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
let settings: Settings;

const empty = { interactions: [], commitments: [], feedback: [], purchases: [], followUps: [] };
// Günter Hofmann: a promise overdue and a follow-up due today, by phone; nothing else pressing.
const guenter: ContactHistory = {
  ...empty,
  contact: {
    id: 'g',
    name: 'Günter Hofmann',
    emails: ['guenter@hofmann-elektro.de'],
    phones: [],
    profileUrls: [],
    preferredChannels: ['phone'],
    interests: [],
    status: 'active',
    createdAt: '2025-01-01',
    updatedAt: '2025-01-01',
  },
  commitments: [
    {
      id: 'gc',
      contactId: 'g',
      text: 'Zeiterfassung prüfen',
      createdAt: '2026-11-13',
      dueAt: '2026-11-21',
    },
  ],
  followUps: [{ id: 'gfu', contactId: 'g', dueAt: '2026-11-22', note: 'Grüße an Renate' }],
  feedback: [{ id: 'gf', contactId: 'g', at: '2026-11-01', product: 5, complaint: false }],
  interactions: [
    {
      id: 'gi',
      contactId: 'g',
      at: '2026-11-20',
      channel: 'phone',
      direction: 'out',
      personal: true,
    },
  ],
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

beforeEach(async () => {
  db = await openFreshDb();
  settings = await getSettings(db, 'de');
  await putHistories(db, [guenter]);
});
afterEach(async () => db.delete());

describe("the panel's card lists all of today's items of the person", () => {
  it('from the agenda rows, in the agenda order, besides the next touch', async () => {
    await recomputeAll(db, settings, now);
    const view = await buildPanelView(db, tab, settings, now);
    const card = view.people[0]!.card!;
    expect(card.suggestion?.kind).toBe('commitment');
    expect(card.today.map((i) => [i.kind, i.channel, i.due])).toEqual([
      ['commitment', 'phone', '2026-11-21'],
      ['follow-up', 'phone', '2026-11-22'],
    ]);
    expect(card.today[1]!.reasons.join(' ')).toContain('Grüße an Renate');
  });

  it('computes them when the derived rows are not there yet, leaving out what was dismissed', async () => {
    // No recomputation: no summary, no agenda rows (a contact added a moment ago).
    await saveDismissal(db, {
      contactId: 'g',
      kind: 'commitment',
      due: '2026-11-21',
      until: '2026-11-25',
      at: now.toISOString(),
    });
    const view = await buildPanelView(db, tab, settings, now);
    expect(view.people[0]!.card!.today.map((i) => i.kind)).toEqual(['follow-up']);
  });

  it('ignores rows of another day', async () => {
    await recomputeAll(db, settings, now);
    await db.agenda.toCollection().modify({ day: '2026-11-21' });
    await db.summaries.toCollection().modify({ day: '2026-11-22' });
    const view = await buildPanelView(db, tab, settings, now);
    expect(view.people[0]!.card!.today).toEqual([]);
  });

  it('says which channel a contact logged on the page goes on', async () => {
    expect((await buildPanelView(db, tab, settings, now)).logChannel).toBe('email');
    expect((await buildPanelView(db, undefined, settings, now)).logChannel).toBe('email');
    const xing: TabContext = {
      ...tab,
      context: { site: 'xing', kind: 'profile', people: [] },
    };
    expect((await buildPanelView(db, xing, settings, now)).logChannel).toBe('xing');
  });
});

describe('a page nobody on which can be read', () => {
  const unreadable = { counts: { '[email]': 0, 'span.gD': 0 }, versions: {} };
  const nobody: TabContext = {
    context: { site: 'gmail', kind: 'thread', people: [] },
    url: 'https://mail.google.com/mail/u/0/#inbox/abc',
    at: 0,
    unreadable,
  };

  it('reaches the panel with what the reader matched', async () => {
    const view = await buildPanelView(db, nobody, settings, now);
    expect(view.unreadable).toEqual(unreadable);
    expect(view.people).toEqual([]);
  });

  it('is not in the view of a page with somebody on it', async () => {
    const view = await buildPanelView(db, tab, settings, now);
    expect(view.unreadable).toBeUndefined();
  });
});
