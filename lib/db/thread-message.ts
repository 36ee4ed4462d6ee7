// A message of the open thread taken over as an interaction ("Ihre Antwort vom 13.10. übernehmen"):
// its real date and direction, channel e-mail, the thread's link. The same message is never stored
// twice: it is looked for among the contact's interactions in the same transaction that writes it.
import type { Interaction } from '../model';
import { guardWrite } from './errors';
import { saveRecord } from './repo';
import type { KundennahDB } from './database';

export interface ThreadMessageInput {
  contactId: string;
  /** The instant the message was sent (ISO). */
  at: string;
  direction: 'in' | 'out';
  /** The app's message id, when the page has one. */
  id?: string;
  source: { site: 'gmail' | 'outlook'; url?: string; threadId?: string; subject?: string };
}

/** What a message is recorded under: the app's id, else the thread and the instant. */
export function messageKey(m: { at: string; id?: string }, threadId: string | undefined): string {
  return m.id ?? `${threadId ?? ''}@${m.at}`;
}

/** Is this interaction that message of that thread (by its id, or by thread and instant)? */
export function isThreadMessage(
  i: Interaction,
  m: { at: string; id?: string },
  threadId: string | undefined,
): boolean {
  const source = i.source;
  if (!source?.messageId) return false;
  if (source.messageId === messageKey(m, threadId)) return true;
  return !!threadId && source.threadId === threadId && i.at === m.at;
}

/** Store the message unless it is stored already; `created` says which. */
export async function saveThreadMessage(
  db: KundennahDB,
  input: ThreadMessageInput,
): Promise<{ interaction: Interaction; created: boolean }> {
  const threadId = input.source.threadId;
  return guardWrite(() =>
    db.transaction('rw', [db.contacts, db.interactions], async () => {
      const existing = await db.interactions
        .where('contactId')
        .equals(input.contactId)
        .filter((i) => isThreadMessage(i, input, threadId))
        .first();
      if (existing) return { interaction: existing, created: false };
      const interaction = await saveRecord(db, 'interactions', {
        contactId: input.contactId,
        at: input.at,
        channel: 'email',
        direction: input.direction,
        personal: true,
        source: { ...input.source, messageId: messageKey(input, threadId) },
      });
      return { interaction, created: true };
    }),
  );
}
