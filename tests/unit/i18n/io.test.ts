// Every message the import page can show exists in German and English.
import { describe, expect, it } from 'vitest';
import { ISSUE_EFFECT, MAPPED_FIELDS, type ImportIssueCode } from '@/lib/io';
import { translate } from '@/lib/i18n';

// ISSUE_EFFECT is keyed by every code lib/io can report (the compiler checks that).
const issueCodes = Object.keys(ISSUE_EFFECT) as ImportIssueCode[];

describe('import strings', () => {
  it.each(issueCodes)(
    'error code %s reads in German and English, with its values filled in',
    (code) => {
      const params = {
        value: 'X1',
        columns: 7,
        detail: 'D',
        version: 3,
        supported: 1,
        table: 'T',
        index: 2,
        field: 'F',
        id: 'I',
        length: 1001,
        count: 10_001,
        max: 1000,
      };
      const de = translate('de', `io.err.${code}`, params);
      const en = translate('en', `io.err.${code}`, params);
      expect(de).not.toBe(`io.err.${code}`);
      expect(en).not.toBe(`io.err.${code}`);
      expect(de).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(ISSUE_EFFECT[code]).toBeDefined();
    },
  );

  it.each([...MAPPED_FIELDS])('column meaning %s has a name in both languages', (field) => {
    expect(translate('de', `io.field.${field}`)).not.toBe(`io.field.${field}`);
    expect(translate('en', `io.field.${field}`)).not.toBe(`io.field.${field}`);
  });
});
