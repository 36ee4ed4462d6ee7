// The panel's view of one tab: for each person on the page, the card of the contact we know or the
// contacts they might be. Built in the background (the only place with the database for the panel).
import {
  computeTiers,
  lastPersonalContact,
  reliabilityRecord,
  riskReasons,
  suggestNextTouch,
} from '../core';
import {
  findByEmail,
  findByProfileUrl,
  findSimilarContacts,
  getHistory,
  tierInputs,
  type KundennahDB,
} from '../db';
import type { ContactCard, PanelPerson, PanelView } from '../messaging';
import type { Contact, Settings } from '../model';
import { loggedTodayIn } from './actions';
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
  contactId: string,
  tab: TabContext | undefined,
  settings: Settings,
  now: Date,
): Promise<ContactCard | null> {
  const history = await getHistory(db, contactId);
  if (!history) return null;
  // The tier needs everyone's revenue: the background keeps it in the contact's summary row.
  const summary = await db.summaries.get(contactId);
  const { tier, reason } = summary
    ? { tier: summary.tier, reason: summary.tierReason }
    : await tierOf(db, contactId, settings, now);
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

/** Without a summary row yet (a contact added a moment ago): compute the tier from scratch. */
async function tierOf(db: KundennahDB, contactId: string, settings: Settings, now: Date) {
  const tiers = computeTiers(await tierInputs(db), settings, now);
  return tiers[contactId] ?? { tier: 'C' as const, reason: '' };
}

export async function buildPanelView(
  db: KundennahDB,
  tab: TabContext | undefined,
  settings: Settings,
  now: Date,
): Promise<PanelView> {
  const context = tab?.context ?? null;
  const people: PanelPerson[] = [];
  for (const fromPage of context?.people ?? []) {
    const contact = await matchContact(db, fromPage);
    if (contact) {
      people.push({
        fromPage,
        card: await buildCard(db, contact.id, tab, settings, now),
        similar: [],
      });
      continue;
    }
    const similar = fromPage.name
      ? (
          await findSimilarContacts(db, {
            name: fromPage.name,
            emails: fromPage.email ? [fromPage.email] : [],
            profileUrls: fromPage.profileUrl ? [fromPage.profileUrl] : [],
            company: context?.company,
          })
        )
          .slice(0, 5)
          .map(({ match, contact: c }) => ({
            id: c.id,
            name: c.name,
            company: c.company,
            reason: match.reasons[0] ?? '',
          }))
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
