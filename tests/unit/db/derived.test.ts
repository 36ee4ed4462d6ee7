import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  agendaEntries,
  buildAgenda,
  compareAgendaEntries,
  computeTiers,
  createContext,
  linkReferrals,
  suggestNextTouch,
} from '@/lib/core';
import {
  KundennahDB,
  createContact,
  deriveContact,
  derivedIsFresh,
  dirtyMarks,
  getAllHistories,
  putHistories,
  recomputeAll,
  saveRecord,
  setSettings,
  getSettings,
  type AgendaRow,
  type DataChange,
  AGENDA_COUNTS_KEY,
} from '@/lib/db';
import { createDeriver } from '@/lib/background/deriver';
import { generateDemoData } from '@/lib/demo';
import { DEFAULT_SETTINGS, type ContactHistory, type Settings } from '@/lib/model';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
const settings: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
let db: KundennahDB;

beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => db.delete());

describe('derived rows agree with the core', () => {
  const demo = generateDemoData({ now, timeZone: 'Europe/Berlin' });
  const tiers = computeTiers(demo, settings, now);
  const ctx = createContext(settings, now);

  it('the stored agenda, sorted by the agenda rule, is exactly buildAgenda', () => {
    // The store hands the deriver each history with the contacts it recommended (getHistory).
    const rows = linkReferrals(demo).flatMap(
      (h) => deriveContact(h, tiers[h.contact.id]!, ctx).agenda,
    );
    rows.sort(compareAgendaEntries(settings.locale));
    const expected = buildAgenda(demo, settings, now);
    expect(rows.map((r) => [r.contactId, r.kind, r.due])).toEqual(
      expected.map((i) => [i.contactId, i.suggestion.kind, i.suggestion.due]),
    );
    expect(rows.map((r) => r.reasons)).toEqual(expected.map((i) => [...i.suggestion.reasons]));
  });

  it('each summary carries the contact’s tier and its next personal touch', () => {
    for (const h of demo) {
      const t = tiers[h.contact.id]!;
      const { summary } = deriveContact(h, t, ctx);
      expect(summary.tier).toBe(t.tier);
      expect(summary.tierReason).toBe(t.reason);
      const next = suggestNextTouch(h, t.tier, settings, now);
      expect(summary.next && [summary.next.kind, summary.next.due]).toEqual(
        next && [next.kind, next.due],
      );
    }
  });
});

// Random histories of every shape the rules read: records on and around today, promises and
// follow-ups whose due dates mix day-only and instant spellings of the same days (the popup's
// "Erledigt" must act on the record the reason names), lost contacts, overrides, times to avoid.
const DAYS = ['2026-11-18', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
const arbDate = fc.oneof(
  fc.constantFrom(...DAYS),
  fc
    .tuple(
      fc.constantFrom(...DAYS),
      fc.constantFrom('T00:30:00.000Z', 'T09:00:00.000Z', 'T23:30:00.000Z'),
    )
    .map(([d, t]) => d + t),
);
const arbHistory = (i: number) =>
  fc
    .record({
      company: fc.constantFrom(undefined, 'Müller GmbH', 'Weber AG'),
      status: fc.constantFrom('active', 'active', 'prospect', 'lost'),
      tierOverride: fc.constantFrom(undefined, undefined, 'A', 'C'),
      birthday: fc.option(
        fc.record({ month: fc.constant(11), day: fc.integer({ min: 18, max: 30 }) }),
        { nil: undefined },
      ),
      avoid: fc.option(
        fc.record({ weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { maxLength: 3 }) }),
        { nil: undefined },
      ),
      createdAt: fc.constantFrom('2026-01-05', '2026-10-01'),
      interactions: fc.array(
        fc.record({
          at: arbDate,
          personal: fc.boolean(),
          channel: fc.constantFrom('phone', 'email'),
        }),
        { maxLength: 4 },
      ),
      commitments: fc.array(fc.record({ dueAt: arbDate, done: fc.boolean() }), { maxLength: 4 }),
      feedback: fc.array(
        fc.record({
          at: arbDate,
          product: fc.integer({ min: 1, max: 5 }),
          complaint: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      purchases: fc.array(
        fc.record({ at: arbDate, amount: fc.integer({ min: -200, max: 20_000 }) }),
        { maxLength: 3 },
      ),
      followUps: fc.array(
        fc.record({ dueAt: arbDate, snoozed: fc.option(arbDate, { nil: undefined }) }),
        { maxLength: 3 },
      ),
    })
    .map((r) => {
      const id = `c${i}`;
      const rec = (kind: string, j: number) => `${id}-${kind}${j}`;
      return {
        contact: {
          id,
          name: ['Anna Schröder', 'Ännchen Vogel', 'Bernd Weber', 'anna schröder'][i % 4]!,
          emails: [],
          phones: [],
          profileUrls: [],
          preferredChannels: [],
          interests: [],
          company: r.company,
          status: r.status,
          ...(r.status === 'lost' ? { lost: { at: '2026-11-10', reason: 'price' } } : {}),
          tierOverride: r.tierOverride,
          birthday: r.birthday,
          avoid: r.avoid,
          createdAt: r.createdAt,
          updatedAt: r.createdAt,
        },
        interactions: r.interactions.map((x, j) => ({
          id: rec('i', j),
          contactId: id,
          direction: 'out',
          ...x,
        })),
        commitments: r.commitments.map((x, j) => ({
          id: rec('p', j),
          contactId: id,
          text: `Zusage ${j}`,
          createdAt: '2026-11-01',
          dueAt: x.dueAt,
          ...(x.done ? { doneAt: '2026-11-19' } : {}),
        })),
        feedback: r.feedback.map((x, j) => ({ id: rec('f', j), contactId: id, ...x })),
        purchases: r.purchases.map((x, j) => ({ id: rec('k', j), contactId: id, ...x })),
        followUps: r.followUps.map((x, j) => ({
          id: rec('w', j),
          contactId: id,
          dueAt: x.dueAt,
          note: `Notiz ${j}`,
          ...(x.snoozed ? { snoozedUntil: x.snoozed } : {}),
        })),
      } as unknown as ContactHistory;
    });

const asStored = (r: AgendaRow) => ({
  contactId: r.contactId,
  name: r.name,
  tier: r.tier,
  kind: r.kind,
  due: r.due,
  channel: r.channel,
  reasons: r.reasons,
  talkingPoints: r.talkingPoints,
  recordId: r.recordId,
  rank: r.rank,
});

describe('the stored agenda is buildAgenda', () => {
  it('for random histories, row for row, including the record each item acts on', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbHistory(i)))),
        fc.constantFrom('de', 'en'),
        async (histories, locale) => {
          const s: Settings = { ...settings, locale: locale as Settings['locale'] };
          const local = new KundennahDB(`prop-${crypto.randomUUID()}`);
          try {
            await putHistories(local, histories);
            await recomputeAll(local, s, now);
            const rows = (await local.agenda.toArray()).sort(compareAgendaEntries(s.locale));
            const stored = await getAllHistories(local);
            const expected = agendaEntries(stored, s, now).map((e) => ({
              contactId: e.contactId,
              name: e.name,
              tier: e.tier,
              kind: e.suggestion.kind,
              due: e.suggestion.due,
              channel: e.suggestion.channel,
              reasons: [...e.suggestion.reasons],
              talkingPoints: [...e.suggestion.talkingPoints],
              recordId: e.recordId,
              rank: e.rank,
            }));
            expect(rows.map(asStored)).toEqual(expected);
            expect(
              buildAgenda(stored, s, now).map((i) => [i.contactId, i.suggestion.kind]),
            ).toEqual(expected.map((e) => [e.contactId, e.kind]));
          } finally {
            await local.delete();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('"Erledigt" on a promise acts on the promise the reason names, whatever the spelling of its day', async () => {
    const c = await createContact(db, { name: 'Ida Roth' }, new Date('2026-01-05'));
    // Due half an hour after the other in Berlin, but its text sorts first (a UTC instant of the
    // evening before against a day-only string).
    await saveRecord(db, 'commitments', {
      contactId: c.id,
      text: 'Angebot schicken',
      createdAt: '2026-11-01',
      dueAt: '2026-11-20T23:30:00.000Z', // 21 Nov, 00:30 in Berlin
    });
    const early = await saveRecord(db, 'commitments', {
      contactId: c.id,
      text: 'Rückruf',
      createdAt: '2026-11-01',
      dueAt: '2026-11-21',
    });
    await recomputeAll(db, settings, now);
    const row = await db.agenda.get(`${c.id}:commitment`);
    expect(row?.reasons[0]).toContain('Rückruf');
    expect(row?.recordId).toBe(early.id);
  });
});

describe('change tracking', () => {
  it('reports the contacts and tables every committed write touched', async () => {
    const changes: DataChange[] = [];
    db.onChange((c) => changes.push(c));
    const a = await createContact(db, { name: 'Anna Schröder' }, now);
    await saveRecord(db, 'interactions', {
      contactId: a.id,
      at: '2026-11-20',
      channel: 'phone',
      direction: 'out',
      personal: true,
    });
    await setSettings(db, { birthdayLookaheadDays: 10 });
    expect(changes).toEqual([
      { contactIds: [a.id], tables: ['contacts'] },
      { contactIds: [a.id], tables: ['interactions'] },
      { contactIds: [], tables: ['settings'] },
    ]);
  });

  it('reports a nested transaction once, after the outer one commits, and lets listeners write', async () => {
    const a = await createContact(db, { name: 'Anna Schröder' }, now);
    const changes: DataChange[] = [];
    db.onChange((c) => {
      changes.push(c);
      // A listener that writes bookkeeping of its own must not break the transaction it follows.
      void db.meta.put({ key: 'lastChangeAt', value: now.toISOString() });
    });
    await db.transaction('rw', [db.interactions, db.feedback, db.contacts], async () => {
      await saveRecord(db, 'interactions', {
        contactId: a.id,
        at: '2026-11-20',
        channel: 'phone',
        direction: 'out',
        personal: true,
      });
      expect(changes).toEqual([]);
      await saveRecord(db, 'feedback', {
        contactId: a.id,
        at: '2026-11-20',
        product: 4,
        complaint: false,
      });
    });
    expect(changes).toEqual([{ contactIds: [a.id], tables: ['interactions', 'feedback'] }]);
    await new Promise((r) => setTimeout(r, 20));
    expect((await db.meta.get('lastChangeAt'))?.value).toBe(now.toISOString());
  });

  it('reports nothing for a write that failed', async () => {
    const changes: DataChange[] = [];
    db.onChange((c) => changes.push(c));
    await expect(createContact(db, { name: '' }, now)).rejects.toThrow();
    expect(changes).toEqual([]);
  });
});

describe('the deriver keeps summaries and agenda in step', () => {
  function deriver() {
    let updates = 0;
    const d = createDeriver({
      db: () => db,
      settings: () => getSettings(db, 'de'),
      now: () => now,
      onUpdated: () => updates++,
    });
    db.onChange((c) => d.note(c));
    return { d, updates: () => updates };
  }

  it('computes everything on first start and marks it fresh for today', async () => {
    await putHistories(db, generateDemoData({ now }));
    const { d } = deriver();
    await d.ensureFresh();
    expect(await db.summaries.count()).toBe(await db.contacts.count());
    expect(await db.agenda.count()).toBeGreaterThan(5);
    expect(await derivedIsFresh(db, await getSettings(db, 'de'), now)).toBe(true);
  });

  it('logging a personal contact takes the overdue relationship off the agenda', async () => {
    const c = await createContact(
      db,
      { name: 'Bernd Vogel', company: 'Vogel KG' },
      new Date('2026-01-05'),
    );
    await saveRecord(db, 'purchases', { contactId: c.id, at: '2026-10-01', amount: 5000 });
    const { d } = deriver();
    await d.ensureFresh();
    expect(
      (await db.agenda.where('contactId').equals(c.id).toArray()).map((r) => r.kind),
    ).toContain('cadence');
    await saveRecord(db, 'interactions', {
      contactId: c.id,
      at: now.toISOString(),
      channel: 'phone',
      direction: 'out',
      personal: true,
    });
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    expect(
      (await db.agenda.where('contactId').equals(c.id).toArray()).map((r) => r.kind),
    ).not.toContain('cadence');
    expect((await db.summaries.get(c.id))?.lastPersonalDay).toBe('2026-11-22');
  });

  it('a purchase that moves tiers updates the other contacts too', async () => {
    const big = await createContact(db, { name: 'Groß AG Einkauf', company: 'Groß AG' }, now);
    const small = await createContact(db, { name: 'Klein Lena', company: 'Klein GmbH' }, now);
    await saveRecord(db, 'purchases', { contactId: big.id, at: '2026-06-01', amount: 90_000 });
    await saveRecord(db, 'purchases', { contactId: small.id, at: '2026-06-01', amount: 1_000 });
    const { d } = deriver();
    await d.ensureFresh();
    expect((await db.summaries.get(big.id))?.tier).toBe('A');
    expect((await db.summaries.get(small.id))?.tier).toBe('C');
    // Klein becomes the big customer: Groß drops although nothing of Groß changed.
    await saveRecord(db, 'purchases', { contactId: small.id, at: '2026-11-01', amount: 500_000 });
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    expect((await db.summaries.get(small.id))?.tier).toBe('A');
    expect((await db.summaries.get(big.id))?.tier).toBe('B');
  });

  it('keeps the per-kind counts equal to the rows through every change', async () => {
    await putHistories(db, generateDemoData({ now }));
    const { d } = deriver();
    await d.ensureFresh();
    const counted = async () => {
      const rows = await db.agenda.toArray();
      const byKind: Record<string, number> = {};
      for (const r of rows) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      return byKind;
    };
    const stored = async () =>
      Object.fromEntries(
        Object.entries(
          (await db.meta.get(AGENDA_COUNTS_KEY))?.value as Record<string, number>,
        ).filter(([, n]) => n > 0),
      );
    expect(await stored()).toEqual(await counted());
    for (const row of (await db.agenda.toArray()).slice(0, 5)) {
      await saveRecord(db, 'interactions', {
        contactId: row.contactId,
        at: now.toISOString(),
        channel: 'phone',
        direction: 'out',
        personal: true,
      });
      await saveRecord(db, 'purchases', {
        contactId: row.contactId,
        at: '2026-11-01',
        amount: 100,
      });
    }
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    expect(await stored()).toEqual(await counted());
  });

  it('a deleted contact leaves no rows behind', async () => {
    const c = await createContact(db, { name: 'Weg Damit' }, new Date('2025-01-01'));
    const { d } = deriver();
    await d.ensureFresh();
    expect(await db.summaries.get(c.id)).toBeDefined();
    await db.transaction('rw', db.contacts, () => db.contacts.delete(c.id));
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    expect(await db.summaries.get(c.id)).toBeUndefined();
    expect(await db.agenda.where('contactId').equals(c.id).count()).toBe(0);
  });

  it('new settings recompute everything in the new language', async () => {
    await putHistories(db, generateDemoData({ now }));
    const { d } = deriver();
    await d.ensureFresh();
    await setSettings(db, { locale: 'en' });
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    const [row] = await db.agenda.toArray();
    expect(row?.reasons.join(' ')).toMatch(/[a-z]/);
    const summaries = await db.summaries.toArray();
    expect(summaries.some((s) => /revenue|customer|Customer/.test(s.tierReason))).toBe(true);
  });

  it('work a stopped worker left is picked up at the next start', async () => {
    await putHistories(db, generateDemoData({ now }));
    await recomputeAll(db, await getSettings(db, 'de'), now);
    expect(Object.keys((await dirtyMarks(db)).contacts)).toEqual([]);
    const before = await db.agenda.count();
    const [someone] = await db.contacts.toArray();
    // The rows were lost while the contact is still marked (a worker stopped between the two).
    await db.table('agenda').where('contactId').equals(someone!.id).delete();
    await saveRecord(db, 'followUps', { contactId: someone!.id, dueAt: '2020-01-01', note: 'x' });
    const { d } = deriver();
    await d.ensureFresh();
    expect(await db.agenda.count()).toBeGreaterThanOrEqual(before);
    expect(await db.agenda.get(`${someone!.id}:follow-up`)).toBeDefined();
    expect(Object.keys((await dirtyMarks(db)).contacts)).toEqual([]);
  });

  it('a write whose message never reached the background shows at the next open', async () => {
    const c = await createContact(db, { name: 'Jonas Keller' }, now);
    const { d } = deriver();
    await d.ensureFresh();
    expect(await db.agenda.get(`${c.id}:follow-up`)).toBeUndefined();
    // A page writes with nobody listening (its message to the background was lost).
    const page = new KundennahDB(db.name);
    await saveRecord(page, 'followUps', { contactId: c.id, dueAt: '2026-11-22', note: 'Rückruf' });
    page.close();
    expect(Object.keys((await dirtyMarks(db)).contacts)).toEqual([c.id]);
    // The next popup asks for fresh rows: the follow-up is there.
    await d.ensureFresh();
    expect((await db.agenda.get(`${c.id}:follow-up`))?.reasons.join(' ')).toContain('Rückruf');
    expect(Object.keys((await dirtyMarks(db)).contacts)).toEqual([]);
  });

  it('a write during a recomputation stays marked for the next one', async () => {
    const c = await createContact(db, { name: 'Lea Braun' }, now);
    await recomputeAll(db, settings, now);
    const seen = await dirtyMarks(db);
    await saveRecord(db, 'followUps', { contactId: c.id, dueAt: '2026-11-22', note: 'neu' });
    // A recomputation that read its marks before that write must not clear it.
    const { recomputeContacts } = await import('@/lib/db');
    await recomputeContacts(db, [], {}, settings, now, seen);
    expect(Object.keys((await dirtyMarks(db)).contacts)).toEqual([c.id]);
  });
});

describe('a flood of change messages (issue 15, point 3)', () => {
  function counted() {
    let runs = 0;
    let updates = 0;
    const d = createDeriver({
      db: () => db,
      settings: () => {
        runs++;
        return getSettings(db, 'de');
      },
      now: () => now,
      onUpdated: () => updates++,
    });
    return { d, runs: () => runs, updates: () => updates };
  }

  it('queues at most one run behind the current one, however many ask', async () => {
    await putHistories(db, generateDemoData({ now }).slice(0, 5));
    const { d, runs } = counted();
    await Promise.all(Array.from({ length: 500 }, () => d.ensureFresh()));
    // One run for the first ask, at most one more for all the others.
    expect(runs()).toBeLessThanOrEqual(2);
  });

  it('while held (a sync streams in records), runs once after the release, not every second', async () => {
    const c = await createContact(db, { name: 'Bernd Vogel' }, now);
    const { d, runs } = counted();
    await d.ensureFresh();
    const before = runs();
    const release = d.hold();
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        d.note({ contactIds: [c.id], tables: ['contacts'] });
        if (Date.now() - started > 1300) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs()).toBe(before);
    release();
    release(); // a second call does nothing
    await new Promise((resolve) => setTimeout(resolve, 60));
    await d.idle();
    expect(runs()).toBe(before + 1);
  });

  it('still brings the rows up to date within a second while messages keep coming', async () => {
    const c = await createContact(db, { name: 'Bernd Vogel' }, now);
    const { d, updates } = counted();
    await d.ensureFresh();
    const before = updates();
    const started = Date.now();
    let firstUpdateAfter: number | undefined;
    // A message every 5 ms for 1.6 s: each one would postpone a plain debounce forever.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        d.note({ contactIds: [c.id], tables: ['contacts'] });
        if (firstUpdateAfter === undefined && updates() > before)
          firstUpdateAfter = Date.now() - started;
        if (Date.now() - started > 1600) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    // Let the last message's run finish before the database goes.
    await new Promise((resolve) => setTimeout(resolve, 60));
    await d.idle();
    expect(firstUpdateAfter).toBeDefined();
    expect(firstUpdateAfter!).toBeLessThan(1500);
  });
});
