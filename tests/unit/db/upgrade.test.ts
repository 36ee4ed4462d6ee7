import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createContext, linkReferrals } from '@/lib/core';
import { KundennahDB, SCHEMA_VERSIONS, deriveContact, getAllHistories } from '@/lib/db';
import { generateDemoData, flattenHistories } from '@/lib/demo';
import { DEFAULT_SETTINGS, type ContactHistory } from '@/lib/model';

const now = new Date('2026-11-22T10:00:00.000Z');
const names: string[] = [];

/** The summary the background writes for one history (tier C: the test needs rows, not tiers). */
function derivedSummary(h: ContactHistory) {
  return deriveContact(h, { tier: 'C', reason: '' }, createContext(DEFAULT_SETTINGS, now)).summary;
}
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('schema upgrades keep every record', () => {
  it('versions are numbered 1, 2, … without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_v, i) => i + 1));
  });

  it('a database written by version 1 opens in the current version with everything intact', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new KundennahDB(name, 1);
    const demo = generateDemoData({ now });
    const flat = flattenHistories(demo);
    await v1.transaction(
      'rw',
      [
        v1.contacts,
        v1.interactions,
        v1.commitments,
        v1.feedback,
        v1.purchases,
        v1.followUps,
        v1.settings,
        v1.meta,
      ],
      async () => {
        await v1.contacts.bulkAdd(flat.contacts);
        await v1.interactions.bulkAdd(flat.interactions);
        await v1.commitments.bulkAdd(flat.commitments);
        await v1.feedback.bulkAdd(flat.feedback);
        await v1.purchases.bulkAdd(flat.purchases);
        await v1.followUps.bulkAdd(flat.followUps);
        await v1.settings.put({ id: 'settings', values: { locale: 'en' } });
        await v1.meta.put({ key: 'lastBackupAt', value: '2026-11-01T08:00:00.000Z' });
      },
    );
    expect(v1.verno).toBe(1);
    v1.close();

    const current = new KundennahDB(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const after = await getAllHistories(current);
    const sort = <T extends { contact: { id: string } }>(xs: T[]) =>
      [...xs].sort((a, b) => a.contact.id.localeCompare(b.contact.id));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const norm = (hs: typeof demo) =>
      sort(hs).map((h) => ({
        ...h,
        interactions: [...h.interactions].sort(byId),
        commitments: [...h.commitments].sort(byId),
        feedback: [...h.feedback].sort(byId),
        purchases: [...h.purchases].sort(byId),
        followUps: [...h.followUps].sort(byId),
        ...(h.referred && {
          referred: [...h.referred]
            .sort((a, b) => byId(a.contact, b.contact))
            .map((r) => ({ ...r, purchases: [...r.purchases].sort(byId) })),
        }),
      }));
    // Every history comes back with the contacts it recommended, as getAllHistories gives them.
    expect(norm(after)).toEqual(norm(linkReferrals(demo)));
    expect(await current.settings.get('settings')).toEqual({
      id: 'settings',
      values: { locale: 'en' },
    });
    expect(await current.meta.get('lastBackupAt')).toBeDefined();
    // The tables version 2 added exist and are empty until the background fills them.
    expect(await current.summaries.count()).toBe(0);
    expect(await current.notDuplicates.count()).toBe(0);
    current.close();
  });

  it('version 4 adds the request log and the safety copy; every version-3 row stays', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v3 = new KundennahDB(name, 3);
    const demo = generateDemoData({ now });
    const flat = flattenHistories(demo);
    await v3.contacts.bulkAdd(flat.contacts);
    await v3.interactions.bulkAdd(flat.interactions);
    await v3.occasions.put({
      id: 'o1',
      kind: 'event',
      title: 'Sommerfest',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    } as never);
    await v3.meta.put({ key: 'lastBackupAt', value: '2026-11-01T08:00:00.000Z' });
    const before = {
      contacts: await v3.contacts.toArray(),
      interactions: await v3.interactions.toArray(),
      occasions: await v3.occasions.toArray(),
      meta: await v3.meta.toArray(),
    };
    expect(v3.tables.map((t) => t.name)).not.toContain('requests');
    v3.close();

    const current = new KundennahDB(name, 4);
    await current.open();
    expect(current.verno).toBe(4);
    expect(await current.contacts.toArray()).toEqual(before.contacts);
    expect(await current.interactions.toArray()).toEqual(before.interactions);
    expect(await current.occasions.toArray()).toEqual(before.occasions);
    expect(await current.meta.toArray()).toEqual(before.meta);
    expect(await current.requests.count()).toBe(0);
    expect(await current.safetyCopy.count()).toBe(0);
    // The new tables work: the request log is found by its date.
    await current.requests.put({ id: 'r1', at: now.toISOString(), reply: { ok: true } });
    expect(await current.requests.where('at').below('2027').count()).toBe(1);
    current.close();
  });

  it('version 5 finds summaries in name order; every version-4 row stays', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v4 = new KundennahDB(name, 4);
    const demo = generateDemoData({ now });
    const flat = flattenHistories(demo);
    await v4.contacts.bulkAdd(flat.contacts);
    await v4.purchases.bulkAdd(flat.purchases);
    // A summary as version 4 wrote it: no name key.
    const { sortName: _drop, ...oldSummary } = derivedSummary(demo[0]!);
    await v4.summaries.put(oldSummary as never);
    await v4.requests.put({ id: 'r1', at: now.toISOString(), reply: { ok: true } });
    const before = {
      contacts: await v4.contacts.toArray(),
      purchases: await v4.purchases.toArray(),
      summaries: await v4.summaries.toArray(),
      requests: await v4.requests.toArray(),
    };
    v4.close();

    const current = new KundennahDB(name, 5);
    await current.open();
    expect(current.verno).toBe(5);
    expect(await current.contacts.toArray()).toEqual(before.contacts);
    expect(await current.purchases.toArray()).toEqual(before.purchases);
    expect(await current.summaries.toArray()).toEqual(before.summaries);
    expect(await current.requests.toArray()).toEqual(before.requests);
    // The old row has no key yet (the background recomputes it: DERIVED_VERSION); new rows are
    // found in name order.
    expect(await current.summaries.orderBy('sortName').count()).toBe(0);
    await current.summaries.bulkPut(demo.slice(1, 4).map(derivedSummary));
    const names3 = demo
      .slice(1, 4)
      .map((h) => h.contact.name)
      .sort(new Intl.Collator('de', { sensitivity: 'base' }).compare);
    expect((await current.summaries.orderBy('sortName').toArray()).map((r) => r.name)).toEqual(
      names3,
    );
    current.close();
  });

  it('version 6 drops the contact indexes nothing reads; every version-5 row stays', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v5 = new KundennahDB(name, 5);
    const demo = generateDemoData({ now });
    const flat = flattenHistories(demo);
    await v5.contacts.bulkAdd(flat.contacts);
    await v5.interactions.bulkAdd(flat.interactions);
    await v5.summaries.bulkPut(demo.map(derivedSummary));
    const before = {
      contacts: await v5.contacts.toArray(),
      interactions: await v5.interactions.toArray(),
      summaries: await v5.summaries.toArray(),
    };
    v5.close();

    const current = new KundennahDB(name, 6);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.contacts.toArray()).toEqual(before.contacts);
    expect(await current.interactions.toArray()).toEqual(before.interactions);
    expect(await current.summaries.toArray()).toEqual(before.summaries);
    const indexes = current.contacts.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual(['emails', 'name', 'profileUrls', 'referredBy']);
    // What the app looks contacts up by still finds them.
    const someone = flat.contacts.find((c) => c.emails.length > 0)!;
    expect((await current.contacts.where('emails').equals(someone.emails[0]!).first())?.id).toBe(
      someone.id,
    );
    expect(await current.contacts.where('name').equalsIgnoreCase(someone.name).count()).toBe(
      flat.contacts.filter((c) => c.name.toLowerCase() === someone.name.toLowerCase()).length,
    );
    current.close();
  });

  it('version 7 adds the sync outbox; every version-6 row stays', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v6 = new KundennahDB(name, 6);
    const flat = flattenHistories(generateDemoData({ now }));
    await v6.contacts.bulkAdd(flat.contacts);
    await v6.interactions.bulkAdd(flat.interactions);
    const before = {
      contacts: await v6.contacts.toArray(),
      interactions: await v6.interactions.toArray(),
    };
    v6.close();

    const current = new KundennahDB(name);
    await current.open();
    expect(current.verno).toBe(7);
    expect(await current.contacts.toArray()).toEqual(before.contacts);
    expect(await current.interactions.toArray()).toEqual(before.interactions);
    expect(await current.outbox.count()).toBe(0);
    current.close();
  });
});
