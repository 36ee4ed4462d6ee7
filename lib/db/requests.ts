// Retries without doubles (issue 15, point 8). A panel request carries an id the panel keeps when it
// sends the same request again (its reply was lost: the service worker stopped after the write
// committed). The id is stored with the write, in the same transaction: a request whose id is known
// gets the reply it got the first time and writes nothing. Failed requests are not stored (nothing
// was written, so trying again is right).
import { guardWrite } from './errors';
import { HISTORY_TABLES, type KundennahDB } from './database';

/** How long a request id is remembered: far longer than any retry, short enough to stay small. */
export const REQUEST_KEEP_MS = 2 * 86_400_000;

/**
 * Every table a panel write may touch (reads included): one transaction over all of them serializes
 * the panel's writes, so a check and the write it guards ("logged today already?") cannot interleave
 * with another request's.
 */
export function panelWriteTables(db: KundennahDB) {
  return [
    db.requests,
    db.contacts,
    db.occasions,
    db.dismissals,
    // Read only: the similar contacts an added person is checked against.
    db.summaries,
    ...HISTORY_TABLES.map((t) => db[t]),
  ];
}

/**
 * Run `write` once per request id, in one transaction with the id's record. Without an id it still
 * runs in one transaction (a double click sends two ids: the second sees the first's write).
 */
export async function writeOnce<R extends { ok: boolean }>(
  db: KundennahDB,
  requestId: string | undefined,
  now: Date,
  write: () => Promise<R>,
): Promise<R> {
  return guardWrite(() =>
    db.transaction('rw', panelWriteTables(db), async () => {
      if (requestId) {
        const seen = await db.requests.get(requestId);
        if (seen) return seen.reply as R;
      }
      const reply = await write();
      if (requestId && reply.ok) {
        await db.requests.put({ id: requestId, at: now.toISOString(), reply });
        await db.requests
          .where('at')
          .below(new Date(now.getTime() - REQUEST_KEEP_MS).toISOString())
          .delete();
      }
      return reply;
    }),
  );
}
