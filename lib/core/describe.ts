// Putting a candidate into words: reasons (why now, why this channel, what moved) and talking points
// (who this person is to us and how to run the conversation) in settings.locale.
// The conversation guides follow PRODUCT.md point 7: open questions, listen far more than talk,
// ask why rather than how, take criticism with a plain thank-you.

import type { ContactHistory, Feedback, Tier } from '../model';
import type { CoreContext } from './context';
import { Prepared, type RawCandidate } from './candidate';
import { chooseChannel, type ChannelChoice } from './channel';
import { isoFromDayNumber, type DayNumber } from './days';
import {
  channelName,
  daysWord,
  formatDay,
  formatMoney,
  lostReasonName,
  relativeDay,
  type Locale,
} from './format';
import type { Suggestion } from './kinds';
import { avoidReason, hoursAdvice } from './plan';
import { latestInteraction, toCents } from './records';

/** "overdue by 3 days" / "due today" / "due in 5 days (Fri 13 Mar 2026)". */
export function dueStatus(due: DayNumber, today: DayNumber, L: Locale): string {
  const d = due - today;
  if (L === 'de') {
    if (d < 0) return `seit ${daysWord(-d, L)} überfällig`;
    if (d === 0) return 'heute fällig';
    if (d === 1) return `morgen fällig (${formatDay(due, L)})`;
    return `in ${daysWord(d, L)} fällig (${formatDay(due, L)})`;
  }
  if (d < 0) return `overdue by ${daysWord(-d, L)}`;
  if (d === 0) return 'due today';
  if (d === 1) return `due tomorrow (${formatDay(due, L)})`;
  return `due in ${daysWord(d, L)} (${formatDay(due, L)})`;
}

/** "today" / "tomorrow" / "in 5 days (Fri 13 Mar 2026)" for events such as birthdays. */
function when(day: DayNumber, today: DayNumber, L: Locale): string {
  const d = day - today;
  const rel = relativeDay(day, today, L);
  return d >= 2 || d < 0 ? `${rel} (${formatDay(day, L)})` : rel;
}

function clean(text: unknown): string {
  return typeof text === 'string' ? text.trim() : '';
}

function ratings(f: Feedback, L: Locale): string {
  const parts: string[] = [];
  if (typeof f.product === 'number')
    parts.push(`${L === 'de' ? 'Produkt' : 'product'} ${f.product}/5`);
  if (typeof f.service === 'number')
    parts.push(`${L === 'de' ? 'Beratung' : 'advice'} ${f.service}/5`);
  return parts.join(', ');
}

function planPhrase(
  r: RawCandidate,
  tier: string,
  kind: 'cadence' | 'feedback',
  L: Locale,
): string {
  const n = r.interval ?? 0;
  if (L === 'de') {
    if (r.ownInterval) return `für diesen Kontakt alle ${n} Tage vereinbart`;
    return kind === 'cadence'
      ? `Stufe ${tier} sieht alle ${n} Tage einen vor`
      : `Stufe ${tier} fragt alle ${n} Tage`;
  }
  if (r.ownInterval) return `agreed every ${n} days for this contact`;
  return kind === 'cadence'
    ? `tier ${tier} plans one every ${n} days`
    : `tier ${tier} asks every ${n} days`;
}

function reasonsFor(r: RawCandidate, p: Prepared, channelBasis: string): string[] {
  const { ctx, contact } = p;
  const L = ctx.s.locale;
  const today = ctx.today;
  const name = clean(contact.name) || (L === 'de' ? 'den Kontakt' : 'the contact');
  const out: string[] = [];
  const zone = ctx.zone;
  switch (r.kind) {
    case 'commitment': {
      const c = r.commitment?.rec;
      const text = clean(c?.text);
      out.push(
        L === 'de'
          ? `Versprechen an ${name} ${dueStatus(r.due, today, L)}: ${text}`
          : `Promise to ${name} ${dueStatus(r.due, today, L)}: ${text}`,
      );
      const more = p.commitments().length - 1;
      if (more > 0)
        out.push(
          L === 'de'
            ? more === 1
              ? '1 weiteres offenes Versprechen'
              : `${more} weitere offene Versprechen`
            : more === 1
              ? '1 more open promise'
              : `${more} more open promises`,
        );
      break;
    }
    case 'complaint': {
      const f = r.feedback?.rec;
      const day = r.due;
      const note = clean(f?.note);
      if (!r.lowSatisfaction) {
        // "Offene Reklamation vom Di, 10.03.2026 (vor 5 Tagen)" / "… of Tue 10 Mar 2026 (5 days ago)"
        const when =
          day === today
            ? L === 'de'
              ? 'von heute'
              : 'from today'
            : L === 'de'
              ? `vom ${formatDay(day, L)} (${relativeDay(day, today, L)})`
              : `of ${formatDay(day, L)} (${relativeDay(day, today, L)})`;
        out.push(
          L === 'de'
            ? `Offene Reklamation ${when}${note ? `: ${note}` : ''}`
            : `Open complaint ${when}${note ? `: ${note}` : ''}`,
        );
        const more = (r.openComplaints ?? 1) - 1;
        if (more > 0)
          out.push(
            L === 'de'
              ? `${more} weitere offene Reklamation${more === 1 ? '' : 'en'}`
              : `${more} more open complaint${more === 1 ? '' : 's'}`,
          );
      } else if (f) {
        out.push(
          L === 'de'
            ? `Letztes Feedback am ${formatDay(day, L)}: ${ratings(f, L)} – seitdem kein persönliches Gespräch${note ? ` („${note}“)` : ''}`
            : `Latest feedback on ${formatDay(day, L)}: ${ratings(f, L)}, and no personal conversation since${note ? ` ("${note}")` : ''}`,
        );
      }
      out.push(
        L === 'de'
          ? 'Anrufen und in Ordnung bringen; bis dahin nichts Werbliches schicken'
          : 'Call to put it right; hold back anything promotional until then',
      );
      break;
    }
    case 'after-purchase': {
      const pu = r.purchase?.rec;
      const desc = clean(pu?.description);
      const on = r.purchase ? zone.dayOf(r.purchase.t) : r.due;
      const money = formatMoney(toCents(pu?.amount), L);
      const what = desc ? `${desc}, ${money}` : money;
      out.push(
        L === 'de'
          ? `Kauf am ${formatDay(on, L)} (${what}): nachfragen, ob alles passt – ${dueStatus(r.avoid?.original ?? r.due, today, L)}`
          : `Bought on ${formatDay(on, L)} (${what}): check in how it is going – ${dueStatus(r.avoid?.original ?? r.due, today, L)}`,
      );
      break;
    }
    case 'exit-conversation': {
      const on = r.lostOn ?? r.due - 7;
      const reason = lostReasonName(contact.lost?.reason, L);
      out.push(
        L === 'de'
          ? `Verloren am ${formatDay(on, L)} (Grund: ${reason}), noch kein Abschlussgespräch – ${dueStatus(r.due, today, L)}: anrufen und verstehen, warum`
          : `Lost on ${formatDay(on, L)} (reason: ${reason}) with no exit conversation yet – ${dueStatus(r.due, today, L)}: call and learn why`,
      );
      const note = clean(contact.lost?.note);
      if (note) out.push(L === 'de' ? `Notiz: ${note}` : `Note: ${note}`);
      break;
    }
    case 'birthday':
    case 'partner-birthday': {
      const b = r.birthday;
      const turns = b?.year ? isoYear(r.due) - b.year : null;
      const age =
        turns !== null && turns > 0 ? (L === 'de' ? ` – wird ${turns}` : ` – turns ${turns}`) : '';
      if (r.kind === 'birthday')
        out.push(
          L === 'de'
            ? `Geburtstag ${when(r.due, today, L)}${age}`
            : `Birthday ${when(r.due, today, L)}${age}`,
        );
      else {
        const partner = clean(contact.partner?.name) || (L === 'de' ? 'Partner/in' : 'Partner');
        out.push(
          L === 'de'
            ? `${partner} (Partner/in) hat ${when(r.due, today, L)} Geburtstag${age}`
            : `${partner}'s birthday (their partner) ${when(r.due, today, L)}${age}`,
        );
      }
      if (b?.month === 2 && b.day === 29 && isoFromDayNumber(r.due).endsWith('-02-28'))
        out.push(
          L === 'de'
            ? 'Am 29. Februar geboren: in Jahren ohne 29. Februar am 28. gratulieren'
            : 'Born on 29 February: in years without one, wish them on 28 February',
        );
      if (channelBasis === 'closeness')
        out.push(
          L === 'de'
            ? 'Ein Geburtstagsgruß per Standard-E-Mail geht unter: lieber anrufen'
            : 'A birthday wish by standard e-mail gets lost: call instead',
        );
      else if (channelBasis === 'profile')
        out.push(
          L === 'de'
            ? 'Persönlich über das Profil gratulieren statt per Standard-E-Mail'
            : 'Send the wish personally through their profile rather than a standard e-mail',
        );
      break;
    }
    case 'cadence': {
      const last = p.lastPersonal();
      const plan = planPhrase(r, p.tier, 'cadence', L);
      const status = dueStatus(r.avoid?.original ?? r.due, today, L);
      if (last && !r.fromCreation) {
        const day = zone.dayOf(last.t);
        const ch = channelName(last.rec.channel, L);
        out.push(
          L === 'de'
            ? `Persönlicher Kontakt ${status}: der letzte war ${relativeDay(day, today, L)} (${ch}, ${formatDay(day, L)}); ${plan}`
            : `Personal contact ${status}: the last one was ${relativeDay(day, today, L)} (${ch}, ${formatDay(day, L)}); ${plan}`,
        );
      } else {
        const day = r.base ?? today;
        out.push(
          L === 'de'
            ? `Persönlicher Kontakt ${status}: noch keiner seit der Aufnahme am ${formatDay(day, L)}; ${plan}`
            : `Personal contact ${status}: none since they were added on ${formatDay(day, L)}; ${plan}`,
        );
      }
      const mass = latestInteraction(p.history, ctx, false);
      if (mass && (!last || mass.t > last.t)) {
        const day = zone.dayOf(mass.t);
        const ch = channelName(mass.rec.channel, L);
        out.push(
          L === 'de'
            ? `Nicht persönlich und daher nicht gezählt: ${ch} vom ${formatDay(day, L)} (Newsletter oder Massenversand)`
            : `Not personal, so it does not count: the ${ch} of ${formatDay(day, L)} (newsletter or mass mailing)`,
        );
      }
      break;
    }
    case 'feedback': {
      const plan = planPhrase(r, p.tier, 'feedback', L);
      const status = dueStatus(r.avoid?.original ?? r.due, today, L);
      const day = r.base ?? today;
      out.push(
        r.fromCreation
          ? L === 'de'
            ? `Feedback ${status}: noch nie gefragt seit der Aufnahme am ${formatDay(day, L)}; ${plan}`
            : `Feedback ${status}: never asked since they were added on ${formatDay(day, L)}; ${plan}`
          : L === 'de'
            ? `Feedback ${status}: zuletzt ${relativeDay(day, today, L)} (${formatDay(day, L)}); ${plan}`
            : `Feedback ${status}: last given ${relativeDay(day, today, L)} (${formatDay(day, L)}); ${plan}`,
      );
      break;
    }
    case 'follow-up': {
      const f = r.followUp?.rec;
      const note = clean(f?.note);
      const status = dueStatus(r.avoid?.original ?? r.due, today, L);
      let line = L === 'de' ? `Wiedervorlage ${status}` : `Follow-up ${status}`;
      if (note) line += `: ${note}`;
      if (f?.snoozedUntil) {
        const day = zone.dayOfDate(f.snoozedUntil);
        if (day === day)
          line +=
            L === 'de'
              ? ` (zurückgestellt bis ${formatDay(day, L)})`
              : ` (snoozed until ${formatDay(day, L)})`;
      }
      out.push(line);
      break;
    }
  }
  if (r.avoid) {
    const moved = avoidReason(r.avoid, L);
    if (moved) out.push(moved);
  }
  const hours = hoursAdvice(contact.avoid?.hours, L);
  if (hours) out.push(hours);
  return out;
}

function isoYear(day: DayNumber): number {
  return Number(isoFromDayNumber(day).slice(0, 4));
}

const GUIDES = {
  feedback: {
    en: () => [
      'Ask open questions: “How happy are you with the work itself, and with our advice?”',
      'Listen more than you talk: let them speak about 80% of the time',
      'Ask why rather than how: “Why does that matter to you?”',
      'Take criticism with a plain “thank you” – no excuses, no defence',
    ],
    de: (du: boolean) => [
      du
        ? 'Offen fragen: „Wie zufrieden bist du mit der Arbeit selbst – und mit unserer Beratung?“'
        : 'Offen fragen: „Wie zufrieden sind Sie mit der Arbeit selbst – und mit unserer Beratung?“',
      'Mehr zuhören als reden: der Kunde spricht etwa 80 % der Zeit',
      du
        ? 'Nach dem Warum fragen statt nach dem Wie: „Warum ist dir das wichtig?“'
        : 'Nach dem Warum fragen statt nach dem Wie: „Warum ist Ihnen das wichtig?“',
      'Kritik mit einem schlichten „Danke“ annehmen – keine Ausreden, keine Verteidigung',
    ],
  },
  exit: {
    en: () => [
      'The goal is to understand, not to sell: “What made you decide to change?”',
      'Ask why rather than how: “Why was that the deciding point?”',
      'Listen more than you talk: let them speak about 80% of the time',
      'Thank them for their openness with a plain “thank you”, without justifying yourself',
      'Write down what you learned with the contact',
    ],
    de: (du: boolean) => [
      du
        ? 'Ziel ist verstehen, nicht verkaufen: „Was hat für dich den Ausschlag zum Wechsel gegeben?“'
        : 'Ziel ist verstehen, nicht verkaufen: „Was hat für Sie den Ausschlag zum Wechsel gegeben?“',
      'Nach dem Warum fragen statt nach dem Wie: „Warum war gerade das entscheidend?“',
      'Mehr zuhören als reden: der Kunde spricht etwa 80 % der Zeit',
      'Für die Offenheit schlicht „Danke“ sagen, ohne sich zu rechtfertigen',
      'Das Gelernte beim Kontakt festhalten',
    ],
  },
  complaint: {
    en: () => [
      'Let them finish and listen; thank them for telling you',
      'Agree on a concrete fix and a date – and keep it',
      'No offers and no promotion in this call',
    ],
    de: () => [
      'Ausreden lassen und zuhören; für den Hinweis danken',
      'Eine konkrete Lösung und einen Termin vereinbaren – und einhalten',
      'Keine Angebote, keine Werbung in diesem Gespräch',
    ],
  },
} as const;

interface CommonPoints {
  /** Form of address, interests, the last personal conversation. */
  before: string[];
  /** One line per open promise, earliest first (at most four). */
  promises: string[];
  preferences: string | null;
}

/** What every touch of this contact shares, built once per contact even if it has several items. */
function commonPoints(p: Prepared): CommonPoints {
  const cached = p.common as CommonPoints | undefined;
  if (cached) return cached;
  const { ctx, contact } = p;
  const L = ctx.s.locale;
  const before: string[] = [];
  if (contact.address === 'Sie' || contact.address === 'Du')
    before.push(
      L === 'de'
        ? `Anrede: ${contact.address}`
        : `Address: ${contact.address === 'Sie' ? 'Sie (formal)' : 'Du (first-name terms)'}`,
    );
  const interests = Array.isArray(contact.interests)
    ? contact.interests.map(clean).filter(Boolean)
    : [];
  if (interests.length)
    before.push(
      L === 'de' ? `Interessen: ${interests.join(', ')}` : `Interests: ${interests.join(', ')}`,
    );
  const last = p.lastPersonal();
  const summary = clean(last?.rec.summary);
  if (last && summary) {
    const day = ctx.zone.dayOf(last.t);
    const ch = channelName(last.rec.channel, L);
    before.push(
      L === 'de'
        ? `Zuletzt besprochen (${ch}, ${formatDay(day, L)}): ${summary}`
        : `Last talked about (${ch}, ${formatDay(day, L)}): ${summary}`,
    );
  }
  const promises: string[] = [];
  for (const c of p.commitments().slice(0, 4)) {
    const text = clean(c.rec.text);
    const due = formatDay(ctx.zone.dayOf(c.t), L);
    promises.push(
      L === 'de'
        ? `Offenes Versprechen: ${text} (fällig ${due})`
        : `Open promise: ${text} (due ${due})`,
    );
  }
  const prefs = clean(contact.preferences);
  const common: CommonPoints = {
    before,
    promises,
    preferences: prefs ? (L === 'de' ? `Vorlieben: ${prefs}` : `Preferences: ${prefs}`) : null,
  };
  p.common = common;
  return common;
}

function talkingPointsFor(r: RawCandidate, p: Prepared): string[] {
  const { ctx, contact } = p;
  const L = ctx.s.locale;
  const out: string[] = [];
  const du = contact.address === 'Du';

  if (r.kind === 'partner-birthday') {
    const partner = clean(contact.partner?.name);
    if (partner)
      out.push(
        L === 'de'
          ? `Partner/in: ${partner} – Glückwünsche zum Geburtstag ausrichten`
          : `Partner: ${partner} – pass on your birthday wishes`,
      );
  }
  if (r.kind === 'commitment')
    out.push(
      L === 'de'
        ? 'Ist der Termin nicht zu halten: vorher anrufen und einen neuen, haltbaren Termin vereinbaren'
        : 'If the date cannot be kept: call before it passes and agree on one you can keep',
    );
  if (r.kind === 'after-purchase')
    out.push(
      L === 'de'
        ? 'Fragen, wie es läuft und ob etwas fehlt; lieber einen nützlichen Tipp mitbringen als ein neues Angebot'
        : 'Ask how it is going and whether anything is missing; bring a useful tip rather than a new offer',
    );
  const common = commonPoints(p);
  for (const line of common.before) out.push(line);
  // The promise a commitment touch is about is in its reasons already; list the others.
  const promises = r.kind === 'commitment' ? common.promises.slice(1) : common.promises.slice(0, 3);
  for (const line of promises) out.push(line);
  if (common.preferences) out.push(common.preferences);

  const guide =
    r.kind === 'feedback'
      ? GUIDES.feedback
      : r.kind === 'exit-conversation'
        ? GUIDES.exit
        : r.kind === 'complaint'
          ? GUIDES.complaint
          : null;
  if (guide) for (const line of L === 'de' ? guide.de(du) : guide.en()) out.push(line);
  return out;
}

/** A candidate in words: the contract's Suggestion. */
export function describeCandidate(r: RawCandidate, p: Prepared): Suggestion {
  const choice = chooseChannel(r.kind, p.contact, p.tier);
  return {
    kind: r.kind,
    channel: choice.channel,
    due: isoFromDayNumber(r.due),
    reasons: reasonsFor(r, p, choice.basis),
    talkingPoints: talkingPointsFor(r, p),
  };
}

// Lazy words for agenda items: the state sits in a private field stamped onto the plain suggestion
// object (invisible to JSON, structured clone, spread and equality checks); the shared accessors
// replace themselves with plain data properties on first read or write.

interface LazySource {
  r: RawCandidate;
  history: ContactHistory;
  tier: Tier;
  ctx: CoreContext;
  basis: ChannelChoice['basis'];
  /** Built on the first read of either property, shared by both. */
  prep: Prepared | undefined;
  reasons: string[] | undefined;
  talkingPoints: string[] | undefined;
}

// A base class whose constructor returns the object it is given: a subclass then adds its private
// field to that object — a plain object literal, prototype and own keys untouched. Cheaper than a
// third `Object.defineProperty` per item (a symbol-keyed property would need one to stay hidden).
const Identity = function (target: object) {
  return target;
} as unknown as new (target: object) => object;

class Words extends Identity {
  readonly #source: LazySource;

  private constructor(target: object, source: LazySource) {
    super(target);
    this.#source = source;
  }

  static attach(target: object, source: LazySource): void {
    new Words(target, source);
  }

  static of(target: object): LazySource {
    return (target as Words).#source;
  }
}

function prepared(src: LazySource): Prepared {
  return (src.prep ??= new Prepared(src.history, src.tier, src.ctx));
}

type WordsKey = 'reasons' | 'talkingPoints';

/**
 * Turn the accessor into a plain data property. An object frozen in the meantime (state libraries
 * deep-freeze what they hold) cannot be changed any more: then the words stay in the source and the
 * accessor keeps answering from there.
 */
function settle(target: object, src: LazySource, key: WordsKey, value: string[]): string[] {
  src[key] = value;
  try {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } catch {
    // frozen by now: the source answers
  }
  return value;
}

const REASONS: PropertyDescriptor = {
  get(this: object) {
    const src = Words.of(this);
    return src.reasons ?? settle(this, src, 'reasons', reasonsFor(src.r, prepared(src), src.basis));
  },
  set(this: object, value: string[]) {
    settle(this, Words.of(this), 'reasons', value);
  },
  enumerable: true,
  configurable: true,
};

const TALKING_POINTS: PropertyDescriptor = {
  get(this: object) {
    const src = Words.of(this);
    return (
      src.talkingPoints ??
      settle(this, src, 'talkingPoints', talkingPointsFor(src.r, prepared(src)))
    );
  },
  set(this: object, value: string[]) {
    settle(this, Words.of(this), 'talkingPoints', value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * The same Suggestion with `reasons` and `talkingPoints` put into words on first read and then
 * kept. An agenda over 10,000 contacts holds tens of thousands of items while the popup shows the
 * first few and the badge only counts them; building every sentence up front would cost more than
 * the whole ranking. To every reader (JSON, structured clone, spread, equality checks) they are
 * ordinary enumerable properties, and they may be assigned. Only the candidate and a reference to
 * the history are kept until then; what the words need is looked up again on first read.
 */
export function describeCandidateLazily(
  r: RawCandidate,
  history: ContactHistory,
  tier: Tier,
  ctx: CoreContext,
): Suggestion {
  const choice = chooseChannel(r.kind, history.contact, tier);
  const s = { kind: r.kind, channel: choice.channel, due: isoFromDayNumber(r.due) };
  Words.attach(s, {
    r,
    history,
    tier,
    ctx,
    basis: choice.basis,
    prep: undefined,
    reasons: undefined,
    talkingPoints: undefined,
  });
  Object.defineProperty(s, 'reasons', REASONS);
  Object.defineProperty(s, 'talkingPoints', TALKING_POINTS);
  return s as Suggestion;
}
