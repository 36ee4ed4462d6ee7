// Issue 14, "Log what happened, in one click": a message of the open thread taken over as an
// interaction (its real date and direction, never twice), and what the card says about the thread
// (our latest and their latest message, and since when theirs waits for our answer — by the core's
// reply rule).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlePanelRequest, type ActionEnv } from '@/lib/background/actions';
import { threadFacts } from '@/lib/background/thread-view';
import { createContext } from '@/lib/core';
import type { KundennahDB } from '@/lib/db';
import { createContact, getHistory, saveRecord } from '@/lib/db';
import { DEFAULT_SETTINGS, type ContactHistory } from '@/lib/model';
import type { PageContext } from '@/lib/sites';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
const theirs = {
  at: '2026-11-20T14:47:00.000Z',
  direction: 'in' as const,
  from: 'anna@schmidt.de',
  id: 'm3',
};
const ours = { at: '2026-11-13T10:30:00.000Z', direction: 'out' as const, id: 'm2' };
const context: PageContext = {
  site: 'gmail',
  kind: 'thread',
  people: [{ name: 'Anna Schmidt', email: 'anna@schmidt.de' }],
  subject: 'Workshop',
  threadId: 't1',
  messages: [
    { at: '2026-11-02T09:05:00.000Z', direction: 'in', from: 'anna@schmidt.de', id: 'm1' },
    ours,
    theirs,
  ],
};
const url = 'https://mail.google.com/mail/u/0/#inbox/t1';
let db: KundennahDB;
let env: ActionEnv;
let contactId: string;

beforeEach(async () => {
  db = await openFreshDb();
  env = { db, now, timeZone: 'Europe/Berlin', context, url };
  contactId = (await createContact(db, { name: 'Anna Schmidt', emails: ['anna@schmidt.de'] }, now))
    .id;
});
afterEach(async () => db.delete());

const history = async (): Promise<ContactHistory> => (await getHistory(db, contactId))!;
const facts = async (ctx: PageContext | null = context) =>
  threadFacts(await history(), ctx, url, createContext(settings, now, []));

describe('taking over a message of the thread', () => {
  it('stores it with its real date, direction, channel e-mail and the thread link; a second time stores nothing', async () => {
    const first = await handlePanelRequest(
      { action: 'log-message', contactId, message: theirs },
      env,
    );
    expect(first).toMatchObject({ ok: true, created: { table: 'interactions' } });
    const again = await handlePanelRequest(
      { action: 'log-message', contactId, message: theirs },
      env,
    );
    expect(again).toEqual({ ok: true });
    const { interactions } = await history();
    expect(interactions).toEqual([
      expect.objectContaining({
        at: theirs.at,
        direction: 'in',
        channel: 'email',
        personal: true,
        source: { site: 'gmail', url, threadId: 't1', subject: 'Workshop', messageId: 'm3' },
      }),
    ]);
  });

  it('two requests at once still store the message once (checked in the writing transaction)', async () => {
    const replies = await Promise.all([
      handlePanelRequest({ action: 'log-message', contactId, message: ours }, env),
      handlePanelRequest({ action: 'log-message', contactId, message: ours }, env),
    ]);
    expect(replies.filter((r) => r.created)).toHaveLength(1);
    expect((await history()).interactions).toHaveLength(1);
  });

  it('a message without an id is known by its thread and instant, also once the page shows an id', async () => {
    const noId = { at: theirs.at, direction: 'in' as const, from: theirs.from };
    const page = { ...context, messages: [noId] };
    await handlePanelRequest(
      { action: 'log-message', contactId, message: noId },
      { ...env, context: page },
    );
    expect((await history()).interactions[0]!.source?.messageId).toBe(`t1@${theirs.at}`);
    expect(
      await handlePanelRequest({ action: 'log-message', contactId, message: theirs }, env),
    ).toEqual({ ok: true });
    expect((await history()).interactions).toHaveLength(1);
  });

  it('only a message the page shows now, and only on a mail site', async () => {
    const other = { ...theirs, at: '2026-11-21T08:00:00.000Z' };
    const r = await handlePanelRequest({ action: 'log-message', contactId, message: other }, env);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const xing = { ...context, site: 'xing' as const };
    const x = await handlePanelRequest(
      { action: 'log-message', contactId, message: theirs },
      { ...env, context: xing },
    );
    expect(x).toMatchObject({ ok: false });
    expect((await history()).interactions).toEqual([]);
  });
});

describe('what the card says about the thread', () => {
  it('our latest and their latest message, nothing stored yet; their message waits since its day', async () => {
    expect(await facts()).toEqual({
      ours: { message: ours, stored: false },
      theirs: { message: theirs, stored: false },
      waitingSince: '2026-11-20',
    });
  });

  it('a stored message is marked; stored or not, theirs waits until a touch of ours comes after it', async () => {
    await handlePanelRequest({ action: 'log-message', contactId, message: theirs }, env);
    expect(await facts()).toMatchObject({ theirs: { stored: true }, waitingSince: '2026-11-20' });
    await saveRecord(db, 'interactions', {
      contactId,
      at: '2026-11-21T09:00:00.000Z',
      channel: 'phone',
      direction: 'in', // a call counts as ours whatever its direction (PRODUCT.md)
      personal: true,
    });
    expect(await facts()).toMatchObject({ waitingSince: null });
  });

  it('nothing waits when the thread ends with our message, or their message is older than the rule looks back', async () => {
    const endsWithOurs = {
      ...context,
      messages: [theirs, { ...ours, at: '2026-11-21T08:00:00.000Z' }],
    };
    expect(await facts(endsWithOurs)).toMatchObject({ waitingSince: null });
    const old = { ...theirs, at: '2026-10-01T08:00:00.000Z' };
    expect(await facts({ ...context, messages: [old] })).toMatchObject({ waitingSince: null });
  });

  it("someone else's latest message is not this person's: no waiting line, not offered as theirs", async () => {
    const jonas = { ...theirs, from: 'jonas@schmidt.de', id: 'm4', at: '2026-11-21T08:00:00.000Z' };
    const two = {
      ...context,
      people: [...context.people, { email: 'jonas@schmidt.de' }],
      messages: [theirs, jonas],
    };
    expect(await facts(two)).toMatchObject({ theirs: { message: theirs }, waitingSince: null });
  });

  it('no thread messages, a profile: nothing to say', async () => {
    expect(await facts({ ...context, messages: undefined })).toBeUndefined();
    expect(await facts({ ...context, site: 'xing', kind: 'profile' })).toBeUndefined();
  });
});
