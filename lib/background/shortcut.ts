// The "log a contact" keyboard shortcut: logs a personal contact with the known person on the current
// page (the first known one when several are there) and tells the user what happened.
import { findByEmail, findByProfileUrl, type KundennahDB } from '../db';
import { translate, type Locale } from '../i18n';
import type { PageContext } from '../sites/page-context-schema';
import { handlePanelRequest } from './actions';

export async function knownPersonOnPage(
  db: KundennahDB,
  context: PageContext | null | undefined,
): Promise<{ id: string; name: string } | undefined> {
  for (const p of context?.people ?? []) {
    const hit =
      (p.email ? (await findByEmail(db, p.email))[0] : undefined) ??
      (p.profileUrl ? (await findByProfileUrl(db, p.profileUrl))[0] : undefined);
    if (hit) return { id: hit.id, name: hit.name };
  }
  return undefined;
}

/** Log the contact; returns the sentence to show the user. */
export async function logFromShortcut(env: {
  db: KundennahDB;
  now: Date;
  timeZone: string;
  locale: Locale;
  context: PageContext | null;
  url: string | undefined;
}): Promise<{ ok: boolean; text: string }> {
  const person = await knownPersonOnPage(env.db, env.context);
  if (!person) return { ok: false, text: translate(env.locale, 'bg.noPerson') };
  const reply = await handlePanelRequest({ action: 'log-contact', contactId: person.id }, env);
  if (reply.ok)
    return { ok: true, text: translate(env.locale, 'bg.logged', { name: person.name }) };
  if (reply.error?.code === 'logged-today')
    return { ok: true, text: translate(env.locale, 'bg.loggedAlready', { name: person.name }) };
  return { ok: false, text: reply.error?.message ?? '' };
}
