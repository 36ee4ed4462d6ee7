// Working days (PRODUCT.md "Times to avoid"): a date that the avoid rules move lands on the first day
// on or after it that is a working day of the user (`settings.workingDays`, ISO weekdays, default
// Monday to Friday), no public holiday of `settings.holidayRegion`, and allowed by the contact's avoid
// rules — nobody is called on a Sunday because they avoid Fridays and Saturdays.
//
// Holidays come from date-holidays (issue: DE and its Länder, AT, CH and its cantons from a well-kept
// library, not a hand-made list): its rules engine, `date-holidays-parser`, reads the subset of its
// data in ./holiday-data.ts. Only holidays the library types `public` count; bank holidays (24 and
// 31 December in DE and AT), school holidays, observances and `optional` days (Berchtoldstag and
// Knabenschiessen in Zürich) do not. A public holiday that starts at noon (1 May in Solothurn and
// Valais, 24 December in Valais) counts for the whole day. Calendar days only: a holiday is its
// date, whatever `settings.timeZone` says (days.ts).
//
// Municipality-dependent days are regions of the library: in Bavaria, Mariä Himmelfahrt (15 August)
// is a public holiday only in the predominantly Catholic municipalities (`DE-BY-KATH`, and Augsburg
// `DE-BY-A`, which also has its Friedensfest on 8 August); for `DE-BY` as a whole the library types
// it an observance, so there it is a working day. Fronleichnam is public in part of Saxony and
// Thuringia only (`DE-SN-BZ`, `DE-TH-EIC`, `DE-TH-UH`, `DE-TH-WAK`; the library gives it to the
// whole district where the law names some of its municipalities).
//
// Speed: the agenda asks about the same few hundred days for thousands of contacts, so a calendar
// computes a year's holidays once (the parser: a few milliseconds for the first year, when it reads
// the rules, about half a millisecond for each further one) and answers from a table of days. The
// tables belong to the calendar object, which belongs to one computation: this module keeps no
// state of its own.

import Holidays from 'date-holidays-parser';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  dayNumberFromIso,
  weekdayOfDayNumber,
  type DayNumber,
} from './days';
import type { Locale } from '../i18n';
import { HOLIDAY_DATA, type HolidayDataNode } from './holiday-data';
import type { AvoidTable } from './plan';

// ---------------------------------------------------------------------------------------------------
// Regions

export interface HolidayRegion {
  /** `DE`, `DE-BY`, `DE-BY-KATH`, `AT-9`, `CH-ZH`: country, state and region of the library, joined. */
  code: string;
  /** The country or state this one belongs to; null for a country. */
  parent: string | null;
  level: 'country' | 'state' | 'region';
  /** Its own name (a state's without the country, a region's without the state). */
  de: string;
  en: string;
}

// English names the library lacks: it names the German Länder and regions only in German. Keyed by
// the derived codes (the test on region names fails when a German one is left without English).
const ENGLISH: Readonly<Record<string, string>> = {
  'DE-BB': 'Brandenburg',
  'DE-BE': 'Berlin',
  'DE-BW': 'Baden-Württemberg',
  'DE-BY': 'Bavaria',
  'DE-BY-A': 'City of Augsburg',
  'DE-HB': 'Bremen',
  'DE-HE': 'Hesse',
  'DE-HH': 'Hamburg',
  'DE-MV': 'Mecklenburg-Western Pomerania',
  'DE-NI': 'Lower Saxony',
  'DE-NW': 'North Rhine-Westphalia',
  'DE-RP': 'Rhineland-Palatinate',
  'DE-SH': 'Schleswig-Holstein',
  'DE-SL': 'Saarland',
  'DE-SN': 'Saxony',
  'DE-SN-BZ': 'District of Bautzen',
  'DE-ST': 'Saxony-Anhalt',
  'DE-TH': 'Thuringia',
  'DE-TH-EIC': 'District of Eichsfeld',
  'DE-TH-UH': 'Unstrut-Hainich district',
  'DE-TH-WAK': 'Wartburg district',
};

// Names the library spells wrongly or in a case English does not use (checked against the
// districts' own names).
const CORRECTED: Readonly<Record<string, { de?: string; en?: string }>> = {
  'DE-TH-EIC': { de: 'Landkreis Eichsfeld' },
  'DE-BY-KATH': { en: 'Predominantly Catholic municipalities' },
  'DE-BY-EVANG': { en: 'Predominantly Protestant municipalities' },
};

function nameIn(node: HolidayDataNode, lang: 'de' | 'en', code: string): string {
  const fixed = CORRECTED[code]?.[lang];
  if (fixed) return fixed;
  const n = node.names ?? {};
  const own =
    lang === 'de'
      ? (n.de ?? n['de-de'] ?? n['de-at'] ?? n['de-ch'])
      : (n.en ?? ENGLISH[code] ?? n['en-us']);
  return own ?? node.name ?? n.de ?? n['de-at'] ?? Object.values(n)[0] ?? code;
}

function regionsOf(data: typeof HOLIDAY_DATA): HolidayRegion[] {
  const out: HolidayRegion[] = [];
  const add = (
    node: HolidayDataNode,
    code: string,
    parent: string | null,
    level: HolidayRegion['level'],
  ) =>
    out.push({ code, parent, level, de: nameIn(node, 'de', code), en: nameIn(node, 'en', code) });
  for (const [country, node] of Object.entries(data.holidays)) {
    add(node, country, null, 'country');
    for (const [state, s] of Object.entries(node.states ?? {})) {
      const sc = `${country}-${state}`;
      add(s, sc, country, 'state');
      for (const [region, r] of Object.entries(s.regions ?? {}))
        add(r, `${sc}-${region}`, sc, 'region');
    }
  }
  return out;
}

/**
 * Every region `settings.holidayRegion` may name, in the library's order: DE and its 16 Länder (with
 * the regions where a holiday depends on the municipality), AT and its 9 Länder (`AT-1` Burgenland …
 * `AT-9` Wien, ISO 3166-2:AT; none adds a public holiday), CH and its 26 cantons.
 */
export const HOLIDAY_REGIONS: readonly HolidayRegion[] = Object.freeze(regionsOf(HOLIDAY_DATA));

/** The region of a setting (`de-by` and ` DE-BY ` read as `DE-BY`), or undefined when it names none. */
export function holidayRegion(code: unknown): HolidayRegion | undefined {
  if (typeof code !== 'string') return undefined;
  const c = code.trim().toUpperCase();
  return c === '' ? undefined : HOLIDAY_REGIONS.find((r) => r.code === c);
}

/** The region's name with its state for a region ("Bayern: Stadt Augsburg"); '' for no region. */
export function holidayRegionName(code: unknown, L: Locale): string {
  const r = holidayRegion(code);
  if (!r) return '';
  if (r.level !== 'region' || r.parent === null) return r[L];
  const p = holidayRegion(r.parent);
  return p ? `${p[L]}: ${r[L]}` : r[L];
}

// ---------------------------------------------------------------------------------------------------
// Working days

/** Monday to Friday (PRODUCT.md: the default of `settings.workingDays`). */
export const DEFAULT_WORKING_DAYS: readonly number[] = Object.freeze([1, 2, 3, 4, 5]);

/**
 * `settings.workingDays` as a table indexed 1..7 (1 = Monday). Junk entries are dropped; a list with
 * no valid weekday means the default (Monday to Friday): a user works on some day.
 */
export function workingDayTable(workingDays: unknown): boolean[] {
  const t = new Array<boolean>(8).fill(false);
  let any = false;
  if (Array.isArray(workingDays))
    for (const w of workingDays)
      if (Number.isInteger(w) && (w as number) >= 1 && (w as number) <= 7) {
        t[w as number] = true;
        any = true;
      }
  if (!any) for (const w of DEFAULT_WORKING_DAYS) t[w] = true;
  return t;
}

/** One year's public holidays: a flag per day of the year, names filled in when first asked. */
interface YearTable {
  first: DayNumber; // 1 January
  flags: Uint8Array; // 1 = public holiday, index = day - first
  names: Partial<Record<Locale, Map<DayNumber, string>>>;
}

// The front cache of a calendar: one slot per day, direct-mapped (day & (FRONT - 1)), so a question
// about any day of 22 consecutive years costs two typed-array reads, as in days.ts.
const FRONT = 8192;
const EMPTY = -2147483648;

/** Whether a day is a working day of the user in one holiday region. Make one per computation. */
export interface WorkCalendar {
  /** The region whose holidays count (null: none, or the setting named no known region). */
  readonly region: string | null;
  /** The user's working weekdays, 1 = Monday … 7 = Sunday, ascending. */
  readonly workingDays: readonly number[];
  /** Whether the user works on this weekday (1 = Monday … 7 = Sunday), holidays aside. */
  worksOn(weekday: number): boolean;
  /** A working weekday of the user and no public holiday of the region. */
  isWorkingDay(day: DayNumber): boolean;
  /** A public holiday of the region (whatever the weekday). */
  isHoliday(day: DayNumber): boolean;
  /** The public holiday's name (several on one day joined by " / "), else undefined. */
  holidayName(day: DayNumber, L: Locale): string | undefined;
}

class RegionCalendar implements WorkCalendar {
  readonly region: string | null;
  readonly workingDays: readonly number[];
  private readonly weekdays: boolean[];
  private parser: Holidays | null = null;
  private readonly years = new Map<number, YearTable>();
  private readonly frontDay = new Int32Array(FRONT).fill(EMPTY);
  private readonly frontHoliday = new Uint8Array(FRONT);

  constructor(region: HolidayRegion | undefined, workingDays: unknown) {
    this.region = region ? region.code : null;
    this.weekdays = workingDayTable(workingDays);
    this.workingDays = Object.freeze([1, 2, 3, 4, 5, 6, 7].filter((w) => this.weekdays[w]));
  }

  worksOn(weekday: number): boolean {
    return this.weekdays[weekday] === true;
  }

  isWorkingDay(day: DayNumber): boolean {
    if (!this.weekdays[weekdayOfDayNumber(day)]) return false;
    return !this.isHoliday(day);
  }

  isHoliday(day: DayNumber): boolean {
    if (this.region === null) return false;
    const slot = day & (FRONT - 1);
    if (this.frontDay[slot] === day) return this.frontHoliday[slot] === 1;
    if (!Number.isInteger(day)) return false;
    const t = this.yearTable(civilFromDayNumber(day).year);
    // Put the whole year into the front cache: the next question is most likely about a day near.
    if (t.first >= -2147483647 && t.first + t.flags.length <= 2147483647)
      for (let i = 0; i < t.flags.length; i++) {
        const s = (t.first + i) & (FRONT - 1);
        this.frontDay[s] = t.first + i;
        this.frontHoliday[s] = t.flags[i] as number;
      }
    return t.flags[day - t.first] === 1;
  }

  holidayName(day: DayNumber, L: Locale): string | undefined {
    if (!this.isHoliday(day)) return undefined;
    const t = this.yearTable(civilFromDayNumber(day).year);
    let names = t.names[L];
    if (!names) {
      names = new Map();
      for (const h of this.publicHolidays(civilFromDayNumber(t.first).year, L)) {
        const before = names.get(h.day);
        if (before === undefined) names.set(h.day, h.name);
        else if (!before.split(' / ').includes(h.name)) names.set(h.day, `${before} / ${h.name}`);
      }
      t.names[L] = names;
    }
    return names.get(day);
  }

  private yearTable(year: number): YearTable {
    let t = this.years.get(year);
    if (!t) {
      const first = dayNumberFromCivil(year, 1, 1);
      const flags = new Uint8Array(dayNumberFromCivil(year + 1, 1, 1) - first);
      for (const h of this.publicHolidays(year, 'de')) {
        const i = h.day - first;
        if (i >= 0 && i < flags.length) flags[i] = 1;
      }
      t = { first, flags, names: {} };
      this.years.set(year, t);
    }
    return t;
  }

  private publicHolidays(year: number, L: Locale): { day: DayNumber; name: string }[] {
    // The parser's years are Gregorian with four digits; outside them no day is a holiday.
    if (year < 1000 || year > 9999) return [];
    const out: { day: DayNumber; name: string }[] = [];
    for (const h of this.holidays().getHolidays(year, L)) {
      if (h.type !== 'public') continue;
      // `date` is the holiday's calendar day and start time, "2026-06-04 00:00:00".
      const day = dayNumberFromIso(h.date.slice(0, 10));
      if (day === day) out.push({ day, name: h.name });
    }
    return out;
  }

  private holidays(): Holidays {
    if (this.parser === null) {
      // The parser reads "DE-BY-KATH" as country DE, state BY, region KATH.
      const p = new Holidays(HOLIDAY_DATA, this.region as string);
      // Without a time zone the parser works in calendar days and never asks moment-timezone for
      // one (documented: "if timezone is undefined, then all dates are considered local dates");
      // only the days are read here, never the `start`/`end` instants.
      p.setTimezone(undefined as unknown as string);
      this.parser = p;
    }
    return this.parser;
  }
}

/**
 * The working-day calendar of one computation: `region` is `settings.holidayRegion` (an unknown or
 * empty code: no holidays), `workingDays` is `settings.workingDays` (see `workingDayTable`).
 */
export function workCalendar(region?: unknown, workingDays?: unknown): WorkCalendar {
  return new RegionCalendar(holidayRegion(region), workingDays);
}

export interface WorkingDay {
  day: DayNumber;
  /** Public holidays passed over, in order (name them with `calendar.holidayName`). */
  holidays: DayNumber[];
  /** Weekdays passed over because the user does not work on them (1 = Monday … 7 = Sunday). */
  offDays: number[];
  /** Avoided months and weekdays passed over, as `allowedDayOnOrAfter` reports them. */
  months: number[];
  weekdays: number[];
  /** No day of the next 366 (x … x + 365) qualified: x itself comes back. */
  gaveUp: boolean;
}

/**
 * The first day ≥ x that is a working day of the calendar, no public holiday, and allowed by the
 * contact's avoid rules. An avoided month jumps to the 1st of the next month, as in
 * `allowedDayOnOrAfter`. A day passed over is reported once, under the first reason that applies:
 * the contact's months, the contact's weekdays, the user's days off, then holidays (a holiday on a
 * Sunday is just a Sunday). When none of the next 366 days qualifies, x comes back with `gaveUp`;
 * what to do then (ignore the avoid rules, as PRODUCT.md says for them alone) is the caller's rule.
 */
export function nextWorkingDayOnOrAfter(
  x: DayNumber,
  calendar: WorkCalendar,
  avoid: AvoidTable,
): WorkingDay {
  const holidays: DayNumber[] = [];
  const offDays: number[] = [];
  const months: number[] = [];
  const weekdays: number[] = [];
  const limit = x + 365;
  // The month is looked up once per month passed, not once per day.
  const avoidsMonths = avoid.any && avoid.months.includes(true);
  let monthAvoided = false;
  let month = 0;
  let nextMonth = -Infinity; // the 1st of the month after d's
  let d = x;
  while (d <= limit) {
    if (avoidsMonths) {
      if (d >= nextMonth) {
        const c = civilFromDayNumber(d);
        month = c.month;
        monthAvoided = avoid.months[month] === true;
        nextMonth =
          month === 12
            ? dayNumberFromCivil(c.year + 1, 1, 1)
            : dayNumberFromCivil(c.year, month + 1, 1);
      }
      if (monthAvoided) {
        if (!months.includes(month)) months.push(month);
        d = nextMonth;
        continue;
      }
    }
    const wd = weekdayOfDayNumber(d);
    if (avoid.any && avoid.weekdays[wd]) {
      if (!weekdays.includes(wd)) weekdays.push(wd);
    } else if (!calendar.worksOn(wd)) {
      if (!offDays.includes(wd)) offDays.push(wd);
    } else if (calendar.isHoliday(d)) {
      holidays.push(d);
    } else {
      return { day: d, holidays, offDays, months, weekdays, gaveUp: false };
    }
    d++;
  }
  return { day: x, holidays: [], offDays: [], months: [], weekdays: [], gaveUp: true };
}
