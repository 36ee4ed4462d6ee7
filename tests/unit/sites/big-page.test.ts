// readPage runs in content scripts after DOM mutations, on pages of 10,000+ elements. It must use
// targeted queries: the work depends on the thread, not on how much else the page holds. Counted
// here; its time on such a page is a benchmark figure (tests/bench/node-read-page.ts).
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/sites';
import { bigGmailPage } from '../../fixtures/gmail/big';
import { parseHtml } from './helpers';

type Counted = { querySelector: number; querySelectorAll: number; closest: number };

/** Counts DOM queries made by fn on doc (the happy-dom window's own prototypes are patched). */
function countQueries(doc: Document, fn: () => void): Counted {
  const counts: Counted = { querySelector: 0, querySelectorAll: 0, closest: 0 };
  const win = doc.defaultView as unknown as { Element: typeof Element; Document: typeof Document };
  const patched: [object, keyof Counted, unknown][] = [];
  for (const proto of [
    win.Element.prototype,
    win.Document.prototype,
    Object.getPrototypeOf(doc) as object,
  ]) {
    for (const name of Object.keys(counts) as (keyof Counted)[]) {
      const original = (proto as Record<string, unknown>)[name];
      if (typeof original !== 'function' || patched.some(([p, n]) => p === proto && n === name))
        continue;
      patched.push([proto, name, original]);
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value: function (this: unknown, ...args: unknown[]) {
          counts[name]++;
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        },
      });
    }
  }
  try {
    fn();
  } finally {
    for (const [proto, name, original] of patched.reverse()) {
      Object.defineProperty(proto, name, { configurable: true, writable: true, value: original });
    }
  }
  return counts;
}

describe('big pages', () => {
  const page = bigGmailPage();
  const doc = parseHtml(page.html);

  it('the generated page is Gmail-shaped and big', () => {
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(10_000);
    expect(readPage(doc, page.url)).toEqual(page.expected);
  });

  it('the number of DOM queries does not grow with the rest of the page', () => {
    const small = bigGmailPage({ listRows: 10 });
    const smallDoc = parseHtml(small.html);
    const onSmall = countQueries(smallDoc, () => readPage(smallDoc, small.url));
    const onBig = countQueries(doc, () => readPage(doc, page.url));
    expect(onBig).toEqual(onSmall);
    expect(onBig.querySelectorAll + onBig.querySelector).toBeLessThan(60);
  });
});
