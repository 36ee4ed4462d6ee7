import { describe, expect, it } from 'vitest';
import { ContactSchema, OccasionSchema, type Concern, type Occasion } from '@/lib/model';
import {
  attachableOccasions,
  concernRows,
  concernState,
  plannedOccasionsOf,
} from '@/lib/ui/dashboard/concerns';
import { EMPTY_CONTACT_FORM, checkContact, contactToForm } from '@/lib/ui/dashboard/form';

const stamp = '2026-03-01T09:00:00.000Z';
const today = '2026-04-15';
const concern = (id: string, extra: Partial<Concern> = {}): Concern => ({
  id,
  text: `Thema ${id}`,
  notedAt: '2026-04-01',
  ...extra,
});
const occasion = (o: Partial<Occasion> & { id: string }): Occasion =>
  OccasionSchema.parse({
    kind: 'tip',
    title: o.id,
    keywords: [],
    createdAt: stamp,
    updatedAt: stamp,
    ...o,
  });

describe('concerns on the contact page', () => {
  it('knows open, past their end, and closed', () => {
    expect(concernState(concern('a'), today)).toBe('open');
    expect(concernState(concern('a', { until: today }), today)).toBe('open');
    expect(concernState(concern('a', { until: '2026-04-14' }), today)).toBe('over');
    expect(concernState(concern('a', { closedAt: '2026-04-10', until: '2026-12-31' }), today)).toBe(
      'closed',
    );
  });

  it('lists open ones first (latest noted on top), then those over, then closed (latest closed first)', () => {
    const rows = concernRows(
      [
        concern('closed-early', { closedAt: '2026-04-02' }),
        concern('open-old', { notedAt: '2026-01-01' }),
        concern('over', { until: '2026-04-10' }),
        concern('open-new', { notedAt: '2026-04-12' }),
        concern('closed-late', { closedAt: '2026-04-14' }),
        concern('open-same-day-later', { notedAt: '2026-04-12' }),
      ],
      today,
    );
    expect(rows.map((r) => [r.concern.id, r.state])).toEqual([
      ['open-same-day-later', 'open'],
      ['open-new', 'open'],
      ['open-old', 'open'],
      ['over', 'over'],
      ['closed-late', 'closed'],
      ['closed-early', 'closed'],
    ]);
    expect(concernRows(undefined, today)).toEqual([]);
  });
});

describe('occasions from the contact page', () => {
  const occasions = [
    occasion({ id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }),
    occasion({ id: 'expired', validUntil: '2026-04-01' }),
    occasion({ id: 'soon', validFrom: '2026-05-01' }),
    occasion({ id: 'new', createdAt: '2026-04-01T00:00:00.000Z' }),
    occasion({ id: 'planned' }),
    occasion({ id: 'brought' }),
  ];
  const contact = ContactSchema.parse({
    id: 'c',
    name: 'Anna',
    createdAt: stamp,
    updatedAt: stamp,
    plannedOccasions: [
      { occasionId: 'planned', at: stamp },
      { occasionId: 'deleted', at: stamp },
    ],
  });

  it('shows the attached ones in the order attached, deleted ones left out', () => {
    expect(plannedOccasionsOf(contact, occasions).map((o) => o.id)).toEqual(['planned']);
  });

  it('offers current ones (newest first), then those to come; never expired, attached or brought', () => {
    expect(
      attachableOccasions(contact, occasions, new Set(['brought']), today).map((o) => o.id),
    ).toEqual(['new', 'old', 'soon']);
  });
});

describe('“Empfohlen von” in the contact form', () => {
  const base = { id: 'c-1', createdAt: stamp, updatedAt: stamp };

  it('is read from and saved to referredBy; blank removes it', () => {
    const c = ContactSchema.parse({ ...base, name: 'Anna', referredBy: 'c-2' });
    const form = contactToForm(c, 'de');
    expect(form.referredBy).toBe('c-2');
    expect(checkContact(base, form, 'de').patch.referredBy).toBe('c-2');
    const cleared = checkContact(base, { ...form, referredBy: '' }, 'de');
    expect('referredBy' in cleared.patch && cleared.patch.referredBy).toBe(undefined);
  });

  it('refuses the contact itself, at the field', () => {
    const { errors } = checkContact(
      base,
      { ...EMPTY_CONTACT_FORM, name: 'Anna', referredBy: 'c-1' },
      'de',
    );
    expect(errors).toEqual({ referredBy: { key: 'dash.err.referredSelf' } });
  });
});
