// Calendar days in a time zone (PRODUCT.md "The rules, precisely" → "Days").
//
// Every rule compares calendar days in `settings.timeZone`; a date-only string names that calendar
// day, a date-time without zone is wall-clock time in the zone. Internally a day is a *day number*
// (days since 1970-01-01 of the proleptic Gregorian calendar), so day arithmetic is integer arithmetic
// and never touches a time zone. Instants are epoch milliseconds.
//
// Why the caches: the core must rank 10,000 contacts with 200,000 interactions in well under 100 ms.
// `Intl` costs microseconds per call, so a zone asks it at most once per UTC day (plus a short
// binary search on the rare days when the offset changes), and instants with an explicit offset are
// parsed by hand without any zone lookup at all. The caches belong to a `Zone` object, which belongs
// to one computation's context: this module keeps no state of its own.

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday). */
export type DayNumber = number;

// ---------------------------------------------------------------------------------------------------
// Civil calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days).

export function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDay {
  year: number;
  month: number;
  day: number;
}

export function civilFromDayNumber(n: DayNumber): CivilDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function monthLength(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 1 = Monday … 7 = Sunday (ISO 8601), as `avoid.weekdays` counts. */
export function weekdayOfDayNumber(n: DayNumber): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function isoFromDayNumber(n: DayNumber): string {
  const c = civilFromDayNumber(n);
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
}

// ---------------------------------------------------------------------------------------------------
// Parsing model date strings by hand (Date.parse is several times slower and reads zone-less
// date-times in the runtime's zone, which is wrong here).

/** Two decimal digits at `i` as a number, or -1 (also past the end: charCodeAt gives NaN). */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Day number of a `YYYY-MM-DD` prefix of `s`, or NaN when it is no real calendar day. */
function dayNumberAt(s: string): DayNumber {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y1 = d2(s, 0);
  const y2 = d2(s, 2);
  const y = y1 < 0 || y2 < 0 ? -1 : y1 * 100 + y2;
  const m = d2(s, 5);
  const d = d2(s, 8);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return NaN;
  return dayNumberFromCivil(y, m, d);
}

/** Day number of a `YYYY-MM-DD` string, or NaN. */
export function dayNumberFromIso(day: string): DayNumber {
  return typeof day === 'string' && day.length === 10 ? dayNumberAt(day) : NaN;
}

// Result kinds of `parseParts`.
const P_INVALID = 0;
const P_DAY = 1; // date only: the calendar day
const P_LOCAL = 2; // date-time without zone: wall-clock time in the user's zone
const P_INSTANT = 3; // date-time with Z or an offset

/** What `parseParts` read, written into an object its caller owns (nothing allocated per record). */
class ParsedParts {
  day = 0;
  /** Milliseconds into the day (wall clock). */
  ms = 0;
  /** Milliseconds east of UTC. */
  offset = 0;
}

function parseParts(raw: string, out: ParsedParts): number {
  let s = raw;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first <= 32 || last <= 32) s = s.trim();
  const len = s.length;
  const day = dayNumberAt(s);
  if (day !== day) return P_INVALID;
  out.day = day;
  if (len === 10) return P_DAY;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return P_INVALID; // T, t, space
  if (len < 16 || s.charCodeAt(13) !== 58) return P_INVALID;
  const hh = d2(s, 11);
  const mi = d2(s, 14);
  if (hh < 0 || hh > 24 || mi < 0 || mi > 59) return P_INVALID;
  let ss = 0;
  let ms = 0;
  let i = 16;
  if (i < len && s.charCodeAt(i) === 58) {
    ss = d2(s, i + 1);
    if (ss < 0 || ss > 59) return P_INVALID;
    i += 3;
    if (i < len && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
      i++;
      let scale = 100;
      const start = i;
      while (i < len) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        i++;
      }
      if (i === start) return P_INVALID;
      ms = Math.floor(ms);
    }
  }
  if (hh === 24 && (mi !== 0 || ss !== 0 || ms !== 0)) return P_INVALID;
  out.ms = hh * 3_600_000 + mi * 60_000 + ss * 1000 + ms;
  if (i === len) return P_LOCAL;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === len) {
    out.offset = 0;
    return P_INSTANT;
  }
  if (z !== 43 && z !== 45) return P_INVALID;
  const oh = d2(s, i + 1);
  if (oh < 0) return P_INVALID;
  let om = 0;
  const rest = len - (i + 3);
  if (rest === 3 && s.charCodeAt(i + 3) === 58) om = d2(s, i + 4);
  else if (rest === 2) om = d2(s, i + 3);
  else if (rest !== 0) return P_INVALID;
  if (om < 0 || om > 59 || oh > 23) return P_INVALID;
  out.offset = (z === 45 ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
  return P_INSTANT;
}

/**
 * Fast path for the shape the app writes for instants, `YYYY-MM-DDTHH:MM:SS.sssZ`
 * (Date#toISOString): straight-line digit arithmetic, no zone, no allocation. NaN when the string
 * deviates in any way, so the general parser decides.
 */
function parseCanonical(s: string): number {
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46
  )
    return NaN;
  const c0 = s.charCodeAt(0) - 48;
  const c1 = s.charCodeAt(1) - 48;
  const c2 = s.charCodeAt(2) - 48;
  const c3 = s.charCodeAt(3) - 48;
  const c5 = s.charCodeAt(5) - 48;
  const c6 = s.charCodeAt(6) - 48;
  const c8 = s.charCodeAt(8) - 48;
  const c9 = s.charCodeAt(9) - 48;
  const c11 = s.charCodeAt(11) - 48;
  const c12 = s.charCodeAt(12) - 48;
  const c14 = s.charCodeAt(14) - 48;
  const c15 = s.charCodeAt(15) - 48;
  const c17 = s.charCodeAt(17) - 48;
  const c18 = s.charCodeAt(18) - 48;
  const c20 = s.charCodeAt(20) - 48;
  const c21 = s.charCodeAt(21) - 48;
  const c22 = s.charCodeAt(22) - 48;
  // Any non-digit gives a code outside 0..9, and `>>> 0` turns negatives into huge numbers.
  const all =
    (c0 >>> 0) |
    (c1 >>> 0) |
    (c2 >>> 0) |
    (c3 >>> 0) |
    (c5 >>> 0) |
    (c6 >>> 0) |
    (c8 >>> 0) |
    (c9 >>> 0) |
    (c11 >>> 0) |
    (c12 >>> 0) |
    (c14 >>> 0) |
    (c15 >>> 0) |
    (c17 >>> 0) |
    (c18 >>> 0) |
    (c20 >>> 0) |
    (c21 >>> 0) |
    (c22 >>> 0);
  if (all > 15 || all < 0) return NaN;
  if (c0 > 9 || c1 > 9 || c2 > 9 || c3 > 9 || c5 > 9 || c6 > 9 || c8 > 9 || c9 > 9) return NaN;
  if (
    c11 > 9 ||
    c12 > 9 ||
    c14 > 9 ||
    c15 > 9 ||
    c17 > 9 ||
    c18 > 9 ||
    c20 > 9 ||
    c21 > 9 ||
    c22 > 9
  )
    return NaN;
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  const mo = c5 * 10 + c6;
  const da = c8 * 10 + c9;
  const h = c11 * 10 + c12;
  const mi = c14 * 10 + c15;
  const se = c17 * 10 + c18;
  const ms = c20 * 100 + c21 * 10 + c22;
  if (
    y < 1 ||
    mo < 1 ||
    mo > 12 ||
    da < 1 ||
    da > monthLength(y, mo) ||
    h > 23 ||
    mi > 59 ||
    se > 59
  )
    return NaN;
  return dayNumberFromCivil(y, mo, da) * DAY_MS + h * 3_600_000 + mi * 60_000 + se * 1000 + ms;
}

// ---------------------------------------------------------------------------------------------------
// Time zones

interface Transition {
  at: number; // first instant with the new offset
  before: number;
  after: number;
}

/** Entries per map cache of a zone (days: 20,000 are 55 years). */
const MAX_CACHE = 20_000;
const FRONT = 8192; // a power of two: 22 years of days
const EMPTY = -2147483648;

/** One IANA zone with its offset caches. Get instances from `zoneFor`, never construct per record. */
export class Zone {
  readonly name: string;
  private readonly fmt: Intl.DateTimeFormat | null;
  private readonly boundaries = new Map<number, number>();
  private readonly weeks = new Map<number, number>();
  private readonly days = new Map<number, number | Transition>();
  private readonly dayStarts = new Map<number, number>();
  // Direct-mapped front caches (a typed-array slot per day, no hashing, no boxed numbers): the
  // agenda asks for the same few thousand days hundreds of thousands of times.
  private readonly offKey = new Int32Array(FRONT).fill(EMPTY);
  private readonly offVal = new Float64Array(FRONT);
  private readonly startKey = new Int32Array(FRONT).fill(EMPTY);
  private readonly startVal = new Float64Array(FRONT);
  private readonly parts = new ParsedParts();

  constructor(name: string, fmt: Intl.DateTimeFormat | null) {
    this.name = name;
    this.fmt = fmt;
  }

  /** Offset east of UTC in ms at an instant: `Intl` once per UTC day, exact on transition days. */
  offsetAt(t: number): number {
    if (this.fmt === null || !Number.isFinite(t)) return 0;
    const key = Math.floor(t / DAY_MS);
    const slot = key & (FRONT - 1);
    if (this.offKey[slot] === key) {
      const v = this.offVal[slot] as number;
      if (v === v) return v;
    }
    let e = this.days.get(key);
    if (e === undefined) {
      if (this.days.size > MAX_CACHE) this.days.clear();
      e = this.computeDay(key);
      this.days.set(key, e);
    }
    if (key >= -2147483647 && key <= 2147483647) {
      this.offKey[slot] = key;
      this.offVal[slot] = typeof e === 'number' ? e : NaN; // NaN: a transition day, ask the map
    }
    if (typeof e === 'number') return e;
    return t < e.at ? e.before : e.after;
  }

  /** Calendar day of an instant in this zone. */
  dayOf(t: number): DayNumber {
    return Math.floor((t + this.offsetAt(t)) / DAY_MS);
  }

  /** The first instant of a calendar day in this zone (a day may start at 01:00 after a gap). */
  startOfDay(day: DayNumber): number {
    const slot = day & (FRONT - 1);
    if (this.startKey[slot] === day) return this.startVal[slot] as number;
    let t = this.dayStarts.get(day);
    if (t === undefined) {
      if (this.dayStarts.size > MAX_CACHE) this.dayStarts.clear();
      t = this.wallToInstant(day * DAY_MS, true);
      this.dayStarts.set(day, t);
    }
    if (day >= -2147483647 && day <= 2147483647) {
      this.startKey[slot] = day;
      this.startVal[slot] = t;
    }
    return t;
  }

  /**
   * Instant of a wall-clock time (ms since 1970-01-01 as if UTC). Ambiguous times (clocks turned back)
   * take the earlier instant, times in a gap (clocks turned forward) are pushed forward by the gap —
   * the "compatible" rule of Temporal and of most calendars. With `dayStart`, a gap yields the
   * transition instant itself: the first instant of that day.
   */
  wallToInstant(wall: number, dayStart = false): number {
    if (this.fmt === null) return wall;
    const oBefore = this.offsetAt(wall - DAY_MS);
    const oAfter = this.offsetAt(wall + DAY_MS);
    if (oBefore === oAfter) return wall - oBefore;
    const t1 = wall - oBefore;
    const t2 = wall - oAfter;
    const v1 = this.offsetAt(t1) === oBefore;
    const v2 = this.offsetAt(t2) === oAfter;
    if (v1 && v2) return Math.min(t1, t2);
    if (v1) return t1;
    if (v2) return t2;
    if (!dayStart) return t1;
    // Gap: find the transition between the two readings (offsets are whole seconds).
    let lo = Math.min(t1, t2);
    let hi = Math.max(t1, t2);
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.offsetAt(mid) === oAfter) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** Epoch ms of a model date string; NaN when it is not one. Date-only = start of that day here. */
  parse(value: unknown): number {
    if (typeof value !== 'string' || value.length < 10) return NaN;
    if (value.length === 10) {
      // Date only, the shape of due dates and purchases: a 10-character string with white space at
      // either end fails the digit checks just as it would after trimming.
      const day = dayNumberAt(value);
      return day === day ? this.startOfDay(day) : NaN;
    }
    if (value.length === 24 && value.charCodeAt(23) === 90) {
      const t = parseCanonical(value);
      if (t === t) return t;
    }
    const p = this.parts;
    const kind = parseParts(value, p);
    if (kind === P_INSTANT) return p.day * DAY_MS + p.ms - p.offset;
    if (kind === P_DAY) return this.startOfDay(p.day);
    if (kind === P_LOCAL) return this.wallToInstant(p.day * DAY_MS + p.ms);
    return NaN;
  }

  /** Calendar day of a model date string in this zone; NaN when it is not one. */
  dayOfDate(value: unknown): DayNumber {
    if (typeof value !== 'string' || value.length < 10) return NaN;
    if (value.length === 10) return dayNumberAt(value); // a date-only string *is* the day
    if (value.length === 24 && value.charCodeAt(23) === 90) {
      const t = parseCanonical(value);
      if (t === t) return this.dayOf(t);
    }
    const p = this.parts;
    const kind = parseParts(value, p);
    if (kind === P_DAY) return p.day; // a date-only string *is* the day, no zone involved
    if (kind === P_INSTANT) return this.dayOf(p.day * DAY_MS + p.ms - p.offset);
    if (kind === P_LOCAL) return p.ms === DAY_MS ? p.day + 1 : p.day;
    return NaN;
  }

  /**
   * The offset at the start of UTC day `key`. `Intl` is asked once per week: when the weeks around
   * the day start and end with the same offset, so does the day (no zone has changed its offset and
   * back within one week); otherwise the day itself is asked. A zone's first computation over ten
   * years of records then costs a few hundred `Intl` calls instead of a few thousand.
   */
  private boundary(key: number): number {
    let o = this.boundaries.get(key);
    if (o === undefined) {
      if (this.boundaries.size > MAX_CACHE) this.boundaries.clear();
      const week = Math.floor(key / 7);
      const start = this.weekStart(week);
      o =
        key === week * 7 || start === this.weekStart(week + 1)
          ? start
          : this.intlOffset(key * DAY_MS);
      this.boundaries.set(key, o);
    }
    return o;
  }

  /** The offset at the start of week `week` (its first UTC day is `week * 7`). */
  private weekStart(week: number): number {
    let o = this.weeks.get(week);
    if (o === undefined) {
      if (this.weeks.size > MAX_CACHE) this.weeks.clear();
      o = this.intlOffset(week * 7 * DAY_MS);
      this.weeks.set(week, o);
    }
    return o;
  }

  private computeDay(key: number): number | Transition {
    const before = this.boundary(key);
    const after = this.boundary(key + 1);
    if (before === after) return before;
    let lo = key * DAY_MS;
    let hi = lo + DAY_MS;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.intlOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    return { at: hi, before, after };
  }

  private intlOffset(t: number): number {
    if (this.fmt === null || !Number.isFinite(t) || Math.abs(t) > 8.64e15) return 0;
    const secs = Math.floor(t / 1000) * 1000;
    let parts: RegExpMatchArray | null;
    try {
      parts = this.fmt.format(secs).match(/\d+/g);
    } catch {
      return 0;
    }
    if (!parts || parts.length < 6) return 0;
    const [mo, d, y, h, mi, s] = parts.map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const wall =
      dayNumberFromCivil(y, mo, d) * DAY_MS + (h % 24) * 3_600_000 + mi * 60_000 + s * 1000;
    return wall - secs;
  }
}

function makeZone(name: string): Zone | null {
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const resolved = fmt.resolvedOptions().timeZone;
    const isUtc = resolved === 'UTC' || resolved === 'Etc/UTC' || resolved === 'Etc/GMT';
    return new Zone(name, isUtc ? null : fmt);
  } catch {
    return null;
  }
}

/** The zone of the machine (PRODUCT.md: the default when settings name none). */
export function runtimeTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * A new zone for a setting: the named IANA zone when it is valid, else the runtime's zone, else UTC.
 * Never throws: external callers may pass settings without `timeZone` or with a misspelt one. Each
 * call builds a zone with empty caches (about 0.1 ms): one computation keeps one zone in its
 * context, and a caller that converts many dates keeps one too (pass it where a zone is taken).
 */
export function zoneFor(timeZone?: string | null | Zone): Zone {
  if (timeZone instanceof Zone) return timeZone;
  if (typeof timeZone === 'string' && timeZone.trim() !== '') {
    const z = makeZone(timeZone.trim());
    if (z) return z;
  }
  return makeZone(runtimeTimeZone()) ?? (makeZone('UTC') as Zone);
}

// ---------------------------------------------------------------------------------------------------
// String-level helpers for callers outside the core (UI, background). They all use the same caches.

/** Today's calendar day (`YYYY-MM-DD`) for the instant `now` in the zone. */
export function todayIn(now: Date, timeZone?: string | Zone): string {
  return isoFromDayNumber(zoneFor(timeZone).dayOf(now.getTime()));
}

/** `day` plus `n` days (n may be negative). Returns '' when `day` is no `YYYY-MM-DD` day. */
export function addDays(day: string, n: number): string {
  const d = dayNumberFromIso(day);
  return d === d ? isoFromDayNumber(d + Math.trunc(n)) : '';
}

/** Whole days from `from` to `to` (positive when `to` is later); NaN for invalid input. */
export function daysBetween(from: string, to: string): number {
  return dayNumberFromIso(to) - dayNumberFromIso(from);
}

/** Weekday of a `YYYY-MM-DD` day, 1 = Monday … 7 = Sunday; NaN for invalid input. */
export function weekdayOf(day: string): number {
  const d = dayNumberFromIso(day);
  return d === d ? weekdayOfDayNumber(d) : NaN;
}

/** Epoch ms of the first instant of a calendar day in the zone; NaN for invalid input. */
export function startOfDayIn(day: string, timeZone?: string | Zone): number {
  const d = dayNumberFromIso(day);
  return d === d ? zoneFor(timeZone).startOfDay(d) : NaN;
}

/**
 * Epoch ms of any model date: `YYYY-MM-DD` (start of that day in the zone), `…Z`, `…+01:00`, or a
 * date-time without zone (wall-clock time in the zone). NaN when the string is no date.
 */
export function toEpoch(date: string, timeZone?: string | Zone): number {
  return zoneFor(timeZone).parse(date);
}

/** Calendar day (`YYYY-MM-DD`) of a model date or an epoch in the zone; '' for invalid input. */
export function dayIn(date: string | number, timeZone?: string | Zone): string {
  const zone = zoneFor(timeZone);
  const d = typeof date === 'number' ? zone.dayOf(date) : zone.dayOfDate(date);
  return Number.isFinite(d) ? isoFromDayNumber(d) : '';
}
