// The one generator of big data sets, for `npm run bench` and for tests that need the size: the demo
// generator (lib/demo) scaled up, by default 10,000 contacts, 200,000 interactions and 20,000 each of
// promises, feedback and purchases. Plain objects are built directly (no schema parsing on this
// path); the records are valid for lib/model all the same (tests/unit/support/bench-data.test.ts).
//
// Distributions: company sizes are heavy-tailed (many one-person businesses, some firms with dozens
// of contacts); a company's business volume follows a Pareto law (α ≈ 1.16, the 80/20 rule), which
// drives both its share of purchases and their amounts; contact activity follows the volume too.

import {
  historyOf,
  type Channel,
  type Commitment,
  type Contact,
  type ContactHistory,
  type DayOfYear,
  type Feedback,
  type FollowUp,
  type Interaction,
  type LostReason,
} from '../../lib/model';
import { monthName } from '../../lib/i18n';
import { daysInMonth } from '../../lib/model/dates';
import { Calendar, runtimeTimeZone } from '../../lib/demo/calendar';
import { SummaryPool, subjectOf } from '../../lib/demo/phrases';
import { DEFAULT_SEED, Rng, deriveSeed } from '../../lib/demo/random';
import {
  CITIES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  HOW_WE_MET,
  INTERESTS,
  LAST_NAMES,
  NEWSLETTER_TOPICS,
  PREFERENCES,
  PRODUCTS,
  TOPICS,
  TRADES,
  gendered,
  phoneNumber,
  slug,
  xingSlug,
  type Trade,
} from '../../lib/demo/text';

export interface BenchOptions {
  now: Date;
  seed?: number;
  /** Default 10,000. */
  contacts?: number;
  /** Default 200,000. */
  interactions?: number;
  /** Default 20,000. */
  commitments?: number;
  /** Default 20,000. */
  feedback?: number;
  /** Default 20,000. */
  purchases?: number;
  /** Default: one for every five contacts. */
  followUps?: number;
  /** IANA zone; default: the runtime's zone. */
  timeZone?: string;
}

const HISTORY_DAYS = 730;

const FREELANCE_POSITIONS = [
  'Grafikdesigner (freiberuflich)',
  'Fotograf (freiberuflich)',
  'Texter (freiberuflich)',
  'IT-Berater (freiberuflich)',
  'Übersetzer (freiberuflich)',
  'Architekt (freiberuflich)',
  'Coach (freiberuflich)',
] as const;

const LOST_REASONS: readonly (readonly [LostReason, number])[] = [
  ['price', 30],
  ['competitor', 22],
  ['service', 10],
  ['quality', 8],
  ['contact-left', 10],
  ['no-need', 10],
  ['moved', 4],
  ['other', 3],
  ['unknown', 3],
];

const LOST_REASON_WEIGHTS = LOST_REASONS.map((r) => r[1]);

const LOST_NOTES: Record<LostReason, string> = {
  price: 'Zu teuer für das Budget.',
  competitor: 'Arbeitet jetzt mit einem Wettbewerber.',
  service: 'War mit der Erreichbarkeit unzufrieden.',
  quality: 'Ergebnis hat nicht überzeugt.',
  'contact-left': 'Ansprechpartner hat das Unternehmen verlassen.',
  'no-need': 'Kein Bedarf mehr.',
  moved: 'Betrieb ist umgezogen.',
  other: 'Sonstiges.',
  unknown: 'Hat sich nicht mehr gemeldet.',
};

const LEARNED = [
  'Preis früher offen ansprechen.',
  'Öfter persönlich melden, nicht nur per Newsletter.',
  'Nachfolger rechtzeitig kennenlernen.',
  'Nach jedem Projekt aktiv nach Feedback fragen.',
] as const;

const CHANNEL_POOL: readonly Channel[] = [
  'phone',
  'email',
  'visit',
  'meeting',
  'xing',
  'linkedin',
  'letter',
];

interface Unit {
  name: string | undefined;
  domain: string;
  prefix: string;
  kind: Trade['kind'] | 'freelance';
  trade: Trade | undefined;
  /** The surname(s) in the firm's name: the owner usually bears one of them. */
  surnames: string[];
  /** Business volume (Pareto). */
  scale: number;
  size: number;
  emailStyle: 0 | 1;
  names: Set<string>;
}

interface Person {
  history: ContactHistory;
  unit: Unit;
  since: number;
  /** Last day with records (lost: the day they were lost). */
  until: number;
  activity: number;
  buying: number;
  interestIdx: readonly number[];
  channels: readonly Channel[];
  xingUrl: string | undefined;
  linkedinUrl: string | undefined;
}

function count(value: number | undefined, fallback: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0`);
  return n;
}

/** Cumulative weights; draw with `drawIndex`. Falls back to equal weights when all are 0. */
function cumulative(weights: ArrayLike<number>): Float64Array {
  const cum = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!;
    cum[i] = total;
  }
  if (total <= 0) for (let i = 0; i < cum.length; i++) cum[i] = i + 1;
  return cum;
}

function drawIndex(rng: Rng, cum: Float64Array): number {
  const r = rng.next() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Counts per slot summing to `total`, drawn by weight. */
function allocate(rng: Rng, total: number, weights: ArrayLike<number>): Int32Array {
  const counts = new Int32Array(weights.length);
  if (weights.length === 0) return counts;
  const cum = cumulative(weights);
  for (let i = 0; i < total; i++) counts[drawIndex(rng, cum)]!++;
  return counts;
}

/** `k` day offsets in [lo, hi], ascending. */
function sortedOffsets(rng: Rng, k: number, lo: number, hi: number): Int32Array {
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) out[i] = rng.int(lo, hi);
  return out.sort();
}

export function generateBenchData(options: BenchOptions): ContactHistory[] {
  const nContacts = count(options.contacts, 10_000, 'contacts');
  const nInteractions = count(options.interactions, 200_000, 'interactions');
  const nCommitments = count(options.commitments, 20_000, 'commitments');
  const nFeedback = count(options.feedback, 20_000, 'feedback');
  const nPurchases = count(options.purchases, 20_000, 'purchases');
  const nFollowUps = count(options.followUps, Math.round(nContacts / 5), 'followUps');
  if (nContacts === 0 && nInteractions + nCommitments + nFeedback + nPurchases + nFollowUps > 0) {
    throw new RangeError('records need at least one contact');
  }
  const b = new BenchBuilder(
    new Calendar(options.now, options.timeZone ?? runtimeTimeZone()),
    options.seed ?? DEFAULT_SEED,
  );

  const people: Person[] = [];
  for (let i = 0; i < nContacts; i++) people.push(b.person());

  // How many records of each kind each contact gets.
  const activity = people.map((p) => p.activity);
  const engaged = people.map((p) => (p.history.contact.status === 'prospect' ? 0 : p.activity));
  const buying = people.map((p) => Math.pow(p.buying, 0.6));
  const perInteractions = allocate(b.rng, nInteractions, activity);
  const perCommitments = allocate(b.rng, nCommitments, activity);
  const perFeedback = allocate(b.rng, nFeedback, engaged);
  const perPurchases = allocate(b.rng, nPurchases, buying);
  const perFollowUps = allocate(b.rng, nFollowUps, activity);

  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    b.interactions(p, perInteractions[i]!);
    b.commitments(p, perCommitments[i]!);
    b.feedback(p, perFeedback[i]!);
    b.purchases(p, perPurchases[i]!);
    b.followUps(p, perFollowUps[i]!);
  }
  return people.map((p) => p.history);
}

/** Larger than any day offset (an integer, unlike Infinity, so loops stay in small integers). */
const NO_DAY = 0x3fffffff;

/**
 * Builds the records. Small methods rather than one long function: the engine optimises each on
 * its own, quickly, instead of recompiling one huge loop several times.
 */
class BenchBuilder {
  readonly rng: Rng;
  private readonly ids: Rng;
  private readonly thisYear: number;
  private readonly pool = new SummaryPool(TOPICS, INTERESTS);
  private readonly mailings: { offset: number; summary: string }[];
  private readonly slugCache = new Map<string, string>();
  private readonly usedUnitNames = new Set<string>();
  private readonly usedDomains = new Set<string>();
  private readonly usedEmails = new Set<string>();
  private readonly usedXing = new Map<string, number>();
  private readonly usedLinkedin = new Set<string>();
  private unit: Unit | undefined;
  private placed = 0;

  constructor(
    private readonly cal: Calendar,
    seed: number,
  ) {
    this.rng = new Rng(deriveSeed(seed, 'bench'));
    this.ids = new Rng(deriveSeed(seed, 'bench-ids'));
    this.thisYear = cal.ymd(0).year;
    this.mailings = massMailings(cal);
  }

  private slugOf(name: string): string {
    let s = this.slugCache.get(name);
    if (s === undefined) {
      s = slug(name);
      this.slugCache.set(name, s);
    }
    return s;
  }

  private newUnit(): Unit {
    const rng = this.rng;
    const city = rng.pick(CITIES);
    if (rng.chance(0.08)) {
      return {
        name: undefined,
        domain: '',
        prefix: city.prefix,
        kind: 'freelance',
        trade: undefined,
        surnames: [],
        scale: Math.min(rng.pareto(1, 1.16), 50),
        size: 1,
        emailStyle: 0,
        names: new Set(),
      };
    }
    const trade = rng.pick(TRADES);
    let name = '';
    let stem = '';
    let surnames: string[] = [];
    for (let attempt = 0; ; attempt++) {
      surnames =
        attempt === 0 ? [rng.pick(LAST_NAMES)] : [rng.pick(LAST_NAMES), rng.pick(LAST_NAMES)];
      if (surnames[0] === surnames[1]) surnames.pop();
      name = trade.name.replace('{n}', surnames.join('-'));
      stem = trade.domain.replace('{n}', surnames.map((n) => this.slugOf(n)).join('-'));
      if (attempt > 20) {
        name = `${name} ${attempt}`;
        stem = `${stem}-${attempt}`;
      }
      if (!this.usedUnitNames.has(name.toLowerCase()) && !this.usedDomains.has(stem)) break;
    }
    this.usedUnitNames.add(name.toLowerCase());
    this.usedDomains.add(stem);
    const small = trade.kind !== 'firma';
    const size = small
      ? rng.chance(0.6)
        ? 1
        : 1 + Math.min(Math.floor(rng.pareto(1, 1.8)), 12)
      : Math.min(Math.round(rng.pareto(2, 1.3)), 80);
    return {
      name,
      domain: `${stem}.de`,
      prefix: city.prefix,
      kind: trade.kind,
      trade,
      surnames,
      scale: Math.min(rng.pareto(1, 1.16), 5_000) * (small ? 1 : 3),
      size,
      emailStyle: rng.chance(0.6) ? 0 : 1,
      names: new Set(),
    };
  }

  private claimEmail(email: string): boolean {
    if (this.usedEmails.has(email)) return false;
    this.usedEmails.add(email);
    return true;
  }

  private uniqueEmail(candidates: string[], domain: string): string {
    for (const local of candidates) {
      const email = `${local}@${domain}`;
      if (this.claimEmail(email)) return email;
    }
    for (let k = 2; ; k++) {
      const email = `${candidates[0]}${k}@${domain}`;
      if (this.claimEmail(email)) return email;
    }
  }

  private emailsFor(unit: Unit, owner: boolean, first: string, last: string): string[] {
    const f = this.slugOf(first);
    const l = this.slugOf(last);
    if (unit.kind === 'freelance') {
      return [this.uniqueEmail([f, `${f}.${l}`, 'kontakt', 'mail'], unit.domain)];
    }
    const styled =
      unit.emailStyle === 0 ? [`${f}.${l}`, `${f[0]}.${l}`] : [`${f[0]}.${l}`, `${f}.${l}`];
    if (owner && unit.size === 1 && this.rng.chance(0.5)) styled.unshift('info');
    const emails = [this.uniqueEmail(styled, unit.domain)];
    if (this.rng.chance(0.1)) {
      const extra = `${owner ? 'info' : f}@${unit.domain}`;
      if (this.claimEmail(extra)) emails.push(extra);
    }
    return emails;
  }

  private profilesFor(first: string, last: string): [string | undefined, string | undefined] {
    const rng = this.rng;
    let xingUrl: string | undefined;
    let linkedinUrl: string | undefined;
    if (rng.chance(0.55)) {
      const base = xingSlug(first, last);
      const n = (this.usedXing.get(base) ?? 0) + 1;
      this.usedXing.set(base, n);
      xingUrl = `https://www.xing.com/profile/${n === 1 ? base : `${base}${n}`}`;
    }
    if (rng.chance(0.45)) {
      let s: string;
      do s = `${this.slugOf(first)}-${this.slugOf(last)}-${rng.hex(6)}`;
      while (this.usedLinkedin.has(s));
      this.usedLinkedin.add(s);
      linkedinUrl = `https://www.linkedin.com/in/${s}`;
    }
    return [xingUrl, linkedinUrl];
  }

  private birthday(): DayOfYear {
    const rng = this.rng;
    const month = rng.int(1, 12);
    if (rng.chance(0.65)) {
      const year = this.thisYear - rng.int(25, 72);
      return { month, day: rng.int(1, daysInMonth(year, month)), year };
    }
    return { month, day: rng.int(1, daysInMonth(2000, month)) };
  }

  /** The next contact: a new firm when the current one is full. */
  person(): Person {
    const rng = this.rng;
    if (!this.unit || this.placed >= this.unit.size) {
      this.unit = this.newUnit();
      this.placed = 0;
    }
    const unit = this.unit;
    const owner = this.placed === 0;
    this.placed++;

    const female = rng.chance(0.5);
    let first = '';
    let last = '';
    const doctorsFirm = unit.trade?.name.includes('Dr.') ?? false;
    const ownsName = owner && unit.surnames.length > 0 && (doctorsFirm || rng.chance(0.9));
    for (let attempt = 0; attempt < 20; attempt++) {
      first = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
      last = ownsName ? rng.pick(unit.surnames) : rng.pick(LAST_NAMES);
      if (!unit.names.has(`${first} ${last}`)) break;
    }
    unit.names.add(`${first} ${last}`);
    if (unit.kind === 'freelance') {
      unit.domain = `${this.slugOf(first)}-${this.slugOf(last)}.de`;
    }
    let title: string | undefined;
    if (owner && doctorsFirm) title = 'Dr.';
    else if (unit.kind === 'praxis' || unit.kind === 'kanzlei') {
      title = rng.chance(owner ? 0.5 : 0.15) ? 'Dr.' : undefined;
    } else if (rng.chance(0.04)) title = 'Dr.';

    const emails = this.emailsFor(unit, owner, first, last);
    const phones = [phoneNumber(unit.prefix, rng.int(0, 999))];
    if (rng.chance(0.25)) {
      const second = phoneNumber(unit.prefix, rng.int(0, 999));
      if (second !== phones[0]) phones.push(second);
    }
    const [xingUrl, linkedinUrl] = this.profilesFor(first, last);
    const profileUrls: string[] = [];
    if (xingUrl) profileUrls.push(xingUrl);
    if (linkedinUrl) profileUrls.push(linkedinUrl);

    const statusDraw = rng.next();
    const status = statusDraw < 0.03 ? 'lost' : statusDraw < 0.12 ? 'prospect' : 'active';
    const since = status === 'prospect' ? -rng.int(5, 180) : -rng.int(60, 1500);
    const lostAt = status === 'lost' ? rng.int(Math.max(since + 30, -700), -5) : 0;
    const until = status === 'lost' ? lostAt : -1;

    const channels = rng
      .sample(CHANNEL_POOL, rng.int(1, 3))
      .filter(
        (c) =>
          (c !== 'xing' || xingUrl !== undefined) &&
          (c !== 'linkedin' || linkedinUrl !== undefined),
      );
    const interestIdx = rng.sample(INTEREST_INDEXES, rng.int(1, 3));

    const contact: Contact = {
      id: this.ids.uuid(),
      name: title ? `${title} ${first} ${last}` : `${first} ${last}`,
      emails,
      phones,
      profileUrls,
      status,
      preferredChannels: channels,
      interests: interestIdx.map((k) => INTERESTS[k]!),
      createdAt: this.cal.instant(since, 540 + rng.int(0, 480)),
      updatedAt: this.cal.instant(
        rng.int(Math.max(since, until - 60), until),
        540 + rng.int(0, 480),
      ),
    };
    if (unit.name) contact.company = unit.name;
    contact.position = gendered(
      unit.kind === 'freelance'
        ? rng.pick(FREELANCE_POSITIONS)
        : owner
          ? (unit.trade?.positions[0] ?? 'Inhaber')
          : rng.pick(unit.trade?.positions.slice(1) ?? ['Mitarbeiter']),
      female,
    );
    if (status === 'lost') this.lost(contact, lostAt);
    this.softFacts(contact, unit, female, last);

    return {
      history: historyOf(contact),
      unit,
      since,
      until,
      activity:
        (status === 'prospect' ? 0.3 : status === 'lost' ? 0.5 : 1) *
        (0.4 + Math.sqrt(unit.scale)) *
        (0.3 + 1.4 * rng.next()),
      buying: status === 'prospect' ? 0 : (unit.scale / unit.size) * (owner ? 2 : 1),
      interestIdx,
      channels,
      xingUrl,
      linkedinUrl,
    };
  }

  private lost(contact: Contact, lostAt: number): void {
    const rng = this.rng;
    const reason = LOST_REASONS[rng.weighted(LOST_REASON_WEIGHTS)]![0];
    contact.lost = { at: this.cal.day(lostAt), reason, note: LOST_NOTES[reason] };
    const exit = lostAt + rng.int(3, 30);
    if (rng.chance(0.45) && exit <= -1) {
      contact.lost.exitConversationAt = this.cal.instant(exit, 600);
      contact.lost.learned = rng.pick(LEARNED);
    }
  }

  private softFacts(contact: Contact, unit: Unit, female: boolean, last: string): void {
    const rng = this.rng;
    if (rng.chance(0.55)) contact.birthday = this.birthday();
    if (unit.size === 1 && unit.kind !== 'freelance' && rng.chance(0.45)) {
      const partnerFirst = rng.pick(female ? FIRST_NAMES_M : FIRST_NAMES_F);
      const partnerLast = rng.chance(0.8) ? last : rng.pick(LAST_NAMES);
      contact.partner = { name: `${partnerFirst} ${partnerLast}` };
      if (rng.chance(0.5)) contact.partner.birthday = this.birthday();
    }
    if (rng.chance(0.25)) contact.preferences = rng.pick(PREFERENCES);
    if (rng.chance(0.5)) contact.howWeMet = rng.pick(HOW_WE_MET);
    contact.address = rng.chance(0.25) ? 'Du' : 'Sie';
    if (rng.chance(0.1)) {
      if (unit.kind === 'handel') contact.avoid = { months: [11, 12] };
      else if (unit.kind === 'gastro') contact.avoid = { months: [7, 8], weekdays: [6, 7] };
      else contact.avoid = { weekdays: [rng.int(1, 5)] };
      if (rng.chance(0.4)) contact.avoid.hours = { from: 0, to: rng.pick([9, 10, 12, 13]) };
    }
    if (rng.chance(0.02)) contact.plan = { contactEveryDays: rng.pick([21, 30, 60, 90]) };
    if (rng.chance(0.1)) contact.notes = `Kennt ${rng.pick(TOPICS)} aus einem früheren Projekt.`;
    if (rng.chance(0.06)) {
      contact.potential = Math.round(Math.min(rng.pareto(2_000, 1.2), 500_000) / 100) * 100;
    }
    if (contact.status === 'active' && rng.chance(0.02)) {
      contact.annualRevenueEstimate = Math.round(Math.min(rng.pareto(500, 1.5), 100_000) / 50) * 50;
    }
  }

  /** Days with records: the last two years, up to yesterday or the day the customer was lost. */
  private window(p: Person): [number, number] {
    const lo = Math.max(p.since, -HISTORY_DAYS);
    return [lo, Math.max(p.until, lo)];
  }

  /** Mass mailings on their fixed days (each at most once per contact), the rest personal. */
  interactions(p: Person, k: number): void {
    if (k === 0) return;
    const rng = this.rng;
    const [lo, hi] = this.window(p);
    const mailDays = this.mailings.filter((m) => m.offset >= lo && m.offset <= hi);
    const mass = rng
      .sample(mailDays, Math.min(Math.floor(k * 0.15 + rng.next()), mailDays.length))
      .sort((a, b) => a.offset - b.offset);
    const own = sortedOffsets(rng, k - mass.length, lo, hi);
    const out = p.history.interactions;
    let mi = 0;
    for (let oi = 0; oi <= own.length; oi++) {
      const next = oi < own.length ? own[oi]! : NO_DAY;
      while (mi < mass.length && mass[mi]!.offset <= next) {
        const m = mass[mi++]!;
        out.push({
          id: this.ids.uuid(),
          contactId: p.history.contact.id,
          at: this.cal.instant(m.offset, 450),
          channel: 'email',
          direction: 'out',
          personal: false,
          summary: m.summary,
        });
      }
      if (oi < own.length) out.push(this.personalInteraction(p, next, lo, hi));
    }
  }

  private personalInteraction(p: Person, day: number, lo: number, hi: number): Interaction {
    const rng = this.rng;
    // Business contacts happen on working days.
    let o = day;
    const wd = this.cal.weekday(o);
    if (wd >= 6) o = o - (wd - 5) >= lo ? o - (wd - 5) : Math.min(o + 8 - wd, hi);
    const channel: Channel =
      p.channels.length > 0 && rng.chance(0.7)
        ? rng.pick(p.channels)
        : rng.chance(0.6)
          ? 'phone'
          : 'email';
    const twoWay =
      channel === 'phone' || channel === 'email' || channel === 'xing' || channel === 'linkedin';
    const direction = twoWay && rng.chance(0.3) ? 'in' : 'out';
    const topic = rng.int(0, TOPICS.length - 1);
    const summary =
      direction === 'out' && rng.chance(0.2)
        ? this.pool.personalSummary(rng, channel, rng.pick(p.interestIdx), topic)
        : this.pool.businessSummary(rng, channel, direction, topic);
    const rec: Interaction = {
      id: this.ids.uuid(),
      contactId: p.history.contact.id,
      at: this.cal.instant(o, 455 + rng.int(0, 136) * 5),
      channel,
      direction,
      personal: true,
      summary,
    };
    if (channel === 'email' && rng.chance(0.4)) {
      rec.source = { site: 'gmail', threadId: rng.hex(16), subject: SUBJECTS[topic]! };
    } else if (channel === 'xing' && p.xingUrl) {
      rec.source = { site: 'xing', url: p.xingUrl };
    } else if (channel === 'linkedin' && p.linkedinUrl) {
      rec.source = { site: 'linkedin', url: p.linkedinUrl };
    }
    return rec;
  }

  /** Promises: most kept on time, some late, some open (a few of them overdue). */
  commitments(p: Person, k: number): void {
    if (k === 0) return;
    const rng = this.rng;
    const [lo, hi] = this.window(p);
    for (const o of sortedOffsets(rng, k, lo, hi)) {
      const due = o + rng.int(2, 21);
      const rec: Commitment = {
        id: this.ids.uuid(),
        contactId: p.history.contact.id,
        text: rng.pick(COMMITMENT_POOL),
        createdAt: this.cal.instant(o, 480 + rng.int(0, 120) * 5),
        dueAt: this.cal.day(due),
      };
      const draw = rng.next();
      const done =
        draw < 0.7 ? due - rng.int(0, Math.min(3, due - o)) : draw < 0.9 ? due + rng.int(1, 14) : 1;
      if (done <= -1 && (p.history.contact.status !== 'lost' || done <= p.until + 30)) {
        rec.doneAt = this.cal.instant(done, 480 + rng.int(0, 120) * 5);
      }
      p.history.commitments.push(rec);
    }
  }

  /** Ratings mostly good; complaints come with low ratings and are mostly resolved. */
  feedback(p: Person, k: number): void {
    if (k === 0) return;
    const rng = this.rng;
    const [lo, hi] = this.window(p);
    for (const o of sortedOffsets(rng, k, lo, hi)) {
      const product = RATINGS[rng.weighted(RATING_WEIGHTS)]!;
      const service = Math.min(5, Math.max(1, product + rng.int(-1, 1)));
      const rec: Feedback = {
        id: this.ids.uuid(),
        contactId: p.history.contact.id,
        at: this.cal.instant(o, 480 + rng.int(0, 120) * 5),
        product,
        service,
        complaint: Math.min(product, service) <= 2 ? rng.chance(0.6) : rng.chance(0.005),
      };
      if (rng.chance(0.2)) rec.note = rng.pick(product >= 4 ? GOOD_NOTES : BAD_NOTES);
      if (rec.complaint && rng.chance(0.85)) {
        const resolved = o + rng.int(1, 20);
        if (resolved <= -1) rec.resolvedAt = this.cal.instant(resolved, 600);
      }
      p.history.feedback.push(rec);
    }
  }

  /** Amounts grow with the firm's volume; a few refunds. */
  purchases(p: Person, k: number): void {
    if (k === 0) return;
    const rng = this.rng;
    const size = Math.pow(p.unit.scale, 0.4);
    const lo = Math.max(p.since + 1, -HISTORY_DAYS);
    for (const o of sortedOffsets(rng, k, lo, Math.max(p.until, lo))) {
      const refund = rng.chance(0.015);
      const base = 300 * size * Math.exp(rng.next() * 1.6 - 0.8);
      const amount = Math.max(10, Math.round(base / 10) * 10);
      p.history.purchases.push({
        id: this.ids.uuid(),
        contactId: p.history.contact.id,
        at: this.cal.day(o),
        amount: refund ? -Math.max(10, Math.round(amount / 40) * 10) : amount,
        description: refund ? 'Gutschrift' : rng.pick(PRODUCTS),
      });
    }
  }

  /** Manual reminders: some done, some snoozed, the rest open. */
  followUps(p: Person, k: number): void {
    if (k === 0) return;
    const rng = this.rng;
    const [lo] = this.window(p);
    const out = p.history.followUps;
    for (let i = 0; i < k; i++) {
      const due = rng.int(lo, 30);
      const rec: FollowUp = {
        id: this.ids.uuid(),
        contactId: p.history.contact.id,
        dueAt: this.cal.day(due),
        note: rng.pick(FOLLOW_UP_POOL),
      };
      const draw = rng.next();
      if (draw < 0.4 && due <= -1) {
        rec.doneAt = this.cal.instant(rng.int(due, Math.min(due + 20, -1)), 720);
      } else if (draw < 0.55) {
        rec.snoozedUntil = this.cal.day(Math.max(due, 0) + rng.int(1, 14));
      }
      out.push(rec);
    }
    out.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  }
}

const RATINGS = [5, 4, 3, 2, 1] as const;
const RATING_WEIGHTS = [45, 35, 12, 5, 3];

const GOOD_NOTES = [
  'Sehr zufrieden, gerne wieder.',
  'Schnelle Reaktion, klare Empfehlungen.',
  'Das Team arbeitet gern damit.',
] as const;
const BAD_NOTES = [
  'Hat länger gedauert als zugesagt.',
  'Erklärungen waren zu knapp.',
  'Rechnung war höher als erwartet.',
] as const;

const COMMITMENT_TEXTS = [
  'Angebot schicken',
  'Unterlagen zusammenstellen',
  'Rückruf mit einer Antwort',
  'Termin bestätigen',
  'Checkliste schicken',
  'Kontakt zu einem Spezialisten herstellen',
] as const;

const FOLLOW_UP_NOTES = ['Nachfassen', 'Nach dem Stand fragen', 'Feedback einholen'] as const;

const SUBJECTS: readonly string[] = TOPICS.map(subjectOf);
const INTEREST_INDEXES: readonly number[] = INTERESTS.map((_, i) => i);
const COMMITMENT_POOL: readonly string[] = COMMITMENT_TEXTS.flatMap((c) =>
  SUBJECTS.map((s) => `${c} (${s})`),
);
const FOLLOW_UP_POOL: readonly string[] = [
  ...FOLLOW_UP_NOTES.flatMap((n) => SUBJECTS.map((s) => `${n}: ${s}`)),
  'Zum Kundenabend einladen',
  'Referenz anfragen',
];

/** The mass mailings of the last two years: a short info on the first Tuesday of every month,
 * the quarterly newsletter in January, April, July and October. */
function massMailings(cal: Calendar): { offset: number; summary: string }[] {
  const out: { offset: number; summary: string }[] = [];
  const { year: thisYear } = cal.ymd(0);
  for (let y = thisYear - 2; y <= thisYear; y++) {
    for (let m = 1; m <= 12; m++) {
      let o = cal.offsetOf(y, m, 1);
      while (cal.weekday(o) !== 2) o++;
      if (o < -HISTORY_DAYS || o > -1) continue;
      const topic = NEWSLETTER_TOPICS[(y * 12 + m) % NEWSLETTER_TOPICS.length]!;
      out.push({
        offset: o,
        summary:
          m % 3 === 1
            ? `Newsletter ${(m + 2) / 3}/${y}: ${topic}`
            : `Kurz-Info ${monthName('de', m)} ${y}: ${topic}`,
      });
    }
  }
  return out;
}
