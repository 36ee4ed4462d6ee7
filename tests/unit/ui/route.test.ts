import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactHash, formatHash, occasionHash, parseHash } from '@/lib/ui/route';

// What the browser does with an address: `location.hash` of a page opened at `…options.html<hash>`.
const throughTheBrowser = (hash: string) =>
  new URL(`chrome-extension://abc/options.html${hash}`).hash;

describe('dashboard addresses', () => {
  it.each([
    ['a plain id', 'c-1'],
    ['a percent sign (from a restored backup)', '50%off'],
    ['a malformed escape', '%E0%A4%A'],
    ['a slash', 'team/anna'],
    ['a hash sign', 'anna#2'],
    ['a question mark and an ampersand', 'wer?a=1&b=2'],
    ['spaces, umlauts and an emoji', 'Jürgen Müller 🙂'],
    ['dots', '..'],
  ])('a contact id with %s opens that contact', (_, id) => {
    const route = parseHash(throughTheBrowser(contactHash(id)));
    expect(route.path).toEqual(['contacts', id]);
    expect([...route.params]).toEqual([]);
  });

  it('an occasion id round-trips the same way', () => {
    expect(parseHash(throughTheBrowser(occasionHash('a/b%c#d'))).path).toEqual([
      'occasions',
      'a/b%c#d',
    ]);
  });

  it('every id round-trips, parameters included', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        (id, q) => {
          const route = parseHash(throughTheBrowser(formatHash(['contacts', id], { q })));
          expect(route.path).toEqual(['contacts', id]);
          expect(route.params.get('q')).toBe(q === '' ? null : q);
        },
      ),
    );
  });

  it('a hand-typed address with a stray percent sign does not throw', () => {
    expect(parseHash('#/contacts/50%off').path).toEqual(['contacts', '50%off']);
    expect(parseHash('#/contacts/%').path).toEqual(['contacts', '%']);
  });
});
