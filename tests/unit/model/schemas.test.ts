import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContactSchema,
  DEFAULT_SETTINGS,
  DayOfYearSchema,
  IsoDateSchema,
  SettingsSchema,
  ValidationError,
  canonicalProfileUrl,
  isIsoDate,
  profileSite,
  validate,
} from '@/lib/model';

const base = {
  id: 'c1',
  name: '  Jürgen Müller ',
  createdAt: '2026-01-10',
  updatedAt: '2026-01-10T09:30:00.000Z',
};

describe('Contact schema', () => {
  it('stores e-mails trimmed, lower-case and once', () => {
    const c = ContactSchema.parse({
      ...base,
      emails: [' Juergen.Mueller@Example.DE ', 'juergen.mueller@example.de'],
    });
    expect(c.emails).toEqual(['juergen.mueller@example.de']);
    expect(c.name).toBe('Jürgen Müller');
  });

  it('stores XING and LinkedIn profile URLs canonically', () => {
    const c = ContactSchema.parse({
      ...base,
      profileUrls: [
        'https://www.xing.com/profile/Juergen_Mueller/cv?sc_o=da980',
        'de.linkedin.com/in/juergen-mueller-4711/details/experience/',
      ],
    });
    expect(c.profileUrls).toEqual([
      'https://www.xing.com/profile/Juergen_Mueller',
      'https://www.linkedin.com/in/juergen-mueller-4711',
    ]);
  });

  it('fills defaults for lists and status', () => {
    const c = ContactSchema.parse(base);
    expect(c).toMatchObject({
      emails: [],
      phones: [],
      profileUrls: [],
      preferredChannels: [],
      interests: [],
      status: 'active',
    });
  });

  it.each([
    ['an empty name', { name: '  ' }, 'name'],
    ['a broken e-mail', { emails: ['juergen@'] }, 'emails.0'],
    ['a javascript: URL', { profileUrls: ['javascript:alert(1)'] }, 'profileUrls.0'],
    ['31 April', { birthday: { month: 4, day: 31 } }, 'birthday.day'],
    ['29 Feb 2023', { birthday: { month: 2, day: 29, year: 2023 } }, 'birthday.day'],
    ['month 13', { birthday: { month: 13, day: 1 } }, 'birthday.month'],
    ['a date that is no date', { createdAt: '2026-02-30' }, 'createdAt'],
    ['interval 0', { plan: { contactEveryDays: 0 } }, 'plan.contactEveryDays'],
  ])('refuses %s and names the field', (_label, patch, path) => {
    expect(() => validate(ContactSchema, { ...base, ...patch }, 'contact')).toThrow(
      ValidationError,
    );
    try {
      validate(ContactSchema, { ...base, ...patch }, 'contact');
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path.join('.'))).toContain(path);
    }
  });
});

describe('DayOfYear', () => {
  it.each([
    [{ month: 2, day: 29 }, true],
    [{ month: 2, day: 29, year: 2024 }, true],
    [{ month: 2, day: 29, year: 2025 }, false],
    [{ month: 12, day: 31 }, true],
    [{ month: 6, day: 31 }, false],
  ])('%j valid: %s', (d, ok) => {
    expect(DayOfYearSchema.safeParse(d).success).toBe(ok);
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-15', true],
    ['2026-03-15T09:30:00.000Z', true],
    ['2026-03-15T10:30:00+01:00', true],
    ['2026-03-15T09:30', true],
    ['2026-13-01', false],
    ['15.03.2026', false],
    ['2026-03-15T25:00:00Z', false],
  ])('%s is an ISO date: %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  // An offset outside ±23:59 is no time zone: every rule would read the instant as "no date".
  it.each([
    ['2026-03-15T09:30:00Z', true],
    ['2026-03-15T10:30:00.000+01:00', true],
    ['2026-03-15T15:15:00+05:45', true],
    ['2026-03-15T06:00:00-03:30', true],
    ['2026-03-15T10:30:00+0100', true],
    ['2026-03-15T23:30:00+14:00', true],
    ['2026-03-15T00:00:00-12:00', true],
    ['2026-03-15T00:00:00+23:59', true],
    ['2026-03-15T09:30:00+99:99', false],
    ['2026-03-15T09:30:00+24:00', false],
    ['2026-03-15T09:30:00+01:60', false],
    ['2026-03-15T09:30:00-00:99', false],
    ['2026-03-15T09:30:00+9999', false],
  ])('offset of %s is possible: %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
    expect(IsoDateSchema.safeParse(s).success).toBe(ok);
    if (ok) expect(Number.isNaN(Date.parse(s))).toBe(false);
  });
});

describe('canonicalProfileUrl', () => {
  it.each([
    ['https://www.xing.com/profile/Anna_Schmidt', 'https://www.xing.com/profile/Anna_Schmidt'],
    ['https://xing.com/profile/Anna_Schmidt/', 'https://www.xing.com/profile/Anna_Schmidt'],
    [
      'http://www.xing.com/profile/Anna_Schmidt/cv#top',
      'https://www.xing.com/profile/Anna_Schmidt',
    ],
    ['https://www.linkedin.com/in/anna-schmidt/', 'https://www.linkedin.com/in/anna-schmidt'],
    ['https://de.linkedin.com/in/anna-schmidt?trk=x', 'https://www.linkedin.com/in/anna-schmidt'],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.xing.com/search/members?keywords=anna', null],
    ['https://notxing.com/profile/Anna', null],
    ['https://www.linkedin.com.evil.io/in/anna', null],
  ])('%s -> %s', (input, expected) => expect(canonicalProfileUrl(input)).toBe(expected));

  it('a URL already canonical comes back as the URL parser would make it', () => {
    // The shortcut that skips the parser must agree with it for every slug it lets through.
    const slug = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);
    fc.assert(
      fc.property(slug, fc.constantFrom('linkedin.com/in', 'xing.com/profile'), (s, path) => {
        const canonical = `https://www.${path}/${s}`;
        const parsed = canonicalProfileUrl(`https://www.${path}/${s}/?via=test`);
        expect(canonicalProfileUrl(canonical)).toBe(parsed);
      }),
    );
  });
});

describe("profileSite (the one definition of a profile URL's site)", () => {
  it.each([
    ['https://www.xing.com/profile/Anna_Schmidt', 'xing'],
    ['xing.com/profile/Anna_Schmidt/cv', 'xing'],
    ['https://www.linkedin.com/in/anna-schmidt', 'linkedin'],
    ['https://de.linkedin.com/in/anna-schmidt?trk=x', 'linkedin'],
    ['https://www.xing.com/pages/acme', null],
    ['https://www.xing.com/profile/', null],
    ['https://www.linkedin.com.evil.io/in/anna', null],
    ['javascript:alert(1)', null],
    [42, null],
  ])('%s -> %s', (input, expected) => expect(profileSite(input)).toBe(expected));

  it('a canonical URL has the site the URL parser finds', () => {
    // Stored URLs take a shortcut past the parser; it must agree with the parser for every slug.
    const slug = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);
    fc.assert(
      fc.property(slug, fc.constantFrom('linkedin.com/in', 'xing.com/profile'), (s, path) => {
        expect(profileSite(`https://www.${path}/${s}`)).toBe(
          profileSite(`https://www.${path}/${s}/?via=test`),
        );
      }),
    );
  });
});

describe('Settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      contactEveryDays: { A: 14, B: 45, C: 120 },
      feedbackEveryDays: { A: 90, B: 180, C: 365 },
      afterPurchaseDays: 3,
      birthdayLookaheadDays: 7,
      tierMode: 'revenue',
      paretoA: 0.8,
      paretoB: 0.95,
    });
  });
  it('refuses an unknown time zone and inverted thresholds', () => {
    expect(SettingsSchema.safeParse({ timeZone: 'Europe/Nowhere' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ paretoA: 0.9, paretoB: 0.85 }).success).toBe(false);
  });
});
