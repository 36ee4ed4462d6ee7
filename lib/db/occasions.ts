// Occasions and what moves the customer (issue "Something to bring to every touch"): the user's
// occasions, attaching them to contacts' next touches, the contacts' current concerns, and what the
// matching reads. Every write is one transaction and returns what its undo needs.
import {
  ConcernSchema,
  OccasionSchema,
  compact,
  newId,
  validate,
  type Concern,
  type Contact,
  type Occasion,
  type OccasionInput,
} from '../model';
import { todayIn, type MatchSubject } from '../core';
import { NotFoundError, guardWrite } from './errors';
import type { KundennahDB } from './database';

export type NewOccasion = Omit<OccasionInput, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/** Every occasion, newest first. */
export async function listOccasions(db: KundennahDB): Promise<Occasion[]> {
  return (await db.occasions.toArray()).sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
}

/** Create an occasion, or change one (same id): validated, stamped. */
export async function saveOccasion(
  db: KundennahDB,
  input: NewOccasion,
  now: Date,
): Promise<Occasion> {
  const stamp = now.toISOString();
  return guardWrite(() =>
    db.transaction('rw', db.occasions, async () => {
      const current = input.id ? await db.occasions.get(input.id) : undefined;
      const occasion = compact(
        validate(
          OccasionSchema,
          {
            ...input,
            id: input.id ?? newId(),
            createdAt: current?.createdAt ?? stamp,
            updatedAt: stamp,
          },
          'occasion',
        ),
      );
      await db.occasions.put(occasion);
      return occasion;
    }),
  );
}

/** What deleting an occasion took away: the occasion and the contacts it was attached to. */
export interface DeletedOccasion {
  occasion: Occasion;
  contacts: Contact[];
}

/**
 * Delete an occasion and take it off every contact it was attached to. The touches that brought it
 * keep its title (the record of what was brought stays true).
 */
export async function deleteOccasion(db: KundennahDB, id: string): Promise<DeletedOccasion> {
  return guardWrite(() =>
    db.transaction('rw', [db.occasions, db.contacts], async () => {
      const occasion = await db.occasions.get(id);
      if (!occasion) throw new NotFoundError('Occasion', id);
      const attached = (await db.contacts.toArray()).filter((c) =>
        (c.plannedOccasions ?? []).some((p) => p.occasionId === id),
      );
      await db.occasions.delete(id);
      await db.contacts.bulkPut(
        attached.map((c) => {
          const rest = (c.plannedOccasions ?? []).filter((p) => p.occasionId !== id);
          const next: Contact = { ...c, plannedOccasions: rest };
          if (!rest.length) delete next.plannedOccasions;
          return next;
        }),
      );
      return { occasion, contacts: attached };
    }),
  );
}

/** Undo `deleteOccasion`: the occasion and the contacts as they were. */
export async function restoreOccasion(db: KundennahDB, deleted: DeletedOccasion): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', [db.occasions, db.contacts], async () => {
      await db.occasions.put(deleted.occasion);
      await db.contacts.bulkPut(deleted.contacts);
    }),
  );
}

/**
 * Attach an occasion to these contacts' next touch ("Vormerken"). Returns the ids it was attached
 * to now (those that had it already are left alone): `detachOccasion` with them is the undo.
 */
export async function attachOccasion(
  db: KundennahDB,
  occasionId: string,
  contactIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const at = now.toISOString();
  return guardWrite(() =>
    db.transaction('rw', [db.occasions, db.contacts], async () => {
      if (!(await db.occasions.get(occasionId))) throw new NotFoundError('Occasion', occasionId);
      const contacts = await db.contacts.bulkGet([...new Set(contactIds)]);
      const changed: Contact[] = [];
      for (const c of contacts) {
        if (!c) continue;
        const planned = c.plannedOccasions ?? [];
        if (planned.some((p) => p.occasionId === occasionId)) continue;
        changed.push({ ...c, plannedOccasions: [...planned, { occasionId, at }], updatedAt: at });
      }
      await db.contacts.bulkPut(changed);
      return changed.map((c) => c.id);
    }),
  );
}

/** Take an occasion off these contacts' next touch. */
export async function detachOccasion(
  db: KundennahDB,
  occasionId: string,
  contactIds: readonly string[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await guardWrite(() =>
    db.transaction('rw', db.contacts, async () => {
      const contacts = await db.contacts.bulkGet([...new Set(contactIds)]);
      const changed: Contact[] = [];
      for (const c of contacts) {
        if (!c?.plannedOccasions?.some((p) => p.occasionId === occasionId)) continue;
        const rest = c.plannedOccasions.filter((p) => p.occasionId !== occasionId);
        const next: Contact = { ...c, plannedOccasions: rest, updatedAt: at };
        if (!rest.length) delete next.plannedOccasions;
        changed.push(next);
      }
      await db.contacts.bulkPut(changed);
    }),
  );
}

/** Per occasion: the contacts it was brought to (a touch of ours recorded it). */
export async function broughtByOccasion(db: KundennahDB): Promise<Map<string, Set<string>>> {
  const rows = await db.interactions.orderBy('brought.occasionId').toArray();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const id = r.brought?.occasionId;
    if (!id) continue;
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(r.contactId);
  }
  return out;
}

/** What matching reads of every contact: the contact, its purchases, tier and last touch. */
export async function matchSubjects(db: KundennahDB): Promise<MatchSubject[]> {
  return db.transaction('r', [db.contacts, db.purchases, db.summaries], async () => {
    const [contacts, purchases, summaries] = await Promise.all([
      db.contacts.toArray(),
      db.purchases.toArray(),
      db.summaries.toArray(),
    ]);
    const byContact = new Map<string, MatchSubject>();
    const summaryOf = new Map(summaries.map((s) => [s.contactId, s]));
    for (const contact of contacts) {
      const s = summaryOf.get(contact.id);
      const subject: MatchSubject = { contact, purchases: [], tier: s?.tier ?? 'C' };
      if (s?.lastPersonalDay) subject.lastTouchDay = s.lastPersonalDay;
      byContact.set(contact.id, subject);
    }
    for (const p of purchases) (byContact.get(p.contactId)?.purchases as unknown[])?.push(p);
    return [...byContact.values()];
  });
}

// ---------------------------------------------------------------------------------------------
// What moves the customer

/** Note a concern for a contact ("Neues Thema?"), dated today in the user's zone. */
export async function addConcern(
  db: KundennahDB,
  contactId: string,
  input: { text: string; until?: string },
  now: Date,
  timeZone?: string,
): Promise<Concern> {
  const concern = compact(
    validate(
      ConcernSchema,
      { id: newId(), text: input.text, notedAt: todayIn(now, timeZone), until: input.until },
      'concern',
    ),
  );
  await guardWrite(() =>
    db.transaction('rw', db.contacts, async () => {
      const c = await db.contacts.get(contactId);
      if (!c) throw new NotFoundError('Contact', contactId);
      await db.contacts.put({
        ...c,
        concerns: [...(c.concerns ?? []), concern],
        updatedAt: now.toISOString(),
      });
    }),
  );
  return concern;
}

/** Close a concern (it no longer moves them) or, with `open`, open it again. */
export async function closeConcern(
  db: KundennahDB,
  contactId: string,
  concernId: string,
  now: Date,
  timeZone?: string,
  open = false,
): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.contacts, async () => {
      const c = await db.contacts.get(contactId);
      if (!c) throw new NotFoundError('Contact', contactId);
      const concerns = (c.concerns ?? []).map((k) => {
        if (k.id !== concernId) return k;
        const next = { ...k };
        if (open) delete next.closedAt;
        else next.closedAt = todayIn(now, timeZone);
        return next;
      });
      await db.contacts.put({ ...c, concerns, updatedAt: now.toISOString() });
    }),
  );
}

/** Remove a concern altogether (undo of noting it). */
export async function removeConcern(
  db: KundennahDB,
  contactId: string,
  concernId: string,
  now: Date,
): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.contacts, async () => {
      const c = await db.contacts.get(contactId);
      if (!c) return;
      const concerns = (c.concerns ?? []).filter((k) => k.id !== concernId);
      const next: Contact = { ...c, concerns, updatedAt: now.toISOString() };
      if (!concerns.length) delete next.concerns;
      await db.contacts.put(next);
    }),
  );
}
