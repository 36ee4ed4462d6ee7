// "Erledigt" in the popup for what to bring: an attached occasion is recorded as brought (and not
// carried again), thanks for a referral and a customer anniversary are done like other items, a
// concern noted in the after-call note is undone with the rest. And the card's "Mitbringen" line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KundennahDB } from '@/lib/db';
import {
  getHistory,
  getSettings,
  putHistories,
  recomputeAll,
  saveOccasion,
  type AgendaRow,
} from '@/lib/db';
import { completeItems } from '@/lib/ui/popup/agenda-actions';
import { bringPointOf } from '@/lib/ui/popup/cards';
import type { ContactHistory } from '@/lib/model';
import { openFreshDb } from '../../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
const today = '2026-11-22';
const words = {
  birthday: 'Geburtstagsgruß',
  partnerBirthday: 'Gruß Partner',
  feedbackAsked: 'Nach Feedback gefragt',
  exitConversation: 'Abschiedsgespräch',
  complaintResolved: 'Geklärt',
  replied: 'Beantwortet',
  checkBack: 'Passt jetzt alles?',
  referralThanks: 'Für die Empfehlung gedankt',
  anniversary: 'Zum Kundenjubiläum gedankt',
};
const base = {
  createdAt: '2025-01-01',
  updatedAt: '2025-01-01',
  emails: [],
  phones: [],
  profileUrls: [],
  preferredChannels: ['email' as const],
  interests: [],
  status: 'active' as const,
};
const empty = { interactions: [], commitments: [], feedback: [], purchases: [], followUps: [] };
const touch = (id: string, contactId: string, at: string) => ({
  id,
  contactId,
  at,
  channel: 'email' as const,
  direction: 'out' as const,
  personal: true,
});
const fine = (id: string, contactId: string) => ({
  id,
  contactId,
  at: '2026-11-01',
  product: 5,
  complaint: false,
});

let db: KundennahDB;
let occasionId: string;

beforeEach(async () => {
  db = await openFreshDb();
  occasionId = (
    await saveOccasion(
      db,
      { kind: 'funding', title: 'go-digital', text: '50 % Zuschuss', keywords: ['Förderung'] },
      now,
    )
  ).id;
  const people: ContactHistory[] = [
    // Overdue by e-mail, with go-digital attached to the next touch.
    {
      ...empty,
      contact: {
        ...base,
        id: 'o',
        name: 'Olga Ott',
        plannedOccasions: [{ occasionId, at: '2026-11-20T09:00:00.000Z' }],
      },
      purchases: [{ id: 'op', contactId: 'o', at: '2026-06-01', amount: 1_000 }],
      interactions: [touch('oi', 'o', '2026-06-01')],
      feedback: [fine('of', 'o')],
    },
    // Recommended Nina, who bought for the first time two days ago.
    {
      ...empty,
      contact: { ...base, id: 'r', name: 'Rita Rat' },
      purchases: [{ id: 'rp', contactId: 'r', at: '2026-03-01', amount: 5_000 }],
      interactions: [touch('ri', 'r', '2026-11-15')],
      feedback: [fine('rf', 'r')],
    },
    {
      ...empty,
      contact: { ...base, id: 'n', name: 'Nina Neu', referredBy: 'r' },
      purchases: [{ id: 'np', contactId: 'n', at: '2026-11-20', amount: 2_000 }],
      interactions: [touch('ni', 'n', '2026-11-21')],
      feedback: [fine('nf', 'n')],
    },
    // A customer for five years today, and the largest: an A customer.
    {
      ...empty,
      contact: { ...base, id: 'a', name: 'Anton Alt' },
      purchases: [
        { id: 'ap1', contactId: 'a', at: '2021-11-22', amount: 3_000 },
        { id: 'ap2', contactId: 'a', at: '2026-09-01', amount: 50_000 },
      ],
      interactions: [touch('ai', 'a', '2026-11-18')],
      feedback: [fine('af', 'a')],
    },
  ];
  await putHistories(db, people);
  await refresh();
});
afterEach(async () => db.delete());

const refresh = async () => recomputeAll(db, await getSettings(db, 'de'), now);
async function row(id: string): Promise<AgendaRow> {
  const r = await db.agenda.get(id);
  if (!r) throw new Error(`no ${id}: ${(await db.agenda.toArray()).map((x) => x.id).join(', ')}`);
  return r;
}

describe('done on a touch that carries an attached occasion', () => {
  it('records the occasion as brought, so the next touch no longer carries it; undo carries it again', async () => {
    const item = await row('o:cadence');
    expect(item.occasionId).toBe(occasionId);
    const undo = await completeItems(db, [item], { note: { summary: '' } }, now, words, today);
    const logged = (await getHistory(db, 'o'))!.interactions.at(-1)!;
    expect(logged.brought).toEqual({ kind: 'occasion', occasionId, text: 'go-digital' });
    await refresh();
    const next = (await db.summaries.get('o'))!.next;
    expect(next?.occasionId).toBeUndefined();
    expect(next?.talkingPoints.join(' ')).not.toContain('Mitbringen: go-digital');
    await undo();
    await refresh();
    expect((await row('o:cadence')).occasionId).toBe(occasionId);
  });

  it('brings an occasion deleted meanwhile by its id alone', async () => {
    const item = await row('o:cadence');
    await db.occasions.delete(occasionId);
    await completeItems(db, [item], {}, now, words, today);
    const logged = (await getHistory(db, 'o'))!.interactions.at(-1)!;
    expect(logged.brought).toEqual({ kind: 'occasion', occasionId });
  });

  it('a touch that carries none brings nothing', async () => {
    await completeItems(db, [await row('r:referral-thanks')], {}, now, words, today);
    expect((await getHistory(db, 'r'))!.interactions.at(-1)!.brought).toBeUndefined();
  });
});

describe('thanks', () => {
  it('for a referral: logged in the thank-you words, and the item is gone', async () => {
    const undo = await completeItems(db, [await row('r:referral-thanks')], {}, now, words, today);
    expect((await getHistory(db, 'r'))!.interactions.at(-1)).toMatchObject({
      summary: 'Für die Empfehlung gedankt',
      personal: true,
      direction: 'out',
    });
    await refresh();
    expect(await db.agenda.get('r:referral-thanks')).toBeUndefined();
    await undo();
    await refresh();
    expect(await db.agenda.get('r:referral-thanks')).toBeDefined();
  });

  it('on a customer anniversary: logged, hidden for its day; undo shows it again', async () => {
    const undo = await completeItems(db, [await row('a:anniversary')], {}, now, words, today);
    expect((await getHistory(db, 'a'))!.interactions.at(-1)!.summary).toBe(
      'Zum Kundenjubiläum gedankt',
    );
    await refresh();
    expect(await db.agenda.get('a:anniversary')).toBeUndefined();
    await undo();
    await refresh();
    expect(await db.agenda.get('a:anniversary')).toBeDefined();
  });
});

describe('"Neues Thema?" in the after-call note', () => {
  it('notes the concern on the user’s day; undo removes it with the conversation', async () => {
    const undo = await completeItems(
      db,
      [await row('o:cadence')],
      { note: { concern: 'Praxisumzug im April' } },
      new Date('2026-11-22T23:30:00.000Z'),
      words,
      today,
      'Europe/Berlin',
    );
    const concerns = (await db.contacts.get('o'))!.concerns;
    expect(concerns).toEqual([
      { id: expect.any(String), text: 'Praxisumzug im April', notedAt: '2026-11-23' },
    ]);
    await undo();
    expect((await db.contacts.get('o'))!.concerns).toBeUndefined();
    expect((await getHistory(db, 'o'))!.interactions).toHaveLength(1);
  });
});

describe('the card’s "Mitbringen" line', () => {
  const row = (over: Partial<AgendaRow>): AgendaRow => ({
    id: 'x:cadence',
    contactId: 'x',
    kind: 'cadence',
    channel: 'email',
    due: today,
    reasons: [],
    talkingPoints: [],
    tier: 'A',
    name: 'X',
    profileUrls: [],
    rank: 0,
    day: today,
    ...over,
  });

  it('is the talking point that brings the carried occasion, in the user’s language', () => {
    const points = ['Gratulieren', 'Mitbringen: go-digital – 50 % Zuschuss', 'Interessen: Golf'];
    expect(bringPointOf([row({ occasionId: 'o1', talkingPoints: points })], 'de')).toBe(
      'Mitbringen: go-digital – 50 % Zuschuss',
    );
    expect(
      bringPointOf([row({ occasionId: 'o1', talkingPoints: ['Bring: go-digital'] })], 'en'),
    ).toBe('Bring: go-digital');
  });

  it('is found on a later item of the card, and is absent without a carried occasion', () => {
    const plain = row({ talkingPoints: ['Mitbringen: nichts'] });
    expect(bringPointOf([plain], 'de')).toBeUndefined();
    expect(
      bringPointOf(
        [plain, row({ kind: 'feedback', occasionId: 'o', talkingPoints: ['Mitbringen: go'] })],
        'de',
      ),
    ).toBe('Mitbringen: go');
  });
});
