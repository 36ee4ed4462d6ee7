// Every message schema and every receiver in the background, fed with arbitrary values (issue 15,
// point 3): nothing throws, and nothing that is refused writes to the database.
import fc from 'fast-check';
import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { createContact, getDb } from '@/lib/db';
import * as messaging from '@/lib/messaging';
import { PANEL_PORT_NAME, parseMessage } from '@/lib/messaging';
import { captureUnimplemented, fakePort, type Event, type Listener } from './fake-events';

const now = new Date('2026-11-22T10:00:00.000Z');
const id = fakeBrowser.runtime.id;
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/t1';
const KEY = '3464e30b-43d2-42a0-a5ad-a36aec6f4822';
/** Derived rows and bookkeeping the background may refresh at any time; everything else is data. */
const DERIVED = new Set(['summaries', 'agenda', 'meta']);

async function dataSnapshot(): Promise<string> {
  const db = getDb();
  const tables = db.tables.filter((t) => !DERIVED.has(t.name));
  const rows = await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(rows);
}

beforeEach(async () => {
  await getDb().open();
});
afterEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

/** Values near the real messages: the right types with wrong, huge or hostile contents. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('', '=1+1', '<img src=x onerror=alert(1)>', '__proto__', 'x'.repeat(70_000)),
);
const person = fc.record(
  { name: hostileString, email: hostileString, profileUrl: hostileString },
  { requiredKeys: [] },
);
const context = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      site: fc.constantFrom('gmail', 'outlook', 'xing', 'linkedin', 'evil'),
      kind: fc.constantFrom('thread', 'profile', 'other'),
      people: fc.array(person, { maxLength: 60 }),
      subject: hostileString,
      threadId: hostileString,
    },
    { requiredKeys: ['site', 'kind', 'people'] },
  ),
);
const request = fc.oneof(
  fc.record({
    action: fc.constant('log-contact'),
    contactId: hostileString,
    summary: hostileString,
  }),
  fc.record({ action: fc.constant('add-person'), person: person, force: fc.boolean() }),
  fc.record({ action: fc.constant('link-person'), contactId: hostileString, person }),
  fc.record({
    action: fc.constantFrom(
      'add-commitment',
      'add-feedback',
      'log-given',
      'attach-occasion',
      'undo',
    ),
    contactId: hostileString,
    text: hostileString,
    created: fc.record({ table: fc.constantFrom('contacts', 'interactions'), id: hostileString }),
  }),
  fc.anything(),
);
const runtimeMessage = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constant('content:context'), context }),
  fc.record({ type: fc.constant('content:panel-key'), key: fc.oneof(hostileString, fc.uuid()) }),
  fc.record({
    type: fc.constant('page:data-changed'),
    contactIds: fc.array(hostileString, { maxLength: 5 }),
    tables: fc.array(fc.constantFrom('contacts', 'settings', 'x'), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('page:ensure-fresh') }),
);
const panelMessage = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constant('panel:hello') }),
  fc.record(
    {
      type: fc.constant('panel:request'),
      id: hostileString,
      request,
      key: fc.oneof(hostileString, fc.uuid()),
      visible: fc.oneof(fc.boolean(), fc.anything()),
    },
    { requiredKeys: ['type', 'id', 'request'] },
  ),
);
/** Senders that are not our own extension pages: content scripts anywhere, frames, strangers. */
const foreignSender = fc.record(
  {
    id: fc.constantFrom(id, 'other-extension'),
    url: fc.constantFrom(
      GMAIL,
      'https://www.xing.com/profile/x',
      'https://evil.example/',
      'about:blank',
    ),
    frameId: fc.constantFrom(0, 1, 5),
    tab: fc.record({ id: fc.integer({ min: 1, max: 5 }), url: fc.constant(GMAIL) }),
  },
  { requiredKeys: ['id'] },
);

describe('message fuzzing', () => {
  it('no schema of lib/messaging.ts throws on anything', () => {
    const schemas = Object.entries(messaging).filter(
      ([name, value]) => name.endsWith('Schema') && typeof value === 'object' && value !== null,
    );
    expect(schemas.length).toBeGreaterThanOrEqual(10);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), runtimeMessage, panelMessage), (value) => {
        for (const [, schema] of schemas)
          expect(() => parseMessage(schema as z.ZodType, value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('the runtime listener never throws and writes nothing for senders that are not our pages', async () => {
    captureUnimplemented();
    startBackground({ now: () => now });
    await createContact(getDb(), { name: 'Anna Schröder', emails: ['anna@schroeder-bau.de'] }, now);
    // Let the start-up refresh of derived rows settle.
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page:ensure-fresh' },
      { id, url: fakeBrowser.runtime.getURL('/popup.html') },
    );
    const before = await dataSnapshot();
    await fc.assert(
      fc.asyncProperty(runtimeMessage, foreignSender, async (message, sender) => {
        await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
      }),
      { numRuns: 300 },
    );
    expect(await dataSnapshot()).toBe(before);
  }, 30_000);

  it('a panel port without the frame’s key, or not visible, never writes', async () => {
    const captured = captureUnimplemented();
    startBackground({ now: () => now });
    const anna = await createContact(getDb(), { name: 'Anna Schröder' }, now);
    const tab = await fakeBrowser.tabs.create({ url: GMAIL });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'content:panel-key', key: KEY },
      { id, tab, url: GMAIL, frameId: 0 },
    );
    const onConnect = captured.get(fakeBrowser.runtime.onConnect as unknown as Event) ?? [];
    const p = fakePort(PANEL_PORT_NAME, {
      id,
      tab,
      url: fakeBrowser.runtime.getURL('/panel.html'),
      frameId: 4,
    });
    onConnect.forEach((l: Listener) => l(p.port));
    const before = await dataSnapshot();
    const asAnna = request.map((r) =>
      typeof r === 'object' && r && 'contactId' in r ? { ...r, contactId: anna.id } : r,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          panelMessage,
          // Well-formed writes for a real contact, with a wrong key or without being visible.
          fc.record({
            type: fc.constant('panel:request'),
            id: fc.uuid(),
            request: asAnna,
            key: fc.uuid().filter((k) => k !== KEY),
            visible: fc.constant(true),
          }),
          fc.record({
            type: fc.constant('panel:request'),
            id: fc.uuid(),
            request: asAnna,
            key: fc.constant(KEY),
            visible: fc.constantFrom(false, undefined),
          }),
        ),
        async (message) => {
          expect(() => p.send(message)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await dataSnapshot()).toBe(before);
    // Every request got an answer, and none of them said yes.
    const replies = p.posted.filter((m) => (m as { type: string }).type === 'bg:reply');
    expect(replies.length).toBeGreaterThan(30);
    expect(replies.every((r) => (r as { ok: boolean }).ok === false)).toBe(true);
  }, 30_000);
});
