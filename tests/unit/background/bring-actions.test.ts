// The panel's "what to bring" requests in the background: "+ Tipp/Gefallen", "Vormerken", the
// occasion ticked as brought with a logged contact, "Neues Thema?" — each one write, each undone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlePanelRequest, type ActionEnv } from '@/lib/background/actions';
import type { KundennahDB } from '@/lib/db';
import { createContact, getHistory, saveOccasion } from '@/lib/db';
import { PanelRequestSchema, type PanelRequest } from '@/lib/messaging';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
let env: ActionEnv;

beforeEach(async () => {
  db = await openFreshDb();
  env = {
    db,
    now,
    timeZone: 'Europe/Berlin',
    locale: 'de',
    context: {
      site: 'gmail',
      kind: 'thread',
      people: [{ name: 'Anna Schröder', email: 'anna@schroeder-bau.de' }],
      subject: 'Angebot Dachsanierung',
      threadId: '19a8f3c2d4e5b607',
    },
    url: 'https://mail.google.com/mail/u/0/#inbox/19a8f3c2d4e5b607',
  };
});
afterEach(async () => db.delete());

const anna = () => createContact(db, { name: 'Anna Schröder' }, now);
const occasion = () =>
  saveOccasion(db, { kind: 'funding', title: 'go-digital', keywords: ['Digitalisierung'] }, now);
/** Send a request as the panel would: parsed by the message schema first. */
const send = (request: unknown) => handlePanelRequest(PanelRequestSchema.parse(request), env);
const undo = (reply: Awaited<ReturnType<typeof send>>) =>
  send({ action: 'undo', created: reply.created, ...(reply.also ? { also: reply.also } : {}) });

describe('"+ Tipp/Gefallen"', () => {
  it('records a personal touch of ours that brought it, in the user’s words, on the chosen way; undo removes it', async () => {
    const c = await anna();
    const reply = await send({
      action: 'log-given',
      contactId: c.id,
      kind: 'tip',
      text: '  Restaurant Zur Post in Landshut ',
      channel: 'phone',
    });
    expect(reply).toMatchObject({ ok: true, created: { table: 'interactions' } });
    const [i] = (await getHistory(db, c.id))!.interactions;
    expect(i).toMatchObject({
      channel: 'phone',
      direction: 'out',
      personal: true,
      summary: 'Tipp: Restaurant Zur Post in Landshut',
      brought: { kind: 'tip', text: 'Restaurant Zur Post in Landshut' },
      source: { site: 'gmail', threadId: '19a8f3c2d4e5b607' },
    });
    await undo(reply);
    expect((await getHistory(db, c.id))!.interactions).toEqual([]);
  });

  it('sums it up in English for an English user, on the page’s channel by default', async () => {
    const c = await anna();
    await handlePanelRequest(
      { action: 'log-given', contactId: c.id, kind: 'contact', text: 'Dr. Weiß' },
      { ...env, locale: 'en' },
    );
    const [i] = (await getHistory(db, c.id))!.interactions;
    expect(i).toMatchObject({ channel: 'email', summary: 'Contact passed on: Dr. Weiß' });
  });

  it('refuses an empty text and a kind that is not given without selling', async () => {
    const c = await anna();
    const empty = await send({ action: 'log-given', contactId: c.id, kind: 'favour', text: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(
      PanelRequestSchema.safeParse({
        action: 'log-given',
        contactId: c.id,
        kind: 'occasion',
        text: 'x',
      }).success,
    ).toBe(false);
    expect((await getHistory(db, c.id))!.interactions).toEqual([]);
  });

  it('refuses an unknown contact', async () => {
    const reply = await send({ action: 'log-given', contactId: 'nobody', kind: 'tip', text: 'x' });
    expect(reply.ok).toBe(false);
  });
});

describe('"Vormerken" from the panel', () => {
  it('attaches an occasion to the next touch once; undo takes it off again', async () => {
    const c = await anna();
    const o = await occasion();
    const reply = await send({ action: 'attach-occasion', contactId: c.id, occasionId: o.id });
    expect(reply).toEqual({
      ok: true,
      created: { table: 'plannedOccasions', id: o.id, contactId: c.id },
    });
    expect((await db.contacts.get(c.id))!.plannedOccasions).toEqual([
      { occasionId: o.id, at: now.toISOString() },
    ]);
    // Attached already: nothing changes, nothing to undo.
    expect(await send({ action: 'attach-occasion', contactId: c.id, occasionId: o.id })).toEqual({
      ok: true,
    });
    await undo(reply);
    expect((await db.contacts.get(c.id))!.plannedOccasions).toBeUndefined();
  });

  it('refuses an unknown occasion or contact', async () => {
    const c = await anna();
    const o = await occasion();
    expect(
      (await send({ action: 'attach-occasion', contactId: c.id, occasionId: 'gone' })).ok,
    ).toBe(false);
    expect(
      (await send({ action: 'attach-occasion', contactId: 'nobody', occasionId: o.id })).ok,
    ).toBe(false);
  });
});

describe('logging a contact that brought an occasion or noted a concern', () => {
  it('records the ticked occasion as brought, with its title', async () => {
    const c = await anna();
    const o = await occasion();
    await send({ action: 'attach-occasion', contactId: c.id, occasionId: o.id });
    await send({ action: 'log-contact', contactId: c.id, broughtOccasionId: o.id });
    const [i] = (await getHistory(db, c.id))!.interactions;
    expect(i!.brought).toEqual({ kind: 'occasion', occasionId: o.id, text: 'go-digital' });
  });

  it('refuses an occasion that does not exist, and logs nothing', async () => {
    const c = await anna();
    const reply = await send({ action: 'log-contact', contactId: c.id, broughtOccasionId: 'x' });
    expect(reply.ok).toBe(false);
    expect((await getHistory(db, c.id))!.interactions).toEqual([]);
  });

  it('"Neues Thema?" alone notes a concern dated today in the user’s zone; one undo takes back the touch and the concern', async () => {
    const c = await anna();
    const late = { ...env, now: new Date('2026-11-22T23:30:00.000Z') };
    const request: PanelRequest = {
      action: 'log-contact',
      contactId: c.id,
      channel: 'email',
      note: { concern: ' Praxisumzug im April ' },
    };
    const reply = await handlePanelRequest(PanelRequestSchema.parse(request), late);
    expect(reply.ok).toBe(true);
    expect(reply.also).toEqual([{ table: 'concerns', id: expect.any(String), contactId: c.id }]);
    const contact = await db.contacts.get(c.id);
    // 23:30 UTC is already the 23rd in Berlin.
    expect(contact!.concerns).toEqual([
      { id: reply.also![0]!.id, text: 'Praxisumzug im April', notedAt: '2026-11-23' },
    ]);
    await handlePanelRequest(
      PanelRequestSchema.parse({ action: 'undo', created: reply.created, also: reply.also }),
      late,
    );
    expect((await db.contacts.get(c.id))!.concerns).toBeUndefined();
    expect((await getHistory(db, c.id))!.interactions).toEqual([]);
  });
});
