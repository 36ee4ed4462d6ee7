import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeProfileUrl } from '@/lib/model';
import { normaliseEmail, normaliseUrl } from '@/lib/io';

describe('e-mail addresses', () => {
  it.each([
    [' Max.Mustermann@Example.DE ', { ok: 'max.mustermann@example.de' }],
    ['mailto:anna@x.de', { ok: 'anna@x.de' }],
    ['Anna Beispiel <Anna@X.de>', { ok: 'anna@x.de' }],
    ['', null],
    ['   ', null],
    ['/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=x', null],
    ['anna(at)x.de', { invalid: 'anna(at)x.de' }],
    ['anna@', { invalid: 'anna@' }],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toEqual(expected);
  });
});

describe('web and profile addresses', () => {
  it.each([
    ['https://www.linkedin.com/in/anna-b/', 'https://www.linkedin.com/in/anna-b'],
    ['http://linkedin.com/in/Anna_B', 'https://www.linkedin.com/in/Anna_B'],
    ['https://de.linkedin.com/in/anna-b?trk=x', 'https://www.linkedin.com/in/anna-b'],
    ['linkedin.com/in/anna-b/details/skills', 'https://www.linkedin.com/in/anna-b'],
    ['https://www.xing.com/profile/Anna_B/cv', 'https://www.xing.com/profile/Anna_B'],
    ['HTTPS://WWW.XING.COM/profile/Anna_B', 'https://www.xing.com/profile/Anna_B'],
    ['www.example.de', 'https://www.example.de/'],
    ['https://example.com/a,b?c=1', 'https://example.com/a,b?c=1'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseUrl(raw)).toEqual({ ok: expected });
  });

  it.each([
    'n/a',
    'keine Angabe',
    'javascript:alert(1)',
    'ftp://example.com/',
    'mailto:a@b.de',
    'Anna_B',
  ])('%s is no web address', (raw) => {
    expect(normaliseUrl(raw)).toEqual({ invalid: raw });
  });

  it('the fast path for plain profile URLs agrees with the model', () => {
    const piece = fc.constantFrom(
      'http://',
      'https://',
      'HTTPS://',
      'www.',
      'de.',
      'linkedin.com',
      'LinkedIn.com',
      'xing.com',
      '/in/',
      '/IN/',
      '/profile/',
      '/Profile/',
      '/',
      '.',
      '..',
      '%2e',
      '%C3%BC',
      'ü',
      '?x=1',
      '#top',
      '_',
      '-',
      'Anna',
      'b2',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 9 }), (parts) => {
        const raw = parts.join('');
        const r = normaliseUrl(raw);
        if (r && 'ok' in r) expect(r.ok).toBe(normalizeProfileUrl(raw));
      }),
      { numRuns: 3000 },
    );
  });
});
