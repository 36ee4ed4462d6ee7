import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KundennahDB } from '@/lib/db';
import { getHistory, getSettings, putHistories, recomputeAll, type AgendaRow } from '@/lib/db';
import {
  completeItem,
  completeItems,
  snoozeItem,
  snoozeItems,
} from '@/lib/ui/popup/agenda-actions';
import type { ContactHistory } from '@/lib/model';
import { openFreshDb } from '../../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
const words = {
  birthday: 'Geburtstagsgruß',
  partnerBirthday: 'Gruß Partner',
  feedbackAsked: 'Nach Feedback gefragt',
  exitConversation: 'Abschiedsgespräch',
  complaintResolved: 'Geklärt',
  replied: 'Beantwortet',
  checkBack: 'Passt jetzt alles?',
};
let db: KundennahDB;

const base = {
  createdAt: '2025-01-01',
  updatedAt: '2025-01-01',
  emails: [],
  phones: [],
  profileUrls: [],
  preferredChannels: [],
  interests: [],
  status: 'active' as const,
};
const empty = { interactions: [], commitments: [], feedback: [], purchases: [], followUps: [] };

const people: ContactHistory[] = [
  {
    ...empty,
    contact: { ...base, id: 'p', name: 'Promise Person' },
    commitments: [
      { id: 'c1', contactId: 'p', text: 'Angebot', createdAt: '2026-11-01', dueAt: '2026-11-20' },
    ],
    feedback: [{ id: 'pf', contactId: 'p', at: '2026-11-01', product: 5, complaint: false }],
    interactions: [
      {
        id: 'pi',
        contactId: 'p',
        at: '2026-11-20',
        channel: 'phone',
        direction: 'out',
        personal: true,
      },
    ],
  },
  {
    ...empty,
    contact: { ...base, id: 'b', name: 'Birthday Person', birthday: { month: 11, day: 24 } },
    feedback: [{ id: 'bf', contactId: 'b', at: '2026-11-01', product: 5, complaint: false }],
    interactions: [
      {
        id: 'bi',
        contactId: 'b',
        at: '2026-11-20',
        channel: 'phone',
        direction: 'out',
        personal: true,
      },
    ],
  },
  {
    ...empty,
    contact: { ...base, id: 'x', name: 'Complaint Person' },
    feedback: [{ id: 'xf', contactId: 'x', at: '2026-11-10', product: 1, complaint: true }],
    interactions: [
      {
        id: 'xi',
        contactId: 'x',
        at: '2026-11-20',
        channel: 'phone',
        direction: 'out',
        personal: true,
      },
    ],
  },
  {
    ...empty,
    contact: {
      ...base,
      id: 'l',
      name: 'Lost Person',
      status: 'lost',
      lost: { at: '2026-11-01', reason: 'price' },
    },
  },
  {
    ...empty,
    contact: { ...base, id: 'f', name: 'Followup Person' },
    followUps: [{ id: 'fu', contactId: 'f', dueAt: '2026-11-22', note: 'anrufen' }],
    feedback: [{ id: 'ff', contactId: 'f', at: '2026-11-01', product: 5, complaint: false }],
    interactions: [
      {
        id: 'fi',
        contactId: 'f',
        at: '2026-11-20',
        channel: 'phone',
        direction: 'out',
        personal: true,
      },
    ],
  },
];

// One conversation per customer: a promise and a follow-up of the same person, both by phone.
const recent = (id: string, contactId: string) => ({
  id,
  contactId,
  at: '2026-11-20',
  channel: 'phone' as const,
  direction: 'out' as const,
  personal: true,
});
people.push(
  {
    ...empty,
    contact: { ...base, id: 'g', name: 'Günter Hofmann', preferredChannels: ['phone'] },
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
    interactions: [recent('gi', 'g')],
  },
  // Relationship overdue, by phone: "done" is a call with an after-call note.
  {
    ...empty,
    contact: { ...base, id: 'k', name: 'Klara Kaufmann', preferredChannels: ['phone'] },
    feedback: [{ id: 'kf', contactId: 'k', at: '2026-11-01', product: 4, complaint: false }],
    interactions: [{ ...recent('ki', 'k'), at: '2026-06-01' }],
  },
  // Feedback to ask for, by e-mail.
  {
    ...empty,
    contact: { ...base, id: 'q', name: 'Quirin Quast', preferredChannels: ['email'] },
    feedback: [{ id: 'qf', contactId: 'q', at: '2025-06-01', product: 4, complaint: false }],
    interactions: [recent('qi', 'q')],
  },
);

beforeEach(async () => {
  db = await openFreshDb();
  await putHistories(db, people);
  await recomputeAll(db, await getSettings(db, 'de'), now);
});
afterEach(async () => db.delete());

async function item(contactId: string, kind: string): Promise<AgendaRow> {
  const row = await db.agenda.get(`${contactId}:${kind}`);
  if (!row)
    throw new Error(
      `no ${kind} item for ${contactId}: ${(await db.agenda.toArray()).map((r) => r.id).join(', ')}`,
    );
  return row;
}
const refresh = async () => recomputeAll(db, await getSettings(db, 'de'), now);

describe('done', () => {
  it('keeps a promise, and undo opens it again', async () => {
    const undo = await completeItem(db, await item('p', 'commitment'), '', now, words);
    expect((await db.commitments.get('c1'))?.doneAt).toBe(now.toISOString());
    await refresh();
    expect(await db.agenda.get('p:commitment')).toBeUndefined();
    await undo();
    expect((await db.commitments.get('c1'))?.doneAt).toBeUndefined();
  });

  it('wishes a happy birthday: logged on the suggested channel, hidden for this year, undo restores both', async () => {
    const row = await item('b', 'birthday');
    const undo = await completeItem(db, row, 'Karte geschickt', now, words);
    const h = (await getHistory(db, 'b'))!;
    expect(h.interactions.at(-1)).toMatchObject({
      channel: row.channel,
      personal: true,
      summary: 'Karte geschickt',
    });
    await refresh();
    expect(await db.agenda.get('b:birthday')).toBeUndefined();
    await undo();
    await refresh();
    expect(await db.agenda.get('b:birthday')).toBeDefined();
    expect((await getHistory(db, 'b'))!.interactions).toHaveLength(1);
  });

  it('resolves a complaint after talking it through', async () => {
    await completeItem(db, await item('x', 'complaint'), '', now, words);
    expect((await db.feedback.get('xf'))?.resolvedAt).toBe(now.toISOString());
    expect((await getHistory(db, 'x'))!.interactions.at(-1)?.summary).toBe('Geklärt');
  });

  it('records the exit conversation with what we learned', async () => {
    const undo = await completeItem(
      db,
      await item('l', 'exit-conversation'),
      'Preis war nicht das Problem',
      now,
      words,
    );
    expect((await db.contacts.get('l'))?.lost).toMatchObject({
      exitConversationAt: now.toISOString(),
      learned: 'Preis war nicht das Problem',
      reason: 'price',
    });
    await undo();
    expect((await db.contacts.get('l'))?.lost).toEqual({ at: '2026-11-01', reason: 'price' });
  });

  it('closes a follow-up', async () => {
    await completeItem(db, await item('f', 'follow-up'), '', now, words);
    expect((await db.followUps.get('fu'))?.doneAt).toBe(now.toISOString());
  });
});

describe('later', () => {
  it('moves a follow-up to its new day', async () => {
    const undo = await snoozeItem(db, await item('f', 'follow-up'), '2026-11-30', now);
    expect((await db.followUps.get('fu'))?.snoozedUntil).toBe('2026-11-30');
    await undo();
    expect((await db.followUps.get('fu'))?.snoozedUntil).toBeUndefined();
  });

  it('hides a promise until the chosen day, then shows it again', async () => {
    await snoozeItem(db, await item('p', 'commitment'), '2026-11-25', now);
    await refresh();
    expect(await db.agenda.get('p:commitment')).toBeUndefined();
    await recomputeAll(db, await getSettings(db, 'de'), new Date('2026-11-25T09:00:00.000Z'));
    expect(await db.agenda.get('p:commitment')).toBeDefined();
  });
});

const TABLES = ['interactions', 'commitments', 'feedback', 'followUps', 'dismissals'] as const;
/** Every row of the tables an action writes, to compare before and after its undo. */
async function snapshot() {
  return Object.fromEntries(
    await Promise.all(
      TABLES.map(async (t) => [t, await (db[t] as { toArray(): Promise<unknown[]> }).toArray()]),
    ),
  );
}
/** Rows of `table` that are not in `before`. */
async function added<T extends { id: string }>(
  before: Record<string, unknown[]>,
  table: (typeof TABLES)[number],
): Promise<T[]> {
  const ids = new Set((before[table] as { id: string }[]).map((r) => r.id));
  return ((await db[table].toArray()) as unknown as T[]).filter((r) => !ids.has(r.id));
}
const today = '2026-11-22';

describe('done with the after-call note', () => {
  it('a call: the conversation, the feedback with both ratings and both answers, price pressure and the promise; undo removes exactly them', async () => {
    const before = await snapshot();
    const row = await item('k', 'cadence');
    expect(row.channel).toBe('phone');
    const undo = await completeItems(
      db,
      [row],
      {
        note: {
          summary: 'Jahresplanung',
          product: 5,
          service: 4,
          support: 'Früher Bescheid geben, wenn es eng wird',
          improve: 'Rechnungen verständlicher',
          pricePressure: true,
          promise: { text: 'Angebot Wartungsvertrag', dueAt: '2026-11-29' },
        },
      },
      now,
      words,
      today,
    );
    expect(await added(before, 'interactions')).toEqual([
      expect.objectContaining({
        contactId: 'k',
        channel: 'phone',
        direction: 'out',
        personal: true,
        summary: 'Jahresplanung',
      }),
    ]);
    expect(await added(before, 'feedback')).toEqual([
      expect.objectContaining({
        contactId: 'k',
        at: now.toISOString(),
        product: 5,
        service: 4,
        support: 'Früher Bescheid geben, wenn es eng wird',
        improve: 'Rechnungen verständlicher',
        pricePressure: true,
        complaint: false,
      }),
    ]);
    expect(await added(before, 'commitments')).toEqual([
      expect.objectContaining({
        contactId: 'k',
        text: 'Angebot Wartungsvertrag',
        dueAt: '2026-11-29',
      }),
    ]);
    expect(await added(before, 'followUps')).toEqual([]);
    await refresh();
    expect(await db.agenda.get('k:cadence')).toBeUndefined();

    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('writes no feedback when the note says nothing a feedback holds', async () => {
    const before = await snapshot();
    await completeItems(
      db,
      [await item('k', 'cadence')],
      { note: { summary: 'Kurz gesprochen' } },
      now,
      words,
      today,
    );
    expect(await added(before, 'interactions')).toHaveLength(1);
    expect(await added(before, 'feedback')).toEqual([]);
  });

  it('a complaint ticked in the note starts a complaint item with what the call was about', async () => {
    await completeItems(
      db,
      [await item('k', 'cadence')],
      { note: { summary: 'Lieferung kam beschädigt', complaint: true, product: 2 } },
      now,
      words,
      today,
    );
    await refresh();
    const complaint = await db.agenda.get('k:complaint');
    expect(complaint?.reasons.join(' ')).toContain('Lieferung kam beschädigt');
  });

  it('"done" on a feedback item stores the ratings given (and undo removes them)', async () => {
    const before = await snapshot();
    const undo = await completeItems(
      db,
      [await item('q', 'feedback')],
      { note: { product: 4, service: 5, improve: 'Mehr Beispiele' } },
      now,
      words,
      today,
    );
    expect(await added(before, 'feedback')).toEqual([
      expect.objectContaining({
        contactId: 'q',
        product: 4,
        service: 5,
        improve: 'Mehr Beispiele',
        complaint: false,
      }),
    ]);
    expect(await added(before, 'interactions')).toEqual([
      expect.objectContaining({ channel: 'email', summary: 'Nach Feedback gefragt' }),
    ]);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('"done" on a feedback item without answers still records that feedback was asked', async () => {
    const before = await snapshot();
    await completeItem(db, await item('q', 'feedback'), '', now, words);
    expect(await added(before, 'feedback')).toEqual([
      expect.objectContaining({ contactId: 'q', complaint: false }),
    ]);
  });
});

describe('done for the whole card: one conversation', () => {
  it('keeps the promise, closes the follow-up and logs one call; one undo takes back all of it', async () => {
    const before = await snapshot();
    const items = [await item('g', 'commitment'), await item('g', 'follow-up')];
    const undo = await completeItems(
      db,
      items,
      { note: { summary: 'Zeiterfassung läuft, Grüße ausgerichtet', service: 5 } },
      now,
      words,
      today,
    );
    expect((await db.commitments.get('gc'))?.doneAt).toBe(now.toISOString());
    expect((await db.followUps.get('gfu'))?.doneAt).toBe(now.toISOString());
    expect(await added(before, 'interactions')).toEqual([
      expect.objectContaining({
        contactId: 'g',
        channel: 'phone',
        summary: 'Zeiterfassung läuft, Grüße ausgerichtet',
      }),
    ]);
    expect(await added(before, 'feedback')).toEqual([
      expect.objectContaining({ contactId: 'g', service: 5 }),
    ]);
    await refresh();
    expect(await db.agenda.where('contactId').equals('g').count()).toBe(0);

    await undo();
    expect(await snapshot()).toEqual(before);
    await refresh();
    expect((await db.agenda.where('contactId').equals('g').toArray()).map((r) => r.kind)).toEqual(
      expect.arrayContaining(['commitment', 'follow-up']),
    );
  });

  it('a promise and a follow-up done without a word log no conversation', async () => {
    const before = await snapshot();
    await completeItems(
      db,
      [await item('g', 'commitment'), await item('g', 'follow-up')],
      { note: {} },
      now,
      words,
      today,
    );
    expect(await added(before, 'interactions')).toEqual([]);
  });

  it('one part done leaves the other, and its undo touches only that part', async () => {
    const before = await snapshot();
    const undo = await completeItems(
      db,
      [await item('g', 'follow-up')],
      { note: {} },
      now,
      words,
      today,
    );
    expect((await db.followUps.get('gfu'))?.doneAt).toBe(now.toISOString());
    expect((await db.commitments.get('gc'))?.doneAt).toBeUndefined();
    await refresh();
    expect((await db.agenda.where('contactId').equals('g').toArray()).map((r) => r.kind)).toEqual([
      'commitment',
    ]);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('"later" for the whole card hides every part until that day, with one undo', async () => {
    const before = await snapshot();
    const undo = await snoozeItems(
      db,
      [await item('g', 'commitment'), await item('g', 'follow-up')],
      '2026-11-25',
      now,
    );
    expect((await db.followUps.get('gfu'))?.snoozedUntil).toBe('2026-11-25');
    await refresh();
    expect(await db.agenda.where('contactId').equals('g').count()).toBe(0);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses items of two people as one conversation, writing nothing', async () => {
    const before = await snapshot();
    await expect(
      completeItems(
        db,
        [await item('g', 'commitment'), await item('p', 'commitment')],
        {},
        now,
        words,
        today,
      ),
    ).rejects.toThrow(/one person/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a complaint settled', () => {
  it('stores what was agreed and the goodwill gesture, logs the conversation and asks again in 7 days; one undo takes back all of it', async () => {
    const before = await snapshot();
    const original = await db.feedback.get('xf');
    const undo = await completeItems(
      db,
      [await item('x', 'complaint')],
      {
        settle: {
          resolution: 'Ersatzteil kommt Freitag, Einbau durch uns',
          goodwill: 'Anfahrt nicht berechnet',
        },
      },
      now,
      words,
      today,
    );
    expect(await db.feedback.get('xf')).toEqual({
      ...original,
      resolvedAt: now.toISOString(),
      resolution: 'Ersatzteil kommt Freitag, Einbau durch uns',
      goodwill: 'Anfahrt nicht berechnet',
    });
    expect(await added(before, 'interactions')).toEqual([
      expect.objectContaining({
        contactId: 'x',
        channel: 'phone',
        summary: 'Ersatzteil kommt Freitag, Einbau durch uns',
      }),
    ]);
    expect(await added(before, 'followUps')).toEqual([
      expect.objectContaining({ contactId: 'x', dueAt: '2026-11-29', note: 'Passt jetzt alles?' }),
    ]);
    expect(await added(before, 'feedback')).toEqual([]);
    await refresh();
    expect(await db.agenda.get('x:complaint')).toBeUndefined();
    // A week later the follow-up is on the agenda.
    await recomputeAll(db, await getSettings(db, 'de'), new Date('2026-11-29T09:00:00.000Z'));
    expect(await db.agenda.get('x:follow-up')).toMatchObject({ kind: 'follow-up' });

    await undo();
    expect(await snapshot()).toEqual(before);
    await refresh();
    expect(await db.agenda.get('x:complaint')).toBeDefined();
  });

  it('settled without words: resolved, logged with the default words, and still asked again', async () => {
    const before = await snapshot();
    await completeItems(db, [await item('x', 'complaint')], { settle: {} }, now, words, today);
    expect(await db.feedback.get('xf')).not.toHaveProperty('resolution');
    expect(await db.feedback.get('xf')).not.toHaveProperty('goodwill');
    expect(await added(before, 'interactions')).toEqual([
      expect.objectContaining({ summary: 'Geklärt' }),
    ]);
    expect(await added(before, 'followUps')).toHaveLength(1);
  });
});
