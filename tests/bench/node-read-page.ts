// readPage on a Gmail thread page of 10,000 elements, in Node with happy-dom (whose selector engine
// is far slower than a browser's). Content scripts call it after DOM mutations on pages that big: its
// work must depend on the thread, not on the rest of the page. A whole-tree walk per call takes
// seconds here, so the budget catches one; the panel's delay in a real browser is its own figure.
import { isDeepStrictEqual } from 'node:util';
import { Window } from 'happy-dom';
import { readPage } from '../../lib/sites';
import { bigGmailPage } from '../fixtures/gmail/big';
import { time, type Figure } from './figures';

export async function readPageFigures(): Promise<Figure[]> {
  const page = bigGmailPage();
  const window = new Window({ url: page.url });
  const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
  const elements = doc.getElementsByTagName('*').length;
  if (elements <= 10_000) throw new Error(`the page has only ${elements} elements`);
  if (!isDeepStrictEqual(readPage(doc, page.url), page.expected))
    throw new Error('readPage does not read the big Gmail page as expected');
  const value = await time(() => readPage(doc, page.url), 5, 1);
  await window.happyDOM.close();
  return [
    {
      figure: 'readPage, Gmail thread page of 10,000 elements (Node, happy-dom)',
      value,
      unit: 'ms',
      budget: 400,
    },
  ];
}
