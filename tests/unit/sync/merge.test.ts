import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '@/lib/model';
import {
  deletionWins,
  mergeContactVersions,
  sameValue,
  stampContact,
  type ContactVersion,
} from '@/lib/sync/merge';
import { contact } from '../../support/contacts';

const T0 = '2025-01-01T00:00:00.000Z';
const MON = '2026-03-02T09:00:00.000Z';
const TUE = '2026-03-03T09:00:00.000Z';

/** The version both devices last had in common, and one device's edit of it. */
const base = stampContact(
  undefined,
  contact('c1', { name: 'Dr. Maria Weber', company: 'Weber GmbH' }),
);
const edit = (fields: Partial<Contact>, at: string, by: string): ContactVersion =>
  stampContact(base, { ...base.contact, ...fields, updatedAt: at }, by);

describe('stamping a contact version', () => {
  it('stamps only the fields that changed, with the time of the change', () => {
    const v = edit({ phones: ['+49 30 1234'] }, MON, 'anna');
    expect(v.fieldAt.phones).toBe(MON);
    expect(v.fieldAt.name).toBe(T0);
    expect(v.by).toBe('anna');
  });

  it('stamps a removed field, so that its removal can win a merge', () => {
    const v = stampContact(base, { ...base.contact, company: undefined, updatedAt: MON });
    expect(v.fieldAt.company).toBe(MON);
  });

  it('keeps the earlier stamp of a field set to an equal value in another key order', () => {
    const withPartner = edit({ partner: { name: 'Jonas', salutation: 'Herr' } }, MON, 'anna');
    const again = stampContact(withPartner, {
      ...withPartner.contact,
      partner: { salutation: 'Herr', name: 'Jonas' },
      updatedAt: TUE,
    });
    expect(again.fieldAt.partner).toBe(MON);
  });
});

describe('merging concurrent versions of a contact', () => {
  it('keeps both edits when two people changed different fields offline', () => {
    const anna = edit({ phones: ['+49 30 1234'] }, MON, 'anna');
    const ben = edit({ interests: ['Segeln'] }, TUE, 'ben');
    const { merged, mergedFrom } = mergeContactVersions([anna, ben]);
    expect(merged.contact.phones).toEqual(['+49 30 1234']);
    expect(merged.contact.interests).toEqual(['Segeln']);
    expect(merged.contact.updatedAt).toBe(TUE);
    expect(mergedFrom).toEqual(['anna', 'ben']);
  });

  it('takes the newer change where both changed the same field, in whichever order they come', () => {
    const anna = edit({ company: 'Weber & Söhne GmbH' }, TUE, 'anna');
    const ben = edit({ company: 'Weber AG' }, MON, 'ben');
    expect(mergeContactVersions([anna, ben]).merged.contact.company).toBe('Weber & Söhne GmbH');
    expect(mergeContactVersions([ben, anna]).merged.contact.company).toBe('Weber & Söhne GmbH');
  });

  it('lets a newer removal of a field win over an older value', () => {
    const anna = stampContact(
      base,
      { ...base.contact, company: undefined, updatedAt: TUE },
      'anna',
    );
    const ben = edit({ company: 'Weber AG' }, MON, 'ben');
    const { merged } = mergeContactVersions([ben, anna]);
    expect('company' in merged.contact).toBe(false);
  });

  it('decides a tie by the order given (the replication winner first), and names its author', () => {
    const anna = edit({ company: 'A' }, MON, 'anna');
    const ben = edit({ company: 'B' }, MON, 'ben');
    expect(mergeContactVersions([anna, ben]).merged.contact.company).toBe('A');
    expect(mergeContactVersions([anna, ben]).mergedFrom).toEqual(['anna']);
  });

  it('names nobody for a field both set to the same value', () => {
    const anna = edit({ company: 'A' }, MON, 'anna');
    const ben = edit({ company: 'A' }, TUE, 'ben');
    expect(mergeContactVersions([anna, ben]).mergedFrom).toEqual([]);
  });

  it('is the same merge on every device: the result does not depend on the losers’ order', () => {
    const fields = fc.record(
      {
        company: fc.constantFrom('A', 'B', undefined),
        phones: fc.constantFrom([], ['1'], ['2']),
        notes: fc.constantFrom('x', 'y', undefined),
      },
      { requiredKeys: [] },
    );
    const day = fc
      .integer({ min: 1, max: 28 })
      .map((d) => `2026-03-${String(d).padStart(2, '0')}T09:00:00.000Z`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fields, day), { minLength: 2, maxLength: 4 }), (edits) => {
        const versions = edits.map(([f, at], i) => edit(f as Partial<Contact>, at, `u${i}`));
        const [winner, ...losers] = versions;
        const a = mergeContactVersions([winner!, ...losers]).merged;
        const b = mergeContactVersions([winner!, ...losers.reverse()]).merged;
        // Equal stamps among losers may pick different but equally new values; compare stamps.
        expect(a.fieldAt).toEqual(b.fieldAt);
        expect(a.contact.updatedAt).toBe(b.contact.updatedAt);
      }),
    );
  });
});

describe('a deletion against an edit', () => {
  it('erases a record edited before the deletion, and at the same moment', () => {
    expect(deletionWins(TUE, MON)).toBe(true);
    expect(deletionWins(TUE, TUE)).toBe(true);
  });

  it('keeps a record edited after the deletion', () => {
    expect(deletionWins(MON, TUE)).toBe(false);
  });
});

describe('comparing values', () => {
  it('treats key order as no change and a different list order as a change', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(undefined, null)).toBe(false);
  });
});
