// Dates for people, in the user's time zone and language: the one formatter (lib/i18n) applied to
// model dates, with "today" taken from the core's day helpers so that the UI and the rules agree;
// and small text helpers.
// From the calendar module only: the pages that show dates (the panel above all) should not load the
// rules and their holiday engine for it.
import { dayIn, dayNumberFromIso, todayIn as todayInZone, zoneFor, type Zone } from '../core/days';
import { dueStatus, formatDay, relativeDay, type Locale } from '../i18n';

// The pages convert dates on every render (a row of the contacts table shows three); building a
// zone costs a tenth of a millisecond and its caches fill as it is used, so the pages keep one zone
// per setting. (lib/core keeps no such state: each computation there owns its zone.)
const zones = new Map<string, Zone>();

/** The zone of a setting, kept for the page's lifetime (a handful of zones at most). */
export function zoneOf(timeZone: string | undefined): Zone {
  const key = timeZone ?? '';
  let zone = zones.get(key);
  if (!zone) {
    if (zones.size > 16) zones.clear();
    zones.set(key, (zone = zoneFor(timeZone)));
  }
  return zone;
}

/** Today's calendar day (`YYYY-MM-DD`) in the user's zone. */
export function todayIn(now: Date, timeZone?: string): string {
  return todayInZone(now, zoneOf(timeZone));
}

/** "Mo, 23.11.2026" / "Mon 23 Nov 2026" for a model date (day or instant). */
export function dayLabel(date: string, locale: Locale, timeZone?: string): string {
  return formatDay(locale, date, { weekday: true, timeZone: zoneOf(timeZone) });
}

/** "13.03.2026" / "13 Mar 2026" for a model date (day or instant), without the weekday. */
export function dateLabel(date: string, locale: Locale, timeZone?: string): string {
  return formatDay(locale, date, { timeZone: zoneOf(timeZone) });
}

/** "13.10." / "13 Oct" in the current year, else with the year (a message's day on a button). */
export function shortDateLabel(date: string, now: Date, locale: Locale, timeZone?: string): string {
  const full = dateLabel(date, locale, timeZone);
  const day = dayIn(date, zoneOf(timeZone));
  if (!day || day.slice(0, 4) !== todayIn(now, timeZone).slice(0, 4)) return full;
  return locale === 'de' ? full.slice(0, 6) : full.replace(/ \d{4}$/, '');
}

/** "heute", "vor 3 Tagen", "in 2 Tagen". */
export function relativeLabel(date: string, now: Date, locale: Locale, timeZone?: string): string {
  const day = dayIn(date, zoneOf(timeZone));
  if (!day) return date;
  return relativeDay(locale, dayNumberFromIso(day), dayNumberFromIso(todayIn(now, timeZone)));
}

/** "seit 2 Tagen überfällig" / "due today" for a `YYYY-MM-DD` due day. */
export function dueLabel(due: string, now: Date, locale: Locale, timeZone?: string): string {
  return dueStatus(dayNumberFromIso(due), dayNumberFromIso(todayIn(now, timeZone)), locale);
}

export function isOverdue(due: string, now: Date, timeZone?: string): boolean {
  const day = dayIn(due, zoneOf(timeZone));
  return !!day && day < todayIn(now, timeZone);
}

/** The first letter in upper case: the core's English names are lower case for use mid-sentence
 * ("via e-mail"); at the start of a line or an option they read better capitalised ("E-mail"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
