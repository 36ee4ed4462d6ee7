// Checks of generated data (the demo set, the bench set), written independently of the generators:
// days in a zone, birthdays, canonical records, revenue per company.
import type { ZodType } from 'zod';
import type { ContactHistory, DayOfYear } from '@/lib/model';
import { isLeapYear } from '@/lib/model';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
      DAY_MS,
  );
}

/** The calendar day of a record's date in the zone (a date-only string is that day). */
export function recordDay(value: string, timeZone: string): string {
  return value.length === 10 ? value : dayIn(new Date(value), timeZone);
}

/** Next occurrence (today counts) of a birthday; 29 February is 28 February in other years. */
export function nextBirthday(b: DayOfYear, today: string): string {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = b.month === 2 && b.day === 29 && !isLeapYear(y) ? 28 : b.day;
    const iso = `${y}-${String(b.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (iso >= today) return iso;
  }
  throw new Error('unreachable');
}

/** Parses with the schema and expects the parsed value to equal the input: the record is already
 * in the model's canonical form (trimmed, lower-case e-mails, canonical profile URLs, …). */
export function expectCanonical(schema: ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (!result.success) return JSON.stringify(result.error.issues);
  if (JSON.stringify(sortKeys(result.data)) !== JSON.stringify(sortKeys(value))) {
    return `not canonical: ${JSON.stringify(value)} -> ${JSON.stringify(result.data)}`;
  }
  return null;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** Customer unit per PRODUCT.md "Tiers": the company (trimmed, spaces collapsed, case-insensitive)
 * or, without one, the person. */
export function unitKey(h: ContactHistory): string {
  const company = (h.contact.company ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return company ? `company:${company}` : `person:${h.contact.id}`;
}

/** Revenue of the last 365 days (today and the 364 days before) per customer unit, lost contacts
 * left out, largest first. */
export function unitRevenue(
  histories: ContactHistory[],
  today: string,
): { unit: string; revenue: number }[] {
  const from = addDays(today, -364);
  const byUnit = new Map<string, number>();
  for (const h of histories) {
    if (h.contact.status === 'lost') continue;
    const revenue = h.purchases
      .filter((p) => p.at.slice(0, 10) >= from && p.at.slice(0, 10) <= today)
      .reduce((sum, p) => sum + p.amount, 0);
    const key = unitKey(h);
    byUnit.set(key, (byUnit.get(key) ?? 0) + revenue);
  }
  return [...byUnit.entries()]
    .map(([unit, revenue]) => ({ unit, revenue }))
    .sort((a, b) => b.revenue - a.revenue);
}

/** Pareto tiers per PRODUCT.md (A while the cumulative figure before the unit is below 80 % of
 * the total, B below 95 %, else C; units at 0 or less are C). */
export function paretoTiers(
  units: { unit: string; revenue: number }[],
): Map<string, 'A' | 'B' | 'C'> {
  const total = units.reduce((s, u) => s + Math.max(0, u.revenue), 0);
  const out = new Map<string, 'A' | 'B' | 'C'>();
  let before = 0;
  for (const u of units) {
    if (u.revenue <= 0) out.set(u.unit, 'C');
    else out.set(u.unit, before < 0.8 * total ? 'A' : before < 0.95 * total ? 'B' : 'C');
    before += Math.max(0, u.revenue);
  }
  return out;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
