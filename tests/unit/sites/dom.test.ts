import { describe, expect, it } from 'vitest';
import { union } from '@/lib/sites/dom';

describe('union', () => {
  const page = () => {
    document.body.innerHTML =
      '<p class="a" id="1"></p><span class="b" id="2"></span><p class="a b" id="3"></p>';
    return document.body;
  };
  const ids = (els: Element[]) => els.map((el) => el.id);

  it('finds what any selector matches, once each, in document order', () => {
    expect(ids(union(page(), ['span.b', 'p.a']))).toEqual(['1', '2', '3']);
  });

  it('a selector the browser cannot parse does not cost the others (a site renamed nothing)', () => {
    expect(ids(union(page(), ['span.b', 'p:unknown-pseudo(', 'p.a']))).toEqual(['1', '2', '3']);
    expect(ids(union(page(), ['p:unknown-pseudo(']))).toEqual([]);
  });
});
