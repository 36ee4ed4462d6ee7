// What "done" and "later" mean for each kind of agenda item (issue: today's follow-ups). Every action
// is one transaction and returns its undo.
import { addDays } from '../../core';
import {
  HISTORY_TABLES,
  getHistory,
  patchRecord,
  removeDismissal,
  removeRecord,
  saveDismissal,
  saveRecord,
  updateContact,
  type AgendaRow,
  type KundennahDB,
} from '../../db';
import { compact, type Contact } from '../../model';

export type Undo = () => Promise<void>;

async function inOneTransaction<T>(db: KundennahDB, work: () => Promise<T>): Promise<T> {
  return db.transaction(
    'rw',
    [db.contacts, db.dismissals, ...HISTORY_TABLES.map((t) => db[t])],
    work,
  );
}

/**
 * Hide an item for its due day (or until `until`); the undo puts back what was there before. Runs
 * inside the caller's transaction.
 */
async function dismiss(
  db: KundennahDB,
  item: AgendaRow,
  at: string,
  until?: string,
): Promise<Undo> {
  const previous = await db.dismissals.get(`${item.contactId}:${item.kind}`);
  const d = await saveDismissal(db, {
    contactId: item.contactId,
    kind: item.kind,
    due: item.due,
    ...(until ? { until } : {}),
    at,
  });
  return async () => {
    await removeDismissal(db, d.id);
    if (previous) await db.dismissals.put(previous);
  };
}

/** Default words for the logged contact when the user typed none. */
export interface DoneWords {
  birthday: string;
  partnerBirthday: string;
  feedbackAsked: string;
  exitConversation: string;
  complaintResolved: string;
}

/**
 * "Done": logs the personal contact on the suggested channel, marks the promise kept, resolves the
 * complaint, records the exit conversation, asks for feedback, or closes the follow-up.
 */
export async function completeItem(
  db: KundennahDB,
  item: AgendaRow,
  text: string,
  now: Date,
  words: DoneWords,
): Promise<Undo> {
  const at = now.toISOString();
  const note = text.trim() || undefined;
  const logContact = (summary: string | undefined) =>
    saveRecord(db, 'interactions', {
      contactId: item.contactId,
      at,
      channel: item.channel,
      direction: 'out',
      personal: true,
      summary,
      source: { site: 'manual' },
    });

  return inOneTransaction(db, async (): Promise<Undo> => {
    switch (item.kind) {
      case 'commitment': {
        if (!item.recordId) break;
        await patchRecord(db, 'commitments', item.recordId, { doneAt: at });
        const id = item.recordId;
        return () =>
          patchRecord(db, 'commitments', id, { doneAt: undefined }).then(() => undefined);
      }
      case 'follow-up': {
        if (!item.recordId) break;
        await patchRecord(db, 'followUps', item.recordId, { doneAt: at });
        const id = item.recordId;
        return () => patchRecord(db, 'followUps', id, { doneAt: undefined }).then(() => undefined);
      }
      case 'complaint': {
        const logged = await logContact(note ?? words.complaintResolved);
        const id = item.recordId;
        if (id) await patchRecord(db, 'feedback', id, { resolvedAt: at });
        return () =>
          inOneTransaction(db, async () => {
            await removeRecord(db, 'interactions', logged.id);
            if (id) await patchRecord(db, 'feedback', id, { resolvedAt: undefined });
          });
      }
      case 'exit-conversation': {
        const contact = (await getHistory(db, item.contactId))?.contact;
        if (!contact?.lost) break;
        const before: Contact['lost'] = contact.lost;
        await updateContact(
          db,
          contact.id,
          {
            lost: {
              ...contact.lost,
              exitConversationAt: at,
              learned: note ?? contact.lost.learned,
            },
          },
          now,
        );
        const logged = await logContact(note ?? words.exitConversation);
        return () =>
          inOneTransaction(db, async () => {
            await removeRecord(db, 'interactions', logged.id);
            await updateContact(db, contact.id, { lost: compact(before) }, now);
          });
      }
      case 'feedback': {
        const logged = await logContact(note ?? words.feedbackAsked);
        const fb = await saveRecord(db, 'feedback', {
          contactId: item.contactId,
          at,
          note,
          complaint: false,
        });
        return () =>
          inOneTransaction(db, async () => {
            await removeRecord(db, 'interactions', logged.id);
            await removeRecord(db, 'feedback', fb.id);
          });
      }
      case 'birthday':
      case 'partner-birthday': {
        // A wish does not move the birthday: the item stays hidden for this year's day.
        const logged = await logContact(
          note ?? (item.kind === 'birthday' ? words.birthday : words.partnerBirthday),
        );
        const undismiss = await dismiss(db, item, at);
        return () =>
          inOneTransaction(db, async () => {
            await removeRecord(db, 'interactions', logged.id);
            await undismiss();
          });
      }
      default: {
        // after-purchase, cadence: a personal contact resets them.
        const logged = await logContact(note);
        return () => removeRecord(db, 'interactions', logged.id).then(() => undefined);
      }
    }
    // A promise or follow-up that is gone meanwhile: nothing to do, nothing to undo.
    return async () => undefined;
  });
}

/** "Later": a follow-up gets a new day; any other item is hidden until then. */
export async function snoozeItem(
  db: KundennahDB,
  item: AgendaRow,
  until: string,
  now: Date,
): Promise<Undo> {
  return inOneTransaction(db, async (): Promise<Undo> => {
    if (item.kind === 'follow-up' && item.recordId) {
      const before = (await db.followUps.get(item.recordId))?.snoozedUntil;
      const id = item.recordId;
      await patchRecord(db, 'followUps', id, { snoozedUntil: until });
      return () => patchRecord(db, 'followUps', id, { snoozedUntil: before }).then(() => undefined);
    }
    const undismiss = await dismiss(db, item, now.toISOString(), until);
    return () => inOneTransaction(db, undismiss);
  });
}

/** Snooze choices: tomorrow and Monday of next week. */
export function snoozeDays(today: string, weekday: number): { tomorrow: string; nextWeek: string } {
  return { tomorrow: addDays(today, 1), nextWeek: addDays(today, 8 - weekday) };
}
