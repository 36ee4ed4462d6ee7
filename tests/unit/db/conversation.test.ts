import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KundennahDB } from '@/lib/db';
import { createContact, getHistory, getSettings, recomputeAll, saveConversation } from '@/lib/db';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
let contactId: string;

beforeEach(async () => {
  db = await openFreshDb();
  contactId = (await createContact(db, { name: 'Günter Hofmann' }, new Date('2026-01-01'))).id;
});
afterEach(async () => db.delete());

describe('a conversation with its after-call note', () => {
  it('becomes the call, one feedback with everything the customer said, and the promise', async () => {
    const logged = await saveConversation(
      db,
      {
        contactId,
        channel: 'phone',
        summary: 'Zeiterfassung läuft',
        note: {
          summary: 'Zeiterfassung läuft',
          product: 5,
          service: 4,
          support: 'Kurze Schulung für die Neuen',
          improve: 'Rechnung früher schicken',
          pricePressure: true,
          wish: 'Export nach DATEV',
          promise: { text: 'Schulungstermin vorschlagen', dueAt: '2026-11-27' },
        },
      },
      now,
    );
    const h = (await getHistory(db, contactId))!;
    expect(h.interactions).toEqual([logged.interaction]);
    expect(logged.interaction).toMatchObject({
      channel: 'phone',
      direction: 'out',
      personal: true,
      summary: 'Zeiterfassung läuft',
      source: { site: 'manual' },
    });
    expect(h.feedback).toEqual([logged.feedback]);
    expect(logged.feedback).toMatchObject({
      at: now.toISOString(),
      product: 5,
      service: 4,
      support: 'Kurze Schulung für die Neuen',
      improve: 'Rechnung früher schicken',
      pricePressure: true,
      wish: 'Export nach DATEV',
      complaint: false,
      note: 'Zeiterfassung läuft',
    });
    expect(h.commitments).toEqual([logged.commitment]);
    expect(logged.commitment).toMatchObject({
      text: 'Schulungstermin vorschlagen',
      dueAt: '2026-11-27',
      createdAt: now.toISOString(),
    });
  });

  it('writes no feedback when the note holds none, and the call at the moment itself', async () => {
    const logged = await saveConversation(
      db,
      { contactId, channel: 'visit', summary: 'Werkstatt', note: { summary: 'Werkstatt' } },
      now,
    );
    expect(logged.feedback).toBeUndefined();
    expect(logged.commitment).toBeUndefined();
    expect(logged.interaction.at).toBe(now.toISOString());
    expect(await db.feedback.count()).toBe(0);
  });

  it('writes feedback without answers when feedback was asked (a done feedback item)', async () => {
    const logged = await saveConversation(
      db,
      { contactId, channel: 'phone', summary: 'Nach Feedback gefragt', alwaysFeedback: true },
      now,
    );
    // The default words of the call are not what the customer said.
    expect(logged.feedback).toEqual({
      id: logged.feedback!.id,
      contactId,
      at: now.toISOString(),
      complaint: false,
    });
  });

  it('a low rating given in the call is not answered by that same call: the complaint call follows', async () => {
    const logged = await saveConversation(
      db,
      { contactId, channel: 'phone', note: { summary: 'Lieferung zu spät', service: 2 } },
      now,
    );
    expect(logged.interaction.at < logged.feedback!.at).toBe(true);
    await recomputeAll(db, await getSettings(db, 'de'), now);
    expect(await db.agenda.get(`${contactId}:complaint`)).toMatchObject({
      recordId: logged.feedback!.id,
    });
  });

  it('writes nothing when a record is refused', async () => {
    await expect(
      saveConversation(
        db,
        {
          contactId,
          channel: 'phone',
          note: { product: 5, promise: { text: 'x', dueAt: 'nächste Woche' } },
        },
        now,
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.interactions.count()).toBe(0);
    expect(await db.feedback.count()).toBe(0);
  });
});
