import { describe, expect, it } from 'vitest';
import { AREA_KEYS, translate } from '@/lib/i18n';

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
