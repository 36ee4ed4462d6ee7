// What the card says about the open thread's messages (issue 14, "Log what happened, in one
// click"): our latest message and the person's latest, each with whether it is stored already, and
// since when their message waits for our answer — decided by the core's `reply` rule, fed with the
// page's message when it is not stored yet.
import { replyWaitingSince, type CoreContext } from '../core';
import { isThreadMessage } from '../db';
import type { ContactCard } from '../messaging';
import type { ContactHistory, Interaction } from '../model';
import type { PageContext, ThreadMessage } from '../sites/page-context-schema';

/** The id the page's message has while it is asked about without being stored. */
const PAGE_MESSAGE_ID = 'page-message';

export function threadFacts(
  history: ContactHistory,
  context: PageContext | null,
  url: string | undefined,
  ctx: CoreContext,
): ContactCard['thread'] {
  const messages = context?.messages;
  if (!context || !messages?.length || (context.site !== 'gmail' && context.site !== 'outlook'))
    return undefined;
  const emails = new Set(history.contact.emails.map((e) => e.toLowerCase()));
  // Theirs: messages from this person (by address); a sender the page names without an address
  // could be anyone on the thread and is offered only when nobody else on it has an address.
  const fromThem = (m: ThreadMessage) =>
    m.direction === 'in' && (m.from ? emails.has(m.from) : context.people.length === 1);
  const storedAs = (m: ThreadMessage) =>
    history.interactions.find((i) => isThreadMessage(i, m, context.threadId));
  const ours = messages.filter((m) => m.direction === 'out').at(-1);
  const theirs = messages.filter(fromThem).at(-1);
  const latest = messages.at(-1)!;
  let waitingSince: string | null = null;
  // Waiting only while the thread's latest message is theirs.
  if (latest === theirs) {
    const stored = storedAs(latest);
    const extra: Interaction | undefined = stored
      ? undefined
      : {
          id: PAGE_MESSAGE_ID,
          contactId: history.contact.id,
          at: latest.at,
          channel: 'email',
          direction: 'in',
          personal: true,
          source: { site: context.site, url, threadId: context.threadId, subject: context.subject },
        };
    waitingSince = replyWaitingSince(history, stored?.id ?? PAGE_MESSAGE_ID, ctx, extra);
  }
  return {
    ours: ours ? { message: ours, stored: !!storedAs(ours) } : null,
    theirs: theirs ? { message: theirs, stored: !!storedAs(theirs) } : null,
    waitingSince,
  };
}
