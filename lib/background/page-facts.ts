// Keeping a contact fresh from the page (issue 14, 2 and 3): the panel's writes that take over a new
// position from the person's profile (or decline it), fill in the facts the advice needs, and say
// whether a name shown without any address is a contact — each one transaction on the contact, with
// the fields' values before kept in the reply so that undo restores them. And the lookup of the
// contacts who have the name a page shows.
import { nameKey, positionChange } from '../core';
import { NotFoundError, updateContact, type KundennahDB } from '../db';
import {
  CONTACT_FIELDS_FROM_PAGE,
  type ContactFieldFromPage,
  type Created,
  type PanelRequest,
} from '../messaging';
import type { Contact, ContactInput } from '../model';

export const PAGE_FACT_ACTIONS = [
  'take-position',
  'decline-position',
  'fill-facts',
  'confirm-name',
] as const;
export type PageFactRequest = Extract<PanelRequest, { action: (typeof PAGE_FACT_ACTIONS)[number] }>;

export function isPageFactRequest(r: PanelRequest): r is PageFactRequest {
  return (PAGE_FACT_ACTIONS as readonly string[]).includes(r.action);
}

const isField = (k: string): k is ContactFieldFromPage =>
  (CONTACT_FIELDS_FROM_PAGE as readonly string[]).includes(k);

/** Change some fields of a contact in one transaction; returns what undo needs to restore them. */
async function patchContact(
  db: KundennahDB,
  id: string,
  make: (c: Contact) => Partial<Pick<ContactInput, ContactFieldFromPage>>,
  now: Date,
): Promise<Created> {
  return db.transaction('rw', db.contacts, async () => {
    const c = await db.contacts.get(id);
    if (!c) throw new NotFoundError('Contact', id);
    const patch = make(c);
    const before: Partial<Record<ContactFieldFromPage, unknown>> = {};
    for (const k of Object.keys(patch)) if (isField(k)) before[k] = c[k] ?? null;
    await updateContact(db, id, patch, now);
    return { table: 'contactFields', id, before };
  });
}

const text = (s: string | undefined) => (s?.trim() ? s.replace(/\s+/g, ' ').trim() : undefined);

/** One of the page actions: the change is written, and the reply says how to take it back. */
export async function handlePageFact(
  request: PageFactRequest,
  db: KundennahDB,
  now: Date,
): Promise<Created> {
  const at = now.toISOString();
  switch (request.action) {
    case 'take-position': {
      const headline = text(request.headline);
      const company = text(request.company);
      return patchContact(
        db,
        request.contactId,
        (c) => ({
          // The headline is what the profile says the person does: it becomes the position shown.
          ...(headline ? { headline, position: headline } : {}),
          ...(company ? { company } : {}),
          // A new job is worth a congratulation; a gap filled (nothing was stored) is not.
          ...(positionChange(c, { headline, company })?.replaces
            ? { jobChange: { at, headline, company } }
            : {}),
          positionDeclined: undefined,
        }),
        now,
      );
    }
    case 'decline-position':
      return patchContact(
        db,
        request.contactId,
        () => ({
          positionDeclined: {
            at,
            headline: text(request.headline),
            company: text(request.company),
          },
        }),
        now,
      );
    case 'fill-facts':
      return patchContact(
        db,
        request.contactId,
        (c) => ({
          ...(request.birthday ? { birthday: request.birthday } : {}),
          ...(request.preferredChannels?.length
            ? { preferredChannels: [...c.preferredChannels, ...request.preferredChannels] }
            : {}),
          ...(request.interests?.some((i) => i.trim())
            ? { interests: [...c.interests, ...request.interests] }
            : {}),
          ...(request.address ? { address: request.address } : {}),
        }),
        now,
      );
    case 'confirm-name': {
      const key = nameKey(request.name);
      return patchContact(
        db,
        request.contactId,
        (c) => ({
          // One answer per name: the latest replaces an earlier one.
          pageNames: [
            ...(c.pageNames ?? []).filter((p) => nameKey(p.name) !== key),
            { name: request.name.trim(), same: request.same, at },
          ],
        }),
        now,
      );
    }
  }
}

/** Undo of a page action: the fields as they were (null: not set). */
export async function restoreFields(
  db: KundennahDB,
  contactId: string,
  before: Partial<Record<ContactFieldFromPage, unknown>>,
  now: Date,
): Promise<void> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(before)) if (isField(k)) patch[k] = v ?? undefined;
  await updateContact(db, contactId, patch as Partial<ContactInput>, now);
}

/**
 * The contacts whose name is the same as `name` after the duplicate rules' normalisation (folded,
 * titles dropped, any order), found through the search words of the summaries and the name index
 * (a contact added a moment ago has no summary yet).
 */
export async function contactsNamed(db: KundennahDB, name: string): Promise<Contact[]> {
  const key = nameKey(name);
  if (!key) return [];
  const longest = key.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
  const ids = new Set(await db.summaries.where('words').equals(longest).limit(1000).primaryKeys());
  for (const id of await db.contacts.where('name').equalsIgnoreCase(name.trim()).primaryKeys())
    ids.add(id);
  const found = await db.contacts.bulkGet([...ids]);
  return found
    .filter((c): c is Contact => !!c && nameKey(c.name) === key)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
