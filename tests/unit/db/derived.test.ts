import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAgenda, compareAgendaEntries, computeTiers, suggestNextTouch } from '@/lib/core';
import {
  KundennahDB,
  createContact,
  deriveContact,
  derivedIsFresh,
  logInteraction,
  putHistories,
  recomputeAll,
  saveRecord,
  setSettings,
  getSettings,
  type DataChange,
  AGENDA_COUNTS_KEY,
} from '@/lib/db';
import { createDeriver } from '@/lib/background/deriver';
import { generateDemoData } from '@/lib/demo';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';

const now = new Date('2026-11-22T10:00:00.000Z');
const settings: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
let db: KundennahDB;

beforeEach(async () => {
  db = new KundennahDB(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => db.delete());

describe('derived rows agree with the core', () => {
  const demo = generateDemoData({ now, timeZone: 'Europe/Berlin' });
  const tiers = computeTiers(demo, settings, now);

  it('the stored agenda, sorted by the agenda rule, is exactly buildAgenda', () => {
    const rows = demo.flatMap((h) => deriveContact(h, tiers[h.contact.id]!, settings, now).agenda);
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
      const { summary } = deriveContact(h, t, settings, now);
      expect(summary.tier).toBe(t.tier);
      expect(summary.tierReason).toBe(t.reason);
      const next = suggestNextTouch(h, t.tier, settings, now);
      expect(summary.next && [summary.next.kind, summary.next.due]).toEqual(
        next && [next.kind, next.due],
      );
    }
  });
});

describe('change tracking', () => {
  it('reports the contacts and tables every committed write touched', async () => {
    const changes: DataChange[] = [];
    db.onChange((c) => changes.push(c));
    const a = await createContact(db, { name: 'Anna Schröder' }, now);
    await logInteraction(db, {
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
      await logInteraction(db, {
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
    await logInteraction(db, {
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
      await logInteraction(db, {
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
    const before = await db.agenda.count();
    const [someone] = await db.contacts.toArray();
    // Written while no worker ran (its change message was lost) and marked as pending work.
    await db.table('agenda').where('contactId').equals(someone!.id).delete();
    await db.meta.put({ key: 'derivedPending', value: [someone!.id] });
    const { d } = deriver();
    await d.ensureFresh();
    expect(await db.agenda.count()).toBe(before);
  });
});
