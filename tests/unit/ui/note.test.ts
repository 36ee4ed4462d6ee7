import { describe, expect, it } from 'vitest';
import {
  defaultPromiseDue,
  emptyNoteDraft,
  emptySettleDraft,
  noteFromDraft,
  settlementFromDraft,
} from '@/lib/ui/note';

describe('the after-call note as a form holds it', () => {
  it('an untouched note says nothing', () => {
    expect(noteFromDraft(emptyNoteDraft())).toEqual({});
  });

  it('keeps what was filled in, trimmed, and leaves out what was not', () => {
    expect(
      noteFromDraft({
        ...emptyNoteDraft(' Jahresgespräch '),
        product: 5,
        service: 1,
        support: '  ',
        improve: ' Schneller antworten ',
        pricePressure: true,
      }),
    ).toEqual({
      summary: 'Jahresgespräch',
      product: 5,
      service: 1,
      improve: 'Schneller antworten',
      pricePressure: true,
    });
  });

  it('a wish or a promise counts when ticked and worded; untick it and it is gone', () => {
    const ticked = {
      ...emptyNoteDraft(),
      wishGiven: true,
      wish: 'Schulung',
      promiseGiven: true,
      promiseText: 'Termin schicken',
      promiseDue: '2026-11-29',
      complaint: true,
    };
    expect(noteFromDraft(ticked)).toEqual({
      wish: 'Schulung',
      promise: { text: 'Termin schicken', dueAt: '2026-11-29' },
      complaint: true,
    });
    expect(
      noteFromDraft({ ...ticked, wishGiven: false, promiseGiven: false, complaint: false }),
    ).toEqual({});
  });

  it('"Neues Thema?" becomes the note\'s concern, trimmed; left blank, there is none', () => {
    expect(noteFromDraft({ ...emptyNoteDraft(), concern: ' Praxisumzug im April ' })).toEqual({
      concern: 'Praxisumzug im April',
    });
    expect(noteFromDraft({ ...emptyNoteDraft(), concern: '   ' })).toEqual({});
  });

  it('a promise is due in a week unless the user picks a day', () => {
    expect(defaultPromiseDue('2026-11-22')).toBe('2026-11-29');
    expect(defaultPromiseDue('2026-12-28')).toBe('2027-01-04');
  });
});

describe('a settled complaint as a form holds it', () => {
  it('keeps what was agreed, and the goodwill gesture only when ticked', () => {
    expect(settlementFromDraft(emptySettleDraft())).toEqual({});
    expect(
      settlementFromDraft({
        resolution: ' Nachbesserung ',
        goodwillGiven: false,
        goodwill: '10 %',
      }),
    ).toEqual({ resolution: 'Nachbesserung' });
    expect(
      settlementFromDraft({ resolution: '', goodwillGiven: true, goodwill: ' 10 % Nachlass ' }),
    ).toEqual({ goodwill: '10 % Nachlass' });
  });
});
