// Occasions, concerns and referrals in the store (issue "Something to bring to every touch"): the
// writes and their undos, what the deriver makes of them, the schema upgrade and the backups.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchOccasion, createContext } from '@/lib/core';
import {
  KundennahDB,
  addConcern,
  attachOccasion,
  broughtByOccasion,
  closeConcern,
  createContact,
  deleteOccasion,
  detachOccasion,
  getHistory,
  getSettings,
  matchSubjects,
  putHistories,
  recomputeAll,
  restoreOccasion,
  saveConversation,
  saveOccasion,
  saveRecord,
  updateContact,
} from '@/lib/db';
import { createDeriver } from '@/lib/background/deriver';
import { checkBackup, makeBackup, restoreBackup } from '@/lib/db/backup-restore';
import { generateDemo } from '@/lib/demo';
import { serializeBackup } from '@/lib/io';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
const settings: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin', locale: 'de' };
let db: KundennahDB;

beforeEach(async () => {
  db = await openFreshDb();
});
afterEach(async () => db.delete());

const goDigital = () =>
  saveOccasion(
    db,
    { kind: 'funding', title: 'Förderprogramm go-digital', keywords: ['Digitalisierung'] },
    now,
  );

describe('occasions', () => {
  it('are validated: a title is needed, the validity runs forward', async () => {
    await expect(saveOccasion(db, { kind: 'tip', title: ' ' }, now)).rejects.toThrow();
    await expect(
      saveOccasion(
        db,
        { kind: 'tip', title: 'X', validFrom: '2026-12-01', validUntil: '2026-11-01' },
        now,
      ),
    ).rejects.toThrow();
    const o = await goDigital();
    const edited = await saveOccasion(
      db,
      { ...o, title: 'go-digital 2027' },
      new Date('2026-11-23'),
    );
    expect(edited.createdAt).toBe(o.createdAt);
    expect(await db.occasions.count()).toBe(1);
  });

  it('attach to contacts once each; detach takes it back', async () => {
    const o = await goDigital();
    const a = await createContact(db, { name: 'Anna Alt' }, now);
    const b = await createContact(db, { name: 'Bea Bunt' }, now);
    expect(await attachOccasion(db, o.id, [a.id, b.id], now)).toEqual([a.id, b.id]);
    expect(await attachOccasion(db, o.id, [a.id], now)).toEqual([]);
    expect((await db.contacts.get(a.id))?.plannedOccasions).toEqual([
      { occasionId: o.id, at: now.toISOString() },
    ]);
    await detachOccasion(db, o.id, [a.id], now);
    expect((await db.contacts.get(a.id))?.plannedOccasions).toBeUndefined();
    expect((await db.contacts.get(b.id))?.plannedOccasions).toHaveLength(1);
  });

  it('deleting one takes it off every contact; the undo puts both back', async () => {
    const o = await goDigital();
    const a = await createContact(db, { name: 'Anna Alt' }, now);
    await attachOccasion(db, o.id, [a.id], now);
    const deleted = await deleteOccasion(db, o.id);
    expect(await db.occasions.count()).toBe(0);
    expect((await db.contacts.get(a.id))?.plannedOccasions).toBeUndefined();
    await restoreOccasion(db, deleted);
    expect(await db.occasions.get(o.id)).toEqual(o);
    expect((await db.contacts.get(a.id))?.plannedOccasions).toHaveLength(1);
  });

  it('the conversation that brought it is found by it, and matching leaves that person out', async () => {
    const o = await goDigital();
    const a = await createContact(db, { name: 'Anna Alt', interests: ['digital'] }, now);
    await createContact(db, { name: 'Bea Bunt', interests: ['Digitalisierung'] }, now);
    await saveConversation(
      db,
      {
        contactId: a.id,
        channel: 'phone',
        brought: { kind: 'occasion', occasionId: o.id, text: o.title },
      },
      now,
    );
    const brought = (await broughtByOccasion(db)).get(o.id) ?? new Set<string>();
    expect([...brought]).toEqual([a.id]);
    const found = matchOccasion(o, await matchSubjects(db), createContext(settings, now), brought);
    expect(found.map((m) => m.name)).toEqual(['Bea Bunt']);
  });
});

describe('concerns', () => {
  it('"Neues Thema?" in the after-call note becomes a concern dated today', async () => {
    const a = await createContact(db, { name: 'Anna Alt' }, now);
    const logged = await saveConversation(
      db,
      {
        contactId: a.id,
        channel: 'phone',
        note: { concern: 'Praxisumzug im April' },
        timeZone: 'Europe/Berlin',
      },
      now,
    );
    expect(logged.concern?.text).toBe('Praxisumzug im April');
    expect((await db.contacts.get(a.id))?.concerns).toEqual([
      { id: logged.concern!.id, text: 'Praxisumzug im April', notedAt: '2026-11-22' },
    ]);
  });

  it('close and reopen', async () => {
    const a = await createContact(db, { name: 'Anna Alt' }, now);
    const k = await addConcern(db, a.id, { text: 'ERP-Auswahl bis Q3' }, now, 'Europe/Berlin');
    await closeConcern(db, a.id, k.id, now, 'Europe/Berlin');
    expect((await db.contacts.get(a.id))?.concerns?.[0]?.closedAt).toBe('2026-11-22');
    await closeConcern(db, a.id, k.id, now, 'Europe/Berlin', true);
    expect((await db.contacts.get(a.id))?.concerns?.[0]?.closedAt).toBeUndefined();
  });
});

describe('referrals reach the derived rows', () => {
  it('a referred contact’s first purchase gives the referrer a thank-you, and the history knows who', async () => {
    const petra = await createContact(db, { name: 'Petra Empfehlerin' }, new Date('2026-01-05'));
    const karl = await createContact(db, { name: 'Karl Neukunde', referredBy: petra.id }, now);
    const d = createDeriver({
      db: () => db,
      settings: () => getSettings(db, 'de'),
      now: () => now,
      onUpdated: () => {},
    });
    db.onChange((c) => d.note(c));
    await d.ensureFresh();
    expect(await db.agenda.get(`${petra.id}:referral-thanks`)).toBeUndefined();
    await saveRecord(db, 'purchases', { contactId: karl.id, at: '2026-11-20', amount: 14_000 });
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    const row = await db.agenda.get(`${petra.id}:referral-thanks`);
    expect(row?.reasons[0]).toContain('Karl Neukunde');
    expect((await getHistory(db, petra.id))?.referred?.map((r) => r.contact.name)).toEqual([
      'Karl Neukunde',
    ]);
    // Karl was recommended by someone else after all: Petra's thank-you goes.
    const other = await createContact(db, { name: 'Otto Anders' }, new Date('2026-01-05'));
    await updateContact(db, karl.id, { referredBy: other.id }, now);
    await new Promise((r) => setTimeout(r, 60));
    await d.idle();
    expect(await db.agenda.get(`${petra.id}:referral-thanks`)).toBeUndefined();
    expect(await db.agenda.get(`${other.id}:referral-thanks`)).toBeDefined();
  });

  it('an occasion attached to a contact is in its stored next touch', async () => {
    const o = await goDigital();
    const a = await createContact(db, { name: 'Anna Alt' }, new Date('2026-01-05'));
    await attachOccasion(db, o.id, [a.id], now);
    await recomputeAll(db, settings, now);
    const row = await db.agenda.get(`${a.id}:cadence`);
    expect(row?.occasionId).toBe(o.id);
    expect(row?.talkingPoints[0]).toBe('Mitbringen: Förderprogramm go-digital');
  });
});

describe('upgrade and backups', () => {
  it('a version-2 database opens in version 3 with every contact and interaction', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v2 = new KundennahDB(name, 2);
    await v2.open();
    await v2.contacts.add({
      id: 'c1',
      name: 'Alt Bestand',
      emails: [],
      phones: [],
      profileUrls: [],
      status: 'active',
      preferredChannels: [],
      interests: ['Segeln'],
      createdAt: '2025-01-01',
      updatedAt: '2025-01-01',
    });
    await v2.interactions.add({
      id: 'i1',
      contactId: 'c1',
      at: '2026-01-01T10:00:00.000Z',
      channel: 'phone',
      direction: 'out',
      personal: true,
    });
    v2.close();
    // Version 3 itself (version 4's own upgrade test is in upgrade.test.ts).
    const v3 = new KundennahDB(name, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect((await getHistory(v3, 'c1'))?.interactions).toHaveLength(1);
    expect(await v3.contacts.where('referredBy').equals('x').count()).toBe(0);
    expect(await v3.occasions.count()).toBe(0);
    v3.close();
    await Dexie.delete(name);
  });

  it('occasions, concerns, referrals and what was brought round-trip through a backup', async () => {
    const o = await goDigital();
    const petra = await createContact(db, { name: 'Petra' }, now);
    const karl = await createContact(db, { name: 'Karl', referredBy: petra.id }, now);
    await attachOccasion(db, o.id, [karl.id], now);
    await addConcern(db, karl.id, { text: 'ERP-Auswahl', until: '2027-06-30' }, now);
    await saveConversation(
      db,
      {
        contactId: petra.id,
        channel: 'letter',
        brought: { kind: 'tip', text: 'Restaurant Zur Linde' },
      },
      now,
    );
    const text = serializeBackup(await makeBackup(db, now));
    const other = new KundennahDB(`test-${crypto.randomUUID()}`);
    await other.open();
    const checked = checkBackup(other, text);
    expect(checked.ok).toBe(true);
    if (checked.ok) await restoreBackup(other, checked.backup, 'replace', now);
    expect(await other.occasions.toArray()).toEqual([o]);
    expect(await other.contacts.get(karl.id)).toEqual(await db.contacts.get(karl.id));
    expect((await other.interactions.toArray())[0]?.brought).toEqual({
      kind: 'tip',
      text: 'Restaurant Zur Linde',
    });
    await other.delete();
  });

  it('a backup from before occasions existed restores', async () => {
    await createContact(db, { name: 'Vorher' }, now);
    const backup = await makeBackup(db, now);
    delete (backup.tables as Record<string, unknown>).occasions;
    const other = new KundennahDB(`test-${crypto.randomUUID()}`);
    await other.open();
    const checked = checkBackup(other, serializeBackup(backup));
    expect(checked.ok).toBe(true);
    if (checked.ok) await restoreBackup(other, checked.backup, 'replace', now);
    expect(await other.contacts.count()).toBe(1);
    await other.delete();
  });
});

describe('the demo data', () => {
  it('loads with its occasions in one transaction; a bad occasion writes nothing', async () => {
    const { histories, occasions } = generateDemo({ now, timeZone: 'Europe/Berlin' });
    const broken = [...occasions, { ...occasions[0]!, id: 'not-an-id', title: '' }];
    await expect(putHistories(db, histories, broken)).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
    expect(await db.occasions.count()).toBe(0);

    await putHistories(db, histories, occasions);
    expect(await db.occasions.count()).toBe(occasions.length);
    // Someone has an occasion attached, someone a concern, someone was recommended.
    const contacts = await db.contacts.toArray();
    const planned = contacts.flatMap((c) => c.plannedOccasions ?? []);
    expect(planned.length).toBeGreaterThan(0);
    for (const p of planned) expect(await db.occasions.get(p.occasionId)).toBeDefined();
    expect(contacts.some((c) => c.concerns?.length)).toBe(true);
    const referred = contacts.filter((c) => c.referredBy);
    expect(referred.length).toBeGreaterThan(0);
    for (const c of referred) expect(await db.contacts.get(c.referredBy!)).toBeDefined();
  });
});
