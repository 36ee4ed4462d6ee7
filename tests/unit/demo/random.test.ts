import { describe, expect, it } from 'vitest';
import { Rng, deriveSeed } from '@/lib/demo';
import { Calendar } from '@/lib/demo/calendar';
import { UUID_V4 } from '../../support/data-checks';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });

  it('draws uniformly enough in [0, 1) and within integer bounds', () => {
    const rng = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      const k = rng.int(-3, 3);
      expect(k).toBeGreaterThanOrEqual(-3);
      expect(k).toBeLessThanOrEqual(3);
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('makes UUID v4 strings, unique over many draws', () => {
    const rng = new Rng(deriveSeed(1, 'ids'));
    const ids = Array.from({ length: 50_000 }, () => rng.uuid());
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    // All four variant digits occur.
    expect(new Set(ids.map((id) => id[19])).size).toBe(4);
  });

  it('derives independent seeds per stream', () => {
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
  });

  it('samples distinct items', () => {
    const rng = new Rng(5);
    const s = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
  });
});

describe('Calendar', () => {
  it('knows today and the zone offset', () => {
    const cal = new Calendar(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin');
    expect(cal.day(0)).toBe('2026-03-29');
    expect(cal.offsetMinutes).toBe(60);
    expect(cal.weekday(0)).toBe(7); // a Sunday
    expect(cal.day(-1)).toBe('2026-03-28');
    expect(cal.offsetOf(2026, 3, 31)).toBe(2);
  });

  it('writes the same instants as Date#toISOString, never later than now', () => {
    for (const [now, zone] of [
      ['2026-03-10T09:07:31Z', 'Europe/Berlin'],
      ['2026-10-25T01:30:00Z', 'Europe/Berlin'],
      ['2026-06-01T12:00:00Z', 'America/New_York'],
      ['2026-06-01T12:00:00Z', 'Asia/Kolkata'],
    ] as const) {
      const cal = new Calendar(new Date(now), zone);
      for (let offset = -800; offset <= 0; offset += 7) {
        for (const minute of [0, 7 * 60 + 30, 9 * 60 + 5, 18 * 60 + 55, 23 * 60 + 59]) {
          const got = cal.instant(offset, minute);
          expect(got).toBe(new Date(cal.instantMs(offset, minute)).toISOString());
          expect(got <= now.replace('Z', '.000Z') || got <= new Date(now).toISOString()).toBe(true);
        }
      }
      // Wall-clock 10:00 on a day is 10:00 in the zone at now's offset.
      const ten = new Date(cal.instant(-10, 600));
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(ten);
      expect(['09:00', '10:00', '11:00']).toContain(local);
    }
  });
});
