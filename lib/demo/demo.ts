// The demo data set: about 40 German customers of a freelance consultant, with two years of history,
// dated relative to `now` so that the demo always looks current.

import type {
  Channel,
  Commitment,
  Contact,
  ContactHistory,
  DayOfYear,
  Feedback,
  FollowUp,
  Interaction,
  Occasion,
  Purchase,
  Tier,
} from '../model';
import { isLeapYear } from '../model/dates';
import { Calendar, runtimeTimeZone } from './calendar';
import {
  COMPANIES,
  CUSTOMER_EVENINGS,
  OCCASIONS,
  PEOPLE,
  type BirthdaySpec,
  type CompanySpec,
  type PersonSpec,
} from './cast';
import { businessSummary, personalSummary, subjectOf } from './phrases';
import { DEFAULT_SEED, Rng, deriveSeed } from './random';
import { CITIES, NEWSLETTER_TOPICS, phoneNumber, slug, xingSlug } from './text';

export interface DemoOptions {
  now: Date;
  seed?: number;
  /** IANA zone whose calendar days the data is laid out in; default: the runtime's zone (as the
   * settings' default). */
  timeZone?: string;
}

/** How far back the history goes. */
const HISTORY_DAYS = 730;

interface PersonState {
  spec: PersonSpec;
  company: CompanySpec;
  tier: Tier;
  contact: Contact;
  interactions: Interaction[];
  commitments: Commitment[];
  feedback: Feedback[];
  purchases: Purchase[];
  followUps: FollowUp[];
  /** Days (offsets) with a scripted personal contact, and the instant of each. */
  scriptedDays: number[];
  scriptedAt: Map<number, string>;
  xingUrl?: string;
  linkedinUrl?: string;
}

/** Drops keys whose value is undefined, so records carry only what is set. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

function resolveBirthday(spec: BirthdaySpec, cal: Calendar): DayOfYear {
  const thisYear = cal.ymd(0).year;
  let month: number;
  let day: number;
  let year: number | undefined;
  if ('inDays' in spec) {
    const d = cal.ymd(spec.inDays);
    month = d.month;
    day = d.day;
    year = spec.turns === undefined ? undefined : d.year - spec.turns;
    if (year !== undefined && month === 2 && day === 29 && !isLeapYear(year)) year = undefined;
  } else {
    month = spec.month;
    day = spec.day;
    if (spec.age !== undefined) {
      year = thisYear - spec.age;
      if (month === 2 && day === 29) while (!isLeapYear(year)) year--;
    }
  }
  return year === undefined ? { month, day } : { month, day, year };
}

/** Offsets of a birthday's occurrences in the calendar years around today (29 February falls on
 * 28 February in other years). */
function birthdayOffsets(b: DayOfYear, cal: Calendar): number[] {
  const thisYear = cal.ymd(0).year;
  const out: number[] = [];
  for (let y = thisYear - 3; y <= thisYear + 1; y++) {
    const day = b.month === 2 && b.day === 29 && !isLeapYear(y) ? 28 : b.day;
    out.push(cal.offsetOf(y, b.month, day));
  }
  return out;
}

/** The demo customers' histories (see `generateDemo`). */
export function generateDemoData(options: DemoOptions): ContactHistory[] {
  return generateDemo(options).histories;
}

/** The demo data set: the customers' histories and the occasions the consultant has to bring. */
export function generateDemo(options: DemoOptions): {
  histories: ContactHistory[];
  occasions: Occasion[];
} {
  const cal = new Calendar(options.now, options.timeZone ?? runtimeTimeZone());
  const seed = options.seed ?? DEFAULT_SEED;
  const ids = new Rng(deriveSeed(seed, 'demo-ids'));
  // Occasions and concerns draw their ids from a stream of their own, so that the rest of the
  // data set stays what it was before they were added.
  const bringIds = new Rng(deriveSeed(seed, 'demo-bring'));
  const occasions: Occasion[] = OCCASIONS.map((o) =>
    compact({
      id: bringIds.uuid(),
      kind: o.kind,
      title: o.title,
      text: o.text,
      keywords: [...o.keywords],
      validFrom: o.validFrom === undefined ? undefined : cal.day(o.validFrom),
      validUntil: o.validUntil === undefined ? undefined : cal.day(o.validUntil),
      createdAt: cal.instant(o.created, 8 * 60 + 50),
      updatedAt: cal.instant(o.created, 8 * 60 + 50),
    }),
  );
  const occasionId = (key: string): string => {
    const i = OCCASIONS.findIndex((o) => o.key === key);
    if (i < 0) throw new Error(`demo cast: unknown occasion ${key}`);
    return occasions[i]!.id;
  };
  const rng = new Rng(deriveSeed(seed, 'demo'));
  const companies = new Map(COMPANIES.map((c) => [c.key, c]));
  const minuteAt = (h: number, m = 0) => h * 60 + m;

  // ---- contacts ----------------------------------------------------------------------------
  const states: PersonState[] = PEOPLE.map((spec) => {
    const company = companies.get(spec.company);
    if (!company) throw new Error(`demo cast: unknown company ${spec.company}`);
    const city = CITIES.find((c) => c.city === company.city)!;
    const xingUrl =
      spec.xing === undefined
        ? undefined
        : `https://www.xing.com/profile/${xingSlug(spec.first, spec.last)}${spec.xing === true ? '' : spec.xing}`;
    const linkedinUrl = spec.linkedin
      ? `https://www.linkedin.com/in/${slug(spec.first)}-${slug(spec.last)}-${rng.hex(6)}`
      : undefined;
    const latest = Math.max(
      spec.lastContact,
      spec.lost?.at ?? -Infinity,
      spec.lost?.exitConversationAt ?? -Infinity,
    );
    const contact: Contact = compact({
      id: ids.uuid(),
      name: [spec.title, spec.first, spec.last].filter(Boolean).join(' '),
      emails: spec.emails.map((e) => (e.includes('@') ? e : `${e}@${company.domain}`)),
      phones: spec.phones.map((ext) => phoneNumber(city.prefix, ext)),
      company: company.name || undefined,
      position: spec.position,
      profileUrls: [xingUrl, linkedinUrl].filter((u): u is string => u !== undefined),
      status: spec.status ?? 'active',
      lost: undefined,
      potential: spec.potential,
      birthday: spec.birthday ? resolveBirthday(spec.birthday, cal) : undefined,
      partner: spec.partner
        ? compact({
            name: spec.partner.name,
            birthday: spec.partner.birthday
              ? resolveBirthday(spec.partner.birthday, cal)
              : undefined,
          })
        : undefined,
      preferredChannels: [...spec.channels],
      interests: [...spec.interests],
      preferences: spec.preferences,
      howWeMet: spec.howWeMet,
      address: spec.address,
      avoid: spec.avoid
        ? compact({
            months: spec.avoid.months ? [...spec.avoid.months] : undefined,
            weekdays: spec.avoid.weekdays ? [...spec.avoid.weekdays] : undefined,
            hours: spec.avoid.hours ? { ...spec.avoid.hours } : undefined,
          })
        : undefined,
      plan: spec.plan ? { ...spec.plan } : undefined,
      notes: spec.notes,
      concerns: spec.concerns?.map((k) =>
        compact({
          id: bringIds.uuid(),
          text: k.text,
          notedAt: cal.day(k.noted),
          until: k.until === undefined ? undefined : cal.day(k.until),
          closedAt: k.closed === undefined ? undefined : cal.day(k.closed),
        }),
      ),
      plannedOccasions: spec.planned?.map((p) => ({
        occasionId: occasionId(p.occasion),
        at: cal.instant(p.at, minuteAt(8, 55)),
      })),
      createdAt: cal.instant(spec.since, minuteAt(9, 15)),
      updatedAt: cal.instant(latest, minuteAt(17, 40)),
    });
    return {
      spec,
      company,
      tier: company.tier,
      contact,
      interactions: [],
      commitments: [],
      feedback: [],
      purchases: [],
      followUps: [],
      scriptedDays: [],
      scriptedAt: new Map(),
      xingUrl,
      linkedinUrl,
    };
  });
  const byKey = new Map(states.map((s) => [s.spec.key, s]));
  for (const st of states) {
    if (st.spec.referredBy === undefined) continue;
    const referrer = byKey.get(st.spec.referredBy);
    if (!referrer) throw new Error(`demo cast: unknown referrer ${st.spec.referredBy}`);
    st.contact.referredBy = referrer.contact.id;
  }

  // ---- helpers -----------------------------------------------------------------------------
  /** Monday to Friday, not Christmas Eve to Boxing Day, New Year's Eve or New Year's Day. */
  const isWorkday = (offset: number): boolean => {
    if (cal.weekday(offset) >= 6) return false;
    const { month, day } = cal.ymd(offset);
    return !(
      (month === 12 && (day === 24 || day === 25 || day === 26 || day === 31)) ||
      (month === 1 && day === 1)
    );
  };
  const workdayOnOrBefore = (offset: number): number => {
    let o = offset;
    while (!isWorkday(o)) o--;
    return o;
  };
  const isAllowed = (st: PersonState, offset: number): boolean => {
    if (!isWorkday(offset)) return false;
    const avoid = st.spec.avoid;
    if (avoid?.weekdays?.includes(cal.weekday(offset))) return false;
    if (avoid?.months?.includes(cal.month(offset))) return false;
    return true;
  };
  /** The allowed working day on or before `offset`. */
  const allowedOnOrBefore = (st: PersonState, offset: number): number => {
    let o = offset;
    for (let i = 0; i < 400 && !isAllowed(st, o); i++) o--;
    return o;
  };
  const lastPossible = (st: PersonState) => Math.min(st.spec.lastContact, st.spec.rhythmUntil ?? 0);
  const historyStart = (st: PersonState) => Math.max(st.spec.since, -HISTORY_DAYS);

  /** A time of day outside the contact's hours to avoid, between 08:00 and 17:55. */
  const workMinute = (st: PersonState): number => {
    const h = st.spec.avoid?.hours;
    const hours: number[] = [];
    for (let hour = 8; hour <= 17; hour++)
      if (!h || hour < h.from || hour >= h.to) hours.push(hour);
    return minuteAt(hours.length ? rng.pick(hours) : 9, rng.int(0, 11) * 5);
  };

  const profileFor = (st: PersonState, channel: Channel): string | undefined =>
    channel === 'xing' ? st.xingUrl : channel === 'linkedin' ? st.linkedinUrl : undefined;

  const addInteraction = (
    st: PersonState,
    offset: number,
    minute: number,
    channel: Channel,
    direction: 'in' | 'out',
    personal: boolean,
    summary: string,
    subject?: string,
  ): Interaction => {
    let source: Interaction['source'];
    if (channel === 'email' && personal) {
      const threadId = rng.hex(16);
      source = {
        site: 'gmail',
        url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
        threadId,
        subject: subject ?? summary,
      };
    } else if (channel === 'xing' || channel === 'linkedin') {
      const url = profileFor(st, channel);
      source = url ? { site: channel, url } : { site: channel };
    }
    const rec: Interaction = compact({
      id: ids.uuid(),
      contactId: st.contact.id,
      at: cal.instant(offset, minute),
      channel,
      direction,
      personal,
      summary,
      source,
    });
    st.interactions.push(rec);
    return rec;
  };

  const usableChannels = (st: PersonState): Channel[] =>
    st.spec.channels.filter(
      (c) =>
        c !== 'event' &&
        c !== 'gift' &&
        c !== 'other' &&
        ((c !== 'xing' && c !== 'linkedin') || profileFor(st, c) !== undefined),
    );

  const regularContact = (st: PersonState, offset: number) => {
    const prefs = usableChannels(st);
    const weights = prefs.map((_, i) => [0.55, 0.27, 0.12][i] ?? 0.06);
    let channel: Channel;
    if (prefs.length === 0 || rng.chance(0.12)) channel = st.tier === 'C' ? 'email' : 'phone';
    else channel = prefs[rng.weighted(weights)]!;
    const twoWay =
      channel === 'email' || channel === 'phone' || channel === 'xing' || channel === 'linkedin';
    const direction = twoWay && rng.chance(0.3) ? 'in' : 'out';
    const topic = rng.pick(st.company.topics);
    const interest = st.spec.interests.length ? rng.pick(st.spec.interests) : undefined;
    const personal = interest !== undefined && direction === 'out' && rng.chance(0.25);
    const summary = personal
      ? personalSummary(rng, channel, interest, topic)
      : businessSummary(rng, channel, direction, topic);
    const subject = personal ? `Lesetipp: ${interest}` : subjectOf(topic);
    addInteraction(st, offset, workMinute(st), channel, direction, true, summary, subject);
  };

  // ---- scripted contacts -------------------------------------------------------------------
  for (const st of states) {
    for (const ev of st.spec.events ?? []) {
      const minute = ev.channel === 'event' ? minuteAt(8, 0) : workMinute(st);
      // Calls, visits and meetings happen on working days; mail and messages come any day.
      const digital = ev.channel === 'email' || ev.channel === 'xing' || ev.channel === 'linkedin';
      let day = digital ? ev.at : workdayOnOrBefore(ev.at);
      if (day < st.spec.since) for (day = ev.at; !isWorkday(day) && day < -1;) day++;
      const rec = addInteraction(
        st,
        day,
        minute,
        ev.channel,
        ev.direction,
        true,
        ev.summary,
        ev.subject,
      );
      if (ev.brought) {
        const { kind, text, occasion } = ev.brought;
        rec.brought = compact({
          kind,
          text,
          occasionId: occasion === undefined ? undefined : occasionId(occasion),
        });
      }
      st.scriptedDays.push(day);
      st.scriptedAt.set(ev.at, rec.at);
    }
  }

  // ---- the regular rhythm: frequency follows the tier (the cast's cadence) -----------------
  for (const st of states) {
    const cadence = st.spec.cadence;
    if (cadence === undefined) continue;
    const start = historyStart(st);
    let t = st.spec.rhythmUntil ?? st.spec.lastContact;
    while (t >= start) {
      const day = allowedOnOrBefore(st, t);
      if (day < start) break;
      if (!st.scriptedDays.some((d) => Math.abs(d - day) <= 2)) regularContact(st, day);
      t = day - Math.max(3, Math.round(cadence * (0.6 + 0.8 * rng.next())));
    }
  }

  // ---- purchases, each followed by a personal check-in a few days later --------------------
  const checkIn = (st: PersonState, p: Purchase, purchaseOffset: number) => {
    const latest = Math.min(lastPossible(st), -1);
    for (let d = purchaseOffset + rng.int(2, 4); d <= purchaseOffset + 7 && d <= latest; d++) {
      if (!isAllowed(st, d)) continue;
      const channel: Channel = usableChannels(st)[0] === 'email' ? 'email' : 'phone';
      const what = p.description ?? 'Auftrag';
      const summary = rng
        .pick(channel === 'email' ? CHECK_IN_MAIL : CHECK_IN_CALL)
        .replace('{d}', what);
      addInteraction(
        st,
        d,
        workMinute(st),
        channel,
        'out',
        true,
        summary,
        `Kurze Rückfrage: ${what}`,
      );
      return;
    }
  };

  /** `total` (whole tens of euros) in `k` parts of different size. */
  const splitAmount = (total: number, k: number): number[] => {
    const weights = Array.from({ length: k }, () => 0.5 + rng.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.round((total * w) / sum / 10) * 10);
    parts[k - 1] = total - parts.slice(0, k - 1).reduce((a, b) => a + b, 0);
    if (parts[k - 1]! <= 0) throw new Error('demo cast: revenue split failed');
    return parts;
  };

  const workdayIn = (lo: number, hi: number): number => {
    let o = rng.int(lo, hi);
    while (!isWorkday(o) && o > lo) o--;
    while (!isWorkday(o) && o < hi) o++;
    return o;
  };

  for (const company of COMPANIES) {
    const people = states.filter((s) => s.company === company);
    const scripted = people.flatMap((st) => (st.spec.purchases ?? []).map((p) => ({ st, ...p })));
    for (const sp of scripted) {
      const at = workdayOnOrBefore(sp.at);
      const rec: Purchase = {
        id: ids.uuid(),
        contactId: sp.st.contact.id,
        at: cal.day(at),
        amount: sp.amount,
        description: sp.description,
      };
      sp.st.purchases.push(rec);
      if (sp.checkIn !== false && sp.amount > 0) checkIn(sp.st, rec, at);
    }
    for (let year = 0; year < 2; year++) {
      const scriptedSum = scripted
        .filter((p) => (year === 0 ? p.at >= -364 : p.at < -364 && p.at >= -729))
        .reduce((sum, p) => sum + p.amount, 0);
      const target = company.revenue[year]! - scriptedSum;
      const n = company.deals[year]!;
      if (n === 0) {
        if (target !== 0) throw new Error(`demo cast: ${company.key} has revenue but no deals`);
        continue;
      }
      // Each buyer keeps a steady share of the firm's business, so that nobody's own revenue halves
      // by chance (that would be an early warning).
      const weightTotal = company.buyers.reduce((sum, b) => sum + b[1], 0);
      let left = target;
      let product = rng.int(0, company.products.length - 1);
      company.buyers.forEach(([key, weight], bi) => {
        const buyer = byKey.get(key)!;
        const share =
          bi === company.buyers.length - 1
            ? left
            : Math.round((target * weight) / weightTotal / 10) * 10;
        left -= share;
        const deals = Math.max(1, Math.round((n * weight) / weightTotal));
        for (const amount of splitAmount(share, deals)) {
          const lo = Math.max(year === 0 ? -360 : -725, buyer.spec.since + 3);
          const hi = year === 0 ? lastPossible(buyer) - 4 : -370;
          if (lo > hi) throw new Error(`demo cast: no room for a purchase of ${buyer.spec.key}`);
          const at = workdayIn(lo, hi);
          const rec: Purchase = {
            id: ids.uuid(),
            contactId: buyer.contact.id,
            at: cal.day(at),
            amount,
            description: company.products[product++ % company.products.length]!,
          };
          buyer.purchases.push(rec);
          checkIn(buyer, rec, at);
        }
      });
    }
  }

  // ---- touches for the closest customers: birthdays, Christmas, customer evenings ----------
  const inPast = (st: PersonState, offset: number) =>
    offset >= historyStart(st) && offset < st.spec.lastContact && offset <= -1;
  for (const st of states) {
    if (st.spec.status === 'prospect' || st.tier === 'C') continue;
    const until = st.spec.lost ? st.spec.lost.at : 0;
    const b = st.contact.birthday;
    if (b) {
      for (const o of birthdayOffsets(b, cal)) {
        if (!inPast(st, o) || o >= until) continue;
        if (st.tier === 'A')
          addInteraction(
            st,
            o,
            workMinute(st),
            'phone',
            'out',
            true,
            'Zum Geburtstag angerufen und gratuliert',
          );
        else
          addInteraction(
            st,
            o,
            minuteAt(8, 30),
            'letter',
            'out',
            true,
            'Geburtstagskarte geschickt',
          );
      }
    }
    const pb = st.contact.partner?.birthday;
    if (pb && st.contact.partner) {
      for (const o of birthdayOffsets(pb, cal)) {
        if (!inPast(st, o) || o >= until) continue;
        addInteraction(
          st,
          o,
          minuteAt(9, 0),
          'gift',
          'out',
          true,
          `Blumen zum Geburtstag von ${st.contact.partner.name}`,
        );
      }
    }
  }
  const thisYear = cal.ymd(0).year;
  const presents = [
    'Weihnachtspräsent: Riesling vom Weingut Schmitt und eine handgeschriebene Karte',
    'Weihnachtspräsent: Stollen aus der Bäckerei Hübner und eine handgeschriebene Karte',
  ];
  for (let y = thisYear - 2; y <= thisYear; y++) {
    for (const st of states) {
      if (st.spec.status === 'prospect' || st.tier === 'C') continue;
      // Presents go out in the week before Christmas, on a working day.
      let o = cal.offsetOf(y, 12, 16);
      while (cal.weekday(o) >= 6) o--;
      if (!inPast(st, o) || (st.spec.lost && o >= st.spec.lost.at)) continue;
      if (st.tier === 'A' && (st.spec.cadence ?? 99) <= 21) {
        addInteraction(st, o, minuteAt(10, 0), 'gift', 'out', true, presents[y % 2]!);
      } else if (st.company.buyers[0]?.[0] === st.spec.key) {
        addInteraction(
          st,
          o,
          minuteAt(10, 0),
          'letter',
          'out',
          true,
          'Weihnachtskarte, handgeschrieben',
        );
      }
    }
  }
  for (const evening of CUSTOMER_EVENINGS) {
    // Customer evenings are on Thursdays.
    let o = evening.at;
    while (cal.weekday(o) !== 4) o--;
    for (const key of evening.attendees) {
      const st = byKey.get(key);
      if (!st || !inPast(st, o) || (st.spec.lost && o >= st.spec.lost.at)) continue;
      const talk = st.spec.interests.length
        ? rng.pick(st.spec.interests)
        : rng.pick(st.company.topics);
      addInteraction(
        st,
        o,
        minuteAt(19, 0),
        'event',
        'out',
        true,
        `Kundenabend „Digitalisierung zum Anfassen“: lange über ${talk} gesprochen`,
      );
    }
  }

  // ---- mass mailings: recorded, but not personal ---------------------------------------------
  const receivesMail = (st: PersonState, offset: number) =>
    (st.spec.newsletter ?? st.spec.status !== 'prospect') &&
    offset >= st.spec.since &&
    (!st.spec.lost || offset < st.spec.lost.at);
  for (let y = thisYear - 3; y <= thisYear; y++) {
    for (let q = 0; q < 4; q++) {
      // The newsletter goes out on the first Tuesday on or after the 6th of each quarter.
      let o = cal.offsetOf(y, q * 3 + 1, 6);
      while (cal.weekday(o) !== 2) o++;
      if (o < -HISTORY_DAYS || o > -1) continue;
      const topic = NEWSLETTER_TOPICS[(y * 4 + q) % NEWSLETTER_TOPICS.length]!;
      for (const st of states) {
        if (receivesMail(st, o)) {
          addInteraction(
            st,
            o,
            minuteAt(7, 30),
            'email',
            'out',
            false,
            `Newsletter ${q + 1}/${y}: ${topic}`,
          );
        }
      }
    }
  }
  for (const evening of CUSTOMER_EVENINGS) {
    let o = evening.at - 21;
    while (cal.weekday(o) !== 2) o--;
    for (const st of states) {
      if (receivesMail(st, o) && st.spec.status !== 'prospect') {
        addInteraction(
          st,
          o,
          minuteAt(7, 45),
          'email',
          'out',
          false,
          'Einladung zum Kundenabend „Digitalisierung zum Anfassen“ (Serienmail)',
        );
      }
    }
  }

  // ---- routine feedback at the tier's interval, mostly good --------------------------------
  for (const st of states) {
    if (st.spec.status !== undefined || st.spec.feedbackDue) continue;
    const every = st.spec.plan?.feedbackEveryDays ?? FEEDBACK_EVERY[st.tier];
    const scripted = (st.spec.feedback ?? []).map((f) => f.at);
    const start = Math.max(st.spec.since + 30, -HISTORY_DAYS);
    let t = Math.min(st.spec.lastContact, -Math.round(every * (0.15 + 0.6 * rng.next())));
    for (; t >= start; t -= Math.round(every * (0.9 + 0.25 * rng.next()))) {
      if (scripted.some((d) => Math.abs(d - t) <= 20)) continue;
      const product = RATINGS[rng.weighted(RATING_WEIGHTS)]!;
      const service = RATINGS[rng.weighted(RATING_WEIGHTS)]!;
      const note = rng.chance(0.3)
        ? rng.pick(Math.min(product, service) >= 4 ? GOOD_NOTES : MIXED_NOTES)
        : undefined;
      st.feedback.push(
        compact({
          id: ids.uuid(),
          contactId: st.contact.id,
          at: cal.instant(t, workMinute(st)),
          product,
          service,
          note,
          complaint: false,
        }),
      );
    }
  }

  // ---- promises, feedback, follow-ups, lost ------------------------------------------------
  for (const st of states) {
    const { spec, contact } = st;
    for (const c of spec.commitments ?? []) {
      st.commitments.push(
        compact({
          id: ids.uuid(),
          contactId: contact.id,
          text: c.text,
          createdAt: cal.instant(c.created, minuteAt(16, 20)),
          dueAt: cal.day(c.due),
          doneAt: c.done === undefined ? undefined : cal.instant(c.done, minuteAt(15, 10)),
        }),
      );
    }
    for (const f of spec.feedback ?? []) {
      st.feedback.push(
        compact({
          id: ids.uuid(),
          contactId: contact.id,
          at: cal.instant(f.at, minuteAt(11, 30)),
          product: f.product,
          service: f.service,
          note: f.note,
          complaint: f.complaint ?? false,
          resolvedAt:
            f.resolved === undefined ? undefined : cal.instant(f.resolved, minuteAt(14, 0)),
        }),
      );
    }
    for (const f of spec.followUps ?? []) {
      st.followUps.push(
        compact({
          id: ids.uuid(),
          contactId: contact.id,
          dueAt: cal.day(f.due),
          note: f.note,
          doneAt: f.done === undefined ? undefined : cal.instant(f.done, minuteAt(12, 0)),
          snoozedUntil: f.snoozedUntil === undefined ? undefined : cal.day(f.snoozedUntil),
        }),
      );
    }
    if (spec.lost) {
      const exit = spec.lost.exitConversationAt;
      contact.lost = compact({
        at: cal.day(spec.lost.at),
        reason: spec.lost.reason,
        note: spec.lost.note,
        exitConversationAt:
          exit === undefined ? undefined : (st.scriptedAt.get(exit) ?? cal.day(exit)),
        learned: spec.lost.learned,
      });
    }
  }

  const histories = states.map((st) => ({
    contact: st.contact,
    interactions: st.interactions.sort(byField('at')),
    commitments: st.commitments.sort(byField('createdAt')),
    feedback: st.feedback.sort(byField('at')),
    purchases: st.purchases.sort(byField('at')),
    followUps: st.followUps.sort(byField('dueAt')),
  }));
  return { histories, occasions };
}

const FEEDBACK_EVERY: Record<Tier, number> = { A: 90, B: 180, C: 365 };
const RATINGS = [5, 4, 3] as const;
const RATING_WEIGHTS = [55, 35, 10];
const GOOD_NOTES = [
  'Sehr zufrieden – gerne weiter so.',
  'Schnelle Antworten, das schätzen wir.',
  'Das Team kommt gut zurecht.',
  'Endlich läuft das ohne Zettelwirtschaft.',
] as const;
const MIXED_NOTES = [
  'Hätte mir etwas mehr Zeit für Fragen gewünscht.',
  'Gut, aber die Umstellung hat länger gedauert als gedacht.',
] as const;

const CHECK_IN_CALL = [
  'Nach dem Auftrag angerufen: „{d}“ läuft, alle zufrieden',
  'Kurz nachgefragt, wie „{d}“ angekommen ist – gutes Echo',
  'Nachgefasst zu „{d}“: zwei kleine Wünsche notiert',
] as const;

const CHECK_IN_MAIL = [
  'Nachgefragt, ob mit „{d}“ alles passt',
  'Kurze Mail nach „{d}“: Rückmeldung erbeten, ob alles läuft',
] as const;

function byField<K extends string>(key: K) {
  return <T extends Record<K, string>>(a: T, b: T) =>
    a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
}
