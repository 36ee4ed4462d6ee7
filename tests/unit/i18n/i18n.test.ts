import { describe, expect, it } from 'vitest';
import {
  AREA_KEYS,
  formatMoney,
  formatNumber,
  formatPercent,
  translate,
  translateError,
} from '@/lib/i18n';
import { DuplicateContactError, NotFoundError, StorageFullError } from '@/lib/db';
import { ERROR_CODES, ValidationError, errorInfo } from '@/lib/model';
import { AGENDA_GROUPS, SUGGESTION_KINDS } from '@/lib/core';

describe('strings', () => {
  it('no key is defined in two areas', () => {
    const seen = new Map<string, string>();
    for (const [area, keys] of Object.entries(AREA_KEYS))
      for (const key of keys) {
        expect(seen.get(key), `${key} in ${area} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, area);
      }
  });

  it('translates with parameters and plural forms in both languages', () => {
    expect(translate('de', 'contacts.count', { count: 1 })).toBe('1 Kontakt');
    expect(translate('de', 'contacts.count', { count: 1200 })).toBe('1.200 Kontakte');
    expect(translate('en', 'contacts.count', { count: 1200 })).toBe('1,200 contacts');
    expect(translate('en', 'panel.added', { name: 'Anna' })).toBe('Anna added.');
  });

  it('passes unknown text through unchanged', () => {
    expect(translate('de', 'not a key')).toBe('not a key');
  });

  it('has a German and an English text for every model validation message', () => {
    for (const key of ['err.email', 'err.birthday', 'err.name', 'err.date']) {
      expect(translate('de', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(key);
      expect(translate('de', key)).not.toBe(translate('en', key));
    }
  });
});

describe('errors in the user’s language', () => {
  it('every error code has a German and an English text', () => {
    for (const code of ERROR_CODES) {
      const key = code === 'invalid' ? 'err.invalid' : `err.${code}`;
      expect(translate('de', key), code).not.toBe(key);
      expect(translate('en', key), code).not.toBe(key);
      expect(translate('de', key)).not.toBe(translate('en', key));
    }
  });

  it('says what was wrong with a field, in German, whatever threw it', () => {
    const e = new ValidationError('contact', [
      { path: ['emails', 0], message: 'err.email' },
      { path: ['birthday', 'day'], message: 'err.birthday' },
    ]);
    expect(translateError('de', e)).toBe(
      'E-Mail-Adressen: Keine gültige E-Mail-Adresse. Geburtstag: Diesen Tag gibt es in dem Monat nicht.',
    );
    // The same error as a panel reply carries it from the background.
    expect(translateError('de', errorInfo(e))).toBe(translateError('de', e));
  });

  it('a full disk, a duplicate and a missing record read in German; anything else names its cause', () => {
    expect(translateError('de', new StorageFullError())).toMatch(/keinen Platz mehr/);
    expect(translateError('de', new DuplicateContactError(['x']))).toBe(
      'Diese Person ist schon in Kundennah.',
    );
    expect(translateError('de', new NotFoundError('Contact', 'x'))).toMatch(/gibt es nicht mehr/);
    expect(translateError('en', new Error('disk on fire'))).toBe(
      'Something went wrong: disk on fire',
    );
  });
});

describe('the one number formatter', () => {
  it.each([
    ['de', 48200, false, '48.200\u00a0€'],
    ['en', 48200, false, '€48,200'],
    ['de', 1250.5, false, '1.250,50\u00a0€'],
    ['en', 1250.5, false, '€1,250.50'],
    ['de', 1250.5, true, '1.251\u00a0€'],
    ['de', -1200, false, '-1.200\u00a0€'],
    ['en', -0.4, false, '-€0.40'],
    ['de', 0, false, '0\u00a0€'],
    ['de', 1234567.05, false, '1.234.567,05\u00a0€'],
  ] as const)('%s: %d euros (whole: %s) → %s', (locale, euros, whole, text) => {
    expect(formatMoney(locale, euros, whole)).toBe(text);
  });

  it.each([
    ['de', 1200, 0, '1.200'],
    ['en', 1200, 0, '1,200'],
    ['de', 2.5, 1, '2,5'],
    ['en', 80.94, 1, '80.9'],
    ['de', -12345.67, 2, '-12.345,67'],
    ['de', 7, 0, '7'],
  ] as const)('%s: %d with %d decimals → %s', (locale, n, digits, text) => {
    expect(formatNumber(locale, n, digits)).toBe(text);
  });

  it('shares read "80,9 %" in German (no break before the sign) and "80.9%" in English', () => {
    expect(formatPercent('de', 0.8094)).toBe('80,9\u00a0%');
    expect(formatPercent('en', 0.8)).toBe('80%');
  });
});

describe('every kind of touch has its words', () => {
  it.each(SUGGESTION_KINDS)('%s: a name in both languages', (kind) => {
    for (const locale of ['de', 'en'] as const)
      expect(translate(locale, `kind.${kind}`)).not.toBe(`kind.${kind}`);
  });
  it.each(AGENDA_GROUPS.map((g) => g.id))('%s: a group title in both languages', (id) => {
    for (const locale of ['de', 'en'] as const)
      expect(translate(locale, `group.${id}`)).not.toBe(`group.${id}`);
  });
});
