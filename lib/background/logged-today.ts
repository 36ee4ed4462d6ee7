// "This conversation was logged today already": the panel asks before logging it twice, and the card
// says so. One rule for the view and the action.
import { dayIn, todayIn, zoneFor } from '../core';
import type { ContactHistory } from '../model';
import type { PageContext } from '../sites/page-context-schema';

export interface LoggedTodayEnv {
  now: Date;
  timeZone: string;
  context: PageContext | null;
  url: string | undefined;
}

/** Was this thread (or, without a thread id, this page) logged for the contact today already? */
export function loggedTodayIn(history: ContactHistory, env: LoggedTodayEnv): boolean {
  const zone = zoneFor(env.timeZone);
  const today = todayIn(env.now, zone);
  const threadId = env.context?.threadId;
  return history.interactions.some(
    (i) =>
      !!i.source &&
      (threadId ? i.source.threadId === threadId : !!env.url && i.source.url === env.url) &&
      dayIn(i.at, zone) === today,
  );
}
