// The service worker's wiring with WXT's fake browser: what a key press, a page report, an alarm do.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { captureUnimplemented, type Event } from './fake-events';
import { createContact, getDb, getHistory } from '@/lib/db';

const now = new Date('2026-11-22T10:00:00.000Z');

beforeEach(async () => {
  await getDb().open();
});
afterEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

describe('the background', () => {
  it('logs a contact with the known person on the page when the shortcut is pressed', async () => {
    // A German browser: the toolbar's title speaks its language.
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const captured = captureUnimplemented();
    const commands = captured.get(fakeBrowser.commands.onCommand as unknown as Event) ?? [];
    const anna = await createContact(
      getDb(),
      { name: 'Anna Schröder', emails: ['anna@schroeder-bau.de'] },
      now,
    );
    startBackground({ now: () => now });
    const tab = await fakeBrowser.tabs.create({
      url: 'https://mail.google.com/mail/u/0/#inbox/t1',
      active: true,
    });
    await fakeBrowser.storage.session.set({
      [`tab:${tab.id}`]: {
        context: {
          site: 'gmail',
          kind: 'thread',
          people: [{ name: 'Anna', email: 'anna@schroeder-bau.de' }],
          threadId: 't1',
        },
        url: tab.url,
        at: 0,
      },
    });
    expect(commands).toHaveLength(1);
    commands[0]!('log-contact', tab);
    await vi.waitFor(async () => {
      expect((await getHistory(getDb(), anna.id))!.interactions).toHaveLength(1);
    });
    const [logged] = (await getHistory(getDb(), anna.id))!.interactions;
    expect(logged).toMatchObject({
      channel: 'email',
      personal: true,
      source: { site: 'gmail', threadId: 't1' },
    });
    // No panel is open for the tab: the toolbar says so for a moment.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('✓'));
    expect(await fakeBrowser.action.getTitle({})).toBe('Kontakt mit Anna Schröder festgehalten.');
  });

  it('answers a content script with where the panel shows, and remembers the tab’s page', async () => {
    captureUnimplemented();
    startBackground({ now: () => now });
    const tab = await fakeBrowser.tabs.create({
      url: 'https://www.linkedin.com/in/jonas',
      active: true,
    });
    const context = {
      site: 'linkedin',
      kind: 'profile',
      people: [{ name: 'Jonas Weber', profileUrl: 'https://www.linkedin.com/in/jonas' }],
    };
    const reply = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'content:context', context },
      { tab, url: tab.url, id: fakeBrowser.runtime.id, frameId: 0 },
    );
    // LinkedIn shows in the browser's side panel by default: nothing is injected into its page.
    expect(reply).toContainEqual({ panel: 'sidepanel' });
    expect((await fakeBrowser.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`]).toMatchObject(
      { context },
    );
  });

  it('keeps what a content script says about an unreadable page, and forgets it once somebody is read', async () => {
    captureUnimplemented();
    startBackground({ now: () => now });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.xing.com/profile/A_B' });
    // As Chrome describes a content script: its tab, the top frame, the page's URL.
    const sender = { tab, url: tab.url, id: fakeBrowser.runtime.id, frameId: 0 };
    const nobody = {
      site: 'xing',
      kind: 'profile',
      people: [{ profileUrl: 'https://www.xing.com/profile/A_B' }],
    };
    const unreadable = {
      counts: { '#XingIdModule h1': 0, main: 1 },
      versions: { 'html[lang]': 'de' },
    };
    const stored = async () =>
      (await fakeBrowser.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] as
        { unreadable?: unknown } | undefined;
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'content:context', context: nobody, unreadable },
      sender,
    );
    expect(await stored()).toMatchObject({ context: nobody, unreadable });
    // Page text in a version marker does not fit the bounds: the whole message is dropped.
    const replies = await fakeBrowser.runtime.onMessage.trigger(
      {
        type: 'content:context',
        context: nobody,
        unreadable: { counts: {}, versions: { 'meta[name="x"]': 'Anna Schmidt' } },
      },
      sender,
    );
    expect(replies.filter((r) => r !== undefined)).toEqual([]);
    const somebody = { ...nobody, people: [{ ...nobody.people[0], name: 'A B' }] };
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'content:context', context: somebody },
      sender,
    );
    expect(await stored()).toMatchObject({ context: somebody });
    expect((await stored())?.unreadable).toBeUndefined();
  });

  it('follows settings that sync brought from another device: the menus speak the new language', async () => {
    captureUnimplemented();
    const titles: string[] = [];
    fakeBrowser.contextMenus.removeAll = () => Promise.resolve(void titles.splice(0));
    fakeBrowser.contextMenus.create = ((p: { title?: string }) => {
      titles.push(p.title ?? '');
      return 0;
    }) as typeof fakeBrowser.contextMenus.create;
    startBackground({ now: () => now });
    // Written in the worker, as sync's apply does (no page tells the background).
    await getDb().settings.put({ id: 'settings', values: { locale: 'en' } });
    await vi.waitFor(() => expect(titles).toContain('Add to Kundennah'));
    await getDb().settings.put({ id: 'settings', values: { locale: 'de' } });
    await vi.waitFor(() => expect(titles).toContain('Zu Kundennah hinzufügen'));
  });

  it('ignores messages that are not ours', async () => {
    captureUnimplemented();
    startBackground({ now: () => now });
    const replies = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'content:context', context: { site: 'evil' } },
      { id: 'x' },
    );
    expect(replies.filter((r) => r !== undefined)).toEqual([]);
  });
});
