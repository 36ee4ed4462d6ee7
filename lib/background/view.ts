// The panel's view of one tab: for each person on the page, the card of the contact we know or the
// contacts they might be. Built in the background (the only place with the database for the panel).
// Tier, next touch and warnings come from the contact's summary row — the numbers the popup and the
// dashboard show — and are computed here only while that row is missing or from another day (a
// contact added a moment ago, before the deriver followed).
import {
  contactTouches,
  createContext,
  lastPersonalContactIn,
  normalizeHistory,
  openCommitmentsIn,
  reliabilityRecordIn,
  riskReasonsIn,
  type CoreContext,
} from '../core';
import {
  findByEmail,
  findByProfileUrl,
  findSimilarContacts,
  getHistory,
  isDismissed,
  tierInputs,
  tiersIn,
  type KundennahDB,
} from '../db';
import type { ContactCard, PanelPerson, PanelView, TodayItem } from '../messaging';
import type { Contact, Settings } from '../model';
import { channelOfSite } from './actions';
import { loggedTodayIn } from './logged-today';
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

async function buildCard(
  db: KundennahDB,
  contactId: string,
  tab: TabContext | undefined,
  ctx: CoreContext,
  now: Date,
): Promise<ContactCard | null> {
  const stored = await getHistory(db, contactId);
  const history = stored && normalizeHistory(stored);
  if (!history) return null;
  const summary = await db.summaries.get(contactId);
  let tier, tierReason, suggestion, risks;
  let today: TodayItem[];
  const item = (s: TodayItem): TodayItem => ({
    kind: s.kind,
    channel: s.channel,
    due: s.due,
    reasons: s.reasons,
  });
  if (summary && summary.day === ctx.todayIso) {
    ({ tier, tierReason } = summary);
    suggestion = summary.next;
    risks = summary.risks;
    // Today's items of this person, as the popup shows them (the deriver's rows, in rank order).
    const rows = await db.agenda.where('contactId').equals(contactId).toArray();
    today = rows
      .filter((r) => r.day === ctx.todayIso)
      .sort((a, b) => a.rank - b.rank)
      .map(item);
  } else {
    // The tier needs everyone's revenue (a contact added a moment ago has no summary yet).
    const t = tiersIn(await tierInputs(db), ctx)[contactId] ?? { tier: 'C' as const, reason: '' };
    tier = t.tier;
    tierReason = t.reason;
    const touches = contactTouches(history, tier, ctx);
    suggestion = touches.next?.suggestion ?? null;
    risks = riskReasonsIn(history, tier, ctx);
    const dismissed = new Map(
      (await db.dismissals.where('contactId').equals(contactId).toArray()).map((d) => [d.kind, d]),
    );
    today = [...touches.agenda]
      .sort((a, b) => a.rank - b.rank)
      .map((e) => e.suggestion)
      .filter((s) => !isDismissed(s, dismissed.get(s.kind), ctx.todayIso))
      .map(item);
  }
  const reliability = reliabilityRecordIn(history.commitments, ctx);
  return {
    contact: history.contact,
    tier,
    tierReason,
    suggestion,
    lastPersonal: lastPersonalContactIn(history, ctx)?.interaction ?? null,
    openCommitments: openCommitmentsIn(history, ctx),
    risks,
    reliability: reliability.total > 0 ? reliability.sentence : null,
    loggedToday: loggedTodayIn(history, {
      now,
      timeZone: ctx.s.timeZone,
      context: tab?.context ?? null,
      url: tab?.url,
    }),
    today,
  };
}

export async function buildPanelView(
  db: KundennahDB,
  tab: TabContext | undefined,
  settings: Settings,
  now: Date,
): Promise<PanelView> {
  const ctx = createContext(settings, now);
  const context = tab?.context ?? null;
  const people: PanelPerson[] = [];
  for (const fromPage of context?.people ?? []) {
    const contact = await matchContact(db, fromPage);
    if (contact) {
      people.push({ fromPage, card: await buildCard(db, contact.id, tab, ctx, now), similar: [] });
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
    timeZone: ctx.s.timeZone,
    context,
    logChannel: channelOfSite(context?.site),
    people,
  };
}
