// The panel's view of one tab: for each person on the page, the card of the contact we know or the
// contacts they might be. Built in the background (the only place with the database for the panel).
import {
  findDraftDuplicates,
  lastPersonalContact,
  reliabilityRecord,
  riskReasons,
  suggestNextTouch,
} from '../core';
import { findByEmail, findByProfileUrl, getHistory, type KundennahDB } from '../db';
import type { ContactCard, PanelPerson, PanelView } from '../messaging';
import type { Contact, Settings } from '../model';
import { loggedTodayIn } from './actions';
import type { Derived } from './derived';
import type { TabContext } from './tab-contexts';

async function matchContact(
  db: KundennahDB,
  person: { email?: string; profileUrl?: string },
): Promise<Contact | undefined> {
  if (person.email) {
    const [hit] = await findByEmail(db, person.email);
    if (hit) return hit;
  }
  if (person.profileUrl) {
    const [hit] = await findByProfileUrl(db, person.profileUrl);
    if (hit) return hit;
  }
  return undefined;
}

export async function buildCard(
  db: KundennahDB,
  derived: Derived,
  contactId: string,
  tab: TabContext | undefined,
  settings: Settings,
  now: Date,
): Promise<ContactCard | null> {
  const history = await getHistory(db, contactId);
  if (!history) return null;
  const tiers = await derived.tiers(settings, now);
  const { tier, reason } = tiers[contactId] ?? { tier: 'C' as const, reason: '' };
  const reliability = reliabilityRecord(history, settings, now);
  return {
    contact: history.contact,
    tier,
    tierReason: reason,
    suggestion: suggestNextTouch(history, tier, settings, now),
    lastPersonal: lastPersonalContact(history, settings, now)?.interaction ?? null,
    openCommitments: history.commitments
      .filter((c) => !c.doneAt)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    risks: riskReasons(history, tier, settings, now),
    reliability: reliability.total > 0 ? reliability.sentence : null,
    loggedToday: loggedTodayIn(history, {
      now,
      timeZone: settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      context: tab?.context ?? null,
      url: tab?.url,
    }),
  };
}

export async function buildPanelView(
  db: KundennahDB,
  derived: Derived,
  tab: TabContext | undefined,
  settings: Settings,
  now: Date,
): Promise<PanelView> {
  const context = tab?.context ?? null;
  const people: PanelPerson[] = [];
  let everyone: Contact[] | undefined;
  for (const fromPage of context?.people ?? []) {
    const contact = await matchContact(db, fromPage);
    if (contact) {
      people.push({
        fromPage,
        card: await buildCard(db, derived, contact.id, tab, settings, now),
        similar: [],
      });
      continue;
    }
    everyone ??= await db.contacts.toArray();
    const byId = new Map(everyone.map((c) => [c.id, c]));
    const similar = fromPage.name
      ? findDraftDuplicates(
          {
            name: fromPage.name,
            emails: fromPage.email ? [fromPage.email] : [],
            profileUrls: fromPage.profileUrl ? [fromPage.profileUrl] : [],
            company: context?.company,
          },
          everyone,
        )
          .slice(0, 5)
          .flatMap((m) => {
            const c = byId.get(m.contactId);
            return c
              ? [{ id: c.id, name: c.name, company: c.company, reason: m.reasons[0] ?? '' }]
              : [];
          })
      : [];
    people.push({ fromPage, card: null, similar });
  }
  return {
    locale: settings.locale,
    timeZone: settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    context,
    people,
  };
}
