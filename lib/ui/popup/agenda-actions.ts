// What "done" and "later" mean for each kind of agenda item (issue: today's follow-ups), for one
// item or for all of a person's items at once (one conversation per customer). Every action is one
// transaction and returns one undo that takes back exactly what it wrote.
import { addDays } from '../../core';
import {
  HISTORY_TABLES,
  patchRecord,
  removeConcern,
  removeDismissal,
  removeRecord,
  saveConversation,
  saveDismissal,
  saveRecord,
  updateContact,
  type AgendaRow,
  type DismissalRow,
  type HistoryTable,
  type KundennahDB,
  type RecordTypes,
} from '../../db';
import {
  compact,
  noteIsEmpty,
  type AfterCallNote,
  type Brought,
  type Contact,
  type Settlement,
} from '../../model';

export type Undo = () => Promise<void>;

async function inOneTransaction<T>(db: KundennahDB, work: () => Promise<T>): Promise<T> {
  return db.transaction(
    'rw',
    [db.contacts, db.dismissals, db.occasions, ...HISTORY_TABLES.map((t) => db[t])],
    work,
  );
}

/**
 * What one action wrote, so that its undo puts back exactly that: records it created are removed,
 * records it changed get their earlier state back, dismissals their earlier row.
 */
class Journal {
  private created: { table: HistoryTable; id: string }[] = [];
  private changed: { table: HistoryTable; row: RecordTypes[HistoryTable] }[] = [];
  private lost: { id: string; before: Contact['lost'] }[] = [];
  private dismissals: { id: string; previous: DismissalRow | undefined }[] = [];
  private concerns: { contactId: string; id: string }[] = [];

  add(table: HistoryTable, id: string): void {
    this.created.push({ table, id });
  }

  /** A concern the note's "Neues Thema?" noted on the contact. */
  addConcern(contactId: string, id: string): void {
    this.concerns.push({ contactId, id });
  }

  /** Change fields of a record (a key set to undefined removes it); false when it is gone. */
  async patch<K extends HistoryTable>(
    db: KundennahDB,
    table: K,
    id: string,
    patch: Partial<RecordTypes[K]>,
  ): Promise<boolean> {
    const before = (await db[table].get(id)) as RecordTypes[K] | undefined;
    if (!before) return false;
    this.changed.push({ table, row: before });
    await patchRecord(db, table, id, patch);
    return true;
  }

  async setLost(db: KundennahDB, contact: Contact, lost: Contact['lost'], now: Date) {
    this.lost.push({ id: contact.id, before: contact.lost });
    await updateContact(db, contact.id, { lost }, now);
  }

  /** Hide an item for its due day (or until `until`). */
  async dismiss(db: KundennahDB, item: AgendaRow, at: string, until?: string): Promise<void> {
    const id = `${item.contactId}:${item.kind}`;
    this.dismissals.push({ id, previous: await db.dismissals.get(id) });
    await saveDismissal(db, {
      contactId: item.contactId,
      kind: item.kind,
      due: item.due,
      ...(until ? { until } : {}),
      at,
    });
  }

  undo(db: KundennahDB, now: Date): Promise<void> {
    return inOneTransaction(db, async () => {
      for (const { table, id } of [...this.created].reverse()) await removeRecord(db, table, id);
      for (const { contactId, id } of [...this.concerns].reverse())
        await removeConcern(db, contactId, id, now);
      for (const { table, row } of [...this.changed].reverse()) await saveRecord(db, table, row);
      for (const { id, before } of [...this.lost].reverse())
        await updateContact(db, id, { lost: before && compact(before) }, now);
      for (const { id, previous } of [...this.dismissals].reverse()) {
        await removeDismissal(db, id);
        if (previous) await db.dismissals.put(previous);
      }
    });
  }
}

/** Default words for the logged contact when the user typed none. */
export interface DoneWords {
  birthday: string;
  partnerBirthday: string;
  feedbackAsked: string;
  exitConversation: string;
  complaintResolved: string;
  replied: string;
  /** The follow-up a week after a settled complaint: "Passt jetzt alles?" */
  checkBack: string;
  /** Thanked for a referral, on the customer anniversary (optional: older callers lack them). */
  referralThanks?: string;
  anniversary?: string;
  /** Congratulated on a new position (optional: older callers lack it). */
  congratulation?: string;
}

/** What the user said when marking items done. */
export interface DoneInput {
  /** The after-call note (a plain "done" with a line of text is a note with a summary). */
  note?: AfterCallNote;
  /** A complaint settled: what was agreed and the goodwill gesture made. */
  settle?: Settlement;
}

/** Days after a settled complaint until we ask whether everything is all right now. */
export const CHECK_BACK_DAYS = 7;

/**
 * "Done" on one or more items of the same person, as one conversation: marks promises kept and
 * follow-ups closed, settles the complaint (what was agreed, the goodwill gesture, and a follow-up
 * a week later), records the exit conversation, hides a wished birthday for this year — and logs
 * the conversation once, on the first item's channel, with what its note says (feedback, a
 * promise). A promise or follow-up alone logs no conversation unless the note says something.
 * `today` is the user's calendar day (the settled complaint's follow-up counts from it).
 */
export async function completeItems(
  db: KundennahDB,
  items: readonly AgendaRow[],
  input: DoneInput,
  now: Date,
  words: DoneWords,
  today: string,
  timeZone?: string,
): Promise<Undo> {
  const first = items[0];
  if (!first) return async () => undefined;
  if (items.some((i) => i.contactId !== first.contactId))
    throw new Error('One conversation is with one person: items of several contacts given.');
  const contactId = first.contactId;
  const at = now.toISOString();
  const note = input.note;
  const summary = note?.summary?.trim() || undefined;
  const resolution = input.settle?.resolution?.trim() || undefined;
  const goodwill = input.settle?.goodwill?.trim() || undefined;
  const journal = new Journal();

  await inOneTransaction(db, async () => {
    let talked = false;
    let feedbackAsked = false;
    const defaults: string[] = [];
    for (const item of items) {
      switch (item.kind) {
        case 'commitment':
          if (item.recordId) await journal.patch(db, 'commitments', item.recordId, { doneAt: at });
          break;
        case 'follow-up':
          if (item.recordId) await journal.patch(db, 'followUps', item.recordId, { doneAt: at });
          break;
        case 'complaint': {
          talked = true;
          defaults.push(words.complaintResolved);
          if (item.recordId)
            await journal.patch(db, 'feedback', item.recordId, {
              resolvedAt: at,
              ...(resolution ? { resolution } : {}),
              ...(goodwill ? { goodwill } : {}),
            });
          const checkBack = await saveRecord(db, 'followUps', {
            contactId,
            dueAt: addDays(today, CHECK_BACK_DAYS),
            note: words.checkBack,
          });
          journal.add('followUps', checkBack.id);
          break;
        }
        case 'exit-conversation': {
          const contact = await db.contacts.get(contactId);
          if (!contact?.lost) break;
          talked = true;
          defaults.push(words.exitConversation);
          await journal.setLost(
            db,
            contact,
            { ...contact.lost, exitConversationAt: at, learned: summary ?? contact.lost.learned },
            now,
          );
          break;
        }
        case 'feedback':
          talked = true;
          feedbackAsked = true;
          defaults.push(words.feedbackAsked);
          break;
        case 'birthday':
        case 'partner-birthday':
          // A wish does not move the birthday: the item stays hidden for this year's day.
          talked = true;
          defaults.push(item.kind === 'birthday' ? words.birthday : words.partnerBirthday);
          await journal.dismiss(db, item, at);
          break;
        case 'anniversary':
          // Like a birthday: thanking does not move the day, so the item stays hidden for it.
          talked = true;
          if (words.anniversary) defaults.push(words.anniversary);
          await journal.dismiss(db, item, at);
          break;
        case 'referral-thanks':
          // The touch logged below is the thank-you: a touch after the referral's purchase.
          talked = true;
          if (words.referralThanks) defaults.push(words.referralThanks);
          break;
        case 'reply':
          talked = true;
          defaults.push(words.replied);
          break;
        case 'congratulation':
          // The touch logged below is the congratulation: a touch after the new position.
          talked = true;
          if (words.congratulation) defaults.push(words.congratulation);
          break;
        default:
          // after-purchase, cadence: a personal contact resets them.
          talked = true;
      }
    }
    if (!talked && noteIsEmpty(note)) return;
    const brought = await broughtBy(db, items);
    const logged = await saveConversation(
      db,
      {
        contactId,
        channel: first.channel,
        summary: summary ?? resolution ?? (defaults.join(' · ') || undefined),
        note,
        alwaysFeedback: feedbackAsked,
        ...(brought ? { brought } : {}),
        ...(timeZone ? { timeZone } : {}),
      },
      now,
    );
    journal.add('interactions', logged.interaction.id);
    if (logged.feedback) journal.add('feedback', logged.feedback.id);
    if (logged.commitment) journal.add('commitments', logged.commitment.id);
    if (logged.concern) journal.addConcern(contactId, logged.concern.id);
  });
  return () => journal.undo(db, now);
}

/**
 * What a conversation brought: the occasion the first carrying item names (issue "Something to
 * bring to every touch", 3) — recorded on the touch, it is not suggested to this person again. An
 * occasion deleted meanwhile is brought by its id alone.
 */
async function broughtBy(
  db: KundennahDB,
  items: readonly AgendaRow[],
): Promise<Brought | undefined> {
  const occasionId = items.find((i) => i.occasionId)?.occasionId;
  if (!occasionId) return undefined;
  const occasion = await db.occasions.get(occasionId);
  return { kind: 'occasion', occasionId, ...(occasion ? { text: occasion.title } : {}) };
}

/** "Done" on one item with an optional line of text (see `completeItems`). */
export function completeItem(
  db: KundennahDB,
  item: AgendaRow,
  text: string,
  now: Date,
  words: DoneWords,
): Promise<Undo> {
  return completeItems(db, [item], { note: { summary: text } }, now, words, item.day);
}

/** "Later" on items: a follow-up gets a new day; any other item is hidden until then. */
export async function snoozeItems(
  db: KundennahDB,
  items: readonly AgendaRow[],
  until: string,
  now: Date,
): Promise<Undo> {
  const journal = new Journal();
  await inOneTransaction(db, async () => {
    for (const item of items) {
      if (item.kind === 'follow-up' && item.recordId)
        await journal.patch(db, 'followUps', item.recordId, { snoozedUntil: until });
      else await journal.dismiss(db, item, now.toISOString(), until);
    }
  });
  return () => journal.undo(db, now);
}

/** "Later" on one item. */
export function snoozeItem(
  db: KundennahDB,
  item: AgendaRow,
  until: string,
  now: Date,
): Promise<Undo> {
  return snoozeItems(db, [item], until, now);
}

/** Snooze choices: tomorrow and Monday of next week. */
export function snoozeDays(today: string, weekday: number): { tomorrow: string; nextWeek: string } {
  return { tomorrow: addDays(today, 1), nextWeek: addDays(today, 8 - weekday) };
}
