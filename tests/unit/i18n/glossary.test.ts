// One term per thing (docs/glossary.md): no German or English text of Kundennah — the interface, the
// rules' reasons, the docs, the store texts — uses a term the glossary rules out. The banned terms
// are read from the glossary's table, so the list lives in one place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_KEYS, translate } from '@/lib/i18n';

const ROOT = resolve(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The "nicht (de)" and "not (en)" columns: each cell's terms, a parenthesis being a comment. */
function bannedTerms(): { de: string[]; en: string[] } {
  const rows = read('docs/glossary.md')
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .slice(1)
    .map((l) => l.split('|').slice(1, -1));
  const terms = (cell: string | undefined) =>
    (cell ?? '')
      .split('·')
      .map((t) => t.replace(/\(.*?\)/g, '').trim())
      .filter(Boolean);
  return {
    de: rows.flatMap((cells) => terms(cells[3])),
    en: rows.flatMap((cells) => terms(cells[4])),
  };
}

/** German terms are nouns and match as written; English ones in any case. */
function pattern(term: string, locale: 'de' | 'en'): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, locale === 'de' ? 'u' : 'iu');
}

/** Prose only: code blocks and `code` name types and files, not things. */
const prose = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');

function texts(locale: 'de' | 'en'): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const keys of Object.values(AREA_KEYS))
    for (const key of keys)
      out.push({ where: `lib/i18n ${locale} ${key}`, text: translate(locale, key) });
  const docs = readdirSync(join(ROOT, 'docs')).filter(
    (f) => f.endsWith('.md') && f !== 'glossary.md',
  );
  for (const f of docs) out.push({ where: `docs/${f}`, text: prose(read(`docs/${f}`)) });
  out.push({ where: 'README.md', text: prose(read('README.md')) });
  out.push({
    where: `public/_locales/${locale}/messages.json`,
    text: read(`public/_locales/${locale}/messages.json`),
  });
  return out;
}

describe('the glossary (docs/glossary.md)', () => {
  const banned = bannedTerms();

  it('rules out the terms that confuse German readers', () => {
    expect(banned.de).toEqual(
      expect.arrayContaining([
        'Klasse',
        'Reklamation',
        'Abschlussgespräch',
        'Partner/in',
        'nicht ab',
      ]),
    );
  });

  it.each([
    ...banned.de.map((term) => ['de', term] as const),
    ...banned.en.map((term) => ['en', term] as const),
  ])('no %s text uses "%s"', (locale, term) => {
    const re = pattern(term, locale);
    const hits = texts(locale)
      .filter((t) => re.test(t.text))
      .map((t) => t.where);
    expect(hits).toEqual([]);
  });

  it('the check finds a banned term where it stands', () => {
    expect(pattern('Reklamation', 'de').test('Offene Reklamation vom Di')).toBe(true);
    expect(pattern('Klasse', 'de').test('Weltklasse')).toBe(false);
    expect(pattern('Partner/in', 'de').test('Anna (Partner/in)')).toBe(true);
    expect(pattern('class', 'en').test('A Class of its own')).toBe(true);
  });
});
