// The agenda sorts names by a cheap text key where it can; the order must be exactly the collator's,
// or two users with the same contacts would see them in another order depending on the path taken.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collationKey, compareNames, nameCollator } from '@/lib/core/collation';

const letters = ['a', 'b', 'A', 'Z', 'ä', 'Ö', 'é', 'ß', 's', 'ć', 'æ', ' ', '-', ',', '.', "'"];
const digits = ['0', '1', '9'];
const name = fc
  .array(fc.constantFrom(...letters, ...digits), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));

describe('name order', () => {
  for (const locale of ['de', 'en']) {
    it(`orders any two names exactly like the ${locale} collator (base sensitivity)`, () => {
      const collator = nameCollator(locale);
      fc.assert(
        fc.property(name, name, (a, b) => {
          const byKey = compareNames(a, collationKey(a), b, collationKey(b), collator);
          expect(Math.sign(byKey)).toBe(Math.sign(collator.compare(a, b)));
        }),
        { numRuns: 20_000 },
      );
    });
  }

  it('sorts punctuated names as people expect', () => {
    const collator = nameCollator('de');
    const names = [
      "O'Brien",
      'Müller, Hans',
      'Karl-Heinz Bauer',
      'Dr. Anna Weiß',
      'Karl Bauer',
      'Obrien',
    ];
    const sorted = [...names].sort((a, b) =>
      compareNames(a, collationKey(a), b, collationKey(b), collator),
    );
    expect(sorted).toEqual([...names].sort(collator.compare));
    expect(sorted.indexOf('Karl Bauer')).toBeLessThan(sorted.indexOf('Karl-Heinz Bauer'));
  });

  it('leaves names the key cannot order to the collator', () => {
    expect(collationKey('Anna (Büro)')).toBeNull();
    expect(collationKey('Ærø')).toBeNull();
    expect(collationKey('Müller')).toBe('muller');
  });
});
