import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlePanelRequest, channelOfSite, type ActionEnv } from '@/lib/background/actions';
import type { KundennahDB } from '@/lib/db';
import { createContact, getHistory } from '@/lib/db';
import { PanelRequestSchema } from '@/lib/messaging';
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

describe('logging a contact from the panel', () => {
  it('logs a personal e-mail with the thread subject, link and id', async () => {
    const c = await createContact(
      db,
      { name: 'Anna Schröder', emails: ['anna@schroeder-bau.de'] },
      now,
    );
    const reply = await handlePanelRequest(
      { action: 'log-contact', contactId: c.id, summary: ' Angebot nachgefasst ' },
      env,
    );
    expect(reply).toMatchObject({ ok: true, created: { table: 'interactions' } });
    const [i] = (await getHistory(db, c.id))!.interactions;
    expect(i).toMatchObject({
      channel: 'email',
      direction: 'out',
      personal: true,
      summary: 'Angebot nachgefasst',
      source: {
        site: 'gmail',
        threadId: '19a8f3c2d4e5b607',
        subject: 'Angebot Dachsanierung',
        url: env.url,
      },
    });
  });

  it('asks instead of logging the same thread twice on one day, and logs when told to', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    await handlePanelRequest({ action: 'log-contact', contactId: c.id }, env);
    const second = await handlePanelRequest({ action: 'log-contact', contactId: c.id }, env);
    expect(second).toMatchObject({ ok: false, error: { code: 'logged-today' } });
    expect((await getHistory(db, c.id))!.interactions).toHaveLength(1);
    const forced = await handlePanelRequest(
      { action: 'log-contact', contactId: c.id, again: true },
      env,
    );
    expect(forced.ok).toBe(true);
    expect((await getHistory(db, c.id))!.interactions).toHaveLength(2);
  });

  it('logs again the next day without asking', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    await handlePanelRequest({ action: 'log-contact', contactId: c.id }, env);
    const tomorrow = { ...env, now: new Date('2026-11-23T10:00:00.000Z') };
    expect(
      (await handlePanelRequest({ action: 'log-contact', contactId: c.id }, tomorrow)).ok,
    ).toBe(true);
  });

  it('undo removes exactly what was logged', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const reply = await handlePanelRequest({ action: 'log-contact', contactId: c.id }, env);
    expect((await handlePanelRequest({ action: 'undo', created: reply.created! }, env)).ok).toBe(
      true,
    );
    expect((await getHistory(db, c.id))!.interactions).toHaveLength(0);
  });

  it.each([
    ['gmail', 'email'],
    ['outlook', 'email'],
    ['xing', 'xing'],
    ['linkedin', 'linkedin'],
  ] as const)('a contact logged on %s goes on the %s channel', (site, channel) => {
    expect(channelOfSite(site)).toBe(channel);
  });
});

describe('adding a person from the page', () => {
  it('adds them prefilled, and refuses a second add of the same e-mail naming the existing contact', async () => {
    const person = {
      name: 'Anna Schröder',
      email: 'Anna@Schroeder-Bau.de',
      company: 'Schröder Bau',
    };
    const first = await handlePanelRequest({ action: 'add-person', person }, env);
    expect(first).toMatchObject({ ok: true, created: { table: 'contacts' } });
    const second = await handlePanelRequest({ action: 'add-person', person }, env);
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'duplicate', existingIds: [first.created!.id] },
    });
    expect(await db.contacts.count()).toBe(1);
  });

  it('refuses a nameless person with a validation error and writes nothing', async () => {
    const reply = await handlePanelRequest({ action: 'add-person', person: { name: '  ' } }, env);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await db.contacts.count()).toBe(0);
  });

  it('links the page person to an existing contact by adding their e-mail', async () => {
    const c = await createContact(
      db,
      { name: 'Anna Schröder', emails: ['anna.privat@web.de'] },
      now,
    );
    const reply = await handlePanelRequest(
      { action: 'link-person', contactId: c.id, person: { email: 'anna@schroeder-bau.de' } },
      env,
    );
    expect(reply.ok).toBe(true);
    expect((await db.contacts.get(c.id))!.emails).toEqual([
      'anna.privat@web.de',
      'anna@schroeder-bau.de',
    ]);
  });
});

describe('promises and feedback from the panel', () => {
  it('records a promise and a complaint', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    await handlePanelRequest(
      { action: 'add-commitment', contactId: c.id, text: 'Angebot schicken', dueAt: '2026-11-27' },
      env,
    );
    await handlePanelRequest(
      {
        action: 'add-feedback',
        contactId: c.id,
        product: 2,
        complaint: true,
        note: 'Lieferung zu spät',
      },
      env,
    );
    const h = (await getHistory(db, c.id))!;
    expect(h.commitments[0]).toMatchObject({ text: 'Angebot schicken', dueAt: '2026-11-27' });
    expect(h.feedback[0]).toMatchObject({ product: 2, complaint: true, note: 'Lieferung zu spät' });
  });

  it('refuses a promise without a valid date', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const reply = await handlePanelRequest(
      { action: 'add-commitment', contactId: c.id, text: 'x', dueAt: 'morgen' },
      env,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('the after-call note from the panel’s log form', () => {
  it('logs the call with the thread kept, and stores the feedback and the promise; one undo removes exactly them', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const other = await createContact(db, { name: 'Peter Becker' }, now);
    await handlePanelRequest({ action: 'log-contact', contactId: other.id }, env);
    const reply = await handlePanelRequest(
      {
        action: 'log-contact',
        contactId: c.id,
        channel: 'phone',
        summary: 'Dachsanierung besprochen',
        note: {
          summary: 'Dachsanierung besprochen',
          product: 4,
          service: 5,
          support: 'Fotos vom Baufortschritt',
          improve: 'Termine früher bestätigen',
          complaint: false,
          pricePressure: true,
          wish: 'Gründach prüfen',
          promise: { text: 'Angebot Gründach', dueAt: '2026-11-30' },
        },
      },
      env,
    );
    expect(reply).toMatchObject({
      ok: true,
      created: { table: 'interactions' },
      also: [{ table: 'feedback' }, { table: 'commitments' }],
    });
    const h = (await getHistory(db, c.id))!;
    expect(h.interactions).toEqual([
      expect.objectContaining({
        id: reply.created!.id,
        channel: 'phone',
        personal: true,
        summary: 'Dachsanierung besprochen',
        source: expect.objectContaining({ site: 'gmail', threadId: '19a8f3c2d4e5b607' }),
      }),
    ]);
    expect(h.feedback).toEqual([
      expect.objectContaining({
        id: reply.also![0]!.id,
        product: 4,
        service: 5,
        support: 'Fotos vom Baufortschritt',
        improve: 'Termine früher bestätigen',
        pricePressure: true,
        wish: 'Gründach prüfen',
        complaint: false,
      }),
    ]);
    expect(h.commitments).toEqual([
      expect.objectContaining({
        id: reply.also![1]!.id,
        text: 'Angebot Gründach',
        dueAt: '2026-11-30',
      }),
    ]);

    const undo = await handlePanelRequest(
      { action: 'undo', created: reply.created!, also: reply.also },
      env,
    );
    expect(undo.ok).toBe(true);
    const after = (await getHistory(db, c.id))!;
    expect([after.interactions, after.feedback, after.commitments]).toEqual([[], [], []]);
    // Nothing of anyone else is touched.
    expect((await getHistory(db, other.id))!.interactions).toHaveLength(1);
  });

  it('writes no feedback when the note has only what it was about', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const reply = await handlePanelRequest(
      {
        action: 'log-contact',
        contactId: c.id,
        channel: 'meeting',
        note: { summary: 'Baustellentermin' },
      },
      env,
    );
    expect(reply.also).toBeUndefined();
    const h = (await getHistory(db, c.id))!;
    expect(h.interactions[0]).toMatchObject({ channel: 'meeting', summary: 'Baustellentermin' });
    expect(h.feedback).toEqual([]);
  });

  it('refuses a note whose promise has no valid day, writing nothing', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const reply = await handlePanelRequest(
      {
        action: 'log-contact',
        contactId: c.id,
        note: { product: 5, promise: { text: 'x', dueAt: '2026-02-30' } },
      },
      env,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const h = (await getHistory(db, c.id))!;
    expect([h.interactions, h.feedback, h.commitments]).toEqual([[], [], []]);
  });

  it('the message schema checks the note: a bare number outside the scale is dropped', () => {
    const parse = (note: unknown) =>
      PanelRequestSchema.safeParse({ action: 'log-contact', contactId: 'c', note }).success;
    expect(parse({ product: 5, service: 1 })).toBe(true);
    expect(parse({ product: 0 })).toBe(false);
    expect(parse({ service: 6 })).toBe(false);
    expect(parse({ promise: { text: 'x', dueAt: 'morgen' } })).toBe(false);
  });
});

describe('retries and double clicks (issue 15)', () => {
  it('a retry with the same request id gets the first reply and stores nothing twice', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const request = {
      action: 'log-contact' as const,
      requestId: 'req-1',
      contactId: c.id,
      note: {
        summary: 'Angebot besprochen',
        product: 4,
        promise: { text: 'Protokoll', dueAt: '2026-11-25' },
      },
    };
    const first = await handlePanelRequest(request, env);
    expect(first.ok).toBe(true);
    // The reply was lost (the worker stopped after the commit): the panel sends it again, later.
    const retry = await handlePanelRequest(request, {
      ...env,
      now: new Date(now.getTime() + 5000),
    });
    expect(retry).toEqual(first);
    const h = (await getHistory(db, c.id))!;
    expect(h.interactions).toHaveLength(1);
    expect(h.feedback).toHaveLength(1);
    expect(h.commitments).toHaveLength(1);
  });

  it('the same promise or feedback sent twice with one id is stored once; another id stores again', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const promise = {
      action: 'add-commitment' as const,
      requestId: 'p-1',
      contactId: c.id,
      text: 'Angebot schicken',
      dueAt: '2026-11-30',
    };
    const feedback = {
      action: 'add-feedback' as const,
      requestId: 'f-1',
      contactId: c.id,
      product: 2,
      complaint: true,
    };
    await handlePanelRequest(promise, env);
    await handlePanelRequest(promise, env);
    await handlePanelRequest(feedback, env);
    await handlePanelRequest(feedback, env);
    let h = (await getHistory(db, c.id))!;
    expect(h.commitments).toHaveLength(1);
    expect(h.feedback).toHaveLength(1);
    await handlePanelRequest({ ...promise, requestId: 'p-2' }, env);
    h = (await getHistory(db, c.id))!;
    expect(h.commitments).toHaveLength(2);
  });

  it('a failed request is not remembered: trying again after the cause is gone works', async () => {
    const request = {
      action: 'add-commitment' as const,
      requestId: 'p-3',
      contactId: 'not-yet',
      text: 'Angebot schicken',
      dueAt: '2026-11-30',
    };
    expect((await handlePanelRequest(request, env)).ok).toBe(false);
    await createContact(db, { id: 'not-yet', name: 'Anna Schröder' }, now);
    expect((await handlePanelRequest(request, env)).ok).toBe(true);
    expect(await db.commitments.count()).toBe(1);
  });

  it('two clicks at once (two ids) log the conversation once; the other asks', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    const replies = await Promise.all([
      handlePanelRequest({ action: 'log-contact', requestId: 'a', contactId: c.id }, env),
      handlePanelRequest({ action: 'log-contact', requestId: 'b', contactId: c.id }, env),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ error: { code: 'logged-today' } });
    expect((await getHistory(db, c.id))!.interactions).toHaveLength(1);
  });

  it('request ids are forgotten after two days', async () => {
    const c = await createContact(db, { name: 'Anna Schröder' }, now);
    await handlePanelRequest(
      {
        action: 'add-commitment',
        requestId: 'old',
        contactId: c.id,
        text: 'A',
        dueAt: '2026-11-30',
      },
      env,
    );
    const later = { ...env, now: new Date(now.getTime() + 3 * 86_400_000) };
    await handlePanelRequest(
      {
        action: 'add-commitment',
        requestId: 'new',
        contactId: c.id,
        text: 'B',
        dueAt: '2026-11-30',
      },
      later,
    );
    expect((await db.requests.toArray()).map((r) => r.id)).toEqual(['new']);
  });

  it('the request id is part of every write the panel can ask for', () => {
    for (const option of PanelRequestSchema.options)
      expect(Object.keys(option.shape)).toContain('requestId');
  });
});
