import { describe, expect, it } from 'vitest';
import type { MatchSubject } from '@/lib/core';
import { translate } from '@/lib/i18n';
import { ContactSchema, DEFAULT_SETTINGS, OccasionSchema, type Occasion } from '@/lib/model';
import {
  EMPTY_OCCASION_FORM,
  addKeywords,
  formToOccasion,
  matchesFor,
  namesOf,
  occasionToForm,
  plannedCounts,
  plannedFor,
  sortOccasions,
  validityOf,
  validityText,
} from '@/lib/ui/dashboard/occasions';

const stamp = '2026-03-01T09:00:00.000Z';
const occasion = (o: Partial<Occasion> & { id: string; title: string }): Occasion =>
  OccasionSchema.parse({ kind: 'tip', keywords: [], createdAt: stamp, updatedAt: stamp, ...o });

const subject = (
  id: string,
  name: string,
  extra: Record<string, unknown> = {},
  tier: 'A' | 'B' | 'C' = 'C',
): MatchSubject => ({
  contact: ContactSchema.parse({ id, name, createdAt: stamp, updatedAt: stamp, ...extra }),
  purchases: [],
  tier,
});

const tDe = (key: string, params?: Record<string, string | number>) => translate('de', key, params);
const tEn = (key: string, params?: Record<string, string | number>) => translate('en', key, params);

describe('keywords', () => {
  it('splits what was typed at commas, semicolons and line breaks, each keyword once', () => {
    expect(addKeywords([], 'Förderung, ERP;  Digitalisierung \n')).toEqual([
      'Förderung',
      'ERP',
      'Digitalisierung',
    ]);
  });

  it('keeps the first spelling; case and umlaut spellings count as one keyword', () => {
    expect(addKeywords(['Förderung'], 'förderung, Foerderung,  KI  Strategie ,,')).toEqual([
      'Förderung',
      'KI Strategie',
    ]);
  });
});

describe('the occasion form', () => {
  it('maps a form to what the store takes: trimmed, blanks left out, typed keyword kept', () => {
    const { input, errors } = formToOccasion(
      {
        ...EMPTY_OCCASION_FORM,
        kind: 'funding',
        title: '  Förderprogramm go-digital ',
        text: ' ',
        keywords: ['Digitalisierung'],
        validUntil: '2026-06-30',
      },
      'ERP',
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      kind: 'funding',
      title: 'Förderprogramm go-digital',
      keywords: ['Digitalisierung', 'ERP'],
      validUntil: '2026-06-30',
    });
  });

  it('refuses a missing title and an end before the start, at their fields', () => {
    const { errors } = formToOccasion({
      ...EMPTY_OCCASION_FORM,
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
    });
    expect(errors.title).toEqual({ key: 'err.title' });
    expect(errors.validUntil).toEqual({ key: 'err.validity' });
  });

  it('refuses a day that does not exist', () => {
    const { errors } = formToOccasion({
      ...EMPTY_OCCASION_FORM,
      title: 'Einladung',
      validUntil: '2026-02-30',
    });
    expect(Object.keys(errors)).toEqual(['validUntil']);
  });

  it('round-trips a stored occasion through the form', () => {
    const o = occasion({
      id: 'o1',
      kind: 'event',
      title: 'Sommerfest',
      text: 'Im Garten',
      keywords: ['Fest'],
      validFrom: '2026-06-01',
    });
    const { input } = formToOccasion(occasionToForm(o));
    expect(input).toEqual({
      kind: 'event',
      title: 'Sommerfest',
      text: 'Im Garten',
      keywords: ['Fest'],
      validFrom: '2026-06-01',
    });
  });
});

describe('validity', () => {
  const today = '2026-04-15';
  it.each([
    [{}, 'current'],
    [{ validUntil: '2026-04-15' }, 'current'],
    [{ validUntil: '2026-04-14' }, 'expired'],
    [{ validFrom: '2026-04-15' }, 'current'],
    [{ validFrom: '2026-04-16' }, 'upcoming'],
  ] as const)('%j is %s on the 15th', (v, expected) => {
    expect(validityOf(v, today)).toBe(expected);
  });

  it('says it in words, in German and English', () => {
    expect(validityText({}, today, tDe, 'de')).toBe('ohne Ablaufdatum');
    expect(validityText({ validUntil: '2026-06-30' }, today, tDe, 'de')).toBe(
      'gültig bis 30.06.2026',
    );
    expect(validityText({ validUntil: '2026-03-31' }, today, tDe, 'de')).toBe(
      'abgelaufen am 31.03.2026',
    );
    expect(
      validityText({ validFrom: '2026-05-01', validUntil: '2026-05-31' }, today, tDe, 'de'),
    ).toBe('gültig vom 01.05.2026 bis 31.05.2026');
    expect(validityText({ validFrom: '2026-05-01' }, today, tEn, 'en')).toMatch(/^valid from /);
  });

  it('lists current occasions first, then those to come, then expired ones; newest first', () => {
    const list = [
      occasion({ id: 'old', title: 'alt', createdAt: '2026-01-01T00:00:00.000Z' }),
      occasion({ id: 'gone', title: 'vorbei', validUntil: '2026-04-01' }),
      occasion({ id: 'soon', title: 'bald', validFrom: '2026-05-01' }),
      occasion({ id: 'new', title: 'neu', createdAt: '2026-04-01T00:00:00.000Z' }),
    ];
    expect(sortOccasions(list, today).map((o) => o.id)).toEqual(['new', 'old', 'soon', 'gone']);
  });
});

describe('whom an occasion fits and is attached to', () => {
  const o = occasion({
    id: 'o1',
    title: 'Förderprogramm go-digital',
    keywords: ['Digitalisierung'],
  });
  const subjects = [
    subject('a', 'Anna Zeller', {
      interests: ['Digitalisierung'],
      plannedOccasions: [{ occasionId: 'o1', at: stamp }],
    }),
    subject('b', 'Bernd Ahrens', { interests: ['digitale Ablage'] }, 'A'),
    subject('c', 'Clara Öz', {
      interests: ['Golf'],
      plannedOccasions: [{ occasionId: 'o1', at: stamp }],
    }),
    subject('d', 'Dora Lost', { interests: ['Digitalisierung'], status: 'lost' }),
  ];
  const now = new Date('2026-04-15T10:00:00.000Z');

  it('asks the core: lost contacts and those it was brought to left out, attached ones marked', () => {
    const matches = matchesFor(o, subjects, DEFAULT_SETTINGS, now, new Set());
    // The A customer's weaker fit ("digitale" begins "Digitalisierung") outranks C's exact one.
    expect(matches.map((m) => [m.contactId, m.planned])).toEqual([
      ['b', false],
      ['a', true],
    ]);
    expect(
      matchesFor(o, subjects, DEFAULT_SETTINGS, now, new Set(['a'])).map((m) => m.contactId),
    ).toEqual(['b']);
  });

  it('names everyone it is attached to, fitting or not, in alphabetical order', () => {
    expect(plannedFor(subjects, 'o1', 'de')).toEqual([
      { id: 'a', name: 'Anna Zeller' },
      { id: 'c', name: 'Clara Öz' },
    ]);
    expect(plannedFor(subjects, 'other', 'de')).toEqual([]);
    expect(plannedCounts(subjects)).toEqual(new Map([['o1', 2]]));
  });

  it('names contacts by id, unknown ids left out', () => {
    expect(namesOf(subjects, ['c', 'x', 'b'], 'de')).toEqual(['Bernd Ahrens', 'Clara Öz']);
  });
});
