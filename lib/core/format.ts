// Formatting of amounts, shares and days for reasons in German and English (settings.locale).
// Hand-written rather than Intl so that reasons are identical on every machine (ICU versions differ
// in spaces and abbreviations) and cheap enough to build for thousands of agenda items.

import type { Channel, LostReason } from '../model';
import { civilFromDayNumber, weekdayOfDayNumber, type DayNumber } from './days';

export type Locale = 'de' | 'en';

function group(n: number, sep: string): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += sep;
    out += s[i];
  }
  return out;
}

/** Whole euros from integer cents: de "48.200 EUR", en "EUR 48,200". */
export function formatMoney(cents: number, locale: Locale): string {
  const euros = Math.round(cents / 100);
  const sign = euros < 0 ? '-' : '';
  const digits = group(Math.abs(euros), locale === 'de' ? '.' : ',');
  return locale === 'de' ? `${sign}${digits} EUR` : `EUR ${sign}${digits}`;
}

/** A share 0..1 as percent with at most one decimal: de "80 %", en "80%". */
export function formatPercent(share: number, locale: Locale): string {
  const p = Math.round(share * 1000) / 10;
  const text = Number.isInteger(p) ? String(p) : p.toFixed(1);
  return locale === 'de' ? `${text.replace('.', ',')} %` : `${text}%`;
}

const WEEKDAYS_SHORT: Record<Locale, string[]> = {
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const WEEKDAYS_LONG: Record<Locale, string[]> = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS_SHORT_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const MONTHS_LONG: Record<Locale, string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

export function weekdayName(weekday: number, locale: Locale): string {
  return WEEKDAYS_LONG[locale][weekday - 1] ?? String(weekday);
}

export function monthName(month: number, locale: Locale): string {
  return MONTHS_LONG[locale][month - 1] ?? String(month);
}

/** A day for reasons: de "Fr, 13.03.2026", en "Fri 13 Mar 2026". */
export function formatDay(day: DayNumber, locale: Locale): string {
  const c = civilFromDayNumber(day);
  const wd = weekdayOfDayNumber(day) - 1;
  return locale === 'de'
    ? `${WEEKDAYS_SHORT.de[wd]}, ${String(c.day).padStart(2, '0')}.${String(c.month).padStart(2, '0')}.${c.year}`
    : `${WEEKDAYS_SHORT.en[wd]} ${c.day} ${MONTHS_SHORT_EN[c.month - 1]} ${c.year}`;
}

/** "1 day" / "3 days", "1 Tag" / "3 Tagen" (dative, as used after "seit", "vor", "in"). */
export function daysWord(n: number, locale: Locale): string {
  if (locale === 'de') return n === 1 ? '1 Tag' : `${n} Tagen`;
  return n === 1 ? '1 day' : `${n} days`;
}

/** "today", "tomorrow", "in 3 days", "3 days ago" relative to today. */
export function relativeDay(day: DayNumber, today: DayNumber, locale: Locale): string {
  const d = day - today;
  if (locale === 'de') {
    if (d === 0) return 'heute';
    if (d === 1) return 'morgen';
    if (d === -1) return 'gestern';
    return d > 0 ? `in ${daysWord(d, 'de')}` : `vor ${daysWord(-d, 'de')}`;
  }
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  return d > 0 ? `in ${daysWord(d, 'en')}` : `${daysWord(-d, 'en')} ago`;
}

/** A list joined the way people write it: "a, b and c" / "a, b und c". */
export function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = locale === 'de' ? ' und ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

const CHANNEL_NAMES: Record<Locale, Record<Channel, string>> = {
  de: {
    email: 'E-Mail',
    phone: 'Telefon',
    meeting: 'Treffen',
    visit: 'Besuch',
    xing: 'XING',
    linkedin: 'LinkedIn',
    letter: 'Brief',
    gift: 'Geschenk',
    event: 'Veranstaltung',
    other: 'Sonstiges',
  },
  en: {
    email: 'e-mail',
    phone: 'phone',
    meeting: 'meeting',
    visit: 'visit',
    xing: 'XING',
    linkedin: 'LinkedIn',
    letter: 'letter',
    gift: 'gift',
    event: 'event',
    other: 'other',
  },
};

export function channelName(channel: Channel, locale: Locale): string {
  return CHANNEL_NAMES[locale][channel] ?? channel;
}

const LOST_REASON_NAMES: Record<Locale, Record<LostReason, string>> = {
  de: {
    price: 'Preis',
    quality: 'Qualität',
    service: 'Service',
    'contact-left': 'Ansprechpartner gegangen',
    competitor: 'Wettbewerber',
    'no-need': 'kein Bedarf mehr',
    moved: 'umgezogen',
    other: 'Sonstiges',
    unknown: 'unbekannt',
  },
  en: {
    price: 'price',
    quality: 'quality',
    service: 'service',
    'contact-left': 'contact left',
    competitor: 'competitor',
    'no-need': 'no more need',
    moved: 'moved away',
    other: 'other',
    unknown: 'unknown',
  },
};

export function lostReasonName(reason: string | undefined, locale: Locale): string {
  const names = LOST_REASON_NAMES[locale] as Record<string, string>;
  return names[reason ?? 'unknown'] ?? names.unknown ?? 'unknown';
}

/** `HH:00` for an hour 0..24. */
export function formatHour(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

/** The collator of name order (build one per sort, not per comparison). */
export function nameCollator(locale: string): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: 'base' });
}

const SAFE_KEY = /^[a-z0-9 ]*$/;
const MARKS = /[\u0300-\u036f]/g;

// Lower-case Latin-1 letters at primary strength in the root collation: accented letters are their
// base letter, ß is "ss"; æ, ð, ø, þ are letters of their own and ÷ is a symbol (no key for those).
const LATIN1: Record<string, string> = {};
'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ'
  .split('')
  .forEach((ch) => (LATIN1[ch] = ch.normalize('NFD').charAt(0)));
LATIN1['ß'] = 'ss';
const LATIN1_RE = /[\u00df-\u00ff]/g;

// The punctuation of names ("Dr. Anna Weiß", "Karl-Heinz", "O'Brien", "Müller, Hans"). The root
// collation does not ignore punctuation: each mark has a primary weight of its own, above the space
// and below the digits, in the order - , . ' — so the key gives them codes between space (0x20) and
// "0" (0x30) in that order.
const PUNCTUATION: Record<string, string> = { '-': '!', ',': '"', '.': '#', "'": '$' };
const PUNCTUATION_RE = /[-,.']/g;

/**
 * A text key that orders like `nameCollator` (base sensitivity, de/en = the root collation) for
 * names made of letters, digits, spaces and the punctuation above: case and accents fold away
 * (ä → a, é → e, ß → ss) and what remains sorts space < punctuation < digits < letters, as the code
 * units of the key do. Null for anything else (other symbols, æ, other scripts): those pairs go to
 * the collator. An agenda of 20,000 items compares names tens of thousands of times; comparing two
 * strings is far cheaper than ICU.
 */
export function collationKey(name: string): string | null {
  const lower = name.toLowerCase();
  let latin = false;
  let other = false;
  let marks = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32) continue;
    if (c === 45 || c === 44 || c === 46 || c === 39) marks = true;
    else if (c >= 0xdf && c <= 0xff) latin = true;
    else if (c < 0x100)
      return null; // other punctuation and symbols: left to the collator
    else other = true;
  }
  let k = lower;
  if (other) {
    // Beyond Latin-1: fold by decomposition (ć → c), else leave it to the collator. Decomposition
    // could turn a character into punctuation, so names with both are left to the collator too.
    if (marks) return null;
    k = lower.normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss');
    return SAFE_KEY.test(k) ? k : null;
  }
  if (latin) {
    let unknown = false;
    k = lower.replace(LATIN1_RE, (ch) => {
      const m = LATIN1[ch];
      if (m === undefined) unknown = true;
      return m ?? '';
    });
    if (unknown) return null;
  }
  return marks ? k.replace(PUNCTUATION_RE, (ch) => PUNCTUATION[ch] as string) : k;
}

/** Compare two names exactly like `nameCollator(locale)`, by key where both have one. */
export function compareNames(
  a: string,
  ka: string | null,
  b: string,
  kb: string | null,
  collator: Intl.Collator,
): number {
  if (a === b) return 0;
  if (ka !== null && kb !== null) return ka < kb ? -1 : ka > kb ? 1 : 0;
  return collator.compare(a, b);
}
