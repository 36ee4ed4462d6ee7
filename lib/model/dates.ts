// Date strings of the model: ISO 8601, either a calendar day (`2026-03-15`) or an instant
// (`2026-03-15T09:30:00.000Z`, `2026-03-15T10:30:00+01:00`). A date-time without zone is accepted and
// read as wall-clock time in the user's time zone by the core.

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

/** The months of a year, 1 = January (what a month field offers). */
export const MONTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A calendar day or a date-time whose date part is a real day and whose time is a real time. */
export function isIsoDate(value: string): boolean {
  if (isIsoDay(value)) return true;
  const m = INSTANT_RE.exec(value);
  if (!m) return false;
  if (!validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const hh = Number(m[4]);
  const mm = Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  if (hh > 23 || mm > 59 || ss > 59) return false;
  // A zone offset is at most 23:59 (RFC 3339): `+99:99` would make every rule read "no date".
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}
