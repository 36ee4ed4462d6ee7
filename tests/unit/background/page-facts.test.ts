import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlePanelRequest, type ActionEnv } from '@/lib/background/actions';
import { buildPanelView } from '@/lib/background/view';
import type { TabContext } from '@/lib/background/tab-contexts';
import type { KundennahDB } from '@/lib/db';
import { createContact, getSettings, recomputeAll } from '@/lib/db';
import { PanelRequestSchema, type Created } from '@/lib/messaging';
import type { Settings } from '@/lib/model';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
let settings: Settings;

const env = (): ActionEnv => ({
  db,
  now,
  timeZone: 'Europe/Berlin',
  context: null,
  url: undefined,
});

const profileTab = (headline?: string, company?: string): TabContext => ({
  context: {
    site: 'xing',
    kind: 'profile',
    people: [{ name: 'Sabine Köhler', profileUrl: 'https://www.xing.com/profile/Sabine_Koehler' }],
    headline,
    company,
  },
  url: 'https://www.xing.com/profile/Sabine_Koehler',
  at: 0,
});

beforeEach(async () => {
  db = await openFreshDb();
  settings = await getSettings(db, 'de');
});
afterEach(async () => db.delete());

async function sabine() {
  return createContact(
    db,
    {
      name: 'Sabine Köhler',
      profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'],
      company: 'Köhler Events GmbH',
      position: 'Geschäftsführerin',
    },
    now,
  );
}

describe('a new position from the profile', () => {
  it('is offered on the card, taken over in one write, and undone', async () => {
    const c = await sabine();
    const tab = profileTab('Leiterin Controlling', 'Muster AG');
    let card = (await buildPanelView(db, tab, settings, now)).people[0]!.card!;
    expect(card.positionChange).toEqual({
      headline: 'Leiterin Controlling',
      company: 'Muster AG',
      replaces: true,
      text: 'Leiterin Controlling bei Muster AG',
    });

    const reply = await handlePanelRequest(
      {
        action: 'take-position',
        contactId: c.id,
        headline: 'Leiterin Controlling',
        company: 'Muster AG',
      },
      env(),
    );
    expect(reply.ok).toBe(true);
    const after = (await db.contacts.get(c.id))!;
    expect(after).toMatchObject({
      position: 'Leiterin Controlling',
      headline: 'Leiterin Controlling',
      company: 'Muster AG',
      jobChange: { at: now.toISOString(), headline: 'Leiterin Controlling', company: 'Muster AG' },
    });
    card = (await buildPanelView(db, tab, settings, now)).people[0]!.card!;
    expect(card.positionChange).toBeNull();
    expect(card.suggestion?.kind).toBe('congratulation');

    await handlePanelRequest({ action: 'undo', created: reply.created as Created }, env());
    const back = (await db.contacts.get(c.id))!;
    expect(back.position).toBe('Geschäftsführerin');
    expect(back.company).toBe('Köhler Events GmbH');
    expect(back.headline).toBeUndefined();
    expect(back.jobChange).toBeUndefined();
  });

  it('filling a position never stored is no new job: no congratulation', async () => {
    const c = await createContact(
      db,
      { name: 'Sabine Köhler', profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'] },
      now,
    );
    const tab = profileTab('Leiterin Controlling', 'Muster AG');
    const card = (await buildPanelView(db, tab, settings, now)).people[0]!.card!;
    expect(card.positionChange?.replaces).toBe(false);
    await handlePanelRequest(
      {
        action: 'take-position',
        contactId: c.id,
        headline: 'Leiterin Controlling',
        company: 'Muster AG',
      },
      env(),
    );
    const after = (await db.contacts.get(c.id))!;
    expect(after).toMatchObject({ position: 'Leiterin Controlling', company: 'Muster AG' });
    expect(after.jobChange).toBeUndefined();
  });

  it('declined, is not offered again for the same page values', async () => {
    const c = await sabine();
    await handlePanelRequest(
      {
        action: 'decline-position',
        contactId: c.id,
        headline: 'Leiterin Controlling',
        company: 'Muster AG',
      },
      env(),
    );
    const view = await buildPanelView(
      db,
      profileTab('Leiterin Controlling', 'Muster AG'),
      settings,
      now,
    );
    expect(view.people[0]!.card!.positionChange).toBeNull();
    expect((await db.contacts.get(c.id))!.company).toBe('Köhler Events GmbH');
  });

  it('is not offered on a thread (only on the person’s own profile)', async () => {
    const c = await createContact(
      db,
      {
        name: 'Sabine Köhler',
        emails: ['sabine@koehler-events.de'],
        company: 'Köhler Events GmbH',
      },
      now,
    );
    const tab: TabContext = {
      context: {
        site: 'gmail',
        kind: 'thread',
        people: [{ name: 'Sabine Köhler', email: 'sabine@koehler-events.de' }],
        company: 'Muster AG',
      },
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
      at: 0,
    };
    const card = (await buildPanelView(db, tab, settings, now)).people[0]!.card!;
    expect(card.contact.id).toBe(c.id);
    expect(card.positionChange).toBeNull();
  });
});

describe('the facts the advice needs', () => {
  it('are filled in (lists added to), and undo restores them', async () => {
    const c = await createContact(db, { name: 'Jürgen Müller', interests: [] }, now);
    const reply = await handlePanelRequest(
      {
        action: 'fill-facts',
        contactId: c.id,
        birthday: { day: 14, month: 3 },
        preferredChannels: ['phone'],
        interests: ['Segeln', ' Oldtimer '],
        address: 'Du',
      },
      env(),
    );
    expect(reply.ok).toBe(true);
    expect(await db.contacts.get(c.id)).toMatchObject({
      birthday: { day: 14, month: 3 },
      preferredChannels: ['phone'],
      interests: ['Segeln', 'Oldtimer'],
      address: 'Du',
    });
    await handlePanelRequest({ action: 'undo', created: reply.created as Created }, env());
    const back = (await db.contacts.get(c.id))!;
    expect(back.birthday).toBeUndefined();
    expect(back.address).toBeUndefined();
    expect(back.interests).toEqual([]);
  });

  it('an impossible birthday is refused with a clear error, and nothing is written', async () => {
    const c = await createContact(db, { name: 'Jürgen Müller' }, now);
    const request = {
      action: 'fill-facts',
      contactId: c.id,
      birthday: { day: 31, month: 2 },
      address: 'Sie',
    } as const;
    // The message gets through (a dropped message would leave the panel waiting) …
    expect(PanelRequestSchema.safeParse(request).success).toBe(true);
    // … and the write refuses it.
    const reply = await handlePanelRequest(request, env());
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid');
    expect((await db.contacts.get(c.id))!.address).toBeUndefined();
  });
});

describe('a person named on the page without any address', () => {
  const thread = (...people: { name?: string; email?: string }[]): TabContext => ({
    context: { site: 'gmail', kind: 'thread', people },
    url: 'https://mail.google.com/mail/u/0/#inbox/x',
    at: 0,
  });

  it('with a contact of the same name is asked about, then known; a "no" is not asked again', async () => {
    const lukas = await createContact(db, { name: 'Lukas Becker', company: 'Müller GmbH' }, now);
    await recomputeAll(db, settings, now);
    const tab = thread({ name: 'Dr. Lukas Becker' });
    let person = (await buildPanelView(db, tab, settings, now)).people[0]!;
    expect(person.card).toBeNull();
    expect(person.sameName).toEqual([
      { id: lukas.id, name: 'Lukas Becker', company: 'Müller GmbH' },
    ]);

    await handlePanelRequest(
      { action: 'confirm-name', contactId: lukas.id, name: 'Dr. Lukas Becker', same: true },
      env(),
    );
    person = (await buildPanelView(db, tab, settings, now)).people[0]!;
    expect(person.card?.contact.id).toBe(lukas.id);
    // Nothing to link for a name: the contact's addresses stay as they were.
    expect((await db.contacts.get(lukas.id))!.emails).toEqual([]);

    await handlePanelRequest(
      { action: 'confirm-name', contactId: lukas.id, name: 'Lukas Becker', same: false },
      env(),
    );
    person = (await buildPanelView(db, tab, settings, now)).people[0]!;
    expect(person.card).toBeNull();
    expect(person.sameName ?? []).toEqual([]);
    expect((await db.contacts.get(lukas.id))!.pageNames).toHaveLength(1);
  });

  it('finds a contact added a moment ago (no summary yet) by its name', async () => {
    const lukas = await createContact(db, { name: 'Lukas Becker' }, now);
    const person = (await buildPanelView(db, thread({ name: 'lukas becker' }), settings, now))
      .people[0]!;
    expect(person.sameName?.map((c) => c.id)).toEqual([lukas.id]);
  });

  it('a person with an address is not matched by name alone', async () => {
    await createContact(db, { name: 'Lukas Becker' }, now);
    await recomputeAll(db, settings, now);
    const person = (
      await buildPanelView(
        db,
        thread({ name: 'Lukas Becker', email: 'lb@other.de' }),
        settings,
        now,
      )
    ).people[0]!;
    expect(person.card).toBeNull();
    expect(person.sameName).toBeUndefined();
  });

  it('the first known person is shown first, then the one to confirm, then the unknown', async () => {
    await createContact(db, { name: 'Lukas Becker' }, now);
    await createContact(db, { name: 'Petra Berger', emails: ['p.berger@kanzlei-berger.de'] }, now);
    await recomputeAll(db, settings, now);
    const view = await buildPanelView(
      db,
      thread(
        { name: 'Anna Fremd', email: 'anna@fremd.de' },
        { name: 'Lukas Becker' },
        { name: 'Dr. Petra Berger', email: 'p.berger@kanzlei-berger.de' },
      ),
      settings,
      now,
    );
    expect(view.people.map((p) => p.fromPage.name)).toEqual([
      'Dr. Petra Berger',
      'Lukas Becker',
      'Anna Fremd',
    ]);
  });
});
