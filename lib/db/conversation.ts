// A conversation logged with its after-call note (issue "Rules v2", 3): the call itself, the
// feedback the note holds and the promise given, in one transaction. The popup (a done agenda item)
// and the background (the panel's log form) both write through here, so the same note becomes the
// same records wherever it was filled in.
import {
  feedbackOfNote,
  type AfterCallNote,
  type Brought,
  type Channel,
  type Commitment,
  type Concern,
  type Feedback,
  type Interaction,
} from '../model';
import { guardWrite } from './errors';
import { addConcern } from './occasions';
import { saveRecord } from './repo';
import type { KundennahDB } from './database';

export interface ConversationInput {
  contactId: string;
  channel: Channel;
  /** The conversation's summary (the caller decides the default words). */
  summary?: string;
  source?: Interaction['source'];
  note?: AfterCallNote;
  /** Store a feedback record even when the note fills no feedback field (feedback was asked). */
  alwaysFeedback?: boolean;
  /** What the touch gave without selling: the occasion brought, a tip, a favour … */
  brought?: Brought;
  /** The user's zone: the day a new concern is noted on. */
  timeZone?: string;
}

export interface LoggedConversation {
  interaction: Interaction;
  feedback?: Feedback;
  commitment?: Commitment;
  /** The concern the note's "Neues Thema?" noted. */
  concern?: Concern;
}

/**
 * Log one personal conversation of ours and what its note says. What the customer said is dated
 * `now` and the call a millisecond before it: a low rating given in this call must not count as
 * answered by the very same call (PRODUCT.md "complaint": no personal touch of ours *after* it;
 * equal timestamps would leave the order to random ids).
 */
export async function saveConversation(
  db: KundennahDB,
  input: ConversationInput,
  now: Date,
): Promise<LoggedConversation> {
  const fromNote = feedbackOfNote(input.note);
  const withFeedback = fromNote !== null || input.alwaysFeedback === true;
  const at = now.toISOString();
  const callAt = withFeedback ? new Date(now.getTime() - 1).toISOString() : at;
  return guardWrite(() =>
    db.transaction('rw', [db.contacts, db.interactions, db.feedback, db.commitments], async () => {
      const interaction = await saveRecord(db, 'interactions', {
        contactId: input.contactId,
        at: callAt,
        channel: input.channel,
        direction: 'out',
        personal: true,
        summary: input.summary?.trim() || undefined,
        source: input.source ?? { site: 'manual' },
        ...(input.brought ? { brought: input.brought } : {}),
      });
      const out: LoggedConversation = { interaction };
      if (withFeedback)
        out.feedback = await saveRecord(db, 'feedback', {
          contactId: input.contactId,
          at,
          complaint: false,
          ...fromNote,
          // What the call was about, as typed (never the default words of a done item).
          note: input.note?.summary?.trim() || undefined,
        });
      const promise = input.note?.promise;
      if (promise)
        out.commitment = await saveRecord(db, 'commitments', {
          contactId: input.contactId,
          text: promise.text,
          createdAt: at,
          dueAt: promise.dueAt,
        });
      const concern = input.note?.concern?.trim();
      if (concern)
        out.concern = await addConcern(db, input.contactId, { text: concern }, now, input.timeZone);
      return out;
    }),
  );
}
