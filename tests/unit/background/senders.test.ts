// What the background accepts from whom (issue 15, points 2 and 3; docs/security.md): a content
// script speaks only for the site, tab and top frame it runs in; only our own pages report writes;
// only the panel frame a content script inserted, and only while it is visible, may write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { writeRefusal } from '@/lib/background/hub';
import { createContact, getDb, getHistory } from '@/lib/db';
import { PANEL_PORT_NAME } from '@/lib/messaging';
import { captureUnimplemented, fakePort, type Event, type Listener } from './fake-events';

const now = new Date('2026-11-22T10:00:00.000Z');
const id = fakeBrowser.runtime.id;
const ext = (path: string) => fakeBrowser.runtime.getURL(path);
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/t1';
const KEY = '3464e30b-43d2-42a0-a5ad-a36aec6f4822';

beforeEach(async () => {
  await getDb().open();
});
afterEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

function start() {
  const captured = captureUnimplemented();
  startBackground({ now: () => now });
  const onConnect = captured.get(fakeBrowser.runtime.onConnect as unknown as Event) ?? [];
  return { connect: (port: unknown) => onConnect.forEach((l: Listener) => l(port)) };
}

const send = async (message: unknown, sender: unknown) =>
  (await fakeBrowser.runtime.onMessage.trigger(message, sender as never)).find(
    (r) => r !== undefined,
  );

const gmailContext = {
  site: 'gmail',
  kind: 'thread',
  people: [{ name: 'Anna Schröder', email: 'anna@schroeder-bau.de' }],
};

describe('a content script’s page context', () => {
  it('is taken from the top frame of a tab on the site it names', async () => {
    start();
    const tab = await fakeBrowser.tabs.create({ url: GMAIL });
    const reply = await send(
      { type: 'content:context', context: gmailContext },
      { id, tab, url: GMAIL, frameId: 0 },
    );
    expect(reply).toEqual({ panel: 'injected' });
    expect(await fakeBrowser.storage.session.get(`tab:${tab.id}`)).not.toEqual({});
  });

  type Claim = { site: string; url: string; frameId: number; noTab?: boolean; id?: string };
  it.each<[string, Claim]>([
    ['a Gmail script claiming XING', { site: 'xing', url: GMAIL, frameId: 0 }],
    ['a script in a sub-frame', { site: 'gmail', url: GMAIL, frameId: 7 }],
    [
      'a page that is none of the sites',
      { site: 'gmail', url: 'https://evil.example/', frameId: 0 },
    ],
    ['a sender without tab', { site: 'gmail', url: GMAIL, frameId: 0, noTab: true }],
    ['another extension', { site: 'gmail', url: GMAIL, frameId: 0, id: 'other' }],
  ])('is refused from %s', async (_, s) => {
    start();
    const tab = await fakeBrowser.tabs.create({ url: s.url });
    const reply = await send(
      { type: 'content:context', context: { ...gmailContext, site: s.site } },
      { id: s.id ?? id, ...(s.noTab ? {} : { tab }), url: s.url, frameId: s.frameId },
    );
    expect(reply).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('is refused beyond its bounds: more than 50 people, a huge text, a huge whole', async () => {
    start();
    const tab = await fakeBrowser.tabs.create({ url: GMAIL });
    const sender = { id, tab, url: GMAIL, frameId: 0 };
    const many = Array.from({ length: 5000 }, (_, i) => ({ name: `P${i}`, email: `p${i}@x.de` }));
    const fifty = many.slice(0, 50);
    for (const context of [
      { ...gmailContext, people: many },
      { ...gmailContext, people: many.slice(0, 51) },
      { ...gmailContext, subject: 'x'.repeat(100_000) },
      { ...gmailContext, people: [{ name: 'x'.repeat(5000) }] },
      {
        ...gmailContext,
        people: fifty.map((p) => ({
          ...p,
          profileUrl: `https://www.xing.com/profile/${'x'.repeat(1900)}`,
        })),
      },
    ])
      expect(await send({ type: 'content:context', context }, sender)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // Exactly 50 ordinary people are fine.
    expect(
      await send({ type: 'content:context', context: { ...gmailContext, people: fifty } }, sender),
    ).toEqual({
      panel: 'injected',
    });
  });
});

describe('messages of extension pages', () => {
  it.each([
    ['the popup', { id, url: ext('/popup.html') }, true],
    ['the dashboard in a tab', { id, url: ext('/options.html'), frameId: 0, tab: { id: 9 } }, true],
    ['a content script', { id, url: GMAIL, frameId: 0, tab: { id: 9 } }, false],
    [
      'a panel frame inside a page',
      { id, url: ext('/panel.html'), frameId: 4, tab: { id: 9 } },
      false,
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/options.html' }, false],
  ])('from %s: accepted %s', async (_, sender, accepted) => {
    start();
    for (const message of [
      { type: 'page:ensure-fresh' },
      { type: 'page:data-changed', contactIds: [], tables: ['contacts'] },
    ])
      expect(await send(message, sender)).toEqual(accepted ? { ok: true } : undefined);
  });
});

describe('panel writes', () => {
  async function setUp() {
    const { connect } = start();
    const anna = await createContact(getDb(), { name: 'Anna Schröder' }, now);
    const tab = await fakeBrowser.tabs.create({ url: GMAIL });
    const content = { id, tab, url: GMAIL, frameId: 0 };
    await send({ type: 'content:context', context: gmailContext }, content);
    const panel = (frameId: number) => {
      const p = fakePort(PANEL_PORT_NAME, { id, tab, url: ext('/panel.html'), frameId });
      connect(p.port);
      return p;
    };
    const log = (extra: object) => ({
      type: 'panel:request',
      id: crypto.randomUUID(),
      request: { action: 'log-contact', contactId: anna.id },
      ...extra,
    });
    const logged = async () => (await getHistory(getDb(), anna.id))!.interactions.length;
    /** The answer to the last request sent on `p`. */
    const reply = async (p: ReturnType<typeof panel>) => {
      const asked = p.sent.at(-1) as { id: string };
      let got: { ok: boolean; error?: { code: string } } | undefined;
      await vi.waitFor(
        () => {
          got = p.posted.find(
            (m) =>
              (m as { type: string; id?: string }).type === 'bg:reply' &&
              (m as { id: string }).id === asked.id,
          ) as typeof got;
          expect(got).toBeDefined();
        },
        { timeout: 10_000 },
      );
      return got;
    };
    return { content, panel, log, logged, reply };
  }

  it('come only with the key the content script registered, and only while visible', async () => {
    const { content, panel, log, logged, reply } = await setUp();
    const real = panel(3);
    const embedded = panel(5);
    // No key registered yet: nobody writes.
    real.send(log({ key: KEY, visible: true }));
    expect((await reply(real))?.error?.code).toBe('panel-foreign');
    // The content script registers the key of its frame.
    expect(await send({ type: 'content:panel-key', key: KEY }, content)).toEqual({ ok: true });
    embedded.send(log({ visible: true }));
    expect((await reply(embedded))?.error?.code).toBe('panel-foreign');
    embedded.send(log({ key: '00000000-0000-4000-8000-000000000000', visible: true }));
    expect((await reply(embedded))?.error?.code).toBe('panel-foreign');
    real.send(log({ key: KEY }));
    expect((await reply(real))?.error?.code).toBe('panel-hidden');
    expect(await logged()).toBe(0);
    real.send(log({ key: KEY, visible: true }));
    expect(await reply(real)).toMatchObject({ ok: true });
    expect(await logged()).toBe(1);
  });

  it('a request the schema refuses is answered, so the panel is not left waiting; nothing is stored', async () => {
    const { content, panel, log, logged, reply } = await setUp();
    expect(await send({ type: 'content:panel-key', key: KEY }, content)).toEqual({ ok: true });
    const real = panel(3);
    real.send({ ...log({ key: KEY, visible: true }), request: { action: 'log-contact' } });
    expect((await reply(real))?.error?.code).toBe('invalid');
    real.send({ ...log({ key: KEY, visible: true }), request: { action: 'no-such-action' } });
    expect((await reply(real))?.error?.code).toBe('invalid');
    expect(await logged()).toBe(0);
  });

  it('a key is registered only by the content script of the tab’s top frame', async () => {
    const { panel, log, reply } = await setUp();
    const tab = await fakeBrowser.tabs.create({ url: GMAIL });
    for (const sender of [
      { id, tab, url: GMAIL, frameId: 2 },
      { id, tab, url: 'https://evil.example/', frameId: 0 },
      { id, url: ext('/panel.html') },
    ])
      expect(await send({ type: 'content:panel-key', key: KEY }, sender)).toBeUndefined();
    const p = panel(3);
    p.send(log({ key: KEY, visible: true }));
    expect((await reply(p))?.error?.code).toBe('panel-foreign');
  });

  it('the browser’s side panel needs no key (no web page can embed it)', async () => {
    expect(
      await writeRefusal(
        { tabId: undefined, followsActiveTab: true },
        {
          type: 'panel:request',
          id: 'r',
          request: { action: 'undo', created: { table: 'interactions', id: 'x' } },
        },
        async () => undefined,
      ),
    ).toBeNull();
  });
});
