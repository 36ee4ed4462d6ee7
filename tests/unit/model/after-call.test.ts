import { describe, expect, it } from 'vitest';
import {
  AfterCallNoteSchema,
  SATISFACTION,
  feedbackOfNote,
  noteIsEmpty,
  type AfterCallNote,
} from '@/lib/model';

describe('the labelled satisfaction scale', () => {
  it('runs from very satisfied (stored 5) to very dissatisfied (stored 1)', () => {
    expect(SATISFACTION.map((s) => [s.key, s.rating])).toEqual([
      ['very-satisfied', 5],
      ['satisfied', 4],
      ['so-so', 3],
      ['dissatisfied', 2],
      ['very-dissatisfied', 1],
    ]);
  });
});

describe('which feedback an after-call note stands for', () => {
  it.each<[string, AfterCallNote, ReturnType<typeof feedbackOfNote>]>([
    ['nothing said → no feedback', {}, null],
    [
      'only what it was about → no feedback (that is the conversation)',
      { summary: 'Termin' },
      null,
    ],
    ['blank answers → no feedback', { support: '  ', improve: '', wish: ' ' }, null],
    ['a promise alone → no feedback', { promise: { text: 'Angebot', dueAt: '2026-12-01' } }, null],
    [
      'ratings → feedback with the ratings and what the call was about',
      { summary: 'Jahresgespräch', product: 5, service: 4 },
      { product: 5, service: 4, complaint: false, note: 'Jahresgespräch' },
    ],
    [
      "seed 003's two answers",
      { support: ' Früher Bescheid geben ', improve: 'Rechnungen klarer' },
      { support: 'Früher Bescheid geben', improve: 'Rechnungen klarer', complaint: false },
    ],
    ['a complaint tick alone', { complaint: true }, { complaint: true }],
    ['price pressure alone', { pricePressure: true }, { pricePressure: true, complaint: false }],
    ['a wish', { wish: 'Schulung vor Ort' }, { wish: 'Schulung vor Ort', complaint: false }],
    ['an unticked price pressure is no feedback', { pricePressure: false, complaint: false }, null],
  ])('%s', (_, note, expected) => {
    const fb = feedbackOfNote(note);
    if (expected === null) expect(fb).toBeNull();
    else
      expect(Object.fromEntries(Object.entries(fb!).filter(([, v]) => v !== undefined))).toEqual(
        expected,
      );
  });

  it('a note is empty when it says nothing at all', () => {
    expect(noteIsEmpty(undefined)).toBe(true);
    expect(noteIsEmpty({ summary: '  ' })).toBe(true);
    expect(noteIsEmpty({ summary: 'x' })).toBe(false);
    expect(noteIsEmpty({ service: 3 })).toBe(false);
    expect(noteIsEmpty({ promise: { text: 'x', dueAt: '2026-12-01' } })).toBe(false);
  });
});

describe('the note as a message carries it', () => {
  it('refuses a rating outside 1–5 and a promise without a day', () => {
    expect(AfterCallNoteSchema.safeParse({ product: 0 }).success).toBe(false);
    expect(AfterCallNoteSchema.safeParse({ service: 6 }).success).toBe(false);
    expect(AfterCallNoteSchema.safeParse({ promise: { text: 'x', dueAt: 'morgen' } }).success).toBe(
      false,
    );
    expect(
      AfterCallNoteSchema.safeParse({ promise: { text: ' ', dueAt: '2026-12-01' } }).success,
    ).toBe(false);
    expect(
      AfterCallNoteSchema.parse({
        product: 5,
        promise: { text: ' Angebot ', dueAt: '2026-12-01' },
      }),
    ).toEqual({ product: 5, promise: { text: 'Angebot', dueAt: '2026-12-01' } });
  });
});
