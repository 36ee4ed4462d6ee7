// Which existing contacts a person from a page or an import might be (the core's duplicate rule),
// found through the indexes instead of reading every contact: same e-mail, same profile URL, or a
// contact whose words share the company's (the name rule only applies within one company).
import { findDraftDuplicates, type DuplicateMatch, type PersonDraft } from '../core';
import type { Contact } from '../model';
import { searchWords } from './derived';
import { findByEmail, findByProfileUrl } from './repo';
import type { KundennahDB } from './database';

const LEGAL_FORMS = new Set([
  'gmbh',
  'mbh',
  'ohg',
  'gbr',
  'kgaa',
  'und',
  'the',
  'inc',
  'ltd',
  'llc',
]);

export async function findSimilarContacts(
  db: KundennahDB,
  draft: PersonDraft,
): Promise<{ match: DuplicateMatch; contact: Contact }[]> {
  const ids = new Set<string>();
  for (const e of draft.emails ?? []) for (const c of await findByEmail(db, e)) ids.add(c.id);
  for (const u of draft.profileUrls ?? [])
    for (const c of await findByProfileUrl(db, u)) ids.add(c.id);
  if (draft.company?.trim()) {
    const words = searchWords([draft.company]).filter((w) => w.length >= 3 && !LEGAL_FORMS.has(w));
    if (words.length)
      for (const id of await db.summaries.where('words').anyOf(words).limit(5000).primaryKeys())
        ids.add(id);
  }
  if (!ids.size) return [];
  const contacts = (await db.contacts.bulkGet([...ids])).filter((c): c is Contact => !!c);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return findDraftDuplicates(draft, contacts).flatMap((match) => {
    const contact = byId.get(match.contactId);
    return contact ? [{ match, contact }] : [];
  });
}
