// Days, relative days, lists and the names of weekdays, months, channels and reasons for people, in
// the user's language: the one date formatter of the app (numbers: numbers.ts). Days are calendar
// days (lib/core/days.ts day numbers, or model date strings read in the user's zone).
import {
  civilFromDayNumber,
  dayNumberFromIso,
  weekdayOfDayNumber,
  zoneFor,
  type DayNumber,
  type Zone,
} from '../core/days';
import type { Channel, LostReason } from '../model';
import type { Locale } from './locale';
import { translate } from './translate';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A calendar day for people: de "13.03.2026", en "13 Mar 2026"; with `weekday` de
 * "Fr, 13.03.2026", en "Fri 13 Mar 2026". `day` is a day number or a model date (`YYYY-MM-DD` or an
 * instant, read in `timeZone`); what is no date comes back as written.
 */
export function formatDay(
  locale: Locale,
  day: DayNumber | string,
  opts: { weekday?: boolean; timeZone?: string | Zone } = {},
): string {
  const n =
    typeof day === 'number'
      ? day
      : day.length === 10
        ? dayNumberFromIso(day)
        : zoneFor(opts.timeZone).dayOfDate(day);
  if (!Number.isFinite(n)) return String(day);
  const c = civilFromDayNumber(n);
  const wd = opts.weekday ? translate(locale, `weekday.${weekdayOfDayNumber(n)}`) : '';
  if (locale === 'de') {
    const date = `${pad2(c.day)}.${pad2(c.month)}.${c.year}`;
    return wd ? `${wd}, ${date}` : date;
  }
  const date = `${c.day} ${translate(locale, `month.${c.month}`)} ${c.year}`;
  return wd ? `${wd} ${date}` : date;
}

/**
 * A day of the year (a birthday, the year optional) as files and previews write it: de "03.05.1980"
 * or "03.05.", en "1980-05-03" or "--05-03" (ISO 8601 without year).
 */
export function formatDayOfYear(
  locale: Locale,
  b: { month: number; day: number; year?: number } | undefined,
): string {
  if (!b) return '';
  if (locale === 'de') return `${pad2(b.day)}.${pad2(b.month)}.${b.year ?? ''}`;
  return b.year === undefined
    ? `--${pad2(b.month)}-${pad2(b.day)}`
    : `${String(b.year).padStart(4, '0')}-${pad2(b.month)}-${pad2(b.day)}`;
}

/** "1 day" / "3 days", "1 Tag" / "3 Tagen" (dative, as used after "seit", "vor", "in"). */
export function daysWord(locale: Locale, n: number): string {
  return translate(locale, 'day.count', { count: n });
}

/** "today", "tomorrow", "yesterday", "in 3 days", "3 days ago" relative to today. */
export function relativeDay(locale: Locale, day: DayNumber, today: DayNumber): string {
  const d = day - today;
  if (d === 0) return translate(locale, 'day.today');
  if (d === 1) return translate(locale, 'day.tomorrow');
  if (d === -1) return translate(locale, 'day.yesterday');
  return d > 0
    ? translate(locale, 'day.in', { days: daysWord(locale, d) })
    : translate(locale, 'day.ago', { days: daysWord(locale, -d) });
}

/** "overdue by 3 days" / "due today" / "due in 5 days (Fri 13 Mar 2026)". */
export function dueStatus(due: DayNumber, today: DayNumber, L: Locale): string {
  const d = due - today;
  if (d < 0) return translate(L, 'due.overdue', { days: daysWord(L, -d) });
  if (d === 0) return translate(L, 'due.today');
  const day = formatDay(L, due, { weekday: true });
  if (d === 1) return translate(L, 'due.tomorrow', { day });
  return translate(L, 'due.in', { days: daysWord(L, d), day });
}

/** A list joined the way people write it: "a, b and c" / "a, b und c". */
export function joinList(locale: Locale, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${translate(locale, 'list.and')}${items[items.length - 1]}`;
}

/** An hour of the day as people say it: de "17 Uhr", en "17:00". */
export function formatHour(locale: Locale, h: number): string {
  return locale === 'de' ? `${h} Uhr` : `${pad2(h)}:00`;
}

export function weekdayName(locale: Locale, weekday: number): string {
  return translate(locale, `weekday.long.${weekday}`);
}

export function monthName(locale: Locale, month: number): string {
  return translate(locale, `month.long.${month}`);
}

export function channelName(locale: Locale, channel: Channel): string {
  return translate(locale, `channel.${channel}`);
}

export function lostReasonName(locale: Locale, reason: LostReason | string | undefined): string {
  const key = `lostReason.${reason ?? 'unknown'}`;
  const name = translate(locale, key);
  return name === key ? translate(locale, 'lostReason.unknown') : name;
}
