// Working days and public holidays (PRODUCT.md "Times to avoid": a moved date lands on a working day
// of the user, no public holiday of `settings.holidayRegion`, allowed by the contact's avoid rules).
//
// The expected days come from the law and the calendar, not from the library's output:
// - Easter Sunday: 20 April 2025, 5 April 2026, 28 March 2027, 16 April 2028; Easter 2008 was
//   23 March, so Ascension (Easter + 39) fell on 1 May 2008. Fronleichnam is Easter + 60,
//   Pfingstmontag Easter + 50, Karfreitag Easter − 2.
// - Germany: the Länder's Feiertagsgesetze. Bayern (BayFTG Art. 1): Heilige Drei Könige, Fronleichnam
//   and Allerheiligen statewide, Mariä Himmelfahrt only in municipalities with a predominantly
//   Catholic population, the Friedensfest (8 August) only in Augsburg. Niedersachsen: Reformationstag
//   since 2018, no Fronleichnam. Berlin: Internationaler Frauentag (8 March) since 2019. Thüringen:
//   Weltkindertag (20 September) since 2019. Sachsen: Buß- und Bettag, the Wednesday before
//   23 November. Saarland: Mariä Himmelfahrt statewide.
// - Austria: Feiertagsruhegesetz 1957 § 1 (8 December included); Karfreitag stopped being a public
//   holiday in 2019 (BGBl. I Nr. 22/2019). Leopoldi (15 November) is a school holiday in Vienna only.
// - Switzerland, cantonal law: Zürich (Ruhetagsgesetz) has 1 May but neither Berchtoldstag nor the
//   Knabenschiessen Monday (an afternoon off in the city, not a public holiday); Bern has Berchtoldstag
//   (2 January) but not 1 May; Geneva has the Jeûne genevois (Thursday after the first Sunday of
//   September); Vaud the Lundi du Jeûne (Monday after the third Sunday of September); 1 August is the
//   federal holiday.
// - Weekdays: 1 January 2026 is a Thursday, 1 January 2027 a Friday, 29 February 2028 a Tuesday.
import fc from 'fast-check';
import Holidays from 'date-holidays';
import Parser from 'date-holidays-parser';
import moment from 'moment-timezone';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WORKING_DAYS,
  HOLIDAY_REGIONS,
  avoidTable,
  dayNumberFromIso,
  holidayRegion,
  holidayRegionName,
  isAvoided,
  isoFromDayNumber,
  nextWorkingDayOnOrAfter,
  workCalendar,
  workingDayTable,
} from '@/lib/core';
import { HOLIDAY_DATA } from '@/lib/core/holiday-data';
import { HOLIDAY_COUNTRIES, installedHolidayData, pickHolidayData } from '../../tools/holiday-data';

const day = (iso: string) => dayNumberFromIso(iso);
const iso = isoFromDayNumber;
const MON_SAT = [1, 2, 3, 4, 5, 6];

describe('a working day: a working weekday of the user and no public holiday of the region', () => {
  it.each([
    // region, working days, day, working?, the rule
    ['DE-BY', undefined, '2026-06-04', false, 'Thursday 4 June 2026 is Fronleichnam in Bavaria'],
    ['DE-NI', undefined, '2026-06-04', true, 'the same day in Lower Saxony is a working day'],
    ['DE-BY', undefined, '2026-01-06', false, 'Heilige Drei Könige (Tuesday) in Bavaria'],
    ['DE-NW', undefined, '2026-01-06', true, 'the same day in North Rhine-Westphalia'],
    ['DE-BY', undefined, '2026-11-02', true, 'Allerheiligen on a Sunday: no substitute Monday'],
    [
      'DE-BY',
      undefined,
      '2025-08-15',
      true,
      'Mariä Himmelfahrt: for Bavaria as a whole no holiday',
    ],
    ['DE-BY-KATH', undefined, '2025-08-15', false, 'Mariä Himmelfahrt, Catholic municipalities'],
    ['DE-BY-EVANG', undefined, '2025-08-15', true, 'Mariä Himmelfahrt, Protestant municipalities'],
    ['DE-BY-A', undefined, '2025-08-15', false, 'Mariä Himmelfahrt in Augsburg'],
    ['DE-BY-A', undefined, '2025-08-08', false, 'Augsburger Friedensfest (Friday)'],
    ['DE-BY-KATH', undefined, '2025-08-08', true, 'the Friedensfest is Augsburg’s alone'],
    ['DE-SL', undefined, '2025-08-15', false, 'Mariä Himmelfahrt in the whole Saarland'],
    ['DE-NI', undefined, '2025-10-31', false, 'Reformationstag (Friday) in Lower Saxony'],
    ['DE-BY', undefined, '2025-10-31', true, 'the same day in Bavaria'],
    ['DE-BE', undefined, '2027-03-08', false, 'Internationaler Frauentag (Monday) in Berlin'],
    ['DE-BB', undefined, '2027-03-08', true, 'the same day in Brandenburg'],
    ['DE-TH', undefined, '2027-09-20', false, 'Weltkindertag (Monday) in Thuringia'],
    ['DE-SN', undefined, '2026-11-18', false, 'Buß- und Bettag (Wednesday) in Saxony'],
    ['DE-BY', undefined, '2026-11-18', true, 'Buß- und Bettag in Bavaria: schools only'],
    ['DE', undefined, '2026-12-24', true, 'Heiligabend is no public holiday (a bank day)'],
    ['DE', undefined, '2026-10-05', true, 'an ordinary Monday'],
    ['AT', undefined, '2026-04-06', false, 'Ostermontag in Austria'],
    ['AT', undefined, '2026-04-03', true, 'Karfreitag: no public holiday in Austria since 2019'],
    ['AT', undefined, '2026-12-08', false, 'Mariä Empfängnis (Tuesday) in Austria'],
    ['AT-9', undefined, '2027-11-15', true, 'Leopoldi (Monday) in Vienna: schools only'],
    ['AT-9', undefined, '2026-12-08', false, 'a Land has its country’s holidays'],
    ['CH-ZH', undefined, '2026-09-14', true, 'Knabenschiessen Monday in Zürich: optional only'],
    ['CH-ZH', undefined, '2026-01-02', true, 'Berchtoldstag (Friday): no public holiday in Zürich'],
    ['CH-BE', undefined, '2026-01-02', false, 'Berchtoldstag in Bern'],
    ['CH-ZH', undefined, '2026-05-01', false, '1 May (Friday) in Zürich'],
    ['CH-BE', undefined, '2026-05-01', true, '1 May in Bern'],
    ['CH-GE', undefined, '2026-09-10', false, 'Jeûne genevois (Thursday) in Geneva'],
    ['CH-VD', undefined, '2026-09-21', false, 'Lundi du Jeûne in Vaud'],
    ['CH-ZH', undefined, '2025-08-01', false, 'Bundesfeiertag (Friday) in Zürich'],
    ['CH', undefined, '2025-08-01', false, 'Bundesfeiertag in Switzerland as a whole'],
    [undefined, undefined, '2026-12-25', true, 'region none: Christmas Day (Friday) counts'],
    [undefined, undefined, '2026-06-06', false, 'region none: Saturday is no working day'],
    [undefined, MON_SAT, '2026-06-06', true, 'workingDays Mon–Sat: Saturday is a working day'],
    ['DE-BY', MON_SAT, '2026-12-26', false, 'a holiday on a working Saturday (2. Weihnachtstag)'],
    [undefined, [7], '2026-06-07', true, 'working on Sundays only: Sunday is a working day'],
    [undefined, [7], '2026-06-08', false, 'working on Sundays only: Monday is not'],
    ['DE-BY', [7], '2026-04-05', true, 'Easter Sunday is no public holiday in Bavaria'],
    ['DE-BB', [7], '2026-04-05', false, 'Easter Sunday is one in Brandenburg'],
    ['DE-BY', undefined, '2025-10-03', false, 'Tag der Deutschen Einheit (Friday)'],
    ['DE-XX', undefined, '2025-10-03', true, 'an unknown region: no holidays (3 October, Friday)'],
    ['de-by', undefined, '2026-06-04', false, 'the code is read case-insensitively'],
    [undefined, [], '2026-06-06', false, 'an empty list of working days means Monday to Friday'],
    [undefined, [0, 8, 'x', 2.5], '2026-06-05', true, 'junk working days: Monday to Friday'],
  ] as [string | undefined, unknown, string, boolean, string][])(
    '%s, %j, %s → working day: %s (%s)',
    (region, workingDays, date, working) => {
      expect(workCalendar(region, workingDays).isWorkingDay(day(date))).toBe(working);
    },
  );

  it.each([
    ['DE-BY', '2026-06-04', 'de', 'Fronleichnam'],
    ['DE-BY', '2026-06-04', 'en', 'Corpus Christi'],
    ['DE-BY-A', '2025-08-08', 'de', 'Augsburger Friedensfest'],
    ['AT', '2026-12-08', 'de', 'Mariä Empfängnis'],
    ['AT', '2026-12-08', 'en', 'Immaculate Conception'],
    ['DE', '2008-05-01', 'de', 'Maifeiertag / Christi Himmelfahrt'],
    ['DE', '2008-05-01', 'en', 'Labour Day / Ascension Day'],
    ['DE-BY', '2026-06-05', 'de', undefined],
    ['DE-BY', '2025-08-15', 'de', undefined],
    [undefined, '2026-12-25', 'de', undefined],
  ] as const)('%s, %s: the holiday is called %j in %s', (region, date, L, name) => {
    expect(workCalendar(region).holidayName(day(date), L)).toBe(name);
  });

  it('says which region and which weekdays it uses', () => {
    expect(workCalendar(' ch-zh ', [5, 1, 1, 3])).toMatchObject({
      region: 'CH-ZH',
      workingDays: [1, 3, 5],
    });
    expect(workCalendar('Narnia')).toMatchObject({ region: null, workingDays: [1, 2, 3, 4, 5] });
    expect(workCalendar(null, null).workingDays).toEqual(DEFAULT_WORKING_DAYS);
    expect(workingDayTable([6, 7])).toEqual([false, false, false, false, false, false, true, true]);
  });

  it('answers for every day of a year, 29 February and 31 December of a leap year included', () => {
    const c = workCalendar('DE-BY');
    expect(c.isWorkingDay(day('2028-02-29'))).toBe(true); // a Tuesday
    expect(c.isHoliday(day('2028-12-26'))).toBe(true); // day 361 of 366
    expect(c.isHoliday(day('2028-12-31'))).toBe(false); // the last index of the year's table
    expect(c.isHoliday(day('2029-01-01'))).toBe(true);
    const all: string[] = [];
    for (let d = day('2026-01-01'); d <= day('2026-12-31'); d++)
      if (c.isHoliday(d)) all.push(iso(d));
    expect(all).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-06-04',
      '2026-10-03',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
  });
});

describe('nextWorkingDayOnOrAfter: the first day ≥ x that is a working day, no holiday, allowed', () => {
  it.each([
    // the rule, region, working days, avoid, from, to, what was passed over
    [
      'Friday avoided, Saturday and Sunday are no working days → Monday',
      undefined,
      undefined,
      { weekdays: [5] },
      '2026-06-05',
      '2026-06-08',
      { weekdays: [5], offDays: [6, 7], holidays: [] },
    ],
    [
      'Fridays and Saturdays avoided → Monday, not Sunday',
      undefined,
      undefined,
      { weekdays: [5, 6] },
      '2026-06-05',
      '2026-06-08',
      { weekdays: [5, 6], offDays: [7], holidays: [] },
    ],
    [
      'Monday after Easter in AT → Tuesday',
      'AT',
      undefined,
      {},
      '2026-04-06',
      '2026-04-07',
      { holidays: ['2026-04-06'] },
    ],
    [
      'DE-BY, Fronleichnam Thursday, Fridays avoided → Monday',
      'DE-BY',
      undefined,
      { weekdays: [5] },
      '2026-06-04',
      '2026-06-08',
      { weekdays: [5], offDays: [6, 7], holidays: ['2026-06-04'] },
    ],
    [
      'DE-NI, the same Thursday → that Thursday',
      'DE-NI',
      undefined,
      { weekdays: [5] },
      '2026-06-04',
      '2026-06-04',
      { weekdays: [], offDays: [], holidays: [] },
    ],
    [
      'DE, Whit Saturday → Tuesday after Pfingstmontag',
      'DE',
      undefined,
      {},
      '2026-05-23',
      '2026-05-26',
      { offDays: [6, 7], holidays: ['2026-05-25'] },
    ],
    [
      'DE-BY, Christmas Eve with Thursdays avoided → Monday 28 December (26th is a Saturday)',
      'DE-BY',
      undefined,
      { weekdays: [4] },
      '2026-12-24',
      '2026-12-28',
      { weekdays: [4], offDays: [6, 7], holidays: ['2026-12-25'] },
    ],
    [
      'year boundary: AT, Wednesdays avoided, 31 December → past Neujahr to Friday 2 January',
      'AT',
      undefined,
      { weekdays: [3] },
      '2025-12-31',
      '2026-01-02',
      { weekdays: [3], holidays: ['2026-01-01'] },
    ],
    [
      'year boundary: DE-BY, December avoided → past Neujahr (Friday) to Monday 4 January',
      'DE-BY',
      undefined,
      { months: [12] },
      '2026-12-10',
      '2027-01-04',
      { months: [12], offDays: [6, 7], holidays: ['2027-01-01'] },
    ],
    [
      'AT, Mondays avoided, 5 January → past Heilige Drei Könige to Wednesday',
      'AT',
      undefined,
      { weekdays: [1] },
      '2026-01-05',
      '2026-01-07',
      { weekdays: [1], holidays: ['2026-01-06'] },
    ],
    [
      '29 February: Mondays avoided, Saturday 26 February 2028 → Tuesday 29 February',
      'DE-BY',
      undefined,
      { weekdays: [1] },
      '2028-02-26',
      '2028-02-29',
      { weekdays: [1], offDays: [6, 7], holidays: [] },
    ],
    [
      'workingDays Mon–Sat: Friday avoided → Saturday',
      undefined,
      MON_SAT,
      { weekdays: [5] },
      '2026-06-05',
      '2026-06-06',
      { weekdays: [5], offDays: [], holidays: [] },
    ],
    [
      'region none: Christmas Day (Friday) stays',
      undefined,
      undefined,
      {},
      '2026-12-25',
      '2026-12-25',
      { holidays: [] },
    ],
    [
      'a holiday on a Sunday is passed over as a Sunday',
      'DE-BY',
      undefined,
      {},
      '2026-11-01',
      '2026-11-02',
      { offDays: [7], holidays: [] },
    ],
    [
      'CH-ZH, July and August avoided → Tuesday 1 September',
      'CH-ZH',
      undefined,
      { months: [7, 8] },
      '2026-07-15',
      '2026-09-01',
      { months: [7, 8], holidays: [] },
    ],
  ])('%s', (_rule, region, workingDays, avoid, from, to, passed) => {
    const out = nextWorkingDayOnOrAfter(
      day(from),
      workCalendar(region, workingDays),
      avoidTable(avoid),
    );
    expect(iso(out.day)).toBe(to);
    expect(out.gaveUp).toBe(false);
    const { holidays, ...rest } = passed;
    expect(out.holidays.map(iso)).toEqual(holidays);
    expect(out).toMatchObject(rest);
  });

  it('gives up when no day of the next 366 qualifies, and x comes back', () => {
    const x = day('2026-06-05');
    const out = nextWorkingDayOnOrAfter(
      x,
      workCalendar('DE-BY'),
      avoidTable({ weekdays: [1, 2, 3, 4, 5] }),
    );
    expect(out).toEqual({
      day: x,
      holidays: [],
      offDays: [],
      months: [],
      weekdays: [],
      gaveUp: true,
    });
  });

  it('is the first day ≥ x on which every rule holds (any region, working days and avoid rules)', () => {
    const regions = [undefined, 'DE-BY', 'DE-BY-A', 'AT', 'CH-GE', 'CH-VS', 'DE-SN'];
    fc.assert(
      fc.property(
        fc.constantFrom(...regions),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 11 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }),
        fc.integer({ min: day('1990-01-01'), max: day('2090-12-31') }),
        (region, working, months, weekdays, x) => {
          const cal = workCalendar(region, working);
          const avoid = avoidTable({ months, weekdays });
          const out = nextWorkingDayOnOrAfter(x, cal, avoid);
          let first: number | null = null;
          for (let d = x; d <= x + 365 && first === null; d++)
            if (cal.isWorkingDay(d) && !isAvoided(d, avoid)) first = d;
          expect(out.gaveUp).toBe(first === null);
          expect(out.day).toBe(first ?? x);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('holiday regions: DE and its Länder, AT and its Länder, CH and its cantons', () => {
  // ISO 3166-2 subdivision codes, typed here from the standard to check the derived list.
  const LAENDER = 'BB BE BW BY HB HE HH MV NI NW RP SH SL SN ST TH'.split(' ');
  const CANTONS =
    'AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG TI UR VD VS ZG ZH'.split(' ');
  const codes = HOLIDAY_REGIONS.map((r) => r.code);

  it('has the three countries, the 16 Länder, the 9 Austrian Länder and the 26 cantons', () => {
    expect(HOLIDAY_REGIONS.filter((r) => r.level === 'country').map((r) => r.code)).toEqual([
      'DE',
      'AT',
      'CH',
    ]);
    const states = (c: string) =>
      HOLIDAY_REGIONS.filter((r) => r.level === 'state' && r.parent === c)
        .map((r) => r.code)
        .sort();
    expect(states('DE')).toEqual(LAENDER.map((s) => `DE-${s}`));
    expect(states('AT')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => `AT-${s}`));
    expect(states('CH')).toEqual(CANTONS.map((s) => `CH-${s}`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has the municipality-dependent regions, each under its Land', () => {
    expect(
      HOLIDAY_REGIONS.filter((r) => r.level === 'region').map((r) => [r.code, r.parent]),
    ).toEqual([
      ['DE-BY-A', 'DE-BY'],
      ['DE-BY-KATH', 'DE-BY'],
      ['DE-BY-EVANG', 'DE-BY'],
      ['DE-SN-BZ', 'DE-SN'],
      ['DE-TH-EIC', 'DE-TH'],
      ['DE-TH-UH', 'DE-TH'],
      ['DE-TH-WAK', 'DE-TH'],
    ]);
  });

  it.each([
    ['DE', 'Deutschland', 'Germany'],
    ['DE-BY', 'Bayern', 'Bavaria'],
    ['DE-NW', 'Nordrhein-Westfalen', 'North Rhine-Westphalia'],
    ['AT', 'Österreich', 'Austria'],
    ['AT-9', 'Wien', 'Vienna'],
    ['CH', 'Schweiz', 'Switzerland'],
    ['CH-ZH', 'Kanton Zürich', 'Canton of Zürich'],
    ['CH-GE', 'Kanton Genf', 'Canton of Geneva'],
  ])('%s is called %s and %s', (code, de, en) => {
    expect(holidayRegion(code)).toMatchObject({ de, en });
  });

  it('names every region in German and English, a region with its Land', () => {
    for (const r of HOLIDAY_REGIONS) {
      expect(r.de.trim()).not.toBe('');
      expect(r.en.trim()).not.toBe('');
      expect(r.en).not.toBe(r.code);
    }
    // The Länder and regions have English names of their own where English has one.
    const de = HOLIDAY_REGIONS.filter((r) => r.code.startsWith('DE-'));
    expect(de.filter((r) => r.de === r.en).map((r) => r.code)).toEqual([
      'DE-BB',
      'DE-BE',
      'DE-BW',
      'DE-SH',
      'DE-SL',
    ]);
    expect(holidayRegionName('DE-BY-KATH', 'de')).toBe('Bayern: Überwiegend katholische Gemeinden');
    expect(holidayRegionName('de-by-a', 'en')).toBe('Bavaria: City of Augsburg');
    expect(holidayRegionName('CH-ZH', 'en')).toBe('Canton of Zürich');
    expect(holidayRegionName('', 'de')).toBe('');
    expect(holidayRegion(undefined)).toBeUndefined();
    expect(holidayRegion('XX')).toBeUndefined();
  });
});

describe('the holiday data and the engine as shipped', () => {
  it('is date-holidays’ own data for DE, AT and CH (run tests/tools/holiday-data.ts after an upgrade)', () => {
    const { version, data } = installedHolidayData();
    expect(HOLIDAY_DATA).toEqual(pickHolidayData(data, HOLIDAY_COUNTRIES, version));
  });

  // The build strips every calendar but the Gregorian one (and Easter) from the engine
  // (wxt.config.ts): the shipped rules must need no other. The parser's own reading of each rule says.
  it('needs no calendar but the Gregorian one and Easter', () => {
    type Parsed = { holidays: Record<string, { fn?: { rules: { fn?: string }[] } }> };
    const calendars = (h: unknown) =>
      Object.values((h as Parsed).holidays).flatMap((r) => (r.fn?.rules ?? []).map((x) => x.fn));
    const used = new Set<string | undefined>();
    for (const r of HOLIDAY_REGIONS)
      for (const fn of calendars(new Parser(HOLIDAY_DATA, r.code))) used.add(fn);
    used.delete(undefined);
    expect([...used].sort()).toEqual(['easter', 'gregorian']);
    // The check can fail: a rule in another calendar shows.
    const other = new Parser(HOLIDAY_DATA, 'DE');
    other.setHoliday('julian 12-25', 'Orthodox Christmas');
    expect(calendars(other)).toContain('julian');
  });

  // The build ships moment-timezone without zone data (wxt.config.ts), so the engine must never look
  // a zone up: it runs without one, in calendar days.
  it('never asks moment-timezone for a zone', () => {
    const tz = vi.spyOn(moment, 'tz');
    for (const region of HOLIDAY_REGIONS) workCalendar(region.code).isHoliday(day('2026-06-04'));
    expect(tz).not.toHaveBeenCalled();
    // The check can fail: the library used as published does ask.
    new Holidays('DE', 'BY').getHolidays(2026);
    expect(tz).toHaveBeenCalled();
  });

  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  function holidaysIn(region: string): string[] {
    const c = workCalendar(region);
    const list: string[] = [];
    for (let d = day('2026-01-01'); d <= day('2027-12-31'); d++)
      if (c.isHoliday(d)) list.push(iso(d));
    return list;
  }

  // Santiago turns its clocks at midnight; Kiritimati and Pago Pago are 25 hours apart.
  it.each(['Europe/Berlin', 'America/Santiago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'finds the same days whatever the runtime’s zone (%s)',
    (tz) => {
      const regions = ['DE-BY-KATH', 'AT', 'CH-GE', 'CH-VS'];
      process.env.TZ = 'UTC';
      const utc = regions.map(holidaysIn);
      process.env.TZ = tz;
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0); // the zone did change
      expect(regions.map(holidaysIn)).toEqual(utc);
      expect(utc[0]).toContain('2026-08-15');
      expect(utc[3]).toContain('2026-12-24'); // Valais: from noon, counts for the day
    },
  );
});
