import { describe, expect, it } from 'vitest';
import { AREA_KEYS, translate, translateError } from '@/lib/i18n';
import { DuplicateContactError, NotFoundError, StorageFullError } from '@/lib/db';
import { ERROR_CODES, ValidationError, errorInfo } from '@/lib/model';

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
