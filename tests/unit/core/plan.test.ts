import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  allowedDayOnOrAfter,
  applyAvoid,
  avoidReason,
  avoidTable,
  civilFromDayNumber,
  dayNumberFromIso,
  hoursAdvice,
  isAvoided,
  isoFromDayNumber,
  shiftForAvoid,
  weekdayOfDayNumber,
} from '@/lib/core';

// 2026-03-14 is a Saturday, 2026-03-16 a Monday, 2026-09-01 a Tuesday, 2027-01-01 a Friday.
describe('times to avoid (PRODUCT.md "Times to avoid")', () => {
  it.each([
    ['no rules: the date stays', '2026-03-21', '2026-03-15', {}, '2026-03-21'],
    [
      'a future date on an avoided weekday moves to the next allowed day',
      '2026-03-21',
      '2026-03-15',
      { weekdays: [6, 7] },
      '2026-03-23',
    ],
    [
      'an avoided month jumps to the 1st of the next month',
      '2026-08-10',
      '2026-03-15',
      { months: [8] },
      '2026-09-01',
    ],
    [
      'after the jump the weekdays are checked again',
      '2026-08-10',
      '2026-03-15',
      { months: [8], weekdays: [2] },
      '2026-09-02',
    ],
    [
      'two avoided months in a row are both jumped',
      '2026-07-05',
      '2026-03-15',
      { months: [7, 8] },
      '2026-09-01',
    ],
    [
      'December jumps into January of the next year',
      '2026-12-24',
      '2026-03-15',
      { months: [12] },
      '2027-01-01',
    ],
    [
      'an allowed month far away is still found within 366 days',
      '2026-02-10',
      '2026-01-15',
      { months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      '2027-01-01',
    ],
    [
      'a date before today stays when today is allowed (overdue stays overdue)',
      '2026-03-10',
      '2026-03-16',
      { weekdays: [2] },
      '2026-03-10',
    ],
    [
      'a date in an avoided month before today stays when today is allowed',
      '2026-08-20',
      '2026-09-03',
      { months: [8] },
      '2026-08-20',
    ],
    [
      'a date before today moves when today is avoided: to the allowed day on or after today',
      '2026-03-10',
      '2026-03-14',
      { weekdays: [6, 7] },
      '2026-03-16',
    ],
    [
      'a date of today moves when today is avoided',
      '2026-03-14',
      '2026-03-14',
      { weekdays: [6] },
      '2026-03-15',
    ],
    [
      'every weekday avoided: no allowed day within 366, the rules are ignored',
      '2026-03-21',
      '2026-03-15',
      { weekdays: [1, 2, 3, 4, 5, 6, 7] },
      '2026-03-21',
    ],
    [
      'every month avoided: the rules are ignored',
      '2026-03-10',
      '2026-03-14',
      { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      '2026-03-10',
    ],
    [
      'junk entries are ignored, not fatal',
      '2026-03-21',
      '2026-03-15',
      { weekdays: [0, 8, 6.5, 6] as number[] },
      '2026-03-22',
    ],
  ])('%s', (_rule, due, today, avoid, expected) => {
    expect(shiftForAvoid(due, today, avoid).due).toBe(expected);
  });

  it.each([
    [
      'en',
      '2026-03-21',
      '2026-03-15',
      { weekdays: [6, 7] },
      'Moved from Sat 21 Mar 2026 to Mon 23 Mar 2026 to avoid Saturdays and Sundays',
    ],
    [
      'de',
      '2026-08-10',
      '2026-03-15',
      { months: [8], weekdays: [2] },
      'Verschoben von Mo, 10.08.2026 auf Mi, 02.09.2026, weil zu meiden: August und Dienstage',
    ],
    [
      'en',
      '2026-03-10',
      '2026-03-14',
      { weekdays: [6, 7] },
      'Due since Tue 10 Mar 2026, but today is a time to avoid (Saturdays and Sundays): moved to Mon 16 Mar 2026',
    ],
    [
      'en',
      '2026-03-21',
      '2026-03-15',
      { weekdays: [1, 2, 3, 4, 5, 6, 7] },
      'The times to avoid leave no free day in the whole next year, so they are ignored this time',
    ],
  ] as const)('every move is said in the reasons (%s: %s)', (locale, due, today, avoid, text) => {
    const out = applyAvoid(dayNumberFromIso(due), dayNumberFromIso(today), avoidTable(avoid));
    expect(avoidReason(out, locale)).toBe(text);
  });

  it.each([
    [{ from: 0, to: 10 }, 'en', 'Time of day: not before 10:00'],
    [{ from: 0, to: 10 }, 'de', 'Uhrzeit: nicht vor 10 Uhr'],
    [{ from: 17, to: 24 }, 'en', 'Time of day: not after 17:00'],
    [{ from: 17, to: 24 }, 'de', 'Uhrzeit: nicht nach 17 Uhr'],
    [{ from: 12, to: 14 }, 'en', 'Time of day: not between 12:00 and 14:00'],
    [{ from: 8, to: 9 }, 'de', 'Uhrzeit: nicht zwischen 8 und 9 Uhr'],
    [{ from: 14, to: 12 }, 'en', null],
    [undefined, 'en', null],
  ] as const)(
    'avoid.hours %j never moves a date, it becomes advice (%s)',
    (hours, locale, text) => {
      expect(hoursAdvice(hours, locale)).toBe(text);
    },
  );
});

const arbAvoid = fc.record({
  months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 11 }),
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }),
});
const arbDay = fc.integer({
  min: dayNumberFromIso('2020-01-01'),
  max: dayNumberFromIso('2032-12-31'),
});

describe('properties of times to avoid', () => {
  it('the allowed day on or after x is the first day ≥ x in no avoided month and on no avoided weekday', () => {
    fc.assert(
      fc.property(arbAvoid, arbDay, (avoid, x) => {
        const t = avoidTable(avoid);
        const got = allowedDayOnOrAfter(x, t);
        expect(got.gaveUp).toBe(false);
        let first = x;
        while (isAvoided(first, t)) first++;
        expect(got.day).toBe(first);
      }),
      { numRuns: 500 },
    );
  });

  it('a shifted date is never in an avoided month or weekday and never earlier than the original', () => {
    fc.assert(
      fc.property(arbAvoid, arbDay, fc.integer({ min: -60, max: 400 }), (avoid, today, offset) => {
        const due = today + offset;
        const t = avoidTable(avoid);
        const out = applyAvoid(due, today, t);
        if (due > today || isAvoided(today, t)) {
          const month = civilFromDayNumber(out.due).month;
          expect(avoid.months).not.toContain(month);
          expect(avoid.weekdays).not.toContain(weekdayOfDayNumber(out.due));
          expect(out.due).toBeGreaterThanOrEqual(Math.max(due, today));
        } else {
          expect(out.due).toBe(due); // overdue, and today is allowed: it stays
        }
        expect(out.moved).toBe(out.due !== due);
      }),
      { numRuns: 1000 },
    );
  });

  it('the string form agrees with the day-number form', () => {
    fc.assert(
      fc.property(arbAvoid, arbDay, arbDay, (avoid, due, today) => {
        const got = shiftForAvoid(isoFromDayNumber(due), isoFromDayNumber(today), avoid);
        expect(got.due).toBe(isoFromDayNumber(applyAvoid(due, today, avoidTable(avoid)).due));
      }),
      { numRuns: 200 },
    );
    expect(addDays(shiftForAvoid('2026-03-21', '2026-03-15', { weekdays: [6] }).due, 0)).toBe(
      '2026-03-22',
    );
  });
});
