// Calendar days in a time zone (PRODUCT.md "The rules, precisely" → "Days").
//
// Every rule compares calendar days in `settings.timeZone`; a date-only string names that calendar
// day, a date-time without zone is wall-clock time in the zone. Internally a day is a *day number*
// (days since 1970-01-01 of the proleptic Gregorian calendar), so day arithmetic is integer arithmetic
// and never touches a time zone. Instants are epoch milliseconds.
//
// Why the caches: the core must rank 10,000 contacts with 200,000 interactions in well under 100 ms.
// `Intl` costs microseconds per call, so it is asked at most once per UTC day and zone (plus a short
// binary search on the rare days when the offset changes), and instants with an explicit offset are
// parsed by hand without any zone lookup at all.

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

function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Day number of a `YYYY-MM-DD` prefix of `s`, or NaN when it is no real calendar day. */
function dayNumberAt(s: string): DayNumber {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
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

// Scratch results of `parseParts`, to allocate nothing per record in hot loops.
let parsedDay = 0;
let parsedMs = 0; // milliseconds into the day (wall clock)
let parsedOffset = 0; // milliseconds east of UTC

function parseParts(raw: string): number {
  let s = raw;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first <= 32 || last <= 32) s = s.trim();
  const len = s.length;
  const day = dayNumberAt(s);
  if (day !== day) return P_INVALID;
  parsedDay = day;
  if (len === 10) return P_DAY;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return P_INVALID; // T, t, space
  if (len < 16 || s.charCodeAt(13) !== 58) return P_INVALID;
  const hh = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  if (hh < 0 || hh > 24 || mi < 0 || mi > 59) return P_INVALID;
  let ss = 0;
  let ms = 0;
  let i = 16;
  if (i < len && s.charCodeAt(i) === 58) {
    ss = digitsAt(s, i + 1, 2);
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
  parsedMs = hh * 3_600_000 + mi * 60_000 + ss * 1000 + ms;
  if (i === len) return P_LOCAL;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === len) {
    parsedOffset = 0;
    return P_INSTANT;
  }
  if (z !== 43 && z !== 45) return P_INVALID;
  const oh = digitsAt(s, i + 1, 2);
  if (oh < 0) return P_INVALID;
  let om = 0;
  const rest = len - (i + 3);
  if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digitsAt(s, i + 4, 2);
  else if (rest === 2) om = digitsAt(s, i + 3, 2);
  else if (rest !== 0) return P_INVALID;
  if (om < 0 || om > 59 || oh > 23) return P_INVALID;
  parsedOffset = (z === 45 ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
  return P_INSTANT;
}

// ---------------------------------------------------------------------------------------------------
// Time zones

interface Transition {
  at: number; // first instant with the new offset
  before: number;
  after: number;
}

const MAX_CACHE = 200_000;

/** One IANA zone with its offset caches. Get instances from `zoneFor`, never construct per record. */
export class Zone {
  readonly name: string;
  private readonly fmt: Intl.DateTimeFormat | null;
  private readonly boundaries = new Map<number, number>();
  private readonly days = new Map<number, number | Transition>();
  private readonly dayStarts = new Map<number, number>();

  constructor(name: string, fmt: Intl.DateTimeFormat | null) {
    this.name = name;
    this.fmt = fmt;
  }

  /** Offset east of UTC in ms at an instant: `Intl` once per UTC day, exact on transition days. */
  offsetAt(t: number): number {
    if (this.fmt === null || !Number.isFinite(t)) return 0;
    const key = Math.floor(t / DAY_MS);
    let e = this.days.get(key);
    if (e === undefined) {
      if (this.days.size > MAX_CACHE) this.days.clear();
      e = this.computeDay(key);
      this.days.set(key, e);
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
    let t = this.dayStarts.get(day);
    if (t === undefined) {
      if (this.dayStarts.size > MAX_CACHE) this.dayStarts.clear();
      t = this.wallToInstant(day * DAY_MS, true);
      this.dayStarts.set(day, t);
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
    const kind = parseParts(value);
    if (kind === P_INSTANT) return parsedDay * DAY_MS + parsedMs - parsedOffset;
    if (kind === P_DAY) return this.startOfDay(parsedDay);
    if (kind === P_LOCAL) return this.wallToInstant(parsedDay * DAY_MS + parsedMs);
    return NaN;
  }

  /** Calendar day of a model date string in this zone; NaN when it is not one. */
  dayOfDate(value: unknown): DayNumber {
    if (typeof value !== 'string' || value.length < 10) return NaN;
    const kind = parseParts(value);
    if (kind === P_DAY) return parsedDay; // a date-only string *is* the day, no zone involved
    if (kind === P_INSTANT) return this.dayOf(parsedDay * DAY_MS + parsedMs - parsedOffset);
    if (kind === P_LOCAL) return parsedMs === DAY_MS ? parsedDay + 1 : parsedDay;
    return NaN;
  }

  private boundary(key: number): number {
    let o = this.boundaries.get(key);
    if (o === undefined) {
      if (this.boundaries.size > MAX_CACHE) this.boundaries.clear();
      o = this.intlOffset(key * DAY_MS);
      this.boundaries.set(key, o);
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

const zones = new Map<string, Zone | null>();

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

function lookupZone(name: string): Zone | null {
  let z = zones.get(name);
  if (z === undefined) {
    z = makeZone(name);
    zones.set(name, z);
  }
  return z;
}

/** The runtime's zone (PRODUCT.md: the default when settings name none). */
export function runtimeTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * The zone for a setting: the named IANA zone when it is valid, else the runtime's zone, else UTC.
 * Never throws: external callers may pass settings without `timeZone` or with a misspelt one.
 */
export function zoneFor(timeZone?: string | null): Zone {
  if (typeof timeZone === 'string' && timeZone.trim() !== '') {
    const z = lookupZone(timeZone.trim());
    if (z) return z;
  }
  return lookupZone(runtimeTimeZone()) ?? (lookupZone('UTC') as Zone);
}

// ---------------------------------------------------------------------------------------------------
// String-level helpers for callers outside the core (UI, background). They all use the same caches.

/** Today's calendar day (`YYYY-MM-DD`) for the instant `now` in the zone. */
export function todayIn(now: Date, timeZone?: string): string {
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
export function startOfDayIn(day: string, timeZone?: string): number {
  const d = dayNumberFromIso(day);
  return d === d ? zoneFor(timeZone).startOfDay(d) : NaN;
}

/**
 * Epoch ms of any model date: `YYYY-MM-DD` (start of that day in the zone), `…Z`, `…+01:00`, or a
 * date-time without zone (wall-clock time in the zone). NaN when the string is no date.
 */
export function toEpoch(date: string, timeZone?: string): number {
  return zoneFor(timeZone).parse(date);
}

/** Calendar day (`YYYY-MM-DD`) of a model date or an epoch in the zone; '' for invalid input. */
export function dayIn(date: string | number, timeZone?: string): string {
  const zone = zoneFor(timeZone);
  const d = typeof date === 'number' ? zone.dayOf(date) : zone.dayOfDate(date);
  return Number.isFinite(d) ? isoFromDayNumber(d) : '';
}
