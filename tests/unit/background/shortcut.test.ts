import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logFromShortcut } from '@/lib/background/shortcut';
import type { KundennahDB } from '@/lib/db';
import { createContact, getHistory } from '@/lib/db';
import type { PageContext } from '@/lib/sites';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => db.delete());

const thread: PageContext = {
  site: 'gmail',
  kind: 'thread',
  people: [
    { name: 'Unbekannt', email: 'who@x.de' },
    { name: 'Anna', email: 'anna@schroeder-bau.de' },
  ],
  threadId: 't1',
  subject: 'Angebot',
};
const env = (context: PageContext | null) => ({
  db,
  now,
  timeZone: 'Europe/Berlin',
  locale: 'de' as const,
  context,
  url: 'https://mail.google.com/mail/u/0/#inbox/t1',
});

describe('the log-a-contact shortcut', () => {
  it('logs a personal e-mail contact with the known person on the page and says so', async () => {
    const anna = await createContact(
      db,
      { name: 'Anna Schröder', emails: ['anna@schroeder-bau.de'] },
      now,
    );
    expect(await logFromShortcut(env(thread))).toEqual({
      ok: true,
      text: 'Kontakt mit Anna Schröder festgehalten.',
    });
    expect((await getHistory(db, anna.id))!.interactions[0]).toMatchObject({
      channel: 'email',
      personal: true,
      source: { threadId: 't1' },
    });
  });

  it('does not log the same thread twice on one day', async () => {
    const anna = await createContact(
      db,
      { name: 'Anna Schröder', emails: ['anna@schroeder-bau.de'] },
      now,
    );
    await logFromShortcut(env(thread));
    expect((await logFromShortcut(env(thread))).text).toBe(
      'Kontakt mit Anna Schröder wurde heute schon festgehalten.',
    );
    expect((await getHistory(db, anna.id))!.interactions).toHaveLength(1);
  });

  it('tells the user when the page has no known person', async () => {
    expect(await logFromShortcut(env(thread))).toMatchObject({
      ok: false,
      text: expect.stringContaining('Keine bekannte Person'),
    });
    expect(await logFromShortcut(env(null))).toMatchObject({ ok: false });
    expect(await db.interactions.count()).toBe(0);
  });
});
