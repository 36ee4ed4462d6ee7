// The communication plan (PRODUCT.md "Communication plan" and "Times to avoid"): intervals per tier
// with per-contact overrides, and moving a due date out of the contact's busy months and weekdays.

import type { Contact, Tier } from '../model';
import type { CoreSettings } from './context';
import { nextWorkingDayOnOrAfter, type WorkCalendar } from './workdays';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  dayNumberFromIso,
  isoFromDayNumber,
  weekdayOfDayNumber,
  type DayNumber,
} from './days';
import { formatDay, formatHour, joinList, monthName, translate, type Locale } from '../i18n';

/** A per-contact interval that counts: whole days ≥ 1 (PRODUCT.md "Days"). */
export function validInterval(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1;
}

/** Days between personal contacts: `plan.contactEveryDays`, else the tier's. */
export function contactInterval(contact: Contact, tier: Tier, s: CoreSettings): number {
  const own = contact?.plan?.contactEveryDays;
  return validInterval(own) ? Math.floor(own) : (s.contactEveryDays[tier] ?? s.contactEveryDays.C);
}

/** Days between feedback requests: `plan.feedbackEveryDays`, else the tier's. */
export function feedbackInterval(contact: Contact, tier: Tier, s: CoreSettings): number {
  const own = contact?.plan?.feedbackEveryDays;
  return validInterval(own)
    ? Math.floor(own)
    : (s.feedbackEveryDays[tier] ?? s.feedbackEveryDays.C);
}

/** Avoided months (1–12) and weekdays (1 = Mon … 7 = Sun) as lookup tables; junk entries dropped. */
export interface AvoidTable {
  months: boolean[]; // index 1..12
  weekdays: boolean[]; // index 1..7
  any: boolean;
}

export function avoidTable(
  avoid: { months?: unknown; weekdays?: unknown } | undefined,
): AvoidTable {
  const months: boolean[] = new Array<boolean>(13).fill(false);
  const weekdays: boolean[] = new Array<boolean>(8).fill(false);
  let any = false;
  if (avoid && Array.isArray(avoid.months))
    for (const m of avoid.months)
      if (Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12) {
        months[m as number] = true;
        any = true;
      }
  if (avoid && Array.isArray(avoid.weekdays))
    for (const w of avoid.weekdays)
      if (Number.isInteger(w) && (w as number) >= 1 && (w as number) <= 7) {
        weekdays[w as number] = true;
        any = true;
      }
  return { months, weekdays, any };
}

export function isAvoided(day: DayNumber, t: AvoidTable): boolean {
  if (!t.any) return false;
  return !!t.months[civilFromDayNumber(day).month] || !!t.weekdays[weekdayOfDayNumber(day)];
}

export interface AllowedDay {
  day: DayNumber;
  /** Months and weekdays that were jumped over, for the reason. */
  months: number[];
  weekdays: number[];
  /** No day of the next 366 was allowed, so the avoid rules were ignored. */
  gaveUp: boolean;
}

/**
 * The allowed day on or after `x`: the first day ≥ x in no avoided month and on no avoided weekday.
 * An avoided month jumps to the 1st of the next month, then weekdays are checked again. When none of
 * the next 366 days (x … x + 365) is allowed the rules are ignored and x itself is returned.
 */
export function allowedDayOnOrAfter(x: DayNumber, t: AvoidTable): AllowedDay {
  const months: number[] = [];
  const weekdays: number[] = [];
  if (!t.any) return { day: x, months, weekdays, gaveUp: false };
  const limit = x + 365;
  let d = x;
  while (d <= limit) {
    const c = civilFromDayNumber(d);
    if (t.months[c.month]) {
      if (!months.includes(c.month)) months.push(c.month);
      d =
        c.month === 12
          ? dayNumberFromCivil(c.year + 1, 1, 1)
          : dayNumberFromCivil(c.year, c.month + 1, 1);
      continue;
    }
    const wd = weekdayOfDayNumber(d);
    if (t.weekdays[wd]) {
      if (!weekdays.includes(wd)) weekdays.push(wd);
      d++;
      continue;
    }
    return { day: d, months, weekdays, gaveUp: false };
  }
  return { day: x, months: [], weekdays: [], gaveUp: true };
}

export interface AvoidOutcome {
  due: DayNumber;
  original: DayNumber;
  moved: boolean;
  /** The due date was today or earlier and today is avoided: moved from today. */
  fromToday: boolean;
  months: number[];
  weekdays: number[];
  gaveUp: boolean;
  /** Where the move landed beyond the contact's rules: the user's days off and public holidays. */
  offDays: number[];
  holidays: DayNumber[];
}

/**
 * Apply the times to avoid to a due date (cadence, feedback, after-purchase, follow-up only).
 * A due date after today moves to the allowed day on or after it. A due date today or earlier stays
 * when today is allowed — an overdue touch stays overdue rather than jumping into the future —
 * and moves to the allowed day on or after today when today is avoided.
 */
export function applyAvoid(
  due: DayNumber,
  today: DayNumber,
  t: AvoidTable,
  calendar?: WorkCalendar,
): AvoidOutcome {
  const none: AvoidOutcome = {
    due,
    original: due,
    moved: false,
    fromToday: false,
    months: [],
    weekdays: [],
    gaveUp: false,
    offDays: [],
    holidays: [],
  };
  if (!t.any) return none;
  let out: AvoidOutcome;
  if (due > today) {
    const a = allowedDayOnOrAfter(due, t);
    out = {
      ...none,
      due: a.day,
      moved: a.day !== due,
      months: a.months,
      weekdays: a.weekdays,
      gaveUp: a.gaveUp && isAvoided(due, t),
    };
  } else {
    const a = allowedDayOnOrAfter(today, t);
    if (a.gaveUp) return { ...none, gaveUp: isAvoided(today, t) };
    if (a.day === today) return none;
    out = {
      ...none,
      due: a.day,
      moved: true,
      fromToday: true,
      months: a.months,
      weekdays: a.weekdays,
    };
  }
  // A moved date lands on a working day of the user that is no public holiday and still allowed
  // by the contact's rules: nobody is called on a Sunday because they avoid Fridays and Saturdays.
  if (out.moved && calendar) {
    const w = nextWorkingDayOnOrAfter(out.due, calendar, t);
    if (!w.gaveUp && w.day !== out.due) {
      out.due = w.day;
      out.offDays = w.offDays;
      out.holidays = w.holidays;
      for (const m of w.months) if (!out.months.includes(m)) out.months.push(m);
      for (const wd of w.weekdays) if (!out.weekdays.includes(wd)) out.weekdays.push(wd);
    }
  }
  return out;
}

/**
 * String-level form for the UI: `{ due, moved }` for a `YYYY-MM-DD` due date, today and the
 * contact's `avoid` rules. Invalid days come back unchanged.
 */
export function shiftForAvoid(
  due: string,
  today: string,
  avoid: { months?: number[]; weekdays?: number[] } | undefined,
): { due: string; moved: boolean } {
  const d = dayNumberFromIso(due);
  const t = dayNumberFromIso(today);
  if (d !== d || t !== t) return { due, moved: false };
  const out = applyAvoid(d, t, avoidTable(avoid));
  return { due: isoFromDayNumber(out.due), moved: out.moved };
}

/** Why a date moved, said plainly (PRODUCT.md: "every move is said in the reasons"). */
export function avoidReason(o: AvoidOutcome, L: Locale, calendar?: WorkCalendar): string | null {
  if (o.gaveUp) return translate(L, 'avoid.gaveUp');
  if (!o.moved) return null;
  const list = joinList(L, [
    ...o.months.map((m) => monthName(L, m)),
    ...o.weekdays.map((w) => translate(L, `weekday.plural.${w}`)),
  ]);
  const from = formatDay(L, o.original, { weekday: true });
  const to = formatDay(L, o.due, { weekday: true });
  let text = translate(L, o.fromToday ? 'avoid.fromToday' : 'avoid.moved', { from, to, list });
  const skipped = [
    ...o.offDays.map((w) => translate(L, `weekday.plural.${w}`)),
    ...o.holidays.map((d) => calendar?.holidayName(d, L) ?? formatDay(L, d, { weekday: true })),
  ];
  if (skipped.length) text += translate(L, 'avoid.workdays', { list: joinList(L, skipped) });
  return text;
}

/** `avoid.hours` never moves a date; it becomes advice ("not before 10:00"). */
export function hoursAdvice(
  hours: { from?: unknown; to?: unknown } | undefined,
  L: Locale,
): string | null {
  if (!hours) return null;
  const from = hours.from;
  const to = hours.to;
  if (
    typeof from !== 'number' ||
    typeof to !== 'number' ||
    !(from >= 0) ||
    !(to <= 24) ||
    !(from < to)
  )
    return null;
  if (from <= 0) return translate(L, 'hours.notBefore', { hour: formatHour(L, to) });
  if (to >= 24) return translate(L, 'hours.notAfter', { hour: formatHour(L, from) });
  return translate(L, 'hours.notBetween', {
    from: formatHour(L, from),
    fromHour: from,
    to: formatHour(L, to),
  });
}
