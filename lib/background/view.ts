// The panel's view of one tab: for each person on the page, the card of the contact we know or the
// contacts they might be. Built in the background (the only place with the database for the panel).
// Tier, next touch and warnings come from the contact's summary row — the numbers the popup and the
// dashboard show — and are computed here only while that row is missing or from another day (a
// contact added a moment ago, before the deriver followed).
import {
  FIT_THRESHOLD,
  broughtOccasionIds,
  concernIsOpen,
  contactTouches,
  createContext,
  fitsOf,
  fitsText,
  knownFirst,
  lastBrought,
  missingFacts,
  nameOnly,
  pageNameVerdict,
  positionChange,
  positionText,
  lastPersonalContactIn,
  normalizeHistory,
  openCommitmentsIn,
  referralsOf,
  relevanceOf,
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
import type { CardOccasion, ContactCard, PanelPerson, PanelView, TodayItem } from '../messaging';
import type { Contact, ContactHistory, Occasion, Settings } from '../model';
import { channelOfSite } from './actions';
import { loggedTodayIn } from './logged-today';
import { contactsNamed } from './page-facts';
import { threadFacts } from './thread-view';
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

/** How many fitting occasions the card offers to attach. */
export const FITTING_SHOWN = 3;

function cardOccasion(o: Occasion): CardOccasion {
  const out: CardOccasion = { id: o.id, kind: o.kind, title: o.title };
  if (o.text) out.text = o.text;
  return out;
}

/**
 * What to bring (issue "Something to bring to every touch"): the open concerns, who recommended
 * them and whom they recommended, what was brought last, the occasions attached and not brought
 * yet, and the current occasions that fit best (neither attached nor brought), each with why.
 */
async function bringFacts(
  db: KundennahDB,
  history: ContactHistory,
  ctx: CoreContext,
): Promise<
  Pick<ContactCard, 'concerns' | 'referredBy' | 'referrals' | 'lastBrought' | 'planned' | 'fitting'>
> {
  const c = history.contact;
  const concerns = (c.concerns ?? [])
    .filter((k) => concernIsOpen(k, ctx.todayIso))
    .sort((a, b) => (a.notedAt < b.notedAt ? 1 : a.notedAt > b.notedAt ? -1 : 0));
  const referrer = c.referredBy ? await db.contacts.get(c.referredBy) : undefined;
  const refs = referralsOf(history, ctx);
  const last = lastBrought(history, ctx)?.rec;
  const brought = broughtOccasionIds(history);
  const plannedIds = new Set<string>();
  const planned: CardOccasion[] = [];
  for (const p of c.plannedOccasions ?? []) {
    const o = ctx.occasions.get(p.occasionId);
    if (!o || brought.has(o.id) || plannedIds.has(o.id)) continue;
    plannedIds.add(o.id);
    if (o.validUntil && o.validUntil < ctx.todayIso) continue;
    planned.push(cardOccasion(o));
  }
  const fitting = ctx
    .currentOccasions()
    .filter((terms) => !plannedIds.has(terms.occasion.id) && !brought.has(terms.occasion.id))
    .map((terms) => {
      const fits = fitsOf(terms, c, history.purchases, ctx);
      return { occasion: terms.occasion, fits, relevance: relevanceOf(fits) };
    })
    .filter((m) => m.relevance >= FIT_THRESHOLD)
    .sort(
      (a, b) =>
        b.relevance - a.relevance ||
        a.occasion.title.localeCompare(b.occasion.title) ||
        (a.occasion.id < b.occasion.id ? -1 : 1),
    )
    .slice(0, FITTING_SHOWN)
    .map((m) => ({ ...cardOccasion(m.occasion), fits: fitsText(m.fits, ctx.s.locale, 2) }));
  return {
    concerns,
    referredBy: referrer ? { id: referrer.id, name: referrer.name } : null,
    referrals: refs.length
      ? {
          count: refs.length,
          customers: refs.filter((r) => r.first).length,
          revenueCents: refs.reduce((sum, r) => sum + r.revenueCents, 0),
        }
      : null,
    lastBrought: last?.brought
      ? {
          at: last.at,
          kind: last.brought.kind,
          ...(last.brought.text ? { text: last.brought.text } : {}),
        }
      : null,
    planned,
    fitting,
  };
}

async function buildCard(
  db: KundennahDB,
  contactId: string,
  tab: TabContext | undefined,
  ctx: CoreContext,
  now: Date,
): Promise<ContactCard | null> {
  // The reads of one card at once: each is a transaction of its own.
  const [stored, summary, agendaRows] = await Promise.all([
    getHistory(db, contactId),
    db.summaries.get(contactId),
    db.agenda.where('contactId').equals(contactId).toArray(),
  ]);
  const history = stored && normalizeHistory(stored);
  if (!history) return null;
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
    today = agendaRows
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
  // On the person's own profile: the position it shows, when it differs from the stored one.
  const page = tab?.context;
  const change =
    page?.kind === 'profile' && (page.site === 'xing' || page.site === 'linkedin')
      ? positionChange(history.contact, { headline: page.headline, company: page.company })
      : null;
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
    ...(await bringFacts(db, history, ctx)),
    positionChange: change ? { ...change, text: positionText(ctx.s.locale, change) } : null,
    missing: missingFacts(history.contact, tier),
    thread: threadFacts(history, tab?.context ?? null, tab?.url, ctx),
  };
}

export async function buildPanelView(
  db: KundennahDB,
  tab: TabContext | undefined,
  settings: Settings,
  now: Date,
): Promise<PanelView> {
  const context = tab?.context ?? null;
  // Occasions only matter when someone on the page is known; most pages name nobody. They are
  // read while the people are looked up.
  const occasions = context?.people.length ? db.occasions.toArray() : Promise.resolve([]);
  let computation: Promise<CoreContext> | undefined;
  const contextOf = () =>
    (computation ??= occasions.then((list) => createContext(settings, now, list)));
  // Everyone on the page at once: the lookups of a thread with a dozen people overlap instead of
  // waiting for one another (the panel shows nothing until the whole view is built).
  const people = await Promise.all(
    (context?.people ?? []).map(async (fromPage): Promise<PanelPerson> => {
      let contact = await matchContact(db, fromPage);
      // A name without any address (issue 14, 3): a contact of that name the user confirmed is
      // this person; the others of that name (not denied) are asked about.
      let sameName: Contact[] = [];
      if (!contact && nameOnly(fromPage)) {
        const named = await contactsNamed(db, fromPage.name!);
        contact = named.find((c) => pageNameVerdict(c, fromPage.name) === true);
        sameName = named.filter((c) => pageNameVerdict(c, fromPage.name) === undefined);
      }
      if (contact)
        return {
          fromPage,
          card: await buildCard(db, contact.id, tab, await contextOf(), now),
          similar: [],
        };
      if (sameName.length)
        return {
          fromPage,
          card: null,
          similar: [],
          sameName: sameName.slice(0, 5).map((c) => ({
            id: c.id,
            name: c.name,
            ...(c.company ? { company: c.company } : {}),
          })),
        };
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
      return { fromPage, card: null, similar };
    }),
  );
  const ctx = await contextOf();
  return {
    locale: settings.locale,
    timeZone: ctx.s.timeZone,
    context,
    logChannel: channelOfSite(context?.site),
    // The first known person is shown first (issue 14, 3).
    people: knownFirst(people, (p) => (p.card ? 0 : p.sameName?.length ? 1 : 2)),
    ...(context && tab?.unreadable ? { unreadable: tab.unreadable } : {}),
  };
}
