import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilFromDayNumber,
  dayIn,
  dayNumberFromCivil,
  dayNumberFromIso,
  daysBetween,
  isoFromDayNumber,
  startOfDayIn,
  toEpoch,
  todayIn,
  weekdayOf,
  zoneFor,
} from '@/lib/core';

describe('calendar arithmetic', () => {
  it.each([
    ['2026-03-15', 1, '2026-03-16'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-15', 365, '2027-03-15'],
    ['not a day', 1, ''],
  ])('%s plus %i days → %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2026-03-16', 1],
    ['2026-03-15', 7],
    ['2026-03-14', 6],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-02-29', 2],
  ])('%s is weekday %i (1 = Monday)', (day, wd) => {
    expect(weekdayOf(day)).toBe(wd);
  });

  it('counts days between two days, across the year end', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('round-trips every day from 1600 to 2400 through its day number', () => {
    const wrong: number[] = [];
    for (let n = dayNumberFromCivil(1600, 1, 1); n <= dayNumberFromCivil(2400, 12, 31); n++) {
      const c = civilFromDayNumber(n);
      if (dayNumberFromCivil(c.year, c.month, c.day) !== n) wrong.push(n);
      if (dayNumberFromIso(isoFromDayNumber(n)) !== n) wrong.push(n);
      if (Date.UTC(c.year, c.month - 1, c.day) !== n * 86_400_000) wrong.push(n);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses days that no calendar has', () => {
    expect(dayNumberFromIso('2026-02-29')).toBeNaN();
    expect(dayNumberFromIso('2026-13-01')).toBeNaN();
    expect(dayNumberFromIso('2026-3-1')).toBeNaN();
  });
});

describe('dates in a time zone (PRODUCT.md "Days")', () => {
  it.each([
    // date, zone, epoch as ISO instant
    ['2026-03-15', 'Europe/Berlin', '2026-03-14T23:00:00.000Z'],
    ['2026-07-15', 'Europe/Berlin', '2026-07-14T22:00:00.000Z'],
    ['2026-03-15', 'UTC', '2026-03-15T00:00:00.000Z'],
    ['2026-03-15', 'America/New_York', '2026-03-15T04:00:00.000Z'],
    ['2026-03-15T09:30:00.000Z', 'Europe/Berlin', '2026-03-15T09:30:00.000Z'],
    ['2026-03-15T10:30:00+01:00', 'America/New_York', '2026-03-15T09:30:00.000Z'],
    ['2026-03-15T10:30:00-0500', 'UTC', '2026-03-15T15:30:00.000Z'],
    ['2026-03-15T10:30:00', 'Europe/Berlin', '2026-03-15T09:30:00.000Z'],
    ['2026-03-15T10:30', 'Pacific/Auckland', '2026-03-14T21:30:00.000Z'],
    ['2026-03-15 10:30:00.5', 'UTC', '2026-03-15T10:30:00.500Z'],
    ['  2026-03-15  ', 'UTC', '2026-03-15T00:00:00.000Z'],
  ])('%s in %s is the instant %s', (date, zone, iso) => {
    expect(toEpoch(date, zone)).toBe(Date.parse(iso));
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-03-15T25:00:00Z', '2026-03-15T10:00:00+1'])(
    '%j is no date: NaN, no exception',
    (date) => {
      expect(toEpoch(date, 'Europe/Berlin')).toBeNaN();
    },
  );

  it.each([
    [
      'a date-only record is that calendar day in any zone',
      '2026-03-15',
      'Pacific/Auckland',
      '2026-03-15',
    ],
    [
      'a late-evening UTC instant is the next day in Berlin',
      '2026-03-15T23:30:00Z',
      'Europe/Berlin',
      '2026-03-16',
    ],
    ['the same instant is still that day in UTC', '2026-03-15T23:30:00Z', 'UTC', '2026-03-15'],
    [
      'a morning UTC instant is the day before in New York',
      '2026-03-15T03:00:00Z',
      'America/New_York',
      '2026-03-14',
    ],
    [
      'a wall time without zone stays on its day',
      '2026-03-15T23:59:00',
      'Pacific/Auckland',
      '2026-03-15',
    ],
  ])('%s', (_rule, date, zone, day) => {
    expect(dayIn(date, zone)).toBe(day);
  });

  it('today is the calendar day of now in the zone', () => {
    const now = new Date('2026-03-15T23:30:00Z');
    expect(todayIn(now, 'Europe/Berlin')).toBe('2026-03-16');
    expect(todayIn(now, 'UTC')).toBe('2026-03-15');
    expect(todayIn(now, 'America/New_York')).toBe('2026-03-15');
    expect(todayIn(now, 'Pacific/Auckland')).toBe('2026-03-16');
  });

  it('a missing or misspelt zone falls back to the runtime zone instead of throwing', () => {
    const runtime = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(zoneFor(undefined).name).toBe(runtime);
    expect(zoneFor('Mars/Olympus_Mons').name).toBe(runtime);
    expect(() => toEpoch('2026-03-15', 'Not/AZone')).not.toThrow();
  });
});

// Proves the offset caches against Intl itself, instant by instant, around every DST change of
// 2025–2027 in four zones (Auckland changes in April and September, the others in March and
// October/November; UTC never). Measures nothing; it is the correctness half of the speed-up.
describe('self-check across DST changes', () => {
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'UTC'];

  const dayFormats = new Map<string, Intl.DateTimeFormat>();
  const offsetFormats = new Map<string, Intl.DateTimeFormat>();

  function intlDay(t: number, zone: string): string {
    let f = dayFormats.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      dayFormats.set(zone, f);
    }
    return f.format(t);
  }

  function intlOffset(t: number, zone: string): number {
    let f = offsetFormats.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      offsetFormats.set(zone, f);
    }
    const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - Math.floor(t / 1000) * 1000;
  }

  it.each(ZONES)('%s: offset and day of every quarter hour of 2025–2027 match Intl', (name) => {
    const zone = zoneFor(name);
    const from = Date.UTC(2025, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    let checked = 0;
    const wrong: string[] = [];
    for (let t = from; t < to; t += 15 * 60_000) {
      const sample = t % (6 * 3_600_000) === 0; // a sample all year round…
      const offset = zone.offsetAt(t);
      // …and every quarter hour within two hours of a change of offset.
      const near =
        offset !== zone.offsetAt(t - 7_200_000) || offset !== zone.offsetAt(t + 7_200_000);
      if (sample || near) {
        if (offset !== intlOffset(t, name)) wrong.push(`offset ${new Date(t).toISOString()}`);
        if (isoFromDayNumber(zone.dayOf(t)) !== intlDay(t, name))
          wrong.push(`day ${new Date(t).toISOString()}`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(4000);
  });

  it.each(ZONES)(
    '%s: every day of 2025–2027 starts exactly where Intl says the day begins',
    (name) => {
      const zone = zoneFor(name);
      const wrong: string[] = [];
      for (let d = dayNumberFromCivil(2025, 1, 1); d <= dayNumberFromCivil(2027, 12, 31); d++) {
        const start = zone.startOfDay(d);
        const day = isoFromDayNumber(d);
        if (intlDay(start, name) !== day || intlDay(start - 1, name) !== isoFromDayNumber(d - 1))
          wrong.push(day);
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each([
    // Spring forward: the wall time 02:30 does not exist in Berlin and moves on by the gap.
    ['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'],
    // Fall back: 02:30 happens twice; the earlier one counts.
    ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z'],
    ['Pacific/Auckland', '2026-09-27T02:30:00', '2026-09-26T14:30:00.000Z'],
    ['Pacific/Auckland', '2026-04-05T02:30:00', '2026-04-04T13:30:00.000Z'],
  ])('%s: the wall time %s is the instant %s', (zone, wall, iso) => {
    expect(toEpoch(wall, zone)).toBe(Date.parse(iso));
  });

  it('a day that starts in a gap starts at the transition (America/Santiago, 2026-09-06)', () => {
    // Chile moves its clocks from 00:00 to 01:00: that day has no midnight.
    const start = startOfDayIn('2026-09-06', 'America/Santiago');
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(dayIn(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayIn(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });
});
