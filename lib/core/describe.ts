// Putting a candidate into words: reasons (why now, why this channel, what moved) and talking points
// (who this person is to us and how to run the conversation) in settings.locale. The words
// themselves live in lib/i18n (rules.ts); this module chooses which and fills them in.
// The conversation guides follow PRODUCT.md point 7: open questions, listen far more than talk,
// ask why rather than how, take criticism with a plain thank-you.

import {
  channelName,
  daysWord,
  dueStatus,
  formatCents,
  formatDay,
  lostReasonName,
  relativeDay,
  translate,
  type Locale,
  type Params,
} from '../i18n';
import type { ContactHistory, Feedback, Occasion, Tier } from '../model';
import type { CoreContext } from './context';
import { Prepared, type RawCandidate } from './candidate';
import { chooseChannel, type ChannelChoice } from './channel';
import { civilFromDayNumber, isoFromDayNumber, type DayNumber } from './days';
import { OCCASION_CARRIERS, THANKS_KINDS, type Suggestion, type SuggestionKind } from './kinds';
import {
  FIT_THRESHOLD,
  fitsOf,
  openConcerns,
  occasionIsCurrent,
  plannedIds,
  relevanceOf,
  type Fit,
} from './match';
import { positionText } from './page-facts';
import { avoidReason, hoursAdvice } from './plan';
import { broughtOccasionIds, lastBrought, latestInteraction, toCents } from './records';

/**
 * The occasion a touch of this kind brings: the first attached one ("Vormerken") that is current,
 * not yet brought, and of a kind this touch may carry (OCCASION_CARRIERS).
 */
export function carriedOccasion(
  kind: SuggestionKind,
  history: ContactHistory,
  ctx: CoreContext,
): Occasion | undefined {
  const planned = plannedIds(history.contact);
  const carries = OCCASION_CARRIERS[kind];
  if (!planned.length || !carries) return undefined;
  const brought = broughtOccasionIds(history);
  for (const id of planned) {
    const o = ctx.occasions.get(id);
    if (!o || brought.has(o.id) || !occasionIsCurrent(o, ctx.todayIso)) continue;
    if (carries.includes(o.kind)) return o;
  }
  return undefined;
}

/** "passt zu: Digitalisierung (Interesse), ERP-Auswahl (Thema seit 12.10.2026)" — at most `max`. */
export function fitsText(fits: readonly Fit[], L: Locale, max = 3): string {
  const list = fits
    .slice(0, max)
    .map((f) =>
      translate(L, `fit.${f.source}`, {
        text: f.text,
        day: f.day === undefined ? '' : formatDay(L, f.day),
      }),
    )
    .join(', ');
  return translate(L, 'fit.list', { list });
}

/** "today" / "tomorrow" / "in 5 days (Fri 13 Mar 2026)" for events such as birthdays. */
function when(day: DayNumber, today: DayNumber, L: Locale): string {
  const d = day - today;
  const relative = relativeDay(L, day, today);
  return d >= 2 || d < 0
    ? translate(L, 'event.on', { relative, day: formatDay(L, day, { weekday: true }) })
    : relative;
}

function clean(text: unknown): string {
  return typeof text === 'string' ? text.trim() : '';
}

function ratings(f: Feedback, L: Locale): string {
  const parts: string[] = [];
  if (typeof f.product === 'number')
    parts.push(translate(L, 'rating.product', { value: f.product }));
  if (typeof f.service === 'number')
    parts.push(translate(L, 'rating.service', { value: f.service }));
  return parts.join(', ');
}

function planPhrase(r: RawCandidate, tier: string, kind: 'cadence' | 'feedback', L: Locale) {
  const n = r.interval ?? 0;
  if (r.ownInterval) return translate(L, 'plan.own', { n });
  return translate(L, kind === 'cadence' ? 'plan.cadence' : 'plan.feedback', { tier, n });
}

/** A key with a variant for an optional note: `key` without, `key.note` with. */
function withNote(L: Locale, key: string, note: string, params: Params): string {
  return note ? translate(L, `${key}.note`, { ...params, note }) : translate(L, key, params);
}

function reasonsFor(r: RawCandidate, p: Prepared, channelBasis: string): string[] {
  const { ctx, contact } = p;
  const L = ctx.s.locale;
  const today = ctx.today;
  const day = (d: DayNumber) => formatDay(L, d, { weekday: true });
  const out: string[] = [];
  const zone = ctx.zone;
  switch (r.kind) {
    case 'commitment': {
      out.push(
        translate(L, 'reason.commitment', {
          name: clean(contact.name) || translate(L, 'reason.contact'),
          status: dueStatus(r.due, today, L),
          text: clean(r.commitment?.rec.text),
        }),
      );
      const more = p.commitments().length - 1;
      if (more > 0) out.push(translate(L, 'reason.commitment.more', { count: more }));
      break;
    }
    case 'complaint': {
      const f = r.feedback?.rec;
      const note = clean(f?.note);
      if (!r.lowSatisfaction) {
        // "Offene Reklamation vom Di, 10.03.2026 (vor 5 Tagen)" / "… of Tue 10 Mar 2026 (5 days ago)"
        const from =
          r.due === today
            ? translate(L, 'reason.complaint.from.today')
            : translate(L, 'reason.complaint.from', {
                day: day(r.due),
                relative: relativeDay(L, r.due, today),
              });
        out.push(withNote(L, 'reason.complaint.open', note, { from }));
        const more = (r.openComplaints ?? 1) - 1;
        if (more > 0) out.push(translate(L, 'reason.complaint.more', { count: more }));
      } else if (f) {
        out.push(
          withNote(L, 'reason.complaint.low', note, { day: day(r.due), ratings: ratings(f, L) }),
        );
      }
      out.push(translate(L, 'reason.complaint.fix'));
      break;
    }
    case 'reply': {
      const m = r.message?.rec;
      const on = r.message ? zone.dayOf(r.message.t) : r.due;
      const subject = clean(m?.source?.subject) || clean(m?.summary);
      out.push(
        translate(L, subject ? 'reason.reply.subject' : 'reason.reply', {
          channel: channelName(L, m?.channel ?? 'email'),
          name: clean(contact.name) || translate(L, 'reason.contact'),
          day: day(on),
          subject,
          waiting:
            on >= today
              ? translate(L, 'reason.reply.today')
              : translate(L, 'reason.reply.since', { days: daysWord(L, today - on) }),
        }),
      );
      out.push(translate(L, 'reason.reply.channel'));
      break;
    }
    case 'after-purchase': {
      const pu = r.purchase?.rec;
      const desc = clean(pu?.description);
      const money = formatCents(L, toCents(pu?.amount));
      out.push(
        translate(L, 'reason.after-purchase', {
          day: day(r.purchase ? zone.dayOf(r.purchase.t) : r.due),
          what: desc ? `${desc}, ${money}` : money,
          status: dueStatus(r.avoid?.original ?? r.due, today, L),
        }),
      );
      break;
    }
    case 'referral-thanks': {
      const [first, ...more] = r.referrals ?? [];
      if (first?.first)
        out.push(
          translate(L, 'reason.referral-thanks', {
            name: clean(first.contact.name),
            day: day(zone.dayOf(first.first.t)),
            amount: formatCents(L, toCents(first.first.rec.amount)),
            status: dueStatus(r.due, today, L),
          }),
        );
      if (more.length)
        out.push(
          translate(L, 'reason.referral-thanks.more', {
            names: more.map((m) => clean(m.contact.name)).join(', '),
          }),
        );
      out.push(translate(L, `reason.thanks.${p.tier}`));
      break;
    }
    case 'anniversary': {
      out.push(
        translate(L, 'reason.anniversary', {
          years: r.years ?? 0,
          when: when(r.due, today, L),
          day: formatDay(L, r.purchase ? zone.dayOf(r.purchase.t) : r.due),
        }),
      );
      out.push(translate(L, `reason.thanks.${p.tier}`));
      break;
    }
    case 'congratulation': {
      const j = contact.jobChange;
      out.push(
        translate(L, 'reason.congratulation', {
          day: day(r.due),
          position: positionText(L, { headline: j?.headline, company: j?.company }),
          status: dueStatus(r.due, today, L),
        }),
      );
      out.push(translate(L, 'reason.congratulation.noOffer'));
      break;
    }
    case 'exit-conversation': {
      out.push(
        translate(L, 'reason.exit', {
          day: day(r.lostOn ?? r.due - 7),
          reason: lostReasonName(L, contact.lost?.reason),
          status: dueStatus(r.due, today, L),
        }),
      );
      const note = clean(contact.lost?.note);
      if (note) out.push(translate(L, 'reason.note', { note }));
      break;
    }
    case 'birthday':
    case 'partner-birthday': {
      const b = r.birthday;
      const turns = b?.year ? civilFromDayNumber(r.due).year - b.year : null;
      const age = turns !== null && turns > 0 ? translate(L, 'reason.turns', { years: turns }) : '';
      const at = when(r.due, today, L);
      if (r.kind === 'birthday') out.push(translate(L, 'reason.birthday', { when: at, age }));
      else
        out.push(
          translate(L, `reason.partner-birthday.${contact.partner?.salutation ?? 'unknown'}`, {
            partner: clean(contact.partner?.name) || translate(L, 'reason.partner'),
            when: at,
            age,
          }),
        );
      // A birthday keeps its day, also when the user does not work then: one does not
      // congratulate in advance.
      if (!ctx.calendar().isWorkingDay(r.due)) out.push(translate(L, 'reason.birthday.dayOff'));
      if (b?.month === 2 && b.day === 29 && isoFromDayNumber(r.due).endsWith('-02-28'))
        out.push(translate(L, 'reason.leap'));
      if (channelBasis === 'closeness') out.push(translate(L, 'reason.birthday.call'));
      else if (channelBasis === 'profile') out.push(translate(L, 'reason.birthday.profile'));
      break;
    }
    case 'cadence': {
      const last = p.lastTouch();
      const plan = planPhrase(r, p.tier, 'cadence', L);
      const status = dueStatus(r.avoid?.original ?? r.due, today, L);
      if (last && !r.fromCreation) {
        const on = zone.dayOf(last.t);
        out.push(
          translate(L, 'reason.cadence.last', {
            status,
            relative: relativeDay(L, on, today),
            channel: channelName(L, last.rec.channel),
            day: day(on),
            plan,
          }),
        );
      } else {
        out.push(translate(L, 'reason.cadence.none', { status, day: day(r.base ?? today), plan }));
      }
      const mass = latestInteraction(p.history, ctx, 'mass');
      if (mass && (!last || mass.t > last.t))
        out.push(
          translate(L, 'reason.cadence.mass', {
            channel: channelName(L, mass.rec.channel),
            day: day(zone.dayOf(mass.t)),
          }),
        );
      break;
    }
    case 'feedback': {
      const plan = planPhrase(r, p.tier, 'feedback', L);
      const status = dueStatus(r.avoid?.original ?? r.due, today, L);
      const on = r.base ?? today;
      out.push(
        r.fromCreation
          ? translate(L, 'reason.feedback.never', { status, day: day(on), plan })
          : translate(L, 'reason.feedback.last', {
              status,
              relative: relativeDay(L, on, today),
              day: day(on),
              plan,
            }),
      );
      break;
    }
    case 'follow-up': {
      const f = r.followUp?.rec;
      const status = dueStatus(r.avoid?.original ?? r.due, today, L);
      let line = withNote(L, 'reason.follow-up', clean(f?.note), { status });
      if (f?.snoozedUntil) {
        const on = zone.dayOfDate(f.snoozedUntil);
        if (on === on) line += translate(L, 'reason.follow-up.snoozed', { day: day(on) });
      }
      out.push(line);
      break;
    }
  }
  const occasion = carriedOccasion(r.kind, p.history, ctx);
  if (occasion) out.push(translate(L, 'reason.occasion', { title: clean(occasion.title) }));
  if (r.avoid) {
    const moved = avoidReason(r.avoid, L, ctx.calendar());
    if (moved) out.push(moved);
  }
  const hours = hoursAdvice(contact.avoid?.hours, L);
  if (hours) out.push(hours);
  return out;
}

/**
 * The conversation guides: keys of the lines, with a `.du` variant where the address shows. They
 * carry the rules of a good customer conversation (seed 003): be yourself, ask open questions,
 * listen far more than talk, learn rather than sell, ask for facts, stay focused, understand needs
 * without judging, take feedback with a plain thank-you, ask why rather than how.
 */
const GUIDES: Readonly<Record<'feedback' | 'exit-conversation' | 'complaint', readonly string[]>> =
  Object.freeze({
    feedback: [
      'guide.feedback.1',
      'guide.feedback.questions',
      'guide.feedback.2',
      'guide.learn',
      'guide.facts',
      'guide.focus',
      'guide.needs',
      'guide.feedback.3',
      'guide.feedback.4',
      'guide.authentic',
    ],
    'exit-conversation': [
      'guide.exit.1',
      'guide.exit.2',
      'guide.exit.3',
      'guide.facts',
      'guide.needs',
      'guide.exit.4',
      'guide.exit.5',
    ],
    complaint: ['guide.complaint.1', 'guide.facts', 'guide.complaint.2', 'guide.complaint.3'],
  });

/** What a regular conversation asks on the side when feedback is due as well. */
const ASK_FEEDBACK: readonly string[] = Object.freeze([
  'point.askFeedback',
  'guide.feedback.questions',
]);

/** A guide line in the contact's form of address (the `.du` variant where one exists). */
function guideLine(L: Locale, key: string, du: boolean): string {
  if (du) {
    const variant = translate(L, `${key}.du`);
    if (variant !== `${key}.du`) return variant;
  }
  return translate(L, key);
}

interface CommonPoints {
  /** The form of address. */
  address: string | null;
  /** The contact's interests, as a list (null without any). */
  interests: string | null;
  /** The last personal conversation, and what was last brought. */
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
  const address =
    contact.address === 'Sie' || contact.address === 'Du'
      ? translate(L, `point.address.${contact.address}`)
      : null;
  const interestList = Array.isArray(contact.interests)
    ? contact.interests.map(clean).filter(Boolean)
    : [];
  const last = p.lastPersonal();
  const summary = clean(last?.rec.summary);
  if (last && summary)
    before.push(
      translate(L, 'point.lastTalk', {
        channel: channelName(L, last.rec.channel),
        day: formatDay(L, ctx.zone.dayOf(last.t), { weekday: true }),
        summary,
      }),
    );
  const brought = lastBrought(p.history, ctx);
  const given = brought?.rec.brought;
  if (brought && given)
    before.push(
      translate(L, 'point.lastBrought', {
        day: formatDay(L, ctx.zone.dayOf(brought.t)),
        what: [translate(L, `brought.${given.kind}`), clean(given.text)].filter(Boolean).join(': '),
      }),
    );
  const promises: string[] = [];
  for (const c of p.commitments().slice(0, 4))
    promises.push(
      translate(L, 'point.promise', {
        text: clean(c.rec.text),
        day: formatDay(L, ctx.zone.dayOf(c.t), { weekday: true }),
      }),
    );
  const prefs = clean(contact.preferences);
  const common: CommonPoints = {
    address,
    interests: interestList.length ? interestList.join(', ') : null,
    before,
    promises,
    preferences: prefs ? translate(L, 'point.preferences', { text: prefs }) : null,
  };
  p.common = common;
  return common;
}

/** The open concern noted last (what moves them now). */
function latestOpenConcern(p: Prepared): { text: string; notedAt: string } | undefined {
  let best: { text: string; notedAt: string } | undefined;
  for (const c of openConcerns(p.contact, p.ctx.todayIso))
    if (!best || c.notedAt >= best.notedAt) best = c;
  return best;
}

/** The current occasion that fits this contact best, not yet brought nor attached. */
function fittingOccasion(
  p: Prepared,
  kind: SuggestionKind,
): { occasion: Occasion; fits: Fit[] } | undefined {
  const current = p.ctx.currentOccasions();
  const carries = OCCASION_CARRIERS[kind];
  if (!current.length || !carries) return undefined;
  const planned = new Set(plannedIds(p.contact));
  const brought = broughtOccasionIds(p.history);
  let best: { occasion: Occasion; fits: Fit[]; relevance: number } | undefined;
  for (const terms of current) {
    const o = terms.occasion;
    if (planned.has(o.id) || brought.has(o.id) || !carries.includes(o.kind)) continue;
    const fits = fitsOf(terms, p.contact, p.history.purchases, p.ctx);
    const relevance = relevanceOf(fits);
    if (relevance >= FIT_THRESHOLD && (!best || relevance > best.relevance))
      best = { occasion: o, fits, relevance };
  }
  return best;
}

function talkingPointsFor(r: RawCandidate, p: Prepared): string[] {
  const { ctx, contact } = p;
  const L = ctx.s.locale;
  const out: string[] = [];

  if (r.kind === 'partner-birthday') {
    const partner = clean(contact.partner?.name);
    if (partner)
      out.push(
        translate(L, `point.partner.${contact.partner?.salutation ?? 'unknown'}`, {
          name: partner,
        }),
      );
  }
  // A promise already broken: call today, apologise and name a day you will keep; one still ahead:
  // call before it passes if it cannot be kept.
  if (r.kind === 'commitment')
    out.push(translate(L, r.due < ctx.today ? 'point.commitment.overdue' : 'point.commitment'));
  if (r.kind === 'reply') out.push(translate(L, 'point.reply'));
  // Feedback due with the regular contact is asked on the side of that conversation (seed 003),
  // never in a call of its own that smells of sales.
  if (r.kind === 'cadence' && r.askFeedback)
    for (const key of ASK_FEEDBACK) out.push(guideLine(L, key, contact.address === 'Du'));
  if (r.kind === 'after-purchase') out.push(translate(L, 'point.after-purchase'));
  if (THANKS_KINDS.includes(r.kind)) out.push(translate(L, 'point.thanks'));
  if (r.kind === 'congratulation') out.push(translate(L, 'point.congratulation'));
  const common = commonPoints(p);
  // What to bring (issue "Something to bring to every touch", 3): the attached occasion, else a
  // question about what moves them now, else what interests them — and an occasion that fits.
  let hookedInterests = false;
  const lead: string[] = [];
  if (OCCASION_CARRIERS[r.kind]) {
    const occasion = carriedOccasion(r.kind, p.history, ctx);
    if (occasion) {
      const text = clean(occasion.text);
      lead.push(
        translate(L, text ? 'point.bring.text' : 'point.bring', {
          title: clean(occasion.title),
          text,
        }),
      );
    } else {
      const concern = latestOpenConcern(p);
      if (concern)
        lead.push(
          translate(L, 'point.concern', {
            text: clean(concern.text),
            day: formatDay(L, concern.notedAt),
          }),
        );
      else if (common.interests) {
        lead.push(translate(L, 'point.interestHook', { list: common.interests }));
        hookedInterests = true;
      }
      const offer = fittingOccasion(p, r.kind);
      if (offer)
        lead.push(
          translate(L, 'point.offer', {
            title: clean(offer.occasion.title),
            fits: fitsText(offer.fits, L, 2),
          }),
        );
    }
  }
  // "Mitbringen: …" leads (after the partner to congratulate); the contact's words follow.
  out.splice(r.kind === 'partner-birthday' && out.length ? 1 : 0, 0, ...lead);
  if (common.address) out.push(common.address);
  if (common.interests && !hookedInterests)
    out.push(translate(L, 'point.interests', { list: common.interests }));
  for (const line of common.before) out.push(line);
  // The promise a commitment touch is about is in its reasons already; list the others.
  const promises = r.kind === 'commitment' ? common.promises.slice(1) : common.promises.slice(0, 3);
  for (const line of promises) out.push(line);
  if (common.preferences) out.push(common.preferences);

  const guide =
    r.kind === 'feedback' || r.kind === 'exit-conversation' || r.kind === 'complaint'
      ? GUIDES[r.kind]
      : null;
  if (guide) for (const key of guide) out.push(guideLine(L, key, contact.address === 'Du'));
  return out;
}

/** A candidate in words: the contract's Suggestion. */
export function describeCandidate(r: RawCandidate, p: Prepared): Suggestion {
  const choice = chooseChannel(r.kind, p.contact, p.tier, r.message?.rec.channel);
  const out: Suggestion = {
    kind: r.kind,
    channel: choice.channel,
    due: isoFromDayNumber(r.due),
    reasons: reasonsFor(r, p, choice.basis),
    talkingPoints: talkingPointsFor(r, p),
  };
  const occasion = carriedOccasion(r.kind, p.history, p.ctx);
  if (occasion) out.occasionId = occasion.id;
  return out;
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
  const choice = chooseChannel(r.kind, history.contact, tier, r.message?.rec.channel);
  const s: { kind: string; channel: string; due: string; occasionId?: string } = {
    kind: r.kind,
    channel: choice.channel,
    due: isoFromDayNumber(r.due),
  };
  const plans = history.contact.plannedOccasions;
  if (plans && plans.length) {
    const occasion = carriedOccasion(r.kind, history, ctx);
    if (occasion) s.occasionId = occasion.id;
  }
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
