import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KundennahDB,
  getHistory,
  getSettings,
  putHistories,
  recomputeAll,
  type AgendaRow,
} from '@/lib/db';
import { completeItem, snoozeItem } from '@/lib/ui/popup/agenda-actions';
import type { ContactHistory } from '@/lib/model';

const now = new Date('2026-11-22T10:00:00.000Z');
const words = {
  birthday: 'Geburtstagsgruß',
  partnerBirthday: 'Gruß Partner',
  feedbackAsked: 'Nach Feedback gefragt',
  exitConversation: 'Abschiedsgespräch',
  complaintResolved: 'Geklärt',
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

beforeEach(async () => {
  db = new KundennahDB(`test-${crypto.randomUUID()}`);
  await db.open();
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
