// The data behind "Something to bring to every touch" on the dashboard: occasions (live), what was
// brought, the contacts to match (live), the writes of the occasions page and of the
// contact page (attach, concerns, the contact picker). Each write is one transaction of lib/db and
// returns what its undo needs.
import { useLiveQuery } from 'dexie-react-hooks';
import { foldText, type MatchSubject } from '../../core';
import {
  addConcern,
  attachOccasion,
  broughtByOccasion,
  closeConcern,
  deleteOccasion,
  detachOccasion,
  getDb,
  listOccasions,
  matchSubjects,
  restoreOccasion,
  saveOccasion,
  updateContact,
  type DeletedOccasion,
} from '../../db';
import type { Concern, Contact, Occasion } from '../../model';
import { failure, type WriteResult } from './data';
import type { OccasionInputOf } from './occasions';

export type { DeletedOccasion } from '../../db';

// ---------------------------------------------------------------------------------------------
// Reading

/** Every occasion (newest first); `undefined` while loading. */
export function useOccasions(): Occasion[] | undefined {
  return useLiveQuery(() => listOccasions(getDb()), []);
}

/** Per occasion: the contacts it was brought to (a touch of ours recorded it). */
export function useBroughtByOccasion(): Map<string, Set<string>> | undefined {
  return useLiveQuery(() => broughtByOccasion(getDb()), []);
}

/**
 * What matching reads of every contact: contacts, purchases, tiers and last touches, live. It follows
 * the page's own writes (attach, detach) and the background's: tiers and last touches come from the
 * derived summaries, which follow a moment after a change (an import, the demo data).
 */
export function useMatchSubjects(): MatchSubject[] | undefined {
  return useLiveQuery(() => matchSubjects(getDb()), []);
}

/** A contact's name and company (the picker's chosen value); null when it does not exist. */
export function useContactLabel(
  id: string | undefined,
): { id: string; name: string; company?: string } | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const c = await getDb().contacts.get(id);
    return c ? { id: c.id, name: c.name, ...(c.company ? { company: c.company } : {}) } : null;
  }, [id]);
}

export interface ContactOption {
  id: string;
  name: string;
  company?: string;
}

/** Contacts whose name, company or e-mail begins with what was typed (each word), at most `limit`. */
export function useContactSearch(
  query: string,
  excludeId: string | undefined,
  limit = 8,
): ContactOption[] | undefined {
  return useLiveQuery(async () => {
    const words = foldText(query)
      .split(/\s+/)
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    if (!words.length) return [];
    const [first, ...rest] = words as [string, ...string[]];
    const rows = await getDb()
      .summaries.where('words')
      .startsWith(first)
      .distinct()
      .limit(200)
      .toArray();
    const out: ContactOption[] = [];
    for (const r of rows) {
      if (r.contactId === excludeId) continue;
      if (!rest.every((w) => r.words.some((x) => x.startsWith(w)))) continue;
      out.push({ id: r.contactId, name: r.name, ...(r.company ? { company: r.company } : {}) });
    }
    const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    return out.sort((a, b) => collator.compare(a.name, b.name)).slice(0, limit);
  }, [query, excludeId, limit]);
}

// ---------------------------------------------------------------------------------------------
// Writing: occasions

/** Create or change an occasion; returns it and, for a change, what it was before (undo). */
export async function saveOccasionInput(
  input: OccasionInputOf,
  id?: string,
): Promise<WriteResult<{ saved: Occasion; before?: Occasion }>> {
  try {
    const db = getDb();
    const before = id ? await db.occasions.get(id) : undefined;
    const saved = await saveOccasion(db, id ? { ...input, id } : input, new Date());
    return { ok: true, value: before ? { saved, before } : { saved } };
  } catch (e) {
    return failure(e, (path) => ({ field: String(path[0] ?? 'form') }));
  }
}

/** Delete an occasion (and take it off every contact); returns what undo puts back. */
export function removeOccasion(id: string): Promise<DeletedOccasion> {
  return deleteOccasion(getDb(), id);
}

/** Undo of a delete, or of a change (the occasion as it was, attached to no one new). */
export function putBackOccasion(deleted: DeletedOccasion): Promise<void> {
  return restoreOccasion(getDb(), deleted);
}

/** Attach an occasion to these contacts' next touch; returns those it was attached to now. */
export function attachTo(occasionId: string, contactIds: readonly string[]): Promise<string[]> {
  return attachOccasion(getDb(), occasionId, contactIds, new Date());
}

export function detachFrom(occasionId: string, contactIds: readonly string[]): Promise<void> {
  return detachOccasion(getDb(), occasionId, contactIds, new Date());
}

// ---------------------------------------------------------------------------------------------
// Writing: what moves the customer

export async function noteConcern(
  contactId: string,
  input: { text: string; until?: string },
  timeZone?: string,
): Promise<WriteResult<Concern>> {
  try {
    return { ok: true, value: await addConcern(getDb(), contactId, input, new Date(), timeZone) };
  } catch (e) {
    return failure(e, (path) => ({ field: String(path[0] ?? 'form') }));
  }
}

export function setConcernClosed(
  contactId: string,
  concernId: string,
  closed: boolean,
  timeZone?: string,
): Promise<void> {
  return closeConcern(getDb(), contactId, concernId, new Date(), timeZone, !closed);
}

/**
 * Put a contact's concerns as given (an edited concern, or the list as it was before: undo).
 * Validated by the model: a text, real days, an end not before the day it was noted.
 */
export async function putConcerns(
  contactId: string,
  concerns: Concern[],
): Promise<WriteResult<Contact>> {
  try {
    return {
      ok: true,
      // No concern left: the key goes, as when the last one is removed.
      value: await updateContact(
        getDb(),
        contactId,
        { concerns: concerns.length ? concerns : undefined },
        new Date(),
      ),
    };
  } catch (e) {
    return failure(e, (path) => ({
      field: path[0] === 'concerns' ? String(path[2] ?? 'text') : 'form',
    }));
  }
}
