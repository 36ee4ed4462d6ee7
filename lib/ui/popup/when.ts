// "When?" in words, as people type it into a follow-up: "morgen", "nächsten Dienstag", "in 2 Wochen",
// "15.12.", "tomorrow", "next tuesday", "in 3 days", "2026-12-15". Pure: takes today's day.
import { addDays, weekdayOf } from '../../core';

const WEEKDAYS: Record<string, number> = {
  montag: 1,
  mo: 1,
  monday: 1,
  mon: 1,
  dienstag: 2,
  di: 2,
  tuesday: 2,
  tue: 2,
  tues: 2,
  mittwoch: 3,
  mi: 3,
  wednesday: 3,
  wed: 3,
  donnerstag: 4,
  do: 4,
  thursday: 4,
  thu: 4,
  thurs: 4,
  freitag: 5,
  fr: 5,
  friday: 5,
  fri: 5,
  samstag: 6,
  sa: 6,
  saturday: 6,
  sat: 6,
  sonntag: 7,
  so: 7,
  sunday: 7,
  sun: 7,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
}

/** The day a phrase names, relative to `today` (YYYY-MM-DD); null when it names none. */
export function parseWhen(input: string, today: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (!text) return null;
  if (['heute', 'today'].includes(text)) return today;
  if (['morgen', 'tomorrow'].includes(text)) return addDays(today, 1);
  if (['übermorgen', 'uebermorgen', 'day after tomorrow'].includes(text)) return addDays(today, 2);
  if (['nächste woche', 'naechste woche', 'next week'].includes(text)) {
    // Monday of next week.
    return addDays(today, 8 - weekdayOf(today));
  }
  let m =
    /^in (\d{1,3}) (tag|tagen|day|days|woche|wochen|week|weeks|monat|monaten|month|months)$/.exec(
      text,
    );
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]!;
    if (unit.startsWith('tag') || unit.startsWith('day')) return addDays(today, n);
    if (unit.startsWith('woche') || unit.startsWith('week')) return addDays(today, 7 * n);
    const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
    const total = mo - 1 + n;
    const year = y + Math.floor(total / 12);
    const month = (total % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return validDay(year, month, Math.min(d, last));
  }
  m = /^(?:(?:am|on|this|diesen|kommenden|nächsten|naechsten|next) )?([a-zäöü]+)$/.exec(text);
  if (m && WEEKDAYS[m[1]!] !== undefined) {
    const target = WEEKDAYS[m[1]!]!;
    const next = /^(nächsten|naechsten|next) /.test(text);
    let delta = (target - weekdayOf(today) + 7) % 7;
    if (delta === 0 || next) delta = delta === 0 ? 7 : delta;
    return addDays(today, delta);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4})?)?$/.exec(text);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const [ty] = today.split('-').map(Number) as [number];
    if (m[3]) {
      const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      return validDay(y, mo, d);
    }
    // Without a year: the next such day (this year, else next year).
    const thisYear = validDay(ty, mo, d);
    if (thisYear && thisYear >= today) return thisYear;
    return validDay(ty + 1, mo, d);
  }
  return null;
}
